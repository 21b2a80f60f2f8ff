import Foundation
import Testing

/// `plangraph check` as a planner uses it: summaries, compiler-style diagnostics, exit statuses.
@Suite struct CheckCommandTests {
  let fixtures = "Tests/PlanGraphTests/Fixtures/"

  @Test func aValidPlanGetsASummaryAndStatusZero() throws {
    let result = try CommandRunner.run(["check", fixtures + "valid/every-key/plan.yaml", "--as-of", "2020-01-15"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("ok: 晋城市城区群团工作改革"))
    #expect(result.stdout.contains("tasks             8  6 leaves (0 milestones), 1 summary, 1 recurring duty"))
    #expect(result.stdout.contains("owners            5  in 2 organisations"))
    #expect(result.stdout.contains("dependencies      4"))
    // The statuses as of the date, counted over leaves and duties as every output counts them.
    #expect(
      result.stdout.contains(
        "status            6  as of 2020-01-15: 3 overdue · 1 at risk · 0 due soon · 0 blocked · 1 on track · 1 done\n"
          + "                       6 missed occurrences of duties · 1 marked blocked · 1 cancelled\n"))
    #expect(result.stdout.contains("deadlines         3  2017-10-20 … 2020-12-31"))
    #expect(result.stderr.isEmpty)
  }

  @Test func theSummaryComesInChineseToo() throws {
    let result = try CommandRunner.run([
      "check", "plans/chengqu-2017/plan.yaml", "--as-of", "2018-01-15", "--lang", "zh",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("通过：晋城市城区群团工作改革实施方案"))
    #expect(result.stdout.contains("  任务         359  257 项具体任务（其中里程碑 3 项），94 项汇总任务，8 项例行工作\n"))
    let byLocale = try CommandRunner.run(
      ["check", "plans/chengqu-2017/plan.yaml", "--as-of", "2018-01-15"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(byLocale.stdout == result.stdout)
  }

  @Test func everyProblemIsReportedCompilerStyleWithStatusTwo() throws {
    let result = try CommandRunner.run(["check", fixtures + "errors/unknown-reference.yaml"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    let expected = [
      "Tests/PlanGraphTests/Fixtures/errors/unknown-reference.yaml:12:13: error: unknown task 'restructre' in 'after'",
      "        after: [restructre]",
      "                ^~~~~~~~~~",
      "hint: did you mean 'restructure' (unknown-reference.yaml:7)?",
    ].joined(separator: "\n")
    #expect(result.stderr.contains(expected))
    #expect(result.stderr.contains("unknown-reference.yaml:14:35: error: unknown task 'restructure.nope'"))
    #expect(result.stderr.hasSuffix("2 errors, 0 warnings\n"))
  }

  @Test func caretsStandUnderChineseTextByDisplayWidth() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-caret-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("plan.yaml")
    try "plan: 测试\nstart: 2017-09-01\ntasks:\n  - { id: 甲, name: 动员部署, deadline: 明年 }\n".write(
      to: file, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["check", file.path])
    #expect(result.status == 2)
    // "  - { id: 甲, name: 动员部署, deadline: " is 36 scalars wide on screen: four wide characters.
    #expect(result.stderr.contains("    " + String(repeating: " ", count: 36) + "^~~~\n"))
    #expect(result.stderr.contains("4:36: error: '明年' is not a date"))
  }

  @Test func jsonDiagnosticsForEditorsAndCI() throws {
    let result = try CommandRunner.run(["check", "--format", "json", fixtures + "errors/durations.yaml"])
    #expect(result.status == 2)
    let all = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [[String: Any]])
    let objects = all.filter { $0["severity"] as? String == "error" }
    #expect(objects.count == 3)
    #expect(all.contains { $0["code"] as? String == "no-owner" && $0["severity"] as? String == "warning" })
    let first = try #require(objects.first)
    #expect(first["line"] as? Int == 9 && first["column"] as? Int == 15)
    #expect(first["severity"] as? String == "error" && first["code"] as? String == "bare-number-duration")
    #expect((first["file"] as? String)?.hasSuffix("durations.yaml") == true)
    #expect(first["message"] as? String == "the duration '30' has no unit")
    #expect(first["hint"] as? String != nil)
  }

  @Test func strictTurnsWarningsIntoErrors() throws {
    let plan = fixtures + "valid/every-key/plan.yaml"
    // A done date after the as-of date is a warning: status 0, or 2 under --strict.
    let lenient = try CommandRunner.run(["check", plan, "--as-of", "2017-10-01"])
    #expect(lenient.status == 0)
    #expect(lenient.stderr.contains("warning: the done date 2017-10-30"))
    let strict = try CommandRunner.run(["check", "--strict", plan, "--as-of", "2017-10-01"])
    #expect(strict.status == 2)
    #expect(strict.stderr.contains("error: the done date 2017-10-30"))
  }

  @Test func badUsageExitsWith64() throws {
    #expect(try CommandRunner.run(["check", "--as-of", "someday", fixtures + "valid/json/plan.json"]).status == 64)
    #expect(try CommandRunner.run(["check", "--no-such-option", fixtures + "valid/json/plan.json"]).status == 64)
    #expect(try CommandRunner.run(["check"]).status == 64)
  }

  @Test func aMissingFileOrADirectoryIsAnErrorNotACrash() throws {
    let missing = try CommandRunner.run(["check", "plans/nowhere.yaml"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("plans/nowhere.yaml: error: cannot read 'plans/nowhere.yaml': no such file"))
    let directory = try CommandRunner.run(["check", "plans"])
    #expect(directory.status == 2)
    #expect(directory.stderr.contains("it is a directory"))
  }

  @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
    let plan = fixtures + "errors/unknown-key.yaml"
    let piped = try CommandRunner.run(["check", plan])
    #expect(!piped.stderr.contains("\u{1B}["))
    // `script` gives the command a terminal.
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), let binary = CommandRunner.executable else {
      return
    }
    let command = "\(binary.path) check \(plan)"
    let tty = try CommandRunner.runShell("script -qec '\(command)' /dev/null")
    #expect(tty.contains("\u{1B}[1;31merror:"))
    let noColor = try CommandRunner.runShell("NO_COLOR=1 script -qec '\(command)' /dev/null")
    #expect(noColor.contains("error:") && !noColor.contains("\u{1B}["))
  }
}

extension CommandRunner {
  /// Runs a shell command line in the package root and returns what it printed.
  static func runShell(_ line: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", line]
    process.currentDirectoryURL = packageRoot
    process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
