import PlanGraph

/// `PlanDiff` as text: a table grouped by owner unit (biggest slips first), JSON, CSV or Markdown.
public struct DiffReport: Sendable {
  /// The comparison.
  public let diff: PlanDiff
  /// The language of the table and Markdown (JSON and CSV keys stay English).
  public let language: Language

  /// Creates the report.
  public init(_ diff: PlanDiff, language: Language) {
    self.diff = diff
    self.language = language
    self.words = HistoryWords(language)
  }

  /// The language's history words, copied once: a report asks for them on every row.
  private let words: HistoryWords

  /// The changed tasks grouped by unit, units in order of their biggest slip, then by name.
  private var groups: [(unit: String, changes: [TaskChange])] {
    var order: [String] = []
    var byUnit: [String: [TaskChange]] = [:]
    for change in diff.changed {  // already biggest slips first
      if byUnit[change.task.unit] == nil { order.append(change.task.unit) }
      byUnit[change.task.unit, default: []].append(change)
    }
    return order.map { ($0, byUnit[$0] ?? []) }
  }

  private func statusText(_ change: TaskChange) -> String {
    change.status.old == change.status.new
      ? change.status.new.label(language)
      : "\(change.status.old.label(language)) → \(change.status.new.label(language))"
  }

  /// The terminal table, fitted to `width` columns.
  public func table(width: Int = 80, style: TerminalStyle = .plain) -> String {
    let title = TerminalText.inline(words.changes(from: diff.from, to: diff.to, asOf: diff.asOf))
    var out = style.bold(TextWidth.truncate(title, to: width)) + "\n"
    out += TextWidth.truncate(words.planFinish(diff.finish.old, diff.finish.new, moved: diff.finishMoved), to: width)
    out += "\n"
    if diff.criticalPath.old != diff.criticalPath.new {
      for (before, path) in [(true, diff.criticalPath.old), (false, diff.criticalPath.new)] {
        out += TextWidth.truncate(TerminalText.inline(words.criticalPath(before: before, path)), to: width) + "\n"
      }
    }
    if diff.changed.isEmpty && diff.added.isEmpty && diff.removed.isEmpty {
      return out + "\n" + words.noChanges + "\n"
    }
    if !diff.changed.isEmpty {
      out += "\n" + style.bold(words.changed(diff.changed.count)) + "\n"
      var table = TextTable(columns: [
        .init(words.task, flexible: true), .init(words.forecast), .init(words.movedHeader, rightAligned: true),
        .init(words.status),
      ])
      for (unit, changes) in groups {
        table.rows.append(
          .line(TextTable.Cell("【\(unit.isEmpty ? words.noUnit : unit)】", paint: { style.bold($0) }), indent: 0))
        for change in changes {
          let late = change.movedPastDeadline
          let paint: @Sendable (String) -> String = { late ? style.red($0) : $0 }
          table.rows.append(
            .cells([
              .init(change.task.name), .init(change.forecastFinish.new?.iso ?? ""),
              .init(words.moved(change.forecastMoved), paint: paint),
              .init(statusText(change), paint: paint),
            ]))
          table.rows.append(.line(.init(change.task.id), indent: 2))
          for field in change.fields {
            let old = field.old.isEmpty ? words.none : words.value(field.field, field.old)
            let new = field.new.isEmpty ? words.none : words.value(field.field, field.new)
            table.rows.append(.line(.init("\(words.field(field.field)): \(old) → \(new)"), indent: 4))
          }
          if let planned = change.plannedMoved, planned != 0 {
            table.rows.append(
              .line(
                .init(
                  "\(words.planned): \(change.plannedFinish.old?.iso ?? "") → \(change.plannedFinish.new?.iso ?? "")"
                    + " (\(words.moved(planned)))"), indent: 4))
          }
          if late {
            table.rows.append(.line(.init("! " + words.pastDeadline, paint: { style.red($0) }), indent: 4))
          }
        }
      }
      out += table.render(width: width, style: style)
    }
    for (title, tasks, mark) in [
      (words.added(diff.added.count), diff.added, "+"), (words.removed(diff.removed.count), diff.removed, "-"),
    ] where !tasks.isEmpty {
      out += "\n" + style.bold(title) + "\n"
      for task in tasks {
        let line = "\(mark) \(task.id)  \(task.name)" + (task.owner.isEmpty ? "" : "  (\(task.owner))")
        out += TextWidth.truncate(TerminalText.inline(line), to: width) + "\n"
      }
    }
    return out
  }

