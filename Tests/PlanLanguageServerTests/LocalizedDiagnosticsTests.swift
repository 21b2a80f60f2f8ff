import Foundation
import PlanGraph
import PlanLanguageServer
import Testing

/// The server publishes diagnostics in its language, and its quick fixes apply each "did you mean" from
/// the diagnostic's `data.suggestions`, not from the hint's words, which differ by language.
@Suite struct LocalizedDiagnosticsTests {
  private let today = Day(ordinal: Day(year: 2018, month: 1, day: 15)?.ordinal ?? 0)

  private func published(_ language: Language, _ text: String) throws -> (PlanLanguageServer, URL, [JSON]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-zh-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("plan.yaml")
    try Data(text.utf8).write(to: file)
    let server = PlanLanguageServer(today: today, language: language)
    let initialize: JSON = ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]]
    _ = server.receive(initialize.encoded)
    let open: JSON = [
      "jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": ["textDocument": ["uri": .string(file.absoluteString), "version": 1, "text": .string(text)]],
    ]
    _ = server.receive(open.encoded)
    let diagnostics = server.pendingNotifications().first?["params"]?["diagnostics"]?.array ?? []
    return (server, folder, diagnostics)
  }

  private static let plan = """
    plan: 快速修复
    start: 2017-09-01
    owners:
      - id: gov
        name: 城区人民政府
        units: [{ id: czj, name: 县财政局 }]
    tasks:
      - { id: kickoff, name: 动员, owner: 县财政局, duration: 1d }
      - { id: b, name: 乙, owner: gov.czj, duration: 1d, after: [kickof] }

    """

  @Test func chineseDiagnosticsCarryTheSuggestionsAndTheQuickFixesApplyThem() throws {
    let (server, folder, diagnostics) = try published(.zh, Self.plan)
    defer { try? FileManager.default.removeItem(at: folder) }
    let owner = try #require(diagnostics.first { $0["code"]?.string == "unknown-owner" })
    #expect(owner["message"]?.string == "未知的责任单位“县财政局”\n提示：是否想写“gov.czj”（县财政局）？计划文件中责任单位要写编号，不写名称")
    #expect(owner["data"]?["suggestions"] == ["gov.czj"])
    let reference = try #require(diagnostics.first { $0["code"]?.string == "unknown-reference" })
    #expect(reference["data"]?["suggestions"] == ["kickoff"])
    let uri = JSON.string(folder.appendingPathComponent("plan.yaml").absoluteString)
    let request: JSON = [
      "jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction",
      "params": [
        "textDocument": ["uri": uri], "range": owner["range"] ?? .null,
        "context": ["diagnostics": [owner, reference]],
      ],
    ]
    let actions = server.receive(request.encoded).first?["result"]?.array ?? []
    let edits = actions.compactMap { $0["edit"]?["changes"]?[uri.string ?? ""]?.array?.first?["newText"]?.string }
    #expect(edits == ["gov.czj", "kickoff"])
    #expect(actions.first?["title"]?.string == "改为“gov.czj”")
  }

  @Test func anEnglishServerStillSaysHintAndOffersTheSameFixes() throws {
    let (_, folder, diagnostics) = try published(.en, Self.plan)
    defer { try? FileManager.default.removeItem(at: folder) }
    let owner = try #require(diagnostics.first { $0["code"]?.string == "unknown-owner" })
    #expect(owner["message"]?.string?.hasPrefix("unknown owner '县财政局'\nhint: did you mean 'gov.czj' (县财政局)?") == true)
    #expect(owner["data"]?["suggestions"] == ["gov.czj"])
  }

  @Test func aClientThatDroppedDataStillGetsTheFixFromAChineseHint() throws {
    let (server, folder, _) = try published(.zh, Self.plan)
    defer { try? FileManager.default.removeItem(at: folder) }
    let uri = JSON.string(folder.appendingPathComponent("plan.yaml").absoluteString)
    let range: JSON = ["start": ["line": 7, "character": 29], "end": ["line": 7, "character": 33]]
    let bare: JSON = ["range": range, "message": "未知的责任单位“县财政局”\n提示：是否想写“gov.czj”（县财政局）？计划文件中……"]
    let request: JSON = [
      "jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction",
      "params": ["textDocument": ["uri": uri], "range": range, "context": ["diagnostics": [bare]]],
    ]
    let actions = server.receive(request.encoded).first?["result"]?.array ?? []
    #expect(
      actions.compactMap { $0["edit"]?["changes"]?[uri.string ?? ""]?.array?.first?["newText"]?.string } == ["gov.czj"])
  }
}
