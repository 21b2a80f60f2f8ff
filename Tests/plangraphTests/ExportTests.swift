import Foundation
import Testing

/// `plangraph export` and `plangraph schema`: golden files, and checks that a wrong export would fail.
@Suite struct ExportTests {
  static let plan = "plans/chengqu-2017/plan.yaml"

  @Test(arguments: [("ics", "zh"), ("ics", "en"), ("mermaid", "zh"), ("mermaid", "en"), ("json", "en")])
  func matchesTheGoldenFile(_ format: String, _ language: String) throws {
    let result = try CommandRunner.run([
      "export", Self.plan, "--as-of", "2018-01-15", "--format", format, "--lang", language,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let ext = ["ics": "ics", "mermaid": "md", "json": "json"][format] ?? format
    Golden.check(result.stdoutBytes, "export-2018-01-15-\(language).\(ext)")
  }

  @Test func theSamePlanAndDateGiveTheSameBytes() throws {
    for format in ["ics", "mermaid", "json"] {
      let arguments = ["export", Self.plan, "--as-of", "2026-11-29", "--format", format]
      #expect(try CommandRunner.run(arguments).stdoutBytes == CommandRunner.run(arguments).stdoutBytes)
    }
  }

  @Test func icsIsFoldedEscapedAndComplete() throws {
    let result = try CommandRunner.run([
      "export", Self.plan, "--as-of", "2026-11-29", "--format", "ics", "--lang", "zh",
    ])
    let calendar = try ICS.parse(result.stdoutBytes)
    #expect(calendar.properties["VERSION"] == ["2.0"])
    #expect(calendar.properties["PRODID"]?.isEmpty == false)
    let todos = calendar.components.filter { $0.name == "VTODO" }
    #expect(todos.count > 100)
    var uids = Set<String>()
    for todo in todos {
      // A duty's own item has no due day: its occurrences, which refer to it, have.
      let isDuty = todo.properties["X-PLANGRAPH-OCCURRENCES"] != nil
      for required in ["UID", "DTSTAMP", "SUMMARY", isDuty ? "DTSTART" : "DUE", "STATUS"] {
        #expect(todo.properties[required] != nil, "VTODO without \(required)")
      }
      let uid = todo.properties["UID"]?.first ?? ""
      #expect(uids.insert(uid).inserted, "duplicate UID \(uid)")
      // No wall-clock time: the stamp is the as-of date.
      #expect(todo.properties["DTSTAMP"] == ["20261129T000000Z"])
    }
    // The union's mobilisation step: due mid-October 2017, overdue, with its source clause.
    let mobilise = try #require(todos.first { $0.properties["UID"] == ["union.steps.mobilise@plangraph"] })
    #expect(mobilise.properties["DUE"] == ["20171020"])
    #expect(mobilise.properties["SUMMARY"]?.first?.hasPrefix("[逾期]") == true)
    // Every quarter of the standing committee's meetings is its own to-do.
    let meetings = todos.filter {
      ($0.properties["UID"]?.first ?? "").hasPrefix("league.measures.org.congress.functions.standing-meetings/")
    }
    #expect(meetings.count > 30)
  }

  @Test func anOwnersFeedHoldsOnlyItsTasks() throws {
    let all = try ICS.parse(
      try CommandRunner.run(["export", Self.plan, "--as-of", "2018-01-15", "--format", "ics"]).stdoutBytes)
    let union = try ICS.parse(
      try CommandRunner.run(["export", Self.plan, "--as-of", "2018-01-15", "--format", "ics", "--owner", "union"])
        .stdoutBytes)
    let unionTodos = union.components.filter { $0.name == "VTODO" }
    #expect(!unionTodos.isEmpty && unionTodos.count < all.components.count)
    #expect(unionTodos.allSatisfy { ($0.properties["UID"]?.first ?? "").hasPrefix("union.") })
  }

  @Test func mermaidIsAFencedGanttWithSectionsAndTags() throws {
    let result = try CommandRunner.run([
      "export", Self.plan, "--as-of", "2018-01-15", "--format", "mermaid", "--lang", "zh",
    ])
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "```mermaid" && lines.dropFirst().first == "gantt" && lines.last == "```")
    #expect(lines.contains("    section 晋城市城区总工会（区总工会）"))
    let tasks = lines.filter { $0.hasPrefix("    ") && $0.contains(" :") && !$0.contains("section") }
    #expect(tasks.count == 257)
    var defined = Set<String>()
    for line in tasks {
      let fields = line.split(separator: ":", maxSplits: 1)[1].split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      // Every `after` names tasks defined above it, and every task name is free of Mermaid syntax.
      if let after = fields.first(where: { $0.hasPrefix("after ") }) {
        for id in after.dropFirst(6).split(separator: " ") { #expect(defined.contains(String(id)), "\(line)") }
      }
      let id = try #require(fields.first { $0.hasPrefix("t") && Int($0.dropFirst()) != nil })
      defined.insert(id)
      #expect(line.split(separator: ":").count == 2, "\(line)")
    }
    #expect(result.stdout.contains(":done, t"))
    #expect(result.stdout.contains("crit"))
  }

  @Test func theSchemaFileIsTheOneTheToolPrints() throws {
    let printed = try CommandRunner.run(["schema"])
    let committed = try Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent("docs/plan.schema.json"))
    #expect(printed.stdoutBytes == committed, "run: plangraph schema -o docs/plan.schema.json")
  }

  @Test func theSchemaAcceptsEveryValidPlanAndRefusesMistakes() throws {
    let valid = [
      "plans/chengqu-2017/plan.yaml", "plans/chengqu-2017/union.yaml", "plans/chengqu-2017/league.yaml",
      "plans/chengqu-2017/women.yaml", "Tests/PlanGraphTests/Fixtures/valid/date-forms.yaml",
      "Tests/PlanGraphTests/Fixtures/valid/every-key/plan.yaml",
      "Tests/PlanGraphTests/Fixtures/valid/every-key/league.yaml",
      "Tests/PlanGraphTests/Fixtures/valid/json/plan.json", "Tests/PlanGraphTests/Fixtures/valid/empty-lists.yaml",
      "Tests/PlanGraphTests/Fixtures/valid/anchors.yaml", "Tests/PlanGraphTests/Fixtures/valid/bom-crlf.yaml",
      "Tests/PlanGraphTests/Fixtures/valid/date-forms-v2.yaml",
      "Tests/PlanGraphTests/Fixtures/valid/date-forms-v2-json/plan.json",
    ]
    let invalid = [
      "unknown-key.yaml", "values.yaml", "invalid-duty.yaml", "durations.yaml", "missing-key.yaml",
      "dates-v2.yaml", "durations-v2.yaml", "calendar.yaml", "calendar-name.yaml",
    ].map { "Tests/PlanGraphTests/Fixtures/errors/" + $0 }
    let output = try CommandRunner.runShell(
      "/usr/bin/python3 Tests/plangraphTests/Scripts/validate_plans.py docs/plan.schema.json "
        + (valid + invalid).joined(separator: " "))
    for file in valid { #expect(output.contains(file + " valid"), "\(output)") }
    for file in invalid { #expect(output.contains(file + " invalid"), "\(output)") }
  }

  @Test func theSchemaKnowsExactlyTheLoadersKeys() throws {
    let data = try Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent("docs/plan.schema.json"))
    let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let definitions = try #require(schema["definitions"] as? [String: [String: Any]])
    func keys(_ object: [String: Any]?) -> Set<String> {
      Set((object?["properties"] as? [String: Any])?.keys ?? [:].keys)
    }
    // `warnings` and `support` are the documented extensions of the contract.
    #expect(keys(schema) == ["plan", "start", "calendar", "id", "owner", "include", "owners", "tasks", "warnings"])
    #expect(
      keys(definitions["task"]) == [
        "id", "name", "owner", "duration", "start", "deadline", "after", "status", "done", "progress", "evidence",
        "target", "measurements", "every", "from", "until", "source", "note", "tags", "tasks", "verified-by",
        "extensions", "support",
      ])
    #expect(keys(definitions["owner"]) == ["id", "name", "units"])
    #expect(keys(definitions["target"]) == ["metric", "op", "value", "unit"])
    #expect(keys(definitions["measurement"]) == ["date", "value"])
  }
}

/// A strict reader of iCalendar text: unfolds lines, checks line lengths and CRLF, collects properties.
enum ICS {
  struct Component {
    var name: String
    var properties: [String: [String]] = [:]
  }

