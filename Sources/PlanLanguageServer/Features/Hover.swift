import PlanGraph

extension PlanLanguageServer {
  /// `textDocument/hover` on a task's id or an `after` entry: the task's full id, name, owner, deadline,
  /// planned and forecast finish, slack and status as of today; on an owner, its full id and name.
  func hover(_ params: JSON) throws(JSONRPC.Failure) -> JSON {
    let (analysis, path, line, column) = try cursor(params)
    let index = analysis.index
    guard let occurrence = index.occurrence(in: path, line: line, column: column) else { return .null }
    let words: String
    if let task = occurrence.task {
      words = taskHover(task, analysis)
    } else if let owner = occurrence.owner {
      let found = index.owners[owner]
      words = "**\(found.fullID)**" + (found.name.map { " — " + $0 } ?? "")
    } else if case .include(_, let target) = occurrence {
      words = "`\(target)`"
    } else {
      return .null
    }
    return ["contents": ["kind": "markdown", "value": .string(words)]]
  }

  private func taskHover(_ task: Int, _ analysis: Workspace.Analysis) -> String {
    let found = analysis.index.tasks[task]
    let pick = language.pick
    var lines = ["**\(found.fullID)**" + (found.name.map { " — " + $0 } ?? "")]
    guard let plan = analysis.check.plan, let schedule = analysis.check.schedule,
      let planned = plan.taskIndex(found.fullID)
    else {
      if let owner = found.owner?.scalarText { lines.append(pick("owner", "责任单位") + ": " + owner) }
      if let deadline = found.node.value("deadline")?.scalarText {
        lines.append(pick("deadline", "期限") + ": " + deadline)
      }
      lines.append(
        pick("*No schedule while the plan has errors.*", "*计划有错误，暂无法排期。*"))
      return lines.joined(separator: "\n\n")
    }
    let facts = schedule.tasks[planned]
    if let owner = plan.tasks[planned].owner {
      lines.append(pick("owner", "责任单位") + ": \(plan.owners[owner].id) (\(plan.owners[owner].name))")
    }
    var rows: [(String, String)] = []
    if let deadline = facts.deadline { rows.append((pick("deadline", "期限"), deadline.iso)) }
    if let finish = facts.finish { rows.append((pick("planned finish", "计划完成"), finish.iso)) }
    if let forecast = facts.forecastFinish { rows.append((pick("forecast finish", "预计完成"), forecast.iso)) }
    if let done = facts.finishedOn { rows.append((pick("finished", "完成于"), done.iso)) }
    if let slack = facts.slack { rows.append((pick("slack", "机动时间"), pick("\(slack) days", "\(slack) 天"))) }
    rows.append((pick("status as of ", "状态，截至 ") + schedule.asOf.iso, statusWord(facts.status)))
    lines.append(rows.map { "\($0.0): \($0.1)" }.joined(separator: "  \n"))
    return lines.joined(separator: "\n\n")
  }

  /// The status as every report says it (逾期, at risk), from the shared table of words.
  private func statusWord(_ status: ScheduleStatus) -> String { status.label(language) }
}
