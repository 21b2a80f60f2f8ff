/// The supervisors' report: overdue, at-risk and due-soon items grouped by owner unit, with counts.
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
  /// Each owner's counts (the tasks it owns; `nil`'s: those with no owner), tallied in one pass over
  /// the plan: counting per group line instead cost a pass per unit, 1 s of a 100,000-task table.
  private let ownerCounts: [Int?: StatusCounts]

  /// Creates the report.
  public init(plan: Plan, schedule: Schedule, list: OverdueList, language: Language) {
    self.plan = plan
    self.schedule = schedule
    self.list = list
    self.language = language
    self.warningRules = plan.warnings
    var counts: [Int?: StatusCounts] = [:]
    for i in plan.tasks.indices where plan.tasks[i].isLeaf || plan.tasks[i].isDuty {
      counts[plan.tasks[i].owner, default: StatusCounts()].add(schedule.tasks[i], isDuty: plan.tasks[i].isDuty)
    }
    self.ownerCounts = counts
  }

  /// The contract's JSON: plan, asOf, window, counts and the items.
  public func json() -> [UInt8] {
    var out = ByteWriter(capacity: 64 + list.items.count * 300)
    var top = out.beginObject(multiline: true)
    out.field("plan", plan.title, in: &top)
    out.field("asOf", schedule.asOf, in: &top)
    out.field("window", schedule.window, in: &top)
    out.key("counts", in: &top)
    out.writeJSON(list.counts)
    out.key("items", in: &top)
    var items = out.beginArray(indent: 4)
    let lights = warningRules.lights(plan: plan, schedule: schedule)
    for item in list.items {
      let task = plan.tasks[item.task]
      out.element(in: &items)
      var object = out.beginObject()
      out.field("id", task.fullID, in: &object)
      out.field("name", task.name, in: &object)
      out.field("owner", ReportText.ownerID(task, in: plan), in: &object)
      out.field("status", item.status.rawValue, in: &object)
      out.field("blocked", item.isBlocked, in: &object)
      out.field("deadline", item.deadline, in: &object)
      out.field("forecastFinish", item.forecastFinish, in: &object)
      out.field("daysOverdue", item.daysOverdue, in: &object)
      out.field("warning", warningRules.code(lights[item.task]), in: &object)
      out.field("source", task.source, in: &object)
      out.end(object)
    }
    out.end(items)
    out.end(top)
    return out.bytes
  }

  /// RFC 4180 CSV with a byte-order mark: one ledger record per item (each missed occurrence its own).
  public func csv() -> String {
    let ledger = LedgerCSV(plan: plan, schedule: schedule, language: language, rules: warningRules)
    return CSVText.document(header: ledger.header, records: list.items.map { ledger.record($0.task, item: $0) })
  }

  /// Markdown: a section per owner unit with its counts and a table, then the totals.
  public func markdown() -> String {
    var out = "## " + MarkdownText.cell(plan.title) + "\n\n" + asOfLine() + "\n\n"
    let groups = grouped()
    if groups.isEmpty { return out + nothingLine() + "\n" }
    let blocks = holdsUp()
    for group in groups {
      out += "### " + MarkdownText.cell(groupTitle(group.owner)) + "\n\n" + countLine(owner: group.owner) + "\n\n"
      let rows = group.rows.map { row -> [String] in
        let task = plan.tasks[row.item.task]
        return [
          statusText(row.item),
          MarkdownText.cell(rowName(row)) + " `" + task.fullID + "`"
            + (missedText(row).map { "<br>" + MarkdownText.cell($0) } ?? "")
            + (blocks[row.item.task].map { "<br>" + MarkdownText.cell($0) } ?? ""),
          ReportText.day(row.item.deadline), daysText(row.item), ReportText.day(plannedFinish(row)),
          ReportText.day(row.item.forecastFinish), schedule.tasks[row.item.task].isCritical ? "★" : "",
          MarkdownText.cell(task.source ?? ""),
        ]
      }
      out +=
        MarkdownText.table(
          header: [
            language.words.status, language.words.task, language.words.deadline,
            language.words.days, language.words.planned, language.words.forecast,
            language.words.critical, language.words.source,
          ], rows: rows) + "\n"
    }
    return out + "**" + totalLine() + "**\n" + (truncationLine().map { "\n" + $0 + "\n" } ?? "")
  }

  /// The terminal report, fitting `width` columns: per unit a heading with counts, a row per item and a
  /// line with its id and source clause, then the totals.
  public func table(width: Int, style: TerminalStyle) -> String {
    var out = style.bold(plan.title) + "  " + asOfLine() + "\n"
    let groups = grouped()
    if groups.isEmpty { return out + "\n" + style.green(nothingLine()) + "\n" }
    let lights = warningRules.lights(plan: plan, schedule: schedule)
    let columns = [
      TextTable.Column(language.words.status), TextTable.Column(language.words.warning),
      TextTable.Column(language.words.deadline),
      TextTable.Column(language.words.days, rightAligned: true),
      TextTable.Column(language.words.planned), TextTable.Column(language.words.forecast),
      TextTable.Column(language.words.task, flexible: true),
    ]
    let dim: @Sendable (String) -> String = { style.dim($0) }
    let bold: @Sendable (String) -> String = { style.bold($0) }
    let plain: @Sendable (String) -> String = { $0 }
    // One table for all units, so that columns line up down the whole report.
    var table = TextTable(columns: columns)
    let blocks = holdsUp()
    for group in groups {
      table.rows.append(.line(TextTable.Cell(""), indent: 0))
      table.rows.append(.line(TextTable.Cell(groupTitle(group.owner), paint: bold), indent: 0))
      table.rows.append(.line(TextTable.Cell(countLine(owner: group.owner)), indent: 0))
      for row in group.rows {
        let task = plan.tasks[row.item.task]
        let critical = schedule.tasks[row.item.task].isCritical ? "★ " : ""
        table.rows.append(
          .cells([
            TextTable.Cell(statusText(row.item), paint: ReportText.paint(row.item.status, style)),
            TextTable.Cell(
              warningRules.word(lights[row.item.task], language),
              paint: ReportText.paint(lights[row.item.task], warningRules, style)),
            TextTable.Cell(ReportText.day(row.item.deadline)),
            TextTable.Cell(daysText(row.item), paint: ReportText.paint(row.item.status, style)),
            TextTable.Cell(ReportText.day(plannedFinish(row))), TextTable.Cell(ReportText.day(row.item.forecastFinish)),
            TextTable.Cell(critical + rowName(row), paint: task.isSummary ? bold : plain),
          ]))
        table.rows.append(.line(TextTable.Cell(detail(row, holdsUp: blocks), paint: dim), indent: 2))
      }
    }
    out += table.render(width: width, style: style)
    return out + "\n" + style.bold(totalLine()) + "\n"
      + (truncationLine().map { $0 + "\n" } ?? "")
      + (groups.flatMap(\.rows).contains { schedule.tasks[$0.item.task].isCritical }
        ? language.pick("★ on the critical path", "★ 关键路径上的任务") + "\n" : "")
  }

  // MARK: - Grouping

  /// A line of the human formats: an item, or all missed occurrences of one duty.
  struct Row {
    var item: OverdueList.Item
    /// For a duty: how many occurrences were missed, and the last one's due day.
    var missedCount = 1
    var lastDue: Day?
    /// Whether the row is listed under a supporting unit (`support:`), repeating its lead unit's.
    var isSupporting = false
  }

  /// Rows grouped by owner in the plan's owner order (no owner last); a duty's missed occurrences on one row.
  func grouped() -> [(owner: Int?, rows: [Row])] {
    var rowsByOwner: [Int: [Row]] = [:]
    var dutyRow: [Int: (owner: Int, index: Int)] = [:]
    for item in list.items {
      let key = plan.tasks[item.task].owner ?? -1
      if item.occurrence != nil, let existing = dutyRow[item.task] {
        let due = item.deadline
        let last = rowsByOwner[existing.owner, default: []][existing.index].lastDue
        if let due, last.map({ due > $0 }) ?? true {
          rowsByOwner[existing.owner, default: []][existing.index].lastDue = due
        }
        continue
      }
      if item.occurrence != nil { dutyRow[item.task] = (key, rowsByOwner[key, default: []].count) }
      // A duty's count is the schedule's, exact, however many of its occurrences are listed.
      let missed = item.occurrence == nil ? 1 : schedule.tasks[item.task].occurrences?.missed ?? 1
      rowsByOwner[key, default: []].append(Row(item: item, missedCount: missed, lastDue: item.deadline))
    }
    // Each supporting unit lists the items it supports too, after its own, marked 配合, in the list's order.
    var supporting: [Int: [Row]] = [:]
    for key in rowsByOwner.keys.sorted() {
      for row in rowsByOwner[key] ?? [] {
        for supporter in plan.tasks[row.item.task].support {
          var copy = row
          copy.isSupporting = true
          supporting[supporter, default: []].append(copy)
        }
      }
    }
    if !supporting.isEmpty {
      var position: [OverdueList.Item: Int] = [:]
      for (n, item) in list.items.enumerated() where position[item] == nil { position[item] = n }
      for (supporter, rows) in supporting {
        rowsByOwner[supporter, default: []] += rows.sorted {
          position[$0.item, default: 0] < position[$1.item, default: 0]
        }
      }
    }
    var result: [(owner: Int?, rows: [Row])] = []
    for owner in plan.owners.indices { if let rows = rowsByOwner[owner] { result.append((owner, rows)) } }
    if let rows = rowsByOwner[-1] { result.append((nil, rows)) }
    return result
  }

  // MARK: - Words

  /// Said when the schedule lists fewer missed occurrences than there are.
  private func truncationLine() -> String? {
    guard schedule.hasMoreMissedOccurrences else { return nil }
    return language.pick(
      "More occurrences of duties were missed than the \(schedule.missedOccurrences.count) listed.",
      "例行工作未按期开展的次数多于所列的 \(schedule.missedOccurrences.count) 次。")
  }

  private func asOfLine() -> String {
    language.pick("as of ", "截至 ") + schedule.asOf.iso
      + language.pick(", due-soon window \(schedule.window) days", "，即将到期窗口 \(schedule.window) 天")
  }

  private func nothingLine() -> String {
    language.pick("Nothing is overdue, at risk, due soon or blocked.", "没有逾期、有风险、即将到期或受阻的事项。")
  }

  private func ownerName(_ owner: Int?) -> String { ReportText.ownerPath(owner, in: plan) }

  func groupTitle(_ owner: Int?) -> String {
    guard let owner else { return language.words.noOwner }
    return ownerName(owner) + "  (" + plan.owners[owner].id + ")"
  }

  /// A unit's line: how many of its tasks need action, by status, and its missed occurrences.
  func countLine(owner: Int?) -> String {
    let counts = ownerCounts[owner] ?? StatusCounts()
    var line = counts.statusLine(language, statuses: [.overdue, .atRisk, .dueSoon, .blocked])
    if counts.missedOccurrences > 0 {
      line += language.pick(
        " · \(counts.missedOccurrences) missed occurrences", " · 例行工作未按期开展 \(counts.missedOccurrences) 次")
    }
    return line
  }

  /// The totals: the counts over every task the report covers, the same numbers every output shows.
  func totalLine() -> String {
    language.pick("Total: ", "合计：") + list.counts.sentence(language)
  }

  /// The status in words, with 受阻 / blocked beside a time status when the task carries the flag.
  func statusText(_ item: OverdueList.Item) -> String {
    let words =
      item.occurrence == nil
      ? ReportText.statusWords(item.status, of: plan.tasks[item.task], language: language) : item.status.label(language)
    guard item.isBlocked, item.status != .blocked else { return words }
    return words + " · " + ScheduleStatus.blocked.label(language)
  }

  private func daysLeft(_ item: OverdueList.Item) -> Int? {
    guard item.status != .overdue, let deadline = item.deadline else { return nil }
    return deadline.days(since: schedule.asOf)
  }

  func daysText(_ item: OverdueList.Item) -> String {
    if let late = item.daysOverdue { return language.pick("\(late)d late", "逾期\(late)天") }
    guard let left = daysLeft(item) else { return "" }
    if left == 0 { return language.pick("today", "今天") }
    return language.pick("\(left)d left", "剩\(left)天")
  }

  func plannedFinish(_ row: Row) -> Day? {
    row.item.occurrence == nil ? schedule.tasks[row.item.task].finish : nil
  }

  /// The task's name; for a duty's missed occurrences, prefixed by how many were missed.
  func rowName(_ row: Row) -> String {
    let mark = row.isSupporting ? language.words.supportingMark : ""
    let name = plan.tasks[row.item.task].name
    guard row.item.occurrence != nil else { return mark + name }
    return mark + "↻ " + (row.missedCount > 1 ? "×\(row.missedCount) " : "") + name
  }

  /// For a duty's missed occurrences: which due days were missed; for its pending one, when it is due.
  func missedText(_ row: Row) -> String? {
    guard row.item.occurrence != nil else { return nil }
    if row.item.status == .dueSoon {
      let due = ReportText.day(row.item.deadline)
      return language.pick("this period's occurrence is due \(due)", "本期应于 \(due) 前开展")
    }
    let first = ReportText.day(row.item.deadline)
    if row.missedCount == 1 { return language.pick("missed: due \(first)", "未按期开展：应于 \(first)") }
    let last = ReportText.day(row.lastDue)
    return language.pick(
      "missed \(row.missedCount) times: due \(first) … \(last)", "\(row.missedCount) 次未按期开展：\(first) 至 \(last)")
  }

  /// For each task listed (duties aside), what it holds up, in words: computed once per report.
  func holdsUp() -> [Int: String] {
    var downstream = Downstream(plan: plan, schedule: schedule, tasks: list.items.map(\.task))
    var result: [Int: String] = [:]
    for item in list.items where item.occurrence == nil && !plan.tasks[item.task].isDuty {
      if result[item.task] == nil, let words = Downstream.words(downstream.blocks(of: item.task), language) {
        result[item.task] = words
      }
    }
    return result
  }

  private func detail(_ row: Row, holdsUp: [Int: String]) -> String {
    let index = row.item.task
    let task = plan.tasks[index]
    var parts = [task.fullID]
    if let missed = missedText(row) { parts.append(missed) }
    if let blocks = holdsUp[index] { parts.append(blocks) }
    if row.item.isBlocked {
      parts.append(ScheduleStatus.blocked.label(language) + (task.note.map { language.pick(": ", "：") + $0 } ?? ""))
    }
    if let source = task.source { parts.append(source) }
    if let target = task.target {
      var text = language.pick("target ", "目标 ") + ReportText.target(target)
      if let latest = schedule.tasks[index].latestMeasurement {
        text += language.pick(", latest ", "，最新 ") + latest.value.description + " (" + latest.date.iso + ")"
      }
      parts.append(text)
    }
    return parts.joined(separator: " · ")
  }
}
