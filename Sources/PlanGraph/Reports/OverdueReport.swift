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

  /// Creates the report.
  public init(plan: Plan, schedule: Schedule, list: OverdueList, language: Language) {
    self.plan = plan
    self.schedule = schedule
    self.list = list
    self.language = language
    self.warningRules = plan.warnings
  }

  /// The contract's JSON: plan, asOf, window and the items.
  public func json() -> [UInt8] {
    var out = ByteWriter(capacity: 64 + list.items.count * 300)
    out.write("{\n  \"plan\": ")
    out.writeJSON(plan.title)
    out.write(",\n  \"asOf\": ")
    out.writeJSON(schedule.asOf)
    out.write(",\n  \"window\": ")
    out.write(schedule.window)
    out.write(",\n  \"items\": [")
    let lights = warningRules.lights(plan: plan, schedule: schedule)
    for (n, item) in list.items.enumerated() {
      let task = plan.tasks[item.task]
      out.write(n == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
      out.writeJSON(task.fullID)
      out.write(", \"name\": ")
      out.writeJSON(task.name)
      out.write(", \"owner\": ")
      out.writeJSON(ReportText.ownerID(task, in: plan))
      out.write(", \"status\": ")
      out.writeJSON(item.status.rawValue)
      out.write(", \"deadline\": ")
      out.writeJSON(item.deadline)
      out.write(", \"forecastFinish\": ")
      out.writeJSON(item.forecastFinish)
      out.write(", \"daysOverdue\": ")
      out.writeJSON(item.daysOverdue)
      out.write(", \"warning\": ")
      out.writeJSON(warningRules.code(lights[item.task]))
      out.write(", \"source\": ")
      out.writeJSON(task.source)
      out.write("}")
    }
    out.write(list.items.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    return out.bytes
  }

  /// RFC 4180 CSV with a byte-order mark: one record per item (each missed occurrence its own).
  public func csv() -> String {
    let lights = warningRules.lights(plan: plan, schedule: schedule)
    let header = [
      language.pick("status", "状态"), language.pick("warning", "预警"), language.pick("id", "编号"),
      language.pick("name", "名称"),
      language.pick("owner", "负责单位"), language.pick("owner name", "单位名称"), language.pick("deadline", "截止"),
      language.pick("days overdue", "逾期天数"), language.pick("days left", "剩余天数"),
      language.pick("planned finish", "计划完成"), language.pick("forecast finish", "预测完成"),
      language.pick("critical", "关键"), language.pick("source", "依据条款"),
    ]
    let records = list.items.map { item -> [String] in
      let task = plan.tasks[item.task]
      let row = schedule.tasks[item.task]
      return [
        item.status.label(language), warningRules.word(lights[item.task], language), task.fullID, task.name,
        ReportText.ownerID(task, in: plan) ?? "",
        ownerName(task.owner), item.deadline?.iso ?? "", item.daysOverdue.map(String.init) ?? "",
        daysLeft(item).map(String.init) ?? "", item.occurrence == nil ? row.finish?.iso ?? "" : "",
        item.forecastFinish?.iso ?? "", row.isCritical ? language.pick("yes", "是") : "", task.source ?? "",
      ]
    }
    return CSVText.document(header: header, records: records)
  }

  /// Markdown: a section per owner unit with its counts and a table, then the totals.
  public func markdown() -> String {
    var out = "## " + MarkdownText.cell(plan.title) + "\n\n" + asOfLine() + "\n\n"
    let groups = grouped()
    if groups.isEmpty { return out + nothingLine() + "\n" }
    for group in groups {
      out += "### " + MarkdownText.cell(groupTitle(group.owner)) + "\n\n" + countLine(group.rows) + "\n\n"
      let rows = group.rows.map { row -> [String] in
        let task = plan.tasks[row.item.task]
        return [
          row.item.status.label(language),
          MarkdownText.cell(rowName(row)) + " `" + task.fullID + "`"
            + (missedText(row).map { "<br>" + MarkdownText.cell($0) } ?? ""),
          ReportText.day(row.item.deadline), daysText(row.item), ReportText.day(plannedFinish(row)),
          ReportText.day(row.item.forecastFinish), schedule.tasks[row.item.task].isCritical ? "★" : "",
          MarkdownText.cell(task.source ?? ""),
        ]
      }
      out +=
        MarkdownText.table(
          header: [
            language.pick("Status", "状态"), language.pick("Task", "任务"), language.pick("Deadline", "截止"),
            language.pick("Days", "天数"), language.pick("Planned", "计划完成"), language.pick("Forecast", "预测完成"),
            language.pick("Critical", "关键"), language.pick("Source", "依据条款"),
          ], rows: rows) + "\n"
    }
    return out + "**" + totalLine(groups.flatMap(\.rows)) + "**\n" + (truncationLine().map { "\n" + $0 + "\n" } ?? "")
  }

  /// The terminal report, fitting `width` columns: per unit a heading with counts, a row per item and a
  /// line with its id and source clause, then the totals.
  public func table(width: Int, style: TerminalStyle) -> String {
    var out = style.bold(plan.title) + "  " + asOfLine() + "\n"
    let groups = grouped()
    if groups.isEmpty { return out + "\n" + style.green(nothingLine()) + "\n" }
    let lights = warningRules.lights(plan: plan, schedule: schedule)
    let columns = [
      TextTable.Column(language.pick("Status", "状态")), TextTable.Column(language.pick("Warning", "预警")),
      TextTable.Column(language.pick("Deadline", "截止")),
      TextTable.Column(language.pick("Days", "天数"), rightAligned: true),
      TextTable.Column(language.pick("Planned", "计划完成")), TextTable.Column(language.pick("Forecast", "预测完成")),
      TextTable.Column(language.pick("Task", "任务"), flexible: true),
    ]
    let dim: @Sendable (String) -> String = { style.dim($0) }
    let bold: @Sendable (String) -> String = { style.bold($0) }
    let plain: @Sendable (String) -> String = { $0 }
    // One table for all units, so that columns line up down the whole report.
    var table = TextTable(columns: columns)
    for group in groups {
      table.rows.append(.line(TextTable.Cell(""), indent: 0))
      table.rows.append(.line(TextTable.Cell(groupTitle(group.owner), paint: bold), indent: 0))
      table.rows.append(.line(TextTable.Cell(countLine(group.rows)), indent: 0))
      for row in group.rows {
        let task = plan.tasks[row.item.task]
        let critical = schedule.tasks[row.item.task].isCritical ? "★ " : ""
        table.rows.append(
          .cells([
            TextTable.Cell(row.item.status.label(language), paint: ReportText.paint(row.item.status, style)),
            TextTable.Cell(
              warningRules.word(lights[row.item.task], language),
              paint: ReportText.paint(lights[row.item.task], warningRules, style)),
            TextTable.Cell(ReportText.day(row.item.deadline)),
            TextTable.Cell(daysText(row.item), paint: ReportText.paint(row.item.status, style)),
            TextTable.Cell(ReportText.day(plannedFinish(row))), TextTable.Cell(ReportText.day(row.item.forecastFinish)),
            TextTable.Cell(critical + rowName(row), paint: task.isSummary ? bold : plain),
          ]))
        table.rows.append(.line(TextTable.Cell(detail(row), paint: dim), indent: 2))
      }
    }
    out += table.render(width: width, style: style)
    return out + "\n" + style.bold(totalLine(groups.flatMap(\.rows))) + "\n"
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
        rowsByOwner[existing.owner, default: []][existing.index].missedCount += 1
        let due = item.deadline
        let last = rowsByOwner[existing.owner, default: []][existing.index].lastDue
        if let due, last.map({ due > $0 }) ?? true {
          rowsByOwner[existing.owner, default: []][existing.index].lastDue = due
        }
        continue
      }
      if item.occurrence != nil { dutyRow[item.task] = (key, rowsByOwner[key, default: []].count) }
      rowsByOwner[key, default: []].append(Row(item: item, lastDue: item.deadline))
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
    language.pick("Nothing is overdue, at risk or due soon.", "没有逾期、有风险或即将到期的事项。")
  }

  private func ownerName(_ owner: Int?) -> String {
    guard let owner else { return "" }
    var names: [String] = []
    var current: Int? = owner
    while let index = current, names.count < plan.owners.count {
      names.insert(plan.owners[index].name, at: 0)
      current = plan.owners[index].parent
    }
    return names.joined(separator: " / ")
  }

  func groupTitle(_ owner: Int?) -> String {
    guard let owner else { return language.pick("(no owner)", "（未指定负责单位）") }
    return ownerName(owner) + "  (" + plan.owners[owner].id + ")"
  }

  private func counts(_ rows: [Row]) -> (overdue: Int, atRisk: Int, dueSoon: Int) {
    var c = (overdue: 0, atRisk: 0, dueSoon: 0)
    // A supporting unit's rows repeat its lead unit's: they are counted there only.
    for row in rows where !row.isSupporting {
      switch row.item.status {
      case .overdue: c.overdue += 1
      case .atRisk: c.atRisk += 1
      default: c.dueSoon += 1
      }
    }
    return c
  }

  func countLine(_ rows: [Row]) -> String {
    let c = counts(rows)
    return language.pick(
      "\(c.overdue) overdue · \(c.atRisk) at risk · \(c.dueSoon) due soon",
      "逾期 \(c.overdue) · 有风险 \(c.atRisk) · 即将到期 \(c.dueSoon)")
  }

  func totalLine(_ rows: [Row]) -> String {
    let c = counts(rows)
    return language.pick(
      "Total: \(c.overdue) overdue · \(c.atRisk) at risk · \(c.dueSoon) due soon",
      "合计：逾期 \(c.overdue) · 有风险 \(c.atRisk) · 即将到期 \(c.dueSoon)")
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
    let mark = row.isSupporting ? language.pick("[supporting] ", "【配合】") : ""
    let name = plan.tasks[row.item.task].name
    guard row.item.occurrence != nil else { return mark + name }
    return mark + "↻ " + (row.missedCount > 1 ? "×\(row.missedCount) " : "") + name
  }

  /// For a duty's missed occurrences: which due days were missed.
  func missedText(_ row: Row) -> String? {
    guard row.item.occurrence != nil else { return nil }
    let first = ReportText.day(row.item.deadline)
    if row.missedCount == 1 { return language.pick("missed: due \(first)", "未按期开展：应于 \(first)") }
    let last = ReportText.day(row.lastDue)
    return language.pick(
      "missed \(row.missedCount) times: due \(first) … \(last)", "\(row.missedCount) 次未按期开展：\(first) 至 \(last)")
  }

  private func detail(_ row: Row) -> String {
    let index = row.item.task
    let task = plan.tasks[index]
    var parts = [task.fullID]
    if let missed = missedText(row) { parts.append(missed) }
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
