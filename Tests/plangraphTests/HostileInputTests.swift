import Foundation
import Testing

/// Plan files built to break the tool get a result or a clear diagnostic, within bounds of time and
/// memory, and never a trap, a hang or a half-written output.
@Suite(.serialized) struct HostileInputTests {
  /// A scratch folder for generated inputs, removed afterwards.
  final class Scratch {
    let url: URL
    init() throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-hostile-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func write(_ name: String, _ text: String) throws -> String {
      let path = url.appendingPathComponent(name).path
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      return path
    }
    func write(_ name: String, bytes: [UInt8]) throws -> String {
      let path = url.appendingPathComponent(name).path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      return path
    }
  }

  /// Not a speed goal (those are measured by `make bench`, never here): a bound that only a hang, or
  /// work growing out of all proportion with the input, crosses on a loaded machine.
  static let hangGuard = 60.0

  let header = "plan: 测试\nstart: 2017-09-01\nowner: org\nowners:\n  - { id: org, name: 组织 }\n"

  @Test func billionLaughsAreRefusedInLittleMemory() throws {
    let run = try CommandRunner.measured(["check", "Tests/PlanGraphTests/Fixtures/errors/alias-limit.yaml"])
    #expect(run.result.status == 2)
    #expect(run.result.stderr.contains("error: aliases expand to more than 100000 YAML nodes"))
    #expect(run.seconds < Self.hangGuard)
    #expect(run.peakMiB < 64)
  }

  @Test(arguments: ["sequences", "mappings", "json"])
  func hundredThousandNestedCollectionsAreRefusedFast(_ kind: String) throws {
    let scratch = try Scratch()
    let n = 100_000
    let path: String
    switch kind {
    case "sequences":
      path = try scratch.write(
        "deep.yaml", header + "tasks: " + String(repeating: "[", count: n) + String(repeating: "]", count: n))
    case "mappings":
      path = try scratch.write(
        "deep.yaml", header + "x: " + String(repeating: "{a: ", count: n) + "1" + String(repeating: "}", count: n))
    default:
      path = try scratch.write(
        "deep.json", "{\"tasks\": " + String(repeating: "[", count: n) + String(repeating: "]", count: n) + "}")
    }
    let run = try CommandRunner.measured(["check", path])
    #expect(run.result.status == 2)
    #expect(run.result.stderr.contains("collections nest more than 2500 levels deep"))
    #expect(run.seconds < Self.hangGuard)
    #expect(run.peakMiB < 100)
  }

  @Test func aTaskTreeTooDeepIsRefusedAndADeepOneLoads() throws {
    let scratch = try Scratch()
    func tree(_ depth: Int) -> String {
      #"{"plan": "深", "start": "2017-09-01", "owner": "o", "owners": [{"id": "o"}], "tasks": ["#
        + String(repeating: #"{"id": "a", "name": "层", "tasks": ["#, count: depth)
        + #"{"id": "b", "name": "叶", "duration": "1d"}"# + String(repeating: "]}", count: depth) + "]}"
    }
    let deep = try CommandRunner.measured(["check", try scratch.write("deep.json", tree(900)), "--as-of", "2018-01-01"])
    #expect(deep.result.status == 0, "\(deep.result.stderr.prefix(300))")
    #expect(deep.seconds < Self.hangGuard)
    // 1,100 levels of tasks are 2,200 levels of JSON: within the collection limit, past the task limit.
    let tooDeep = try CommandRunner.run(["check", try scratch.write("deeper.json", tree(1_100)), "--format", "json"])
    #expect(tooDeep.status == 2)
    #expect(tooDeep.stdout.contains("tasks nest more than 1000 levels deep"))
    #expect(tooDeep.stdout.contains("\"invalid-value\""))
  }

  @Test func aHundredMegabytePlanIsRead() throws {
    let scratch = try Scratch()
    // 1,000 tasks with 100 KB notes each.
    let note = String(repeating: "很长的备注", count: 6_700)
    var text = header + "tasks:\n"
    for i in 0..<1_000 { text += "  - { id: t\(i), name: 任务\(i), duration: 1d, note: \"\(note)\" }\n" }
    let path = try scratch.write("big.yaml", text)
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 > 100_000_000)
    let run = try CommandRunner.measured(["check", path, "--as-of", "2018-01-01"])
    #expect(run.result.status == 0, "\(run.result.stderr.prefix(300))")
    #expect(run.seconds < Self.hangGuard)
    #expect(run.peakMiB < 600)
  }

