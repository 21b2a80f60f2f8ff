/// The `schedule` report: every task with its planned dates, slack, deadline, forecast and status.
public struct ScheduleReport: Sendable {
  /// The plan.
  public let plan: Plan
  /// Its schedule as of a date.
  public let schedule: Schedule
  /// The language of headers and status words (JSON stays English).
  public let language: Language
  /// The warning rules that give each task its light: the plan's unless replaced (`--rules`).
  public var warningRules: WarningRules

  /// The owner units whose tasks are shown (`--owner`: a unit, or an organisation and its units); nil
  /// for the whole plan.
  public let owners: Set<Int>?

  /// Creates the report, of the whole plan or of the tasks of `owners`.
  public init(plan: Plan, schedule: Schedule, language: Language, owners: Set<Int>? = nil) {
    self.plan = plan
    self.schedule = schedule
    self.language = language
    self.owners = owners
    self.warningRules = plan.warnings
  }

  /// Whether the report shows the task.
  private func shows(_ task: Int) -> Bool { ReportText.isIncluded(task, owners: owners, in: plan) }

  /// The counts over what the report shows.
  var counts: StatusCounts {
    owners == nil ? schedule.counts : StatusCounts(plan: plan, schedule: schedule, including: shows)
  }

  /// The plan's title, with the units shown when the report is limited to them.
  private var title: String {
    guard let owners else { return plan.title }
    let tops = owners.filter { plan.owners[$0].parent.map { !owners.contains($0) } ?? true }.sorted()
    return plan.title + " · " + tops.map { ReportText.ownerPath($0, in: plan) }.joined(separator: "、")
  }

  /// The contract's JSON object: plan, asOf, start, finish, counts, criticalPath and every task.
  public func json() -> [UInt8] {
    var out = ByteWriter(capacity: 64 + plan.tasks.count * 400)
    var top = out.beginObject(multiline: true)
    out.field("plan", plan.title, in: &top)
    out.field("asOf", schedule.asOf, in: &top)
    out.field("start", schedule.start, in: &top)
    out.field("finish", schedule.finish, in: &top)
    out.key("counts", in: &top)
    out.writeJSON(counts)
    out.key("criticalPath", in: &top)
    out.write("[")
    for (n, path) in schedule.criticalPaths.enumerated() {
      out.write(n == 0 ? "[" : ", [")
      for (k, task) in path.enumerated() {
        if k > 0 { out.write(", ") }
        out.writeJSON(plan.tasks[task].fullID)
      }
      out.write("]")
    }
    out.write("]")
    out.key("tasks", in: &top)
    var tasks = out.beginArray(indent: 4)
    let lights = warningRules.lights(plan: plan, schedule: schedule)
    for (i, task) in plan.tasks.enumerated() where shows(i) {
      out.element(in: &tasks)
      var object = out.beginObject()
      out.field("id", task.fullID, in: &object)
      out.field("name", task.name, in: &object)
      out.field("owner", ReportText.ownerID(task, in: plan), in: &object)
      ScheduleReport.writeScheduleFields(of: schedule.tasks[i], to: &out, in: &object)
      out.field("warning", warningRules.code(lights[i]), in: &object)
      out.field("source", task.source, in: &object)
      out.end(object)
    }
    out.end(tasks)
    out.end(top)
    return out.bytes
  }

  /// The contract's per-task schedule fields, `"start"` to `"daysOverdue"`, which the plan export
  /// repeats: one writer keeps the two JSONs in step.
  static func writeScheduleFields(of row: TaskSchedule, to out: inout ByteWriter, in object: inout JSONObject) {
    out.field("start", row.start, in: &object)
    out.field("finish", row.finish, in: &object)
    out.field("latestStart", row.latestStart, in: &object)
    out.field("latestFinish", row.latestFinish, in: &object)
    out.field("slack", row.slack, in: &object)
    out.field("critical", row.isCritical, in: &object)
    out.field("deadline", row.deadline, in: &object)
    out.field("forecastFinish", row.forecastFinish, in: &object)
    out.field("status", row.status.rawValue, in: &object)
    out.field("ownStatus", row.ownStatus.rawValue, in: &object)
    out.field("blocked", row.isBlocked, in: &object)
    out.field("daysOverdue", row.daysOverdue, in: &object)
  }

  /// The schedule fields for a caller that writes its own punctuation (the plan export): they start
  /// with `"start"`, the caller having written the comma before them.
  static func writeScheduleFields(of row: TaskSchedule, to out: inout ByteWriter) {
    var fields = JSONObject.continuing()
    writeScheduleFields(of: row, to: &out, in: &fields)
  }

  /// RFC 4180 CSV with a byte-order mark: one ledger record per task, headers and status words in the
  /// language (the columns of `LedgerCSV`, the warning light among them).
  public func csv() -> String {
    LedgerCSV(plan: plan, schedule: schedule, language: language, rules: warningRules).document(including: shows)
  }