  /// The comparison as one JSON object, written through `ByteWriter`: a diff of a large plan runs to
  /// tens of thousands of changed tasks.
  public func json() -> [UInt8] {
    var w = ByteWriter(capacity: 256 + diff.changed.count * 400)
    json(into: &w)
    return w.bytes
  }

  /// Writes the comparison as compact JSON into `w`, through the object writer: no comma is written here.
  public func json(into w: inout ByteWriter) {
    func reference(_ task: TaskReference) {
      var object = w.beginCompactObject()
      w.field("id", task.id, in: &object)
      w.field("name", task.name, in: &object)
      w.field("owner", task.owner, in: &object)
      w.field("unit", task.unit, in: &object)
      w.end(object)
    }
    func pair<T>(
      _ name: String, _ old: T, _ new: T, in object: inout JSONObject,
      _ write: (inout ByteWriter, String, T, inout JSONObject) -> Void
    ) {
      w.key(name, in: &object)
      var inner = w.beginCompactObject()
      write(&w, "old", old, &inner)
      write(&w, "new", new, &inner)
      w.end(inner)
    }
    func moved(_ name: String, _ old: Day?, _ new: Day?, _ days: Int?, in object: inout JSONObject) {
      w.key(name, in: &object)
      var inner = w.beginCompactObject()
      w.field("old", old, in: &inner)
      w.field("new", new, in: &inner)
      w.field("moved", days, in: &inner)
      w.end(inner)
    }
    var top = w.beginCompactObject()
    w.field("from", diff.from, in: &top)
    w.field("to", diff.to, in: &top)
    w.field("asOf", diff.asOf, in: &top)
    moved("finish", diff.finish.old, diff.finish.new, diff.finishMoved, in: &top)
    pair("criticalPath", diff.criticalPath.old, diff.criticalPath.new, in: &top) { w, key, list, object in
      w.key(key, in: &object)
      w.writeJSON(list, compact: true)
    }
    for (name, tasks) in [("added", diff.added), ("removed", diff.removed)] {
      w.key(name, in: &top)
      var array = w.beginInlineArray(compact: true)
      for task in tasks {
        w.element(in: &array)
        reference(task)
      }
      w.end(array)
    }
    w.key("changed", in: &top)
    var changed = w.beginInlineArray(compact: true)
    for change in diff.changed {
      w.element(in: &changed)
      var object = w.beginCompactObject()
      w.field("id", change.task.id, in: &object)
      if change.oldID != change.task.id { w.field("renamedFrom", change.oldID, in: &object) }
      w.field("name", change.task.name, in: &object)
      w.field("owner", change.task.owner, in: &object)
      w.field("unit", change.task.unit, in: &object)
      w.key("fields", in: &object)
      var fields = w.beginInlineArray(compact: true)
      for field in change.fields {
        w.element(in: &fields)
        var entry = w.beginCompactObject()
        w.field("field", field.field, in: &entry)
        w.field("old", field.old, in: &entry)
        w.field("new", field.new, in: &entry)
        w.end(entry)
      }
      w.end(fields)
      moved("plannedFinish", change.plannedFinish.old, change.plannedFinish.new, change.plannedMoved, in: &object)
      moved("forecastFinish", change.forecastFinish.old, change.forecastFinish.new, change.forecastMoved, in: &object)
      pair("deadline", change.deadline.old, change.deadline.new, in: &object) { w, key, day, object in
        w.field(key, day, in: &object)
      }
      pair("status", change.status.old.rawValue, change.status.new.rawValue, in: &object) { w, key, code, object in
        w.field(key, code, in: &object)
      }
      w.field("movedPastDeadline", change.movedPastDeadline, in: &object)
      w.end(object)
    }
    w.end(changed)
    w.end(top)
    w.write("\n")
  }

