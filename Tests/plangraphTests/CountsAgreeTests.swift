import Foundation
import Testing

/// Every output that shows how many tasks are in each state shows the same numbers: rendered for real,
/// the numbers read back from each output's own text, and required equal to the JSON's `counts`.
@Suite struct CountsAgreeTests {
  /// A plan with a weekly duty missed eight times, a blocked overdue task, a done task and nested
  /// summaries whose statuses roll up, so that folding it to one level is a real test.
  static let smallPlan = """
    plan: 计数一致性
    start: 2018-01-01
    owners:
      - { id: office, name: 办公室 }
      - { id: youth, name: 青年部 }
    tasks:
      - id: reform
        name: 改革措施
        owner: office
        tasks:
          - { id: draft, name: 起草方案, duration: 10d, deadline: 2018-01-20, status: blocked, note: 等待区委批复 }
          - { id: review, name: 审议, duration: 5d, after: [draft], deadline: 2018-04-30 }
          - id: inner
            name: 配套制度
            tasks:
              - { id: rules, name: 制度, duration: 5d, done: 2018-01-08 }
              - { id: publish, name: 公布, duration: 3d, after: [rules], deadline: 2018-03-10 }
      - { id: weekly, name: 周报, every: week, owner: youth, from: 2018-01-01, done: [2018-01-03] }
      - { id: later, name: 远期任务, duration: 20d, owner: youth, deadline: 2018-12-31, progress: 10% }
      - { id: dropped, name: 已取消, duration: 2d, status: cancelled }

    """

  /// The numbers an output shows, keyed like the JSON's `counts`.
  typealias Numbers = [String: Int]

  static let statusWords: [(key: String, words: String)] = [
    ("overdue", "overdue"), ("atRisk", "at risk"), ("dueSoon", "due soon"), ("blocked", "blocked"),
    ("onTrack", "on track"), ("done", "done"),
  ]

  /// Reads "15 overdue · 0 at risk · …" and, when there, "253 tasks and 8 recurring duties".
  static func read(_ text: String) -> Numbers {
    var numbers: Numbers = [:]
    for (key, words) in statusWords {
      let pattern = try? Regex("(\\d+) " + words + "(?! \\w)")
      if let pattern, let match = text.firstMatch(of: pattern), let n = match.output[1].substring.flatMap({ Int($0) }) {
        numbers[key] = n
      }
    }
    if let match = text.firstMatch(of: /(\d+) tasks?(?: and (\d+) recurring dut(?:y|ies))?/) {
      numbers["tasks"] = (Int(match.1) ?? 0) + (match.2.flatMap { Int($0) } ?? 0)
    }
    // Absent where nothing was missed (a chart's legend says nothing then).
    numbers["missedOccurrences"] = text.firstMatch(of: /(\d+) missed occurrences?/).flatMap { Int($0.1) } ?? 0
    return numbers
  }

  /// The HTML cards: `<li class="s-overdue"><span class="n">15</span>`.
  static func readCards(_ html: String) -> Numbers {
    var numbers: Numbers = [:]
    let codes = [
      "overdue": "overdue", "atRisk": "at-risk", "dueSoon": "due-soon", "blocked": "blocked", "onTrack": "on-track",
      "done": "done",
    ]
    for (key, code) in codes {
      let pattern = try? Regex("<li class=\"s-" + code + "\"><span class=\"n\">(\\d+)</span>")
      if let pattern, let match = html.firstMatch(of: pattern), let n = match.output[1].substring.flatMap({ Int($0) }) {
        numbers[key] = n
      }
    }
    if let note = html.firstMatch(of: /<p class="note">([^<]*)<\/p>/) {
      for (key, value) in read(String(note.1)) where key == "tasks" || key == "missedOccurrences" {
        numbers[key] = value
      }
    }
    return numbers
  }

  /// The status keys and more of the JSON counts, to compare with what a human format shows.
  static func expected(_ counts: Numbers, keys: [String]) -> Numbers {
    counts.filter { keys.contains($0.key) }
  }