  /// A Markdown table; summaries' children indented under them.
  public func markdown() -> String {
    let depth = ReportText.depths(plan)
    var rows: [[String]] = []
    for (i, task) in plan.tasks.enumerated() where shows(i) {
      let row = schedule.tasks[i]
      let indent = String(repeating: "&emsp;", count: depth[i])
      rows.append([
        indent + marker(task) + MarkdownText.cell(task.name), "`" + task.fullID + "`",
        ReportText.day(row.start), ReportText.day(row.finish), ReportText.day(row.latestFinish),
        row.slack.map(String.init) ?? "—", row.isCritical ? "★" : "", ReportText.day(row.deadline),
        ReportText.day(row.forecastFinish), ReportText.statusWords(row.status, of: task, language: language),
      ])
    }
    var out = "## " + MarkdownText.cell(title) + "\n\n"
    out += language.pick("As of ", "截至 ") + schedule.asOf.iso + "\n\n"
    if plan.showsCalendar { out += MarkdownText.cell(plan.calendar.label(language)) + "\n\n" }
    out += MarkdownText.table(
      header: [
        language.words.task, language.pick("ID", "编号"), language.pick("Start", "开始"),
        language.pick("Finish", "完成"), language.pick("Latest finish", "最迟完成"), language.pick("Slack", "时差"),
        language.words.critical, language.words.deadline, language.words.forecast,
        language.words.status,
      ], rightAligned: [5], rows: rows)
    return out + "\n**" + totalLine() + "**\n"
  }

  /// The totals: the schedule's one set of counts.
  func totalLine() -> String {
    language.pick("Total: ", "合计：") + counts.sentence(language)
  }

  /// A terminal table fitting `width` columns: on a narrow terminal each task's name gets a line of its own.
  public func table(width: Int, style: TerminalStyle) -> String {
    let depth = ReportText.depths(plan)
    let bold: @Sendable (String) -> String = { style.bold($0) }
    let red: @Sendable (String) -> String = { style.red($0) }
    let plain: @Sendable (String) -> String = { $0 }
    let dataColumns = [
      TextTable.Column(language.pick("Start", "开始")), TextTable.Column(language.pick("Finish", "完成")),
      TextTable.Column(language.pick("Latest", "最迟完成")),
      TextTable.Column(language.pick("Slack", "时差"), rightAligned: true),
      TextTable.Column(language.words.deadline), TextTable.Column(language.words.forecast),
      TextTable.Column(language.words.status), TextTable.Column(language.words.warning),
    ]
    let lights = warningRules.lights(plan: plan, schedule: schedule)
    // Five dates, slack and status take about 70 columns; the name needs some 24 more to share the line.
    let wide = width >= 100
    var table = TextTable(
      columns: wide ? [TextTable.Column(language.words.task, flexible: true)] + dataColumns : dataColumns)
    for (i, task) in plan.tasks.enumerated() where shows(i) {
      let row = schedule.tasks[i]
      let name = String(repeating: "  ", count: depth[i]) + marker(task) + task.name
      let slack = row.slack.map { String($0) + (row.isCritical ? "★" : " ") } ?? "— "
      let paint = ReportText.paint(row.status, style)
      let cells = [
        TextTable.Cell(ReportText.day(row.start)), TextTable.Cell(ReportText.day(row.finish)),
        TextTable.Cell(ReportText.day(row.latestFinish)),
        TextTable.Cell(slack, paint: row.isCritical ? red : plain),
        TextTable.Cell(ReportText.day(row.deadline)), TextTable.Cell(ReportText.day(row.forecastFinish)),
        TextTable.Cell(ReportText.statusWords(row.status, of: task, language: language), paint: paint),
        TextTable.Cell(warningRules.word(lights[i], language), paint: ReportText.paint(lights[i], warningRules, style)),
      ]
      if wide {
        table.rows.append(.cells([TextTable.Cell(name, paint: task.isSummary ? bold : plain)] + cells))
      } else {
        table.rows.append(
          .line(TextTable.Cell(name + "  " + task.fullID, paint: task.isSummary ? bold : plain), indent: 0))
        table.rows.append(.cells(cells))
      }
    }
    var out = style.bold(title) + "  " + language.pick("as of ", "截至 ") + schedule.asOf.iso + "\n"
    if plan.showsCalendar { out += plan.calendar.label(language) + "\n" }
    out += table.render(width: width, style: style, gap: wide ? 2 : 1)
    out += style.bold(totalLine()) + "\n"
    out += language.pick("★ critical (no slack)", "★ 关键任务（无时差）") + "\n"
    return out
  }

  private func marker(_ task: PlanTask) -> String {
    if task.isDuty { return "↻ " }
    if task.isMilestone { return "◆ " }
    return ""
  }
}