  @Test func aLongChainAndAHundredThousandDependenciesLoad() throws {
    let scratch = try Scratch()
    let n = 100_000
    var chain = #"{"plan": "链", "start": "2017-09-01", "owner": "o", "owners": [{"id": "o"}], "tasks": ["#
    for i in 0..<n {
      chain +=
        (i == 0 ? "" : ",") + #"{"id": "t\#(i)", "name": "T", "duration": "1d""#
        + (i == 0 ? "}" : #", "after": ["t\#(i - 1)"]}"#)
    }
    chain += #", {"id": "all", "name": "全部", "after": ["# + (0..<n).map { "\"t\($0)\"" }.joined(separator: ",") + "]}]}"
    let run = try CommandRunner.measured([
      "critical", try scratch.write("chain.json", chain), "--format", "json",
    ])
    #expect(run.result.status == 0, "\(run.result.stderr.prefix(300))")
    let report = try #require(try JSONSerialization.jsonObject(with: run.result.stdoutBytes) as? [String: Any])
    let paths = try #require(report["paths"] as? [[String: Any]])
    // One chain through all 100,000 tasks and the milestone after them.
    #expect(paths.count == 1 && (paths.first?["tasks"] as? [Any])?.count == n + 1)
    #expect(paths.first?["length"] as? Int == n)
    #expect(run.seconds < Self.hangGuard)
  }

  @Test(arguments: [
    ("nul", [UInt8]("plan: a\u{0}b\nstart: 2017-09-01\n".utf8), "syntax"),
    ("tabs", [UInt8]("plan: x\nstart: 2017-09-01\ntasks:\n\t- id: a\n".utf8), "syntax"),
    ("empty", [], "missing-key"),
    ("utf16", [0xFF, 0xFE, 0x70, 0x00, 0x6C, 0x00], "syntax"),
    ("only-comment", [UInt8]("# nothing here\n".utf8), "missing-key"),
    ("scalar-document", [UInt8]("just text\n".utf8), "invalid-value"),
    ("list-document", [UInt8]("- a\n- b\n".utf8), "invalid-value"),
  ])
  func oddBytesGetADiagnostic(_ name: String, _ bytes: [UInt8], _ code: String) throws {
    let scratch = try Scratch()
    let run = try CommandRunner.run(["check", "--format", "json", try scratch.write(name + ".yaml", bytes: bytes)])
    #expect(run.status == 2)
    let diagnostics = try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [[String: Any]])
    #expect(diagnostics.contains { $0["code"] as? String == code }, "\(diagnostics)")
  }

