import Foundation
import Testing

/// The progress commands as a clerk runs them, on a copy of the Chengqu plan: the file written, the
/// exit statuses, `--dry-run`, refusals that change nothing.
@Suite struct ProgressCommandTests {
  /// A fresh copy of the Chengqu plan in a temporary folder; returns the root file's path.
  static func copyOfChengqu() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plangraph-progress-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in ["plan.yaml", "union.yaml", "league.yaml", "women.yaml"] {
      try FileManager.default.copyItem(
        at: CommandRunner.packageRoot.appendingPathComponent("plans/chengqu-2017/" + name),
        to: folder.appendingPathComponent(name))
    }
    return folder.appendingPathComponent("plan.yaml").path
  }

  static func read(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
  }

  @Test func doneAddsTwoLinesAndOverdueNoLongerListsIt() throws {
    let plan = try Self.copyOfChengqu()
    let league = URL(fileURLWithPath: plan).deletingLastPathComponent().appendingPathComponent("league.yaml").path
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: plan).deletingLastPathComponent().path) }
    let before = try Self.read(league)
    let overdue = try CommandRunner.run(["overdue", plan, "--as-of", "2018-03-01"])
    #expect(overdue.stdout.contains("departments.office"))
    let result = try CommandRunner.run([
      "done", plan, "departments.office", "--on", "2018-01-10", "--evidence", "城团发〔2018〕1号",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let after = try Self.read(league)
    let old = before.split(separator: "\n", omittingEmptySubsequences: false)
    let new = after.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(new.count == old.count + 2)
    let at = try #require(old.firstIndex { $0.contains("继续设立办公室") }) + 4
    #expect(Array(new[..<at]) == Array(old[..<at]))
    #expect(new[at] == "                    done: 2018-01-10")
    #expect(new[at + 1] == "                    evidence: 城团发〔2018〕1号")
    #expect(Array(new[(at + 2)...]) == Array(old[at...]))
    let later = try CommandRunner.run(["overdue", plan, "--as-of", "2018-03-01"])
    #expect(!later.stdout.contains("departments.office"))
  }

  @Test func dryRunPrintsADiffAndWritesNothing() throws {
    let plan = try Self.copyOfChengqu()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: plan).deletingLastPathComponent().path) }
    let league = URL(fileURLWithPath: plan).deletingLastPathComponent().appendingPathComponent("league.yaml").path
    let before = try Self.read(league)
    let result = try CommandRunner.run(["progress", plan, "departments.office", "60%", "--dry-run"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("+                    progress: 60%\n"))
    #expect(result.stdout.hasPrefix("--- a/"))
    #expect(try Self.read(league) == before)
  }

  @Test func refusalsExitOneAndChangeNothing() throws {
    let plan = try Self.copyOfChengqu()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: plan).deletingLastPathComponent().path) }
    let folder = URL(fileURLWithPath: plan).deletingLastPathComponent().path
    let before = try ["plan.yaml", "union.yaml", "league.yaml", "women.yaml"].map { try Self.read(folder + "/" + $0) }
    let progress = try CommandRunner.run(["progress", plan, "departments.office", "120%"])
    #expect(progress.status == 1)
    #expect(progress.stderr.contains("outside 0%–100%"))
    let unknown = try CommandRunner.run(["done", plan, "departments.offic", "--on", "2018-01-10"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("did you mean"))
    let chinese = try CommandRunner.run(["held", plan, "departments.office", "--on", "2018-01-10", "--lang", "zh"])
    #expect(chinese.status == 1)
    #expect(chinese.stderr.hasPrefix("plangraph: error: 任务“league.measures.org.organ.departments.office”不是例行工作\n提示："))
    let year = try CommandRunner.run(["done", plan, "departments.office", "--on", "2081-01-10"])
    #expect(year.status == 1)
    #expect(year.stderr.contains("outside the plan's years"))
    let after = try ["plan.yaml", "union.yaml", "league.yaml", "women.yaml"].map { try Self.read(folder + "/" + $0) }
    #expect(after == before)
    let usage = try CommandRunner.run(["extend", plan, "departments.office", "--reason", "x"])
    #expect(usage.status == 64)
    let badDate = try CommandRunner.run(["done", plan, "departments.office", "--on", "tomorrow"])
    #expect(badDate.status == 64)
  }

  @Test func aPlanThatDoesNotLoadExitsTwo() throws {
    let result = try CommandRunner.run([
      "done", "Tests/PlanGraphTests/Fixtures/errors/cycle.yaml", "x", "--on", "2018-01-10",
    ])
    #expect(result.status == 2)
  }
}
