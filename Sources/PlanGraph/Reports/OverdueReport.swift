/// The supervisors' report: overdue, at-risk and due-soon items grouped by owner unit, with counts.
///
/// `model()` computes what it says once; each format renders that model into a `ByteWriter` with the
/// shared renderers (`TextTable`, `CSVText`, `MarkdownText`, the JSON object writer) and the words of
/// the language's table (`Words`).
public struct OverdueReport: Sendable {
  /// The plan.
  public let plan: Plan
  /// Its schedule as of a date.
  public let schedule: Schedule
  /// The items, already filtered and ordered.
  public let list: OverdueList
  /// The language of headings and words (JSON stays English).
  public let language: Language
  /// The warning rules that give each item its light: the plan's unless replaced (`--rules`).
  public var warningRules: WarningRules
  /// Creates the report.
  public init(plan: Plan, schedule: Schedule, list: OverdueList, language: Language) {
    self.plan = plan
    self.schedule = schedule
    self.list = list
    self.language = language
    self.warningRules = plan.warnings
  }

  private var words: Words { language.words }

  // MARK: - Formats

  /// The contract's JSON: plan, asOf, window, counts and the items.
  public func json() -> [UInt8] {
    var out = ByteWriter(capacity: 64 + list.items.count * 300)
    json(model(grouped: false), into: &out)
    return out.takeBytes()
  }

  /// Writes the contract's JSON of `model` into `out`.
  public func json(_ model: Model, into out: inout ByteWriter) {
    json(model, into: &out, chunk: OverdueItemWriter.chunk(items: model.items.count))
  }

  /// Writes the contract's JSON of `model` into `out`, the items on two threads `chunk` at a time when
  /// given (`OverdueItemWriter`); the bytes are the same.
  package func json(_ model: Model, into out: inout ByteWriter, chunk: Int?) {
    var top = out.beginObject(multiline: true)
    out.field("plan", plan.title, in: &top)
    out.field("asOf", schedule.asOf, in: &top)
    out.field("window", schedule.window, in: &top)
    out.key("counts", in: &top)
    out.writeJSON(model.counts)
    out.key("items", in: &top)
    var items = out.beginArray(indent: 4)
    OverdueItemWriter(report: self, model: model).write(into: &out, array: &items, chunk: chunk)
    out.end(items)
    out.end(top)
  }

