import PlanGraph

/// `PlanHistoryLog` as text: a table per selected task (or one of the plan's finish and counts), JSON or CSV.
/// The counts are the contract's `StatusCounts`, keyed and worded as `schedule` and `check` say them.
public struct HistoryReport: Sendable {
  /// The history.
  public let log: PlanHistoryLog
  /// The language of the table's words.
  public let language: Language

  /// Creates the report.
  public init(_ log: PlanHistoryLog, language: Language) {
    self.log = log
    self.language = language
    self.words = HistoryWords(language)
  }

  /// The language's history words, copied once: a report asks for them on every row.
  private let words: HistoryWords

  /// The table: with tasks, one block per task (commit, date, deadline, planned, forecast, status,
  /// message); without, the plan's finish and counts per commit.
  public func table(width: Int = 80, style: TerminalStyle = .plain) -> String {
    var out = ""
    if log.selection.isEmpty {
      let statuses = StatusCounts.shownStatuses
      var table = TextTable(
        columns: [.init(words.commit), .init(words.date), .init(words.finish), .init(words.tasks, rightAligned: true)]
          + statuses.map { .init($0.label(language), rightAligned: true) } + [.init(words.message, flexible: true)])
      for point in log.points {
        let numbers =
          point.isValid
          ? ["\(point.counts.tasks)"] + statuses.map { "\(point.counts.count(of: $0))" }
          : [words.invalid] + statuses.map { _ in "" }
        table.rows.append(
          .cells(
            [.init(point.commit.id.short), .init(point.reportDay.iso), .init(point.finish?.iso ?? "")]
              + numbers.map { .init($0) } + [.init(point.commit.summary)]))
      }
      return table.render(width: width, style: style)
    }
    for (k, name) in log.names.enumerated() {
      out +=
        (k == 0 ? "" : "\n")
        + style.bold(TextWidth.truncate(TerminalText.inline("\(name) (\(log.selection[k]))"), to: width)) + "\n"
      var table = TextTable(columns: [
        .init(words.commit), .init(words.date), .init(words.deadline), .init(words.planned), .init(words.forecast),
        .init(words.status), .init(words.message, flexible: true),
      ])
      for point in log.points {
        guard let task = point.tasks[k] else { continue }
        table.rows.append(
          .cells([
            .init(point.commit.id.short), .init(point.reportDay.iso), .init(task.deadline?.iso ?? ""),
            .init(task.plannedFinish?.iso ?? ""), .init(task.forecastFinish?.iso ?? ""),
            .init(task.status.label(language)), .init(point.commit.summary),
          ]))
      }
      out += table.render(width: width, style: style)
    }
    return out
  }

  /// The history as one JSON object: `commits`, oldest first, each with its finish, counts and tasks.
  public func json() -> String {
    var w = ByteWriter()
    json(into: &w)
    return String(decoding: w.bytes, as: UTF8.self)
  }

  /// Writes the history as compact JSON into `w`, through the object writer.
  public func json(into w: inout ByteWriter) {
    var top = w.beginCompactObject()
    w.field("tasks", log.selection, compact: true, in: &top)
    w.key("commits", in: &top)
    var commits = w.beginInlineArray(compact: true)
    for point in log.points {
      w.element(in: &commits)
      var object = w.beginCompactObject()
      w.field("commit", point.commit.id.description, in: &object)
      w.field("author", point.commit.author, in: &object)
      w.field("date", point.commit.day, in: &object)
      w.field("reportDate", point.reportDay, in: &object)
      w.field("message", point.commit.summary, in: &object)
      w.field("valid", point.isValid, in: &object)
      w.field("finish", point.finish, in: &object)
      w.key("counts", in: &object)
      var counts = w.beginCompactObject()
      for (key, value) in point.counts.jsonFields { w.field(key, value, in: &counts) }
      w.end(counts)
      w.key("tasks", in: &object)
      var tasks = w.beginInlineArray(compact: true)
      for task in point.tasks {
        w.element(in: &tasks)
        guard let task else {
          w.write("null")
          continue
        }
        var entry = w.beginCompactObject()
        w.field("id", task.id, in: &entry)
        w.field("name", task.name, in: &entry)
        w.field("deadline", task.deadline, in: &entry)
        w.field("plannedFinish", task.plannedFinish, in: &entry)
        w.field("forecastFinish", task.forecastFinish, in: &entry)
        w.field("status", task.status.rawValue, in: &entry)
        w.end(entry)
      }
      w.end(tasks)
      w.end(object)
    }
    w.end(commits)
    w.end(top)
    w.write("\n")
  }

  /// The CSV columns of the counts: the contract's `counts` keys in snake case (`at_risk`, `marked_blocked` …).
  static let countColumns = StatusCounts().jsonFields.map { field in
    field.0.reduce(into: "") { text, c in text += c.isUppercase ? "_" + c.lowercased() : String(c) }
  }

  /// The CSV header.
  public static let csvHeader =
    ["commit", "author", "date", "report_date", "message", "finish"] + countColumns
    + ["task", "name", "deadline", "planned_finish", "forecast_finish", "status"]

  /// One record per commit (no tasks selected) or per commit and task.
  public func csv() -> String {
    var records: [[String]] = []
    for point in log.points {
      let common =
        [
          point.commit.id.description, point.commit.author, point.commit.day.iso, point.reportDay.iso,
          point.commit.summary, point.finish?.iso ?? "",
        ] + point.counts.jsonFields.map { point.isValid ? "\($0.1)" : "" }
      if log.selection.isEmpty { records.append(common + Array(repeating: "", count: 6)) }
      for task in point.tasks {
        guard let task else { continue }
        records.append(
          common + [
            task.id, task.name, task.deadline?.iso ?? "", task.plannedFinish?.iso ?? "", task.forecastFinish?.iso ?? "",
            task.status.rawValue,
          ])
      }
    }
    return CSVText.document(header: Self.csvHeader, records: records)
  }
}
