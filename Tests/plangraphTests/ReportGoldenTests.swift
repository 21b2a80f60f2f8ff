import Foundation
import Testing

/// Every format of every report on the Chengqu plan, as of two dates, against reviewed golden files.
/// Re-record with `PLANGRAPH_RECORD=1 swift test --filter ReportGoldenTests` and review the diff.
@Suite struct ReportGoldenTests {
  static let plan = "plans/chengqu-2017/plan.yaml"
  static let dates = ["2018-01-15", "2026-11-29"]

  struct Case: CustomTestStringConvertible, Sendable {
    var command: String
    var format: String
    var language: String
    /// Nil for `critical`, whose paths are the plan's own whatever the date.
    var asOf: String?
    var testDescription: String { "\(command) \(format) \(language) \(asOf ?? "")" }
    var golden: String {
      let ext = ["table": "txt", "text": "txt", "json": "json", "csv": "csv", "md": "md"][format] ?? format
      return [command, asOf, language].compactMap { $0 }.joined(separator: "-") + "." + ext
    }
  }

  /// Each format of a command: JSON is the same in every language; the human formats come in both.
  static func cases(_ command: String, _ formats: [String], asOf: String?) -> [Case] {
    formats.flatMap { format in
      (format == "json" ? ["en"] : ["zh", "en"]).map {
        Case(command: command, format: format, language: $0, asOf: asOf)
      }
    }
  }

  static let cases: [Case] =
    dates.flatMap { date in
      cases("schedule", ["table", "json", "csv", "md"], asOf: date)
        + cases("overdue", ["table", "json", "csv", "md"], asOf: date)
    } + cases("critical", ["text", "json", "md"], asOf: nil) + cases("check", ["text"], asOf: "2018-01-15")

  @Test(arguments: cases)
  func matchesTheGoldenFile(_ c: Case) throws {
    let result = try CommandRunner.run(
      [c.command, Self.plan, "--format", c.format, "--lang", c.language] + (c.asOf.map { ["--as-of", $0] } ?? [])
        // The terminal tables at 80 columns; piped without --width they are never cut (PipedOutputTests).
        + (["table", "text"].contains(c.format) && c.command != "check" ? ["--width", "80"] : []))
    // `overdue` exits 1 when something is overdue, as it is on both dates; `check` exits 0 when valid.
    #expect(result.status == (c.command == "overdue" ? 1 : 0), "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    Golden.check(result.stdoutBytes, c.golden)
  }

  /// The keys of the contract's `counts` object.
  static let countFields: Set<String> = [
    "tasks", "done", "overdue", "atRisk", "dueSoon", "blocked", "onTrack", "cancelled", "markedBlocked",
    "missedOccurrences",
  ]

  @Test func jsonFollowsTheContractFieldForField() throws {
    let schedule = try CommandRunner.run(["schedule", Self.plan, "--as-of", "2018-01-15", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: schedule.stdoutBytes) as? [String: Any])
    #expect(Set(object.keys) == ["plan", "asOf", "start", "finish", "counts", "criticalPath", "tasks"])
    let counts = try #require(object["counts"] as? [String: Int])
    #expect(Set(counts.keys) == Self.countFields)
    let tasks = try #require(object["tasks"] as? [[String: Any]])
    #expect(tasks.count == 359)
    let fields: Set<String> = [
      "id", "name", "owner", "start", "finish", "latestStart", "latestFinish", "slack", "critical", "deadline",
      "forecastFinish", "status", "ownStatus", "blocked", "daysOverdue", "source",
      // An extension of the contract: the warning light (docs/plan-format.md).
      "warning",
    ]
    for task in tasks { #expect(Set(task.keys) == fields) }
    let statuses = Set(tasks.compactMap { $0["status"] as? String })
    #expect(statuses.isSubset(of: ["done", "overdue", "at-risk", "due-soon", "blocked", "on-track", "cancelled"]))

    let overdue = try CommandRunner.run(["overdue", Self.plan, "--as-of", "2018-01-15", "--format", "json"])
    let report = try #require(try JSONSerialization.jsonObject(with: overdue.stdoutBytes) as? [String: Any])
    #expect(Set(report.keys) == ["plan", "asOf", "window", "counts", "items"])
    #expect(report["counts"] as? [String: Int] == counts)
    #expect(report["window"] as? Int == 30)
    let items = try #require(report["items"] as? [[String: Any]])
    #expect(!items.isEmpty)
    for item in items {
      #expect(
        Set(item.keys) == [
          "id", "name", "owner", "status", "blocked", "deadline", "forecastFinish", "daysOverdue", "source",
          "warning",
        ])
    }
    // Ordered by status, then most days overdue.
    let ranks = items.map {
      ["overdue": 0, "at-risk": 1, "due-soon": 2, "blocked": 3][$0["status"] as? String ?? ""] ?? 9
    }
    #expect(ranks == ranks.sorted())
  }

