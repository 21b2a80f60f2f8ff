/// The `critical` report: the critical paths as chains of tasks with their dates and lengths, and the
/// deadlines the plan as written cannot meet (negative slack).
public struct CriticalReport: Sendable {
  /// The plan.
  public let plan: Plan
  /// Its schedule.
  public let schedule: Schedule
  /// The language of headings (JSON stays English).
  public let language: Language

  /// Creates the report.
  public init(plan: Plan, schedule: Schedule, language: Language) {
    self.plan = plan
    self.schedule = schedule
    self.language = language
  }

  /// Tasks with negative slack that are still to be done, most negative first, then in output order: a
  /// task already done (a done date or `status: done` in the plan, or done as of the schedule's date)
  /// is no deadline the plan cannot meet, nor is a cancelled one.
  public var negativeSlack: [Int] {
    plan.tasks.indices.filter { i in
      let task = plan.tasks[i]
      let row = schedule.tasks[i]
      let isDone = task.doneDate != nil || task.status == .done || row.status == .done
      return (row.slack ?? 0) < 0 && !task.isSummary && !isDone && row.status != .cancelled
    }
    .sorted { (schedule.tasks[$0].slack ?? 0, $0) < (schedule.tasks[$1].slack ?? 0, $1) }
  }

  /// Days from a path's first start to its last end.
  public func length(of path: [Int]) -> Int {
    guard let first = path.first, let last = path.last, let start = schedule.tasks[first].start,
      let finish = schedule.tasks[last].finish
    else { return 0 }
    let end = plan.tasks[last].isMilestone ? finish.ordinal : finish.ordinal + 1
    return end - start.ordinal
  }

  /// Text for a terminal: each path numbered, its tasks with dates, then the negative-slack tasks.
  public func text(width: Int, style: TerminalStyle) -> String {
    var out = style.bold(plan.title) + "\n"
    out += language.pick("plan start ", "计划开始 ") + schedule.start.iso
    out += language.pick(", planned finish ", "，计划完成 ") + ReportText.day(schedule.finish) + "\n"
    if schedule.criticalPaths.isEmpty {
      out += "\n" + language.pick("No critical path: the plan has no scheduled tasks.", "没有关键路径：计划中没有可排程的任务。") + "\n"
    }
    for (n, path) in schedule.criticalPaths.enumerated() {
      let first = path.first.flatMap { schedule.tasks[$0].start }
      let last = path.last.flatMap { schedule.tasks[$0].finish }
      out += "\n" + style.bold(language.pick("Critical path \(n + 1)", "关键路径 \(n + 1)"))
      out +=
        language.pick(
          ": \(length(of: path)) days, \(ReportText.day(first)) → \(ReportText.day(last)), \(path.count) task\(path.count == 1 ? "" : "s")",
          "：\(length(of: path)) 天，\(ReportText.day(first)) → \(ReportText.day(last))，\(path.count) 项任务") + "\n"
      var table = TextTable(columns: [
        TextTable.Column("#", rightAligned: true), TextTable.Column(language.pick("Start", "开始")),
        TextTable.Column(language.pick("Finish", "完成")),
        TextTable.Column(language.pick("Duration", "工期"), rightAligned: true),
        TextTable.Column(language.pick("Task", "任务"), flexible: true),
      ])
      for (k, index) in path.enumerated() {
        let row = schedule.tasks[index]
        table.rows.append(
          .cells([
            TextTable.Cell(String(k + 1)), TextTable.Cell(ReportText.day(row.start)),
            TextTable.Cell(ReportText.day(row.finish)), TextTable.Cell(plan.tasks[index].duration?.description ?? "0d"),
            TextTable.Cell(plan.tasks[index].name + "  " + plan.tasks[index].fullID),
          ]))
      }
      out += table.render(width: width, style: style)
    }
    if schedule.hasMoreCriticalPaths {
      out +=
        "\n"
        + language.pick(
          "More critical paths exist than the \(Schedule.maximumCriticalPaths) listed.",
          "关键路径多于所列的 \(Schedule.maximumCriticalPaths) 条。") + "\n"
    }
    let late = negativeSlack
    out += "\n" + style.bold(language.pick("Deadlines the plan cannot meet", "按计划无法满足的截止日期")) + "\n"
    if late.isEmpty {
      out += style.green(language.pick("None: every deadline can be met as planned.", "无：按计划所有截止日期都能满足。")) + "\n"
      return out
    }
    var table = TextTable(columns: [
      TextTable.Column(language.pick("Slack", "时差"), rightAligned: true),
      TextTable.Column(language.pick("Deadline", "截止")), TextTable.Column(language.pick("Planned", "计划完成")),
      TextTable.Column(language.pick("Task", "任务"), flexible: true),
    ])
    let red: @Sendable (String) -> String = { style.red($0) }
    for index in late {
      let row = schedule.tasks[index]
      table.rows.append(
        .cells([
          TextTable.Cell(String(row.slack ?? 0), paint: red), TextTable.Cell(ReportText.day(row.deadline)),
          TextTable.Cell(ReportText.day(row.finish)),
          TextTable.Cell(plan.tasks[index].name + "  " + plan.tasks[index].fullID),
        ]))
    }
    return out + table.render(width: width, style: style)
  }

