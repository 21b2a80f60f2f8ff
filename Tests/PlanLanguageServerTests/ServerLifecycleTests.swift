import Foundation
import PlanGraph
import PlanLanguageServer
import Testing

/// The server driven message by message, without pipes: the lifecycle, errors for bad messages, and
/// diagnostics from unsaved text.
@Suite struct ServerLifecycleTests {
  private let today = Day(ordinal: Day(year: 2018, month: 1, day: 15)?.ordinal ?? 0)

  private func send(_ server: PlanLanguageServer, _ message: JSON) -> [JSON] {
    server.receive(message.encoded)
  }

  private func request(_ id: Int, _ method: String, _ params: JSON = [:]) -> JSON {
    ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]
  }

  private func errorCode(_ replies: [JSON]) -> Int? {
    replies.first?["error"]?["code"]?.int
  }

  @Test func requestsBeforeInitializeAndAfterShutdownAreRefused() {
    let server = PlanLanguageServer(today: today)
    #expect(errorCode(send(server, request(1, "textDocument/hover"))) == -32002)
    #expect(send(server, request(2, "initialize", ["capabilities": [:]])).first?["result"]?["capabilities"] != nil)
    #expect(errorCode(send(server, request(3, "initialize"))) == -32600)
    #expect(errorCode(send(server, request(4, "no/such"))) == -32601)
    #expect(errorCode(send(server, request(5, "textDocument/definition", ["textDocument": ["uri": 3]]))) == -32602)
    #expect(send(server, request(6, "shutdown")).first?["result"] == .null)
    #expect(errorCode(send(server, request(7, "textDocument/hover"))) == -32600)
    #expect(server.exitStatus == nil)
    _ = send(server, ["jsonrpc": "2.0", "method": "exit"])
    #expect(server.exitStatus == 0)
  }

  @Test func garbageGetsAParseErrorAndTheServerGoesOn() {
    let server = PlanLanguageServer(today: today)
    #expect(errorCode(server.receive(Array("{not json".utf8))) == -32700)
    #expect(errorCode(send(server, [1, 2])) == -32600)
    #expect(errorCode(send(server, ["jsonrpc": "2.0", "id": ["x": 1], "method": "initialize"])) == -32600)
    #expect(send(server, request(1, "initialize")).first?["result"] != nil)
  }

  @Test func unsavedTextIsCheckedWithTheHintInTheMessage() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("plan.yaml")
    try Data("plan: 计划\nstart: 2017-09-01\n".utf8).write(to: file)
    let server = PlanLanguageServer(today: today)
    _ = send(server, request(1, "initialize", ["capabilities": [:]]))
    let unsaved = "plan: 计划\nstart: 2017-09-01\ntasks:\n  - { id: a, name: 甲, owner: nobody, duration: 1d }\n"
    _ = send(
      server,
      [
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": ["textDocument": ["uri": .string(file.absoluteString), "version": 1, "text": .string(unsaved)]],
      ])
    let published = server.pendingNotifications()
    #expect(published.count == 1)
    let diagnostics = published.first?["params"]?["diagnostics"]?.array ?? []
    #expect(diagnostics.map { $0["code"]?.string } == ["unknown-owner"])
    #expect(diagnostics.first?["range"]?["start"] == ["line": 3, "character": 29])
    #expect(diagnostics.first?["severity"] == 1)
    #expect(diagnostics.first?["message"]?.string?.contains("\nhint: declare it under 'owners:'") == true)
    #expect(server.pendingNotifications().isEmpty, "published once per change")
  }
}

/// Hover speaks the planner's language: the schedule's words under `--lang zh`.
@Suite struct HoverLanguageTests {
  @Test func hoverInChineseGivesTheScheduleAsOfTheDayPassedIn() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("plan.yaml")
    let text = """
      plan: 计划
      start: 2017-09-01
      owners:
        - { id: gov, name: 区政府 }
      tasks:
        - { id: kickoff, name: 动员部署, owner: gov, duration: 2w, deadline: 2017-10-20 }

      """
    try Data(text.utf8).write(to: file)
    let asOf = Day(ordinal: Day(year: 2017, month: 10, day: 1)?.ordinal ?? 0)
    let server = PlanLanguageServer(today: asOf, language: .zh)
    let initialize: JSON = ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": [:]]
    _ = server.receive(initialize.encoded)
    let request: JSON = [
      "jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
      "params": [
        "textDocument": ["uri": .string(file.absoluteString)], "position": ["line": 5, "character": 12],
      ],
    ]
    let hover = server.receive(request.encoded)
    let words = hover.first?["result"]?["contents"]?["value"]?.string ?? ""
    #expect(words.contains("**kickoff** — 动员部署"), "\(words)")
    #expect(words.contains("责任单位: gov (区政府)"))
    #expect(words.contains("期限: 2017-10-20"))
    #expect(words.contains("计划完成: 2017-09-14"))
    #expect(words.contains("预计完成: 2017-10-14"), "not started by the as-of date: it can finish two weeks after it")
    #expect(words.contains("机动时间: 0 天"))
    #expect(words.contains("状态，截至 2017-10-01: 即将到期"))
  }
}

/// Garbage in every shape the framing lets through: each message gets an answer or nothing, never a trap.
@Suite struct ServerGarbageTests {
  @Test func mutatedMessagesNeverStopTheServer() {
    let server = PlanLanguageServer(today: Day(ordinal: 0))
    let valid = [
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
      #"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.yaml"},"position":{"line":0,"character":0}}}"#,
      #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x.yaml","version":1,"text":"plan: x\nstart: 2017-09-01\n"}}}"#,
      #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///x.yaml","version":2},"contentChanges":[{"range":{"start":{"line":9,"character":99},"end":{"line":0,"character":0}},"text":"tasks: ["}]}}"#,
      #"{"jsonrpc":"2.0","id":3,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///x.yaml"},"position":{"line":2,"character":8}}}"#,
      #"{"jsonrpc":"2.0","id":4,"method":"textDocument/rename","params":{"textDocument":{"uri":"file:///x.yaml"},"position":{"line":-1,"character":5},"newName":"a"}}"#,
    ].map { Array($0.utf8) }
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    var answered = 0
    for round in 0..<2_000 {
      var message = valid[round % valid.count]
      for _ in 0..<(next() % 4) where !message.isEmpty {
        let at = next() % message.count
        switch next() % 3 {
        case 0: message[at] = UInt8(truncatingIfNeeded: next())
        case 1: message.remove(at: at)
        default: message.insert(message[next() % message.count], at: at)
        }
      }
      answered += server.receive(message).count
      answered += server.pendingNotifications().count
    }
    #expect(answered > 0)
    #expect(server.receive(Array(#"{"jsonrpc":"2.0","id":9,"method":"shutdown"}"#.utf8)).first?["id"] == 9)
  }
}
