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
