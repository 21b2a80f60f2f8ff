import Foundation
import Testing

/// `plangraph ledger`: the workbook written atomically, the same bytes each time, and its usage errors.
@Suite struct LedgerCommandTests {
  static let plan = "plans/chengqu-2017/plan.yaml"

  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-ledger-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func writesTheSameWorkbookEachTime() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = folder.appendingPathComponent("台账.xlsx")
    let second = folder.appendingPathComponent("again.xlsx")
    for file in [first, second] {
      let result = try CommandRunner.run([
        "ledger", Self.plan, "--as-of", "2018-01-15", "--lang", "zh", "-o", file.path,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
    let bytes = try Data(contentsOf: first)
    #expect(bytes == (try Data(contentsOf: second)))
    #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    // Nothing is left behind: no temporary file beside the workbook.
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == ["again.xlsx", "台账.xlsx"].sorted())
  }

  @Test func ownerSelectsAUnit() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("org.xlsx")
    let result = try CommandRunner.run([
      "ledger", Self.plan, "--as-of", "2018-01-15", "--owner", "district-party.org", "-o", file.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let unknown = try CommandRunner.run(["ledger", Self.plan, "--owner", "nobody", "-o", file.path])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("--owner: no owner 'nobody'"))
  }

  @Test func badRulesFileIsDiagnosedWithExitStatus2() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rules = folder.appendingPathComponent("rules.yaml")
    try Data("warnings:\n  - {name: 红, color: scarlet}\n".utf8).write(to: rules)
    let file = folder.appendingPathComponent("out.xlsx")
    let result = try CommandRunner.run([
      "ledger", Self.plan, "--as-of", "2018-01-15", "--rules", rules.path, "-o", file.path,
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("rules.yaml:2:22: error: 'scarlet' is not a colour"))
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }

  @Test func outputIsRequired() throws {
    let result = try CommandRunner.run(["ledger", Self.plan])
    #expect(result.status == 64)
  }
}