  struct Calendar {
    var properties: [String: [String]] = [:]
    var components: [Component] = []
  }

  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  static func parse(_ data: Data) throws -> Calendar {
    let bytes = [UInt8](data)
    // Physical lines: CRLF-terminated, at most 75 octets.
    var lines: [[UInt8]] = []
    var start = 0
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x0D {
        guard i + 1 < bytes.count, bytes[i + 1] == 0x0A else { throw Malformed(description: "bare CR") }
        let line = Array(bytes[start..<i])
        guard line.count <= 75 else { throw Malformed(description: "line of \(line.count) octets") }
        guard String(validating: line, as: UTF8.self) != nil else { throw Malformed(description: "fold split UTF-8") }
        lines.append(line)
        i += 2
        start = i
      } else if bytes[i] == 0x0A {
        throw Malformed(description: "bare LF")
      } else {
        i += 1
      }
    }
    guard start == bytes.count else { throw Malformed(description: "no CRLF at the end") }
    // Unfold.
    var logical: [String] = []
    for line in lines {
      if line.first == 0x20, !logical.isEmpty {
        logical[logical.count - 1] += String(decoding: line.dropFirst(), as: UTF8.self)
      } else {
        logical.append(String(decoding: line, as: UTF8.self))
      }
    }
    var calendar = Calendar()
    var current: Component?
    guard logical.first == "BEGIN:VCALENDAR", logical.last == "END:VCALENDAR" else {
      throw Malformed(description: "not a VCALENDAR")
    }
    for line in logical.dropFirst().dropLast() {
      guard let colon = line.firstIndex(of: ":") else { throw Malformed(description: "no colon: \(line)") }
      // The property's name without its parameters (DUE;VALUE=DATE is DUE).
      let name = String(line[..<colon].split(separator: ";").first ?? "")
      let value = String(line[line.index(after: colon)...])
      if name == "BEGIN" {
        current = Component(name: value)
      } else if name == "END" {
        if let c = current { calendar.components.append(c) }
        current = nil
      } else if current != nil {
        current?.properties[name, default: []].append(value)
      } else {
        calendar.properties[name, default: []].append(value)
      }
    }
    return calendar
  }

  static func unescape(_ text: String) -> String {
    var out = ""
    var escaped = false
    for c in text {
      if escaped {
        out.append(c == "n" || c == "N" ? "\n" : c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else {
        out.append(c)
      }
    }
    return out
  }
}
