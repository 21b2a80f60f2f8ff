import Foundation
import Testing

/// `PLANGRAPH_TIMINGS=1`: each command that loads a plan names its stages on stderr at exit, in the
/// stages' order, with the output itself unchanged; without it, not a word.
@Suite struct StageTimingsTests {
  static let plan = "plans/chengqu-2017/plan.yaml"
  static let on = ["PLANGRAPH_TIMINGS": "1"]

  /// The stage names of the timing lines (or of the lines starting with `prefix`), in the order printed.
  private func stages(_ stderr: String, prefix: String = "plangraph timing: ") -> [String] {
    stderr.split(separator: "\n").compactMap { line in
      guard line.hasPrefix(prefix) else { return nil }
      let rest = line.dropFirst(prefix.count)
      return rest.firstRange(of: ": ").map { String(rest[..<$0.lowerBound]) }
    }
  }

  private static let loading = ["bytes in", "parse", "ids and owners", "resolve after", "graph", "CPM", "as-of pass"]
  private static let closing = ["exit", "total", "peak memory"]

  @Test func aReportNamesEveryStageInOrderAndPrintsTheSameOutput() throws {
    let arguments = ["overdue", Self.plan, "--as-of", "2018-06-01", "--format", "json"]
    let timed = try CommandRunner.run(arguments, environment: Self.on)
    let plain = try CommandRunner.run(arguments)
    #expect(timed.status == plain.status)
    #expect(timed.stdoutBytes == plain.stdoutBytes)
    #expect(stages(timed.stderr) == Self.loading + ["report", "write"] + Self.closing, "\(timed.stderr)")
    // The CPU time of the same stages, each a number of milliseconds.
    #expect(stages(timed.stderr, prefix: "plangraph cpu: ") == Self.loading + ["report", "write"], "\(timed.stderr)")
    let cpuLines = timed.stderr.split(separator: "\n").filter { $0.hasPrefix("plangraph cpu: ") }
    #expect(
      cpuLines.allSatisfy { $0.hasSuffix(" ms") && Double($0.split(separator: " ").dropLast().last ?? "") != nil })
    #expect(!plain.stderr.contains("timing"))
    #expect(!plain.stderr.contains("cpu"))
    let off = try CommandRunner.run(arguments, environment: ["PLANGRAPH_TIMINGS": "0"])
    #expect(!off.stderr.contains("timing"))
  }

  /// `check` loads and schedules like any report: its stages are timed too.
  @Test func checkIsTimed() throws {
    let timed = try CommandRunner.run(["check", Self.plan, "--as-of", "2018-06-01"], environment: Self.on)
    #expect(timed.status == 0)
    #expect(stages(timed.stderr) == Self.loading + ["report", "write"] + Self.closing, "\(timed.stderr)")
  }

  /// Outputs written to `-o` by the commands that bypass the table writer (a chart, the dashboard, the
  /// ledger) still have their report and write stages: else the time of drawing would show as `exit`.
  @Test(arguments: [
    ["render", "--chart", "timeline"], ["report"], ["ledger"],
  ])
  func filesWrittenWithOHaveTheirReportAndWriteStages(_ command: [String]) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-timings-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let extensions = ["render": "svg", "report": "html", "ledger": "xlsx"]
    let output = folder.appendingPathComponent("out." + (extensions[command[0]] ?? "out")).path
    let timed = try CommandRunner.run(
      command + [Self.plan, "--as-of", "2018-06-01", "-o", output], environment: Self.on)
    #expect(timed.status == 0, "\(timed.stderr)")
    let named = stages(timed.stderr)
    #expect(named.suffix(5) == ["report", "write"] + Self.closing, "\(timed.stderr)")
    #expect(FileManager.default.fileExists(atPath: output))
  }
}
