import Foundation
import PlanGraph
import PlanLanguageServer
import Testing

/// Rename keeps the plan's meaning: after the edit every `after` entry names the task it named before,
/// no two tasks share a full id, and the new id reads back as that id; otherwise it is refused.
@Suite struct RenameTests {
  /// A plan whose files are `files` (name, text); the first is the root.
  private struct Plan {
    let folder: URL
    let server = PlanLanguageServer(today: Day(ordinal: Day(year: 2018, month: 1, day: 15)?.ordinal ?? 0))

    init(_ files: [(String, String)]) throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-rename-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
      let initialize: JSON = ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]]
      _ = server.receive(initialize.encoded)
      let root = folder.appendingPathComponent(files[0].0)
      let open: JSON = [
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": [
          "textDocument": [
            "uri": .string(root.absoluteString), "version": 1, "text": .string(files[0].1), "languageId": "yaml",
          ]
        ],
      ]
      _ = server.receive(open.encoded)
    }

    /// The reply to renaming what stands at 0-based `line` and `character` of `file` to `newName`.
    func rename(_ file: String, line: Int, character: Int, to newName: String) -> JSON? {
      let request: JSON = [
        "jsonrpc": "2.0", "id": 2, "method": "textDocument/rename",
        "params": [
          "textDocument": ["uri": .string(folder.appendingPathComponent(file).absoluteString)],
          "position": ["line": .int(line), "character": .int(character)], "newName": .string(newName),
        ],
      ]
      return server.receive(request.encoded).first
    }

    /// The edits of a reply as (file name, 0-based line, new text), sorted.
    func edits(_ reply: JSON?) -> [String] {
      var found: [String] = []
      guard case .object(let changes) = reply?["result"]?["changes"] else { return [] }
      for (uri, edits) in changes {
        let name = URL(string: uri)?.lastPathComponent ?? uri
        for edit in edits.array ?? [] {
          found.append("\(name):\(edit["range"]?["start"]?["line"]?.int ?? -1):\(edit["newText"]?.string ?? "")")
        }
      }
      return found.sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
  }

  private static let capture = """
    plan: rn
    start: 2018-01-01
    tasks:
      - id: s
        name: 顶层
        duration: 30d
      - id: g
        name: 组
        tasks:
          - id: c1
            name: 子一
            duration: 2d
          - id: c2
            name: 子二
            duration: 2d
            after: [s]

    """

  @Test func aReferenceANewSiblingWouldCaptureIsRefusedWhenNoSpellingKeepsIt() throws {
    let plan = try Plan([("plan.yaml", Self.capture)])
    defer { plan.remove() }
    // c1 → s: `after: [s]` in c2 would name its sibling g.s instead of the top task s.
    let reply = plan.rename("plan.yaml", line: 9, character: 12, to: "s")
    #expect(reply?["result"] == nil, "\(plan.edits(reply))")
    let message = reply?["error"]?["message"]?.string ?? ""
    #expect(message.contains("'g.s' instead of 's'"), "\(message)")
    #expect(message.contains("plan.yaml:16:"), "\(message)")
  }

  @Test func renamingTheTargetToASiblingsIdOfTheReferrerIsRefused() throws {
    let plan = try Plan([("plan.yaml", Self.capture)])
    defer { plan.remove() }
    // s → c1: the rewritten `after: [c1]` would name g.c1, and the top task's full id c1 is shadowed.
    let reply = plan.rename("plan.yaml", line: 3, character: 8, to: "c1")
    #expect(reply?["result"] == nil, "\(plan.edits(reply))")
    #expect(reply?["error"]?["message"]?.string?.contains("'g.c1' instead of 'c1'") == true)
  }

  @Test func aCapturedReferenceIsRewrittenToTheFullIdWhenThatStillNamesItsTask() throws {
    let included = Self.capture.replacingOccurrences(of: "plan: rn\nstart: 2018-01-01\n", with: "id: lg\n")
    let plan = try Plan([
      (
        "plan.yaml",
        "plan: rn\nstart: 2018-01-01\ninclude: [lg.yaml]\ntasks:\n  - { id: z, duration: 1d, after: [lg.s] }\n"
      ),
      ("lg.yaml", included),
    ])
    defer { plan.remove() }
    let c1 = plan.rename("lg.yaml", line: 8, character: 12, to: "s")
    #expect(plan.edits(c1) == ["lg.yaml:14:lg.s", "lg.yaml:8:s"])
    // The reverse: the top task s becomes c1; c2's reference must become lg.c1, the root's lg.c1.
    let s = plan.rename("lg.yaml", line: 2, character: 8, to: "c1")
    #expect(plan.edits(s) == ["lg.yaml:14:lg.c1", "lg.yaml:2:c1", "plan.yaml:4:lg.c1"])
  }

  @Test func aRenameGivingADescendantAnotherTasksFullIdIsRefused() throws {
    let plan = try Plan([
      (
        "plan.yaml",
        "plan: rn2\nstart: 2018-01-01\ninclude: [league.yaml]\ntasks:\n  - id: g\n    tasks:\n      - { id: x, duration: 2d }\n"
      ),
      ("league.yaml", "id: league\ntasks:\n  - { id: x, duration: 3d }\n"),
    ])
    defer { plan.remove() }
    let reply = plan.rename("plan.yaml", line: 4, character: 8, to: "league")
    #expect(reply?["result"] == nil, "\(plan.edits(reply))")
    let message = reply?["error"]?["message"]?.string ?? ""
    #expect(message.contains("'league.x'") && message.contains("league.yaml"), "\(message)")
    #expect(plan.edits(plan.rename("plan.yaml", line: 4, character: 8, to: "league2")) == ["plan.yaml:4:league2"])
  }

  @Test func duplicatesThePlanAlreadyHadDoNotBlockARename() throws {
    let plan = try Plan([
      (
        "plan.yaml",
        "plan: d\nstart: 2018-01-01\ntasks:\n  - id: g\n    tasks:\n      - { id: x, duration: 1d }\n      - { id: x, duration: 1d }\n"
      )
    ])
    defer { plan.remove() }
    #expect(plan.edits(plan.rename("plan.yaml", line: 3, character: 8, to: "h")) == ["plan.yaml:3:h"])
  }

  @Test(arguments: ["null", "Null", "NULL", "-", "~", " s", "s ", "a#b", "a: b", ""])
  func aNameYAMLWouldNotReadBackAsThatIdIsRefused(_ name: String) throws {
    let plan = try Plan([("plan.yaml", Self.capture)])
    defer { plan.remove() }
    let reply = plan.rename("plan.yaml", line: 12, character: 12, to: name)
    #expect(reply?["result"] == nil, "'\(name)' was accepted: \(plan.edits(reply))")
    #expect(reply?["error"]?["message"]?.string?.contains("'\(name)'") == true)
  }

  @Test func idsThatAreTextStayAccepted() throws {
    let plan = try Plan([("plan.yaml", Self.capture)])
    defer { plan.remove() }
    for name in ["true", "2018", "任务-二", "-x"] {
      #expect(plan.edits(plan.rename("plan.yaml", line: 12, character: 12, to: name)) == ["plan.yaml:12:\(name)"])
    }
  }
}