  static let allKeys = ["tasks", "overdue", "atRisk", "dueSoon", "blocked", "onTrack", "done", "missedOccurrences"]

  func checkEveryOutput(plan: String, asOf: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-counts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let common = ["--as-of", asOf, "--lang", "en"]

    let scheduleJSON = try CommandRunner.run(["schedule", plan, "--format", "json"] + common)
    let object = try #require(try JSONSerialization.jsonObject(with: scheduleJSON.stdoutBytes) as? [String: Any])
    let counts = try #require(object["counts"] as? Numbers)
    let overdueJSON = try CommandRunner.run(["overdue", plan, "--format", "json"] + common)
    let overdue = try #require(try JSONSerialization.jsonObject(with: overdueJSON.stdoutBytes) as? [String: Any])
    #expect(overdue["counts"] as? Numbers == counts, sourceLocation: sourceLocation)
    // The overdue report lists each missed occurrence once.
    let items = try #require(overdue["items"] as? [[String: Any]])
    let plainItems = items.filter { ($0["forecastFinish"] as? String) != nil || ($0["status"] as? String) != "overdue" }
    #expect(items.count - plainItems.count >= counts["missedOccurrences"] ?? 0, sourceLocation: sourceLocation)

    let want = Self.expected(counts, keys: Self.allKeys)
    var outputs: [(String, Numbers)] = []
    let check = try CommandRunner.run(["check", plan] + common)
    var checked = Self.read(check.stdout.components(separatedBy: "\n  status ").last ?? "")
    checked["tasks"] = check.stdout.firstMatch(of: /\n  status\s+(\d+)/).flatMap { Int($0.1) }
    outputs.append(("check", checked))
    for command in ["schedule", "overdue"] {
      for format in ["table", "md"] {
        let result = try CommandRunner.run([command, plan, "--format", format] + common)
        let total = result.stdout.components(separatedBy: "\n").first { $0.contains("Total: ") } ?? ""
        outputs.append(("\(command) \(format)", Self.read(total)))
      }
    }
    let html = folder.appendingPathComponent("report.html")
    _ = try CommandRunner.run(["report", plan, "-o", html.path, "--no-chart"] + common)
    outputs.append(("report", Self.readCards(String(decoding: try Data(contentsOf: html), as: UTF8.self))))
    for (name, extra) in [
      ("graph", ["--chart", "graph"]), ("timeline", ["--chart", "timeline"]), ("gantt", ["--chart", "gantt"]),
      ("graph folded", ["--chart", "graph", "--depth", "1"]),
    ] {
      let dot = folder.appendingPathComponent("chart.dot")
      _ = try CommandRunner.run(["render", plan, "-o", dot.path] + extra + common)
      let text = String(decoding: try Data(contentsOf: dot), as: UTF8.self)
      let legend = text.components(separatedBy: "\n").first { $0.contains("graph [") } ?? ""
      outputs.append(("chart \(name)", Self.read(legend)))
    }
    for (name, numbers) in outputs {
      #expect(numbers == want, "\(name) shows \(numbers), the JSON counts \(want)", sourceLocation: sourceLocation)
    }
    // The ledger's 总表, read back by openpyxl: its Total row holds every one of the JSON's counts.
    let workbook = folder.appendingPathComponent("ledger.xlsx")
    _ = try CommandRunner.run(["ledger", plan, "-o", workbook.path] + common)
    let ledger = try Self.ledgerTotals(workbook)
    #expect(
      ledger == counts, "the ledger's 总表 shows \(ledger), the JSON counts \(counts)", sourceLocation: sourceLocation)
  }

  /// The Total row of a ledger's summary sheet, as Scripts/ledger_totals.py reads it with openpyxl.
  static func ledgerTotals(_ workbook: URL) throws -> Numbers {
    let script = CommandRunner.packageRoot.appendingPathComponent("Tests/plangraphTests/Scripts/ledger_totals.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [script.path, workbook.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "ledger_totals.py failed")
    return try #require(try JSONSerialization.jsonObject(with: data) as? Numbers)
  }

  @Test(arguments: ["2018-01-15", "2026-12-04"])
  func theChengquPlanShowsOneSetOfNumbers(_ asOf: String) throws {
    try checkEveryOutput(plan: "plans/chengqu-2017/plan.yaml", asOf: asOf)
  }

  @Test func aPlanWithAMissedWeeklyDutyABlockedOverdueTaskAndRollUps() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-small-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("plan.yaml")
    try Data(Self.smallPlan.utf8).write(to: plan)
    // As of Monday 2018-03-05: eight weeks missed (01-08 … 03-04), draft blocked and overdue.
    try checkEveryOutput(plan: plan.path, asOf: "2018-03-05")
    let json = try CommandRunner.run(["schedule", plan.path, "--as-of", "2018-03-05", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
    let counts = try #require(object["counts"] as? Numbers)
    #expect(counts["missedOccurrences"] == 8 && counts["markedBlocked"] == 1 && counts["cancelled"] == 1)
    #expect(counts["tasks"] == 6 && counts["done"] == 1)
  }

  /// `--owner` is one filter: `schedule`, `overdue`, `report` and `render` count the same unit alike.
  @Test func oneUnitIsCountedAlikeByEveryCommand() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-unit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = "plans/chengqu-2017/plan.yaml"
    let common = ["--as-of", "2018-01-15", "--lang", "en", "--owner", "league"]
    let schedule = try CommandRunner.run(["schedule", plan, "--format", "json"] + common)
    let object = try #require(try JSONSerialization.jsonObject(with: schedule.stdoutBytes) as? [String: Any])
    let counts = try #require(object["counts"] as? Numbers)
    let whole = try CommandRunner.run(["schedule", plan, "--format", "json", "--as-of", "2018-01-15"])
    let wholeObject = try #require(try JSONSerialization.jsonObject(with: whole.stdoutBytes) as? [String: Any])
    #expect((counts["tasks"] ?? 0) < ((wholeObject["counts"] as? Numbers)?["tasks"] ?? 0))
    let overdue = try CommandRunner.run(["overdue", plan, "--format", "json"] + common)
    let report = try #require(try JSONSerialization.jsonObject(with: overdue.stdoutBytes) as? [String: Any])
    #expect(report["counts"] as? Numbers == counts)
    let want = Self.expected(counts, keys: Self.allKeys)
    let html = folder.appendingPathComponent("report.html")
    _ = try CommandRunner.run(["report", plan, "-o", html.path, "--no-chart"] + common)
    #expect(Self.readCards(String(decoding: try Data(contentsOf: html), as: UTF8.self)) == want)
    let dot = folder.appendingPathComponent("chart.dot")
    _ = try CommandRunner.run(["render", plan, "-o", dot.path] + common)
    let text = String(decoding: try Data(contentsOf: dot), as: UTF8.self)
    let legend = text.components(separatedBy: "\n").first { $0.contains("graph [") } ?? ""
    #expect(Self.read(legend) == want)
    // The chart names the unit.
    #expect(legend.contains("共青团晋城市城区委员会"))
  }

  /// A unit's chart keeps its links to other units' tasks as grey stubs naming their owner, outside the counts.
  @Test func aUnitsChartKeepsItsLinksToOtherUnits() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-stub-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let dot = folder.appendingPathComponent("chart.dot")
    let arguments = [
      "render", "plans/chengqu-2017/plan.yaml", "-o", dot.path, "--as-of", "2018-01-15", "--lang", "zh", "--owner",
      "union.lead-group",
    ]
    _ = try CommandRunner.run(arguments)
    let text = String(decoding: try Data(contentsOf: dot), as: UTF8.self)
    // The lead group's plan waits for the union's own task of setting the group up.
    #expect(text.contains("\"union.steps.mobilise.lead-group\" [\"label\"=\"成立改革工作领导组 · 晋城市城区总工会（区总工会）\""))
    #expect(text.contains("\"union.steps.mobilise.lead-group\" -> \"union.steps.mobilise.plan\" [\"style\"=\"dashed\""))
    // Stubs are not the unit's tasks: the legend still counts its 2.
    #expect(text.contains("2 项具体任务"))
  }
}