  /// Markdown: a numbered list per path, then a table of negative-slack tasks.
  public func markdown() -> String {
    var out = "## " + MarkdownText.cell(plan.title) + "\n\n"
    for (n, path) in schedule.criticalPaths.enumerated() {
      out +=
        "### " + language.pick("Critical path \(n + 1)", "关键路径 \(n + 1)") + " ("
        + language.pick("\(length(of: path)) days", "\(length(of: path)) 天") + ")\n\n"
      for index in path {
        let row = schedule.tasks[index]
        out +=
          "1. " + ReportText.day(row.start) + " → " + ReportText.day(row.finish) + " "
          + MarkdownText.cell(plan.tasks[index].name) + " `" + plan.tasks[index].fullID + "`\n"
      }
      out += "\n"
    }
    let late = negativeSlack
    if !late.isEmpty {
      out += "### " + language.pick("Deadlines the plan cannot meet", "按计划无法满足的截止日期") + "\n\n"
      out += MarkdownText.table(
        header: [
          language.pick("Slack", "时差"), language.pick("Deadline", "截止"), language.pick("Planned", "计划完成"),
          language.pick("Task", "任务"),
        ], rightAligned: [0],
        rows: late.map { index in
          let row = schedule.tasks[index]
          return [
            String(row.slack ?? 0), ReportText.day(row.deadline), ReportText.day(row.finish),
            MarkdownText.cell(plan.tasks[index].name) + " `" + plan.tasks[index].fullID + "`",
          ]
        })
    }
    return out
  }

  /// JSON: the paths with their tasks and lengths, whether more exist, and the negative-slack tasks.
  public func json() -> [UInt8] {
    var out = ByteWriter()
    func writeTask(_ index: Int) {
      let row = schedule.tasks[index]
      out.write("{\"id\": ")
      out.writeJSON(plan.tasks[index].fullID)
      out.write(", \"name\": ")
      out.writeJSON(plan.tasks[index].name)
      out.write(", \"start\": ")
      out.writeJSON(row.start)
      out.write(", \"finish\": ")
      out.writeJSON(row.finish)
      out.write(", \"deadline\": ")
      out.writeJSON(row.deadline)
      out.write(", \"slack\": ")
      out.writeJSON(row.slack)
      out.write("}")
    }
    out.write("{\n  \"plan\": ")
    out.writeJSON(plan.title)
    out.write(",\n  \"start\": ")
    out.writeJSON(schedule.start)
    out.write(",\n  \"finish\": ")
    out.writeJSON(schedule.finish)
    out.write(",\n  \"paths\": [")
    for (n, path) in schedule.criticalPaths.enumerated() {
      out.write(n == 0 ? "\n    {\"length\": " : ",\n    {\"length\": ")
      out.write(length(of: path))
      out.write(", \"tasks\": [")
      for (k, task) in path.enumerated() {
        if k > 0 { out.write(", ") }
        writeTask(task)
      }
      out.write("]}")
    }
    out.write(schedule.criticalPaths.isEmpty ? "],\n" : "\n  ],\n")
    out.write("  \"more\": ")
    out.writeJSON(schedule.hasMoreCriticalPaths)
    out.write(",\n  \"negativeSlack\": [")
    for (k, task) in negativeSlack.enumerated() {
      if k > 0 { out.write(", ") }
      writeTask(task)
    }
    out.write("]\n}\n")
    return out.bytes
  }
}