  @Test func aFIFOOrADirectoryIsRefusedWithoutHanging() throws {
    let scratch = try Scratch()
    let fifo = scratch.url.appendingPathComponent("plan.yaml").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let run = try CommandRunner.measured(["check", fifo])
    #expect(run.result.status == 2)
    #expect(run.result.stderr.contains("not a regular file"))
    #expect(run.seconds < Self.hangGuard)
    let directory = try CommandRunner.run(["check", scratch.url.path])
    #expect(directory.status == 2 && directory.stderr.contains("is a directory"))
    // An include that is a directory.
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent("sub.yaml"), withIntermediateDirectories: true)
    let include = try CommandRunner.run([
      "check", try scratch.write("root.yaml", header + "include: [sub.yaml]\n"),
    ])
    #expect(include.status == 2 && include.stderr.contains("is a directory"))
  }

  @Test func thousandsOfWeeklyDutiesOverThreeCenturiesAreCountedNotWalked() throws {
    let scratch = try Scratch()
    var text = header.replacingOccurrences(of: "start: 2017-09-01", with: "start: 1900-01-01") + "tasks:\n"
    for i in 0..<5_000 { text += "  - { id: d\(i), name: 周报, every: week, done: [1900-01-03] }\n" }
    let path = try scratch.write("duties.yaml", text)
    let run = try CommandRunner.measured(["schedule", path, "--as-of", "2200-12-31", "--format", "json"])
    #expect(run.result.status == 0)
    #expect(run.seconds < Self.hangGuard)
    #expect(run.peakMiB < 400)
    // 5,000 duties, each missing every week after the first but one: 78 million occurrences, counted.
    let object = try #require(try JSONSerialization.jsonObject(with: run.result.stdoutBytes) as? [String: Any])
    let first = try #require((object["tasks"] as? [[String: Any]])?.first)
    #expect(first["status"] as? String == "overdue" && first["deadline"] as? String == "1900-01-14")
  }

  @Test func numbersAtAndPastTheLimits() throws {
    let scratch = try Scratch()
    let path = try scratch.write(
      "numbers.yaml",
      header + """
        tasks:
          - { id: a, name: A, duration: 100000d }
          - { id: b, name: B, duration: 100001d }
          - { id: c, name: C, duration: 99999999999999999999999999d }
          - { id: d, name: D, status: active, progress: 9223372036854775808% }
          - { id: e, name: E, target: { metric: m, op: ">=", value: 9999999999999999999999999999999999999.5 }, measurements: [{ date: 2018-01-01, value: 99999999999999999999999999999999999999 }] }
          - { id: f, name: F, deadline: 0 }
          - { id: g, name: G, deadline: 1899 }
          - { id: h, name: H, deadline: 2201-01-01 }
          - { id: i, name: I, deadline: 99999 }
          - { id: j, name: J, deadline: 2019-02-29 }
          - { id: k, name: K, deadline: +99999999999999999999d }
        """)
    let run = try CommandRunner.run(["check", "--format", "json", path])
    #expect(run.status == 2)
    let diagnostics = try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [[String: Any]])
    let byLine = Dictionary(grouping: diagnostics.filter { $0["severity"] as? String == "error" }) {
      $0["line"] as? Int ?? 0
    }
    // Line 7 (a, exactly the limit) and line 11 (e, exact decimals) are fine; every other line has one error.
    #expect(byLine[7] == nil && byLine[11] == nil)
    for line in [8, 9, 10, 12, 13, 14, 15, 16, 17] { #expect(byLine[line]?.count == 1, "line \(line)") }
    #expect(byLine[16]?.first?["code"] as? String == "invalid-date")
    #expect(byLine[17]?.first?["code"] as? String == "date-out-of-range")

    // --window goes through the same duration parser and cap, bare number or not.
    let chengqu = "plans/chengqu-2017/plan.yaml"
    for (window, status) in [("100000", Int32(1)), ("100001", 64), ("9223372036854775000", 64), ("1e3", 64)] {
      let run = try CommandRunner.run(["overdue", chengqu, "--as-of", "2018-01-15", "--window", window])
      #expect(run.status == status, "--window \(window): \(run.stderr.prefix(200))")
    }
  }

  @Test func aChainOfLongTasksThatRunsPastTheCalendarIsAnError() throws {
    let scratch = try Scratch()
    // Thirty tasks of 100,000 days after 2017 end past the year 9999: an error, not clamped dates.
    let tasks = (0..<30).map {
      "    - { id: t\($0), name: T, duration: 100000d\($0 > 0 ? ", after: [t\($0 - 1)]" : "") }"
    }
    let path = try scratch.write("long.yaml", header + "tasks:\n" + tasks.joined(separator: "\n") + "\n")
    for command in ["check", "schedule", "overdue"] {
      let run = try CommandRunner.run([command, path, "--as-of", "2018-01-01"])
      #expect(run.status == 2, "\(command): \(run.stderr.prefix(300))")
      #expect(run.stderr.contains("error: the schedule of 't29' falls outside the years 1–9999"))
    }
  }

  @Test func namesBuiltToBreakOutputsComeOutAsWritten() throws {
    let scratch = try Scratch()
    let nasty = [
      #"引号"双引号"'单'"#, #"back\slash\\"#, "a & b < c > d", "]]>}{[", "a -> b -- c", "line\nbreak", "node",
      "subgraph", "<script>alert(1)</script>", "a,b;c:d#e|f`g*h_i", String(repeating: "长", count: 10_000),
    ]
    var text = header + "tasks:\n"
    for (i, name) in nasty.enumerated() {
      let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "\n", with: "\\n")
      text += "  - { id: n\(i), name: \"\(escaped)\", duration: 1d, deadline: 2017-09-10, source: \"\(escaped)\" }\n"
    }
    let path = try scratch.write("nasty.yaml", text)
    let asOf = ["--as-of", "2017-09-05"]

    // JSON: parses, names as written.
    let json = try CommandRunner.run(["schedule", path, "--format", "json"] + asOf)
    let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
    #expect(((object["tasks"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String } == nasty)
    // CSV: strict RFC 4180, names as written.
    let csv = try CommandRunner.run(["schedule", path, "--format", "csv", "--lang", "en"] + asOf)
    let records = try CSV.parse(String(decoding: csv.stdoutBytes.dropFirst(3), as: UTF8.self))
    #expect(records.dropFirst().map { $0[1] } == nasty)
    // Markdown: every row has as many cells as the header.
    let md = try CommandRunner.run(["schedule", path, "--format", "md"] + asOf)
    let rows = md.stdout.split(separator: "\n").filter { $0.hasPrefix("|") }
    let cells = rows.map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
    #expect(Set(cells).count == 1, "\(cells)")
    #expect(rows.count == nasty.count + 2)
    // Table: one line per task and one for its name, each within the width asked for.
    let table = try CommandRunner.run(["schedule", path, "--width", "80"] + asOf)
    #expect(table.status == 0 && table.stdout.split(separator: "\n").allSatisfy { $0.count <= 200 })
    // ICS: strictly readable, names unescaped back as written.
    let ics = try ICS.parse(try CommandRunner.run(["export", path, "--format", "ics"] + asOf).stdoutBytes)
    let summaries = ics.components.compactMap { $0.properties["SUMMARY"]?.first.map(ICS.unescape) }
    #expect(Set(summaries) == Set(nasty))
    // Overdue and Mermaid do not trap and keep their structure.
    let overdue = try CommandRunner.run(["overdue", path, "--format", "json", "--as-of", "2017-09-20"])
    #expect(overdue.status == 1)
    #expect((try JSONSerialization.jsonObject(with: overdue.stdoutBytes) as? [String: Any]) != nil)
    let mermaid = try CommandRunner.run(["export", path, "--format", "mermaid"] + asOf)
    let taskLines = mermaid.stdout.split(separator: "\n").filter { $0.contains(" :") }
    #expect(taskLines.count == nasty.count && taskLines.allSatisfy { $0.split(separator: ":").count == 2 })
  }

  @Test func aWriteStoppedHalfwayLeavesThePreviousFileWhole() throws {
    let scratch = try Scratch()
    let output = scratch.url.appendingPathComponent("schedule.json").path
    let plan = "plans/chengqu-2017/plan.yaml"
    let first = try CommandRunner.run(["schedule", plan, "--format", "json", "-o", output, "--as-of", "2018-01-15"])
    #expect(first.status == 0)
    let previous = try Data(contentsOf: URL(fileURLWithPath: output))
    // A 64 KiB file size limit stops the writer in the middle of its 200 KB, every time. The signal it
    // raises (SIGXFSZ) used to kill the command, leaving its temporary file; a streamed `-o` ignores it,
    // so the write fails (EFBIG, as on a full disk): status 1, the temporary file removed. The same with
    // the signal ignored by the shell.
    let binary = try #require(CommandRunner.executable).path
    for trap in ["", "trap '' XFSZ; "] {
      let stopped = try CommandRunner.runShell(
        "\(trap)ulimit -f 64; '\(binary)' schedule \(plan) --format json -o '\(output)' --as-of 2026-11-29; "
          + "echo status $?")
      #expect(stopped.contains("File too large") && stopped.contains("status 1"), "\(stopped)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == previous)
      let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter {
        $0.hasPrefix(".plangraph-")
      }
      #expect(left.isEmpty, "no temporary file is left: \(left)")
    }
  }

  @Test func aFailedWriteToStandardOutputIsAnError() throws {
    let binary = try #require(CommandRunner.executable).path
    let full = try CommandRunner.runShell("'\(binary)' schema > /dev/full; echo status $?")
    #expect(full.contains("cannot write to standard output: No space left on device"), "\(full)")
    #expect(full.contains("status 1"))
  }

  @Test func anInterruptedRenderLeavesThePreviousChartWhole() throws {
    let scratch = try Scratch()
    let plan = scratch.url.appendingPathComponent("big.json").path
    try Data(PlanGeneratorBytes.json(tasks: 3_000)).write(to: URL(fileURLWithPath: plan))
    let chart = scratch.url.appendingPathComponent("graph.svg").path
    let first = try CommandRunner.run(["render", "plans/chengqu-2017/plan.yaml", "-o", chart, "--as-of", "2018-01-15"])
    #expect(first.status == 0)
    let previous = try Data(contentsOf: URL(fileURLWithPath: chart))
    // A large render, unfolded, killed while Graphviz lays it out or draws it.
    for delay in [0.3, 1.0, 2.0] {
      try CommandRunner.killed(after: delay, ["render", plan, "--no-collapse", "-o", chart, "--as-of", "2021-06-30"])
      let now = try Data(contentsOf: URL(fileURLWithPath: chart))
      #expect(now == previous || String(decoding: now, as: UTF8.self).hasSuffix("</svg>\n"))
    }
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: chart)) == previous, "a render was not interrupted: make it larger")
  }

  @Test func writingWhereNothingCanBeWrittenIsAnErrorWithStatusOne() throws {
    let plan = "plans/chengqu-2017/plan.yaml"
    let missing = try CommandRunner.run(["schedule", plan, "--format", "csv", "-o", "/nonexistent/folder/out.csv"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("cannot write '/nonexistent/folder/out.csv'"))
    let readOnly = try CommandRunner.run(["schedule", plan, "--format", "csv", "-o", "/proc/plangraph.csv"])
    #expect(readOnly.status == 1)
    #expect(!FileManager.default.fileExists(atPath: "/proc/plangraph.csv"))
    // A full disk: a 64 KiB tmpfs, where the machine allows mounting one.
    let scratch = try Scratch()
    let mountPoint = scratch.url.appendingPathComponent("full").path
    try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
    guard
      (try? CommandRunner.runShell("mount -t tmpfs -o size=64k tmpfs \(mountPoint) 2>&1 && echo mounted"))?.contains(
        "mounted") == true
    else { return }
    defer { _ = try? CommandRunner.runShell("umount \(mountPoint)") }
    let full = try CommandRunner.run([
      "schedule", plan, "--format", "json", "-o", mountPoint + "/schedule.json", "--as-of", "2018-01-15",
    ])
    #expect(full.status == 1)
    #expect(full.stderr.contains("No space left on device"))
    #expect(((try? FileManager.default.contentsOfDirectory(atPath: mountPoint)) ?? ["?"]).isEmpty)
  }
}