  /// RFC 4180 CSV with a byte-order mark: one ledger record per item (each missed occurrence its own).
  public func csv() -> String {
    var out = ByteWriter()
    csv(model(grouped: false), into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the CSV of `model` into `out`.
  public func csv(_ model: Model, into out: inout ByteWriter) {
    LedgerCSV(plan: plan, schedule: schedule, language: language, rules: warningRules, lights: model.lights)
      .write(items: model.items, into: &out)
  }

  /// Markdown: a section per owner unit with its counts and a table, then the totals.
  public func markdown() -> String {
    var out = ByteWriter()
    markdown(model(), into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the Markdown of `model` into `out`.
  public func markdown(_ model: Model, into out: inout ByteWriter) {
    out.write("## " + MarkdownText.cell(plan.title) + "\n\n" + asOfLine() + "\n\n")
    if model.groups.isEmpty {
      out.write(words.report.nothingToAct + "\n")
      return
    }
    let header = [
      words.status, words.warning, words.task, words.deadline, words.days, words.planned, words.forecast,
      words.critical, words.source,
    ]
    for group in model.groups {
      out.write("### " + MarkdownText.cell(groupTitle(group.owner)) + "\n\n" + countLine(group.counts) + "\n\n")
      let rows = group.rows.lazy.map { row -> [String] in
        let task = self.plan.tasks[row.item.task]
        let details = [self.missedText(row), self.holdsUpText(row.item.task, in: model)].compactMap { $0 }
        return [
          self.statusText(row.item),
          MarkdownText.cell(self.warningRules.word(model.lights[row.item.task], self.language)),
          MarkdownText.cell(self.rowName(row)) + " `" + task.fullID + "`"
            + details.map { "<br>" + MarkdownText.cell($0) }.joined(),
          ReportText.day(row.item.deadline), self.daysText(row.item), ReportText.day(self.plannedFinish(row)),
          ReportText.day(row.item.forecastFinish), self.schedule.tasks[row.item.task].isCritical ? "★" : "",
          MarkdownText.cell(task.source ?? ""),
        ]
      }
      MarkdownText.writeTable(header: header, rows: rows, into: &out)
      out.write("\n")
    }
    out.write("**" + totalLine(model) + "**\n")
    if let line = truncationLine(model) { out.write("\n" + line + "\n") }
  }

  /// The terminal report, fitting `width` columns: per unit a heading with counts, a row per item and a
  /// line with its id and source clause, then the totals.
  public func table(width: Int, style: TerminalStyle) -> String {
    var out = ByteWriter()
    table(model(), width: width, style: style, into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the terminal report of `model` into `out`.
  public func table(_ model: Model, width: Int, style: TerminalStyle, into out: inout ByteWriter) {
    // On a narrow terminal the date goes under the title rather than wrapping in the middle of a word.
    if TextWidth.of(plan.title + "  " + asOfLine()) > width {
      out.write(style.bold(plan.title) + "\n" + asOfLine() + "\n")
    } else {
      out.write(style.bold(plan.title) + "  " + asOfLine() + "\n")
    }
    if model.groups.isEmpty {
      out.write("\n" + style.green(words.report.nothingToAct) + "\n")
      return
    }
    let columns = [
      TextTable.Column(words.status), TextTable.Column(words.warning), TextTable.Column(words.deadline),
      TextTable.Column(words.days, rightAligned: true), TextTable.Column(words.planned),
      TextTable.Column(words.forecast), TextTable.Column(words.task, flexible: true),
    ]
    let dim: @Sendable (String) -> String = { style.dim($0) }
    let bold: @Sendable (String) -> String = { style.bold($0) }
    let plain: @Sendable (String) -> String = { $0 }
    // One table for all units, so that columns line up down the whole report; its rows are made as the
    // table asks for them (twice: to measure, then to write), never held.
    let table = TextTable(columns: columns)
    func rows(_ each: (TextTable.Row) -> Void) {
      for group in model.groups {
        each(.line(TextTable.Cell(""), indent: 0))
        each(.line(TextTable.Cell(groupTitle(group.owner), paint: bold), indent: 0))
        each(.line(TextTable.Cell(countLine(group.counts)), indent: 0))
        for row in group.rows {
          let index = row.item.task
          let critical = schedule.tasks[index].isCritical ? "★ " : ""
          let light = model.lights[index]
          each(
            .cells([
              TextTable.Cell(statusText(row.item), paint: ReportText.paint(row.item.status, style)),
              TextTable.Cell(warningRules.word(light, language), paint: ReportText.paint(light, warningRules, style)),
              TextTable.Cell(ReportText.day(row.item.deadline)),
              TextTable.Cell(daysText(row.item), paint: ReportText.paint(row.item.status, style)),
              TextTable.Cell(ReportText.day(plannedFinish(row))),
              TextTable.Cell(ReportText.day(row.item.forecastFinish)),
              TextTable.Cell(critical + rowName(row), paint: plan.tasks[index].isSummary ? bold : plain),
            ]))
          each(.line(TextTable.Cell(detail(row, in: model), paint: dim), indent: 2))
        }
      }
    }
    table.render(width: width, style: style, into: &out, rows: rows)
    out.write("\n")
    for line in TextWidth.wrap(totalLine(model), width: width, after: Self.countBreaks) {
      out.write(style.bold(line) + "\n")
    }
    if let line = truncationLine(model) { out.write(line + "\n") }
    if model.groups.contains(where: { $0.rows.contains { schedule.tasks[$0.item.task].isCritical } }) {
      out.write(words.report.criticalKey + "\n")
    }
  }

  // MARK: - Words

  /// Where a line of counts may fold on a narrow terminal: between its items.
  static let countBreaks = ["：", "；", " · ", ": ", "; "]

  /// Said when the schedule lists fewer missed occurrences than there are.
  private func truncationLine(_ model: Model) -> String? {
    model.missedListedOfMore.map(words.report.moreMissedThanListed)
  }

  private func asOfLine() -> String {
    words.report.asOf + schedule.asOf.iso + words.report.dueSoonWindow(schedule.window)
  }

  /// A group's heading: the unit's names and id, or the words for no owner.
  func groupTitle(_ owner: Int?) -> String {
    guard let owner else { return words.noOwner }
    return ReportText.ownerPath(owner, in: plan) + "  (" + plan.owners[owner].id + ")"
  }

  /// A unit's line: how many of its tasks need action, by status, and its missed occurrences.
  func countLine(_ counts: StatusCounts) -> String {
    var line = counts.statusLine(language, statuses: [.overdue, .atRisk, .dueSoon, .blocked])
    if counts.missedOccurrences > 0 { line += words.report.unitMissed(counts.missedOccurrences) }
    return line
  }

  /// The totals: the counts over every task the report covers, the same numbers every output shows.
  func totalLine(_ model: Model) -> String {
    words.report.total + model.counts.sentence(language)
  }

  /// The status in words, with 受阻 / blocked beside a time status when the task carries the flag.
  func statusText(_ item: OverdueList.Item) -> String {
    let text =
      item.occurrence == nil
      ? ReportText.statusWords(item.status, of: plan.tasks[item.task], language: language) : item.status.label(language)
    guard item.isBlocked, item.status != .blocked else { return text }
    return text + " · " + ScheduleStatus.blocked.label(language)
  }

  func daysText(_ item: OverdueList.Item) -> String {
    if let late = item.daysOverdue { return words.report.daysLate(late) }
    guard item.status != .overdue, let deadline = item.deadline else { return "" }
    let left = deadline.days(since: schedule.asOf)
    return left == 0 ? words.report.today : words.report.daysLeft(left)
  }

  func plannedFinish(_ row: Model.Row) -> Day? {
    row.item.occurrence == nil ? schedule.tasks[row.item.task].finish : nil
  }

  /// The task's name; for a duty's missed occurrences, prefixed by how many were missed.
  func rowName(_ row: Model.Row) -> String {
    let mark = row.isSupporting ? words.supportingMark : ""
    let name = plan.tasks[row.item.task].name
    guard row.item.occurrence != nil else { return mark + name }
    return mark + "↻ " + (row.missedCount > 1 ? "×\(row.missedCount) " : "") + name
  }

  /// For a duty's missed occurrences: which due days were missed; for its pending one, when it is due.
  func missedText(_ row: Model.Row) -> String? {
    guard row.item.occurrence != nil else { return nil }
    let first = ReportText.day(row.item.deadline)
    if row.item.status == .dueSoon { return words.report.occurrenceDue(first) }
    if row.missedCount == 1 { return words.report.missedOnce(first) }
    return words.report.missedTimes((row.missedCount, first, ReportText.day(row.lastDue)))
  }

  /// What a listed task holds up, in words: "影响后续 3 项，最近截止 2018-03-31".
  func holdsUpText(_ task: Int, in model: Model) -> String? {
    model.holdsUp[task].flatMap { Downstream.words($0, language) }
  }

  private func detail(_ row: Model.Row, in model: Model) -> String {
    let index = row.item.task
    let task = plan.tasks[index]
    var parts = [task.fullID]
    if let missed = missedText(row) { parts.append(missed) }
    if let blocks = holdsUpText(index, in: model) { parts.append(blocks) }
    if row.item.isBlocked {
      parts.append(ScheduleStatus.blocked.label(language) + (task.note.map { words.report.colon + $0 } ?? ""))
    }
    if let source = task.source { parts.append(source) }
    if let target = task.target {
      var text = words.report.targetPrefix + ReportText.target(target)
      if let latest = schedule.tasks[index].latestMeasurement {
        text += words.report.latestPrefix + latest.value.description + " (" + latest.date.iso + ")"
      }
      parts.append(text)
    }
    return parts.joined(separator: " · ")
  }
}