  /// The CSV header.
  public static let csvHeader = [
    "change", "id", "old_id", "name", "owner", "unit", "planned_old", "planned_new", "planned_moved",
    "forecast_old", "forecast_new", "forecast_moved", "deadline_old", "deadline_new", "status_old", "status_new",
    "moved_past_deadline", "fields",
  ]

  /// One record per changed, added or removed task.
  public func csv() -> String {
    var records: [[String]] = []
    for change in diff.changed {
      let fields = change.fields.map { "\($0.field): \($0.old) → \($0.new)" }.joined(separator: "; ")
      records.append([
        "changed", change.task.id, change.oldID, change.task.name, change.task.owner, change.task.unit,
        change.plannedFinish.old?.iso ?? "", change.plannedFinish.new?.iso ?? "",
        change.plannedMoved.map(String.init) ?? "",
        change.forecastFinish.old?.iso ?? "", change.forecastFinish.new?.iso ?? "",
        change.forecastMoved.map(String.init) ?? "", change.deadline.old?.iso ?? "", change.deadline.new?.iso ?? "",
        change.status.old.rawValue, change.status.new.rawValue, change.movedPastDeadline ? "true" : "false", fields,
      ])
    }
    for (kind, tasks) in [("added", diff.added), ("removed", diff.removed)] {
      for task in tasks {
        records.append(
          [kind, task.id, "", task.name, task.owner, task.unit] + Array(repeating: "", count: 11) + [""])
      }
    }
    return CSVText.document(header: Self.csvHeader, records: records)
  }

  /// The comparison as Markdown: a heading per section, a table of changed tasks per unit.
  public func markdown() -> String {
    var out = "## " + MarkdownText.cell(words.changes(from: diff.from, to: diff.to, asOf: diff.asOf)) + "\n\n"
    out += MarkdownText.cell(words.planFinish(diff.finish.old, diff.finish.new, moved: diff.finishMoved)) + "\n\n"
    if diff.criticalPath.old != diff.criticalPath.new {
      out += "- " + MarkdownText.cell(words.criticalPath(before: true, diff.criticalPath.old)) + "\n"
      out += "- " + MarkdownText.cell(words.criticalPath(before: false, diff.criticalPath.new)) + "\n\n"
    }
    for (unit, changes) in groups {
      out += "### " + MarkdownText.cell(unit.isEmpty ? words.noUnit : unit) + "\n\n"
      let rows = changes.map { change in
        [
          MarkdownText.cell(change.task.name) + " (" + MarkdownText.cell(change.task.id) + ")",
          change.forecastFinish.new?.iso ?? "", words.moved(change.forecastMoved),
          MarkdownText.cell(statusText(change)),
          change.fields.map {
            MarkdownText.cell(
              "\(words.field($0.field)): \(words.value($0.field, $0.old)) → \(words.value($0.field, $0.new))")
          }.joined(
            separator: "<br>"),
        ]
      }
      out += MarkdownText.table(
        header: [words.task, words.forecast, words.movedHeader, words.status, words.changesHeader],
        rightAligned: [2], rows: rows)
      out += "\n"
    }
    for (title, tasks) in [
      (words.added(diff.added.count), diff.added), (words.removed(diff.removed.count), diff.removed),
    ]
    where !tasks.isEmpty {
      out += "### " + MarkdownText.cell(title) + "\n\n"
      for task in tasks {
        out +=
          "- " + MarkdownText.cell(task.id) + " " + MarkdownText.cell(task.name)
          + (task.owner.isEmpty ? "" : " (" + MarkdownText.cell(task.owner) + ")") + "\n"
      }
      out += "\n"
    }
    return out
  }
}