/// Generated plans for the tests, through the command line.
enum PlanGeneratorBytes {
  static func json(tasks: Int) throws -> Data {
    try CommandRunner.run(["generate", "--tasks", String(tasks), "--seed", "3", "--format", "json"]).stdoutBytes
  }
}

extension CommandRunner {
  /// A run with its wall time and peak memory, measured by /usr/bin/time.
  struct Measured {
    var result: Result
    var seconds: Double
    var peakMiB: Double
  }

  static func measured(_ arguments: [String]) throws -> Measured {
    let binary = try #require(executable)
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-time-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: report) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
    process.arguments = ["-f", "%e %M", "-o", report.path, binary.path] + arguments
    process.currentDirectoryURL = packageRoot
    process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "COLUMNS": "80"]
    let out = Pipe()
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)  // failing, FileHandle throws below
    defer { try? FileManager.default.removeItem(at: errURL) }
    let errHandle = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = errHandle
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errHandle.close()
    let fields = ((try? String(contentsOf: report, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace)
      .suffix(2)
    let seconds = Double(fields.first ?? "") ?? .infinity
    let kilobytes = Double(fields.last ?? "") ?? .infinity
    let errData = (try? Data(contentsOf: errURL)) ?? Data()
    return Measured(
      result: Result(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData),
      seconds: seconds, peakMiB: kilobytes / 1024)
  }

  /// Starts a run and kills it with SIGKILL after `delay` seconds (if it is still running).
  static func killed(after delay: Double, _ arguments: [String]) throws {
    let binary = try #require(executable)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(UInt32(delay * 1_000_000))
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }
}
