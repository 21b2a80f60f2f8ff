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

  /// Creates the report.
  public init(plan: Plan, schedule: Schedule, language: Language) {
    self.plan = plan
    self.schedule = schedule
    self.language = language
    self.warningRules = plan.warnings
  }

  /// The contract's JSON object: plan, asOf, start, finish, criticalPath and every task.
  public func json() -> [UInt8] {
    var out = ByteWriter(capacity: 64 + plan.tasks.count * 400)
    out.write("{\n  \"plan\": ")
    out.writeJSON(plan.title)
    out.write(",\n  \"asOf\": ")
    out.writeJSON(schedule.asOf)
    out.write(",\n  \"start\": ")
    out.writeJSON(schedule.start)
    out.write(",\n  \"finish\": ")
    out.writeJSON(schedule.finish)
    out.write(",\n  \"criticalPath\": [")
    for (n, path) in schedule.criticalPaths.enumerated() {
      out.write(n == 0 ? "[" : ", [")
      for (k, task) in path.enumerated() {
        if k > 0 { out.write(", ") }
        out.writeJSON(plan.tasks[task].fullID)
      }
      out.write("]")
    }
    out.write("],\n  \"tasks\": [")
    let lights = warningRules.lights(plan: plan, schedule: schedule)
    for (i, task) in plan.tasks.enumerated() {
      let row = schedule.tasks[i]
      out.write(i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
      out.writeJSON(task.fullID)
      out.write(", \"name\": ")
      out.writeJSON(task.name)
      out.write(", \"owner\": ")
      out.writeJSON(ReportText.ownerID(task, in: plan))
      out.write(", ")
      ScheduleReport.writeScheduleFields(of: row, to: &out)
      out.write(", \"warning\": ")
      out.writeJSON(warningRules.code(lights[i]))
      out.write(", \"source\": ")
      out.writeJSON(task.source)
      out.write("}")
    }
    out.write(plan.tasks.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    return out.bytes
  }

  /// The contract's per-task schedule fields, `"start"` to `"daysOverdue"`, which the plan export
  /// repeats: one writer keeps the two JSONs in step.
  static func writeScheduleFields(of row: TaskSchedule, to out: inout ByteWriter) {
    out.write("\"start\": ")
    out.writeJSON(row.start)
    out.write(", \"finish\": ")
    out.writeJSON(row.finish)
    out.write(", \"latestStart\": ")
    out.writeJSON(row.latestStart)
    out.write(", \"latestFinish\": ")
    out.writeJSON(row.latestFinish)
    out.write(", \"slack\": ")
    out.writeJSON(row.slack)
    out.write(", \"critical\": ")
    out.writeJSON(row.isCritical)
    out.write(", \"deadline\": ")
    out.writeJSON(row.deadline)
    out.write(", \"forecastFinish\": ")
    out.writeJSON(row.forecastFinish)
    out.write(", \"status\": ")
    out.writeJSON(row.status.rawValue)
    out.write(", \"daysOverdue\": ")
    out.writeJSON(row.daysOverdue)
  }

  private var headers: [String] {
    [
      language.pick("id", "编号"), language.pick("name", "名称"), language.pick("owner", "负责单位"),
      language.pick("start", "开始"), language.pick("finish", "完成"), language.pick("latest start", "最迟开始"),
      language.pick("latest finish", "最迟完成"), language.pick("slack", "时差"), language.pick("critical", "关键"),
      language.pick("deadline", "截止"), language.pick("forecast finish", "预测完成"), language.pick("status", "状态"),
      language.pick("days overdue", "逾期天数"), language.pick("warning", "预警"), language.pick("source", "依据条款"),
    ]
  }

  /// RFC 4180 CSV with a byte-order mark: one record per task, headers and status words in the language.
  public func csv() -> String {
    var records: [[String]] = []
    records.reserveCapacity(plan.tasks.count)
    let lights = warningRules.lights(plan: plan, schedule: schedule)
    for (i, task) in plan.tasks.enumerated() {
      let row = schedule.tasks[i]
      records.append([
        task.fullID, task.name, ReportText.ownerID(task, in: plan) ?? "", row.start?.iso ?? "", row.finish?.iso ?? "",
        row.latestStart?.iso ?? "", row.latestFinish?.iso ?? "", row.slack.map(String.init) ?? "",
        row.isCritical ? language.pick("yes", "是") : "", row.deadline?.iso ?? "", row.forecastFinish?.iso ?? "",
        row.status.label(language), row.daysOverdue.map(String.init) ?? "", warningRules.word(lights[i], language),
        task.source ?? "",
      ])
    }
    return CSVText.document(header: headers, records: records)
  }

  /// A Markdown table; summaries' children indented under them.
  public func markdown() -> String {
    let depth = ReportText.depths(plan)
    var rows: [[String]] = []
    for (i, task) in plan.tasks.enumerated() {
      let row = schedule.tasks[i]
      let indent = String(repeating: "&emsp;", count: depth[i])
      rows.append([
        indent + marker(task) + MarkdownText.cell(task.name), "`" + task.fullID + "`",
        ReportText.day(row.start), ReportText.day(row.finish), ReportText.day(row.latestFinish),
        row.slack.map(String.init) ?? "—", row.isCritical ? "★" : "", ReportText.day(row.deadline),
        ReportText.day(row.forecastFinish), row.status.label(language),
      ])
    }
    var out = "## " + MarkdownText.cell(plan.title) + "\n\n"
    out += language.pick("As of ", "截至 ") + schedule.asOf.iso + "\n\n"
    out += MarkdownText.table(
      header: [
        language.pick("Task", "任务"), language.pick("ID", "编号"), language.pick("Start", "开始"),
        language.pick("Finish", "完成"), language.pick("Latest finish", "最迟完成"), language.pick("Slack", "时差"),
        language.pick("Critical", "关键"), language.pick("Deadline", "截止"), language.pick("Forecast", "预测完成"),
        language.pick("Status", "状态"),
      ], rightAligned: [5], rows: rows)
    return out
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
      TextTable.Column(language.pick("Deadline", "截止")), TextTable.Column(language.pick("Forecast", "预测完成")),
      TextTable.Column(language.pick("Status", "状态")), TextTable.Column(language.pick("Warning", "预警")),
    ]
    let lights = warningRules.lights(plan: plan, schedule: schedule)
    // Five dates, slack and status take about 70 columns; the name needs some 24 more to share the line.
    let wide = width >= 100
    var table = TextTable(
      columns: wide ? [TextTable.Column(language.pick("Task", "任务"), flexible: true)] + dataColumns : dataColumns)
    for (i, task) in plan.tasks.enumerated() {
      let row = schedule.tasks[i]
      let name = String(repeating: "  ", count: depth[i]) + marker(task) + task.name
      let slack = row.slack.map { String($0) + (row.isCritical ? "★" : " ") } ?? "— "
      let paint = ReportText.paint(row.status, style)
      let cells = [
        TextTable.Cell(ReportText.day(row.start)), TextTable.Cell(ReportText.day(row.finish)),
        TextTable.Cell(ReportText.day(row.latestFinish)),
        TextTable.Cell(slack, paint: row.isCritical ? red : plain),
        TextTable.Cell(ReportText.day(row.deadline)), TextTable.Cell(ReportText.day(row.forecastFinish)),
        TextTable.Cell(row.status.label(language), paint: paint),
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
    var out = style.bold(plan.title) + "  " + language.pick("as of ", "截至 ") + schedule.asOf.iso + "\n"
    out += table.render(width: width, style: style, gap: wide ? 2 : 1)
    out += language.pick("★ critical (no slack)", "★ 关键任务（无时差）") + "\n"
    return out
  }

  private func marker(_ task: PlanTask) -> String {
    if task.isDuty { return "↻ " }
    if task.isMilestone { return "◆ " }
    return ""
  }
}