  @Test func csvIsRFC4180WithAByteOrderMark() throws {
    let result = try CommandRunner.run([
      "overdue", Self.plan, "--as-of", "2026-11-29", "--format", "csv", "--lang", "zh",
    ])
    let bytes = [UInt8](result.stdoutBytes)
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    let records = try CSV.parse(text)
    // The ledger's columns, the same for schedule, overdue and export.
    #expect(records.first?.prefix(3) == ["编号", "名称", "责任单位"])
    #expect(records.first?.contains("佐证材料") == true && records.first?.contains("受阻") == true)
    let width = records.first?.count ?? 0
    #expect(records.allSatisfy { $0.count == width })
    #expect(text.hasSuffix("\r\n"))
  }

  @Test func theOwnerFilterTakesAUnitOrAWholeOrganisation() throws {
    let unit = try CommandRunner.run([
      "overdue", Self.plan, "--as-of", "2018-01-15", "--owner", "union.lead-group", "--format", "json",
    ])
    let unitItems = try #require(
      (try JSONSerialization.jsonObject(with: unit.stdoutBytes) as? [String: Any])?["items"] as? [[String: Any]])
    #expect(!unitItems.isEmpty && unitItems.allSatisfy { $0["owner"] as? String == "union.lead-group" })
    let organisation = try CommandRunner.run([
      "overdue", Self.plan, "--as-of", "2018-01-15", "--owner", "union", "--format", "json",
    ])
    let orgItems = try #require(
      (try JSONSerialization.jsonObject(with: organisation.stdoutBytes) as? [String: Any])?["items"] as? [[String: Any]]
    )
    #expect(orgItems.count > unitItems.count)
    #expect(orgItems.allSatisfy { ($0["owner"] as? String)?.hasPrefix("union") == true })
    let unknown = try CommandRunner.run(["overdue", Self.plan, "--owner", "unoin"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("did you mean 'union'"))
  }

  @Test func overdueExitsZeroWhenNothingIsOverdue() throws {
    // Before the first deadline nothing can be overdue.
    let early = try CommandRunner.run(["overdue", Self.plan, "--as-of", "2017-09-05", "--owner", "union"])
    #expect(early.status == 0)
  }
}

/// A strict RFC 4180 reader, to check the CSV the tool writes.
enum CSV {
  struct Malformed: Error {}

  static func parse(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let c = scalars.popFirst() {
      if quoted {
        if c == "\"" {
          if scalars.first == "\"" {
            scalars.removeFirst()
            field.unicodeScalars.append("\"")
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        guard field.isEmpty else { throw Malformed() }
        quoted = true
      } else if c == "," {
        fields.append(field)
        field = ""
      } else if c == "\r" {
        guard scalars.popFirst() == "\n" else { throw Malformed() }
        fields.append(field)
        records.append(fields)
        fields = []
        field = ""
      } else if c == "\n" {
        throw Malformed()
      } else {
        field.unicodeScalars.append(c)
      }
    }
    guard !quoted, field.isEmpty, fields.isEmpty else { throw Malformed() }
    return records
  }
}
