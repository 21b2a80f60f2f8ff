/// The one-screen summary `plangraph check` prints for a valid plan.
public enum CheckReport {
  /// What the plan holds, its span and its critical paths, in aligned lines, in `language`.
  public static func text(
    plan: Plan, path: String, schedule: Schedule, style: TerminalStyle, language: Language = .en
  ) -> String {
    if language == .zh { return chinese(plan: plan, path: path, schedule: schedule, style: style) }
    let s = PlanSummary(plan: plan)
    func line(_ label: String, _ count: Int?, _ detail: String) -> String {
      let number = count.map { TextWidth.pad(String($0), to: 6, right: true) } ?? "      "
      return "  " + TextWidth.pad(label, to: 13) + number + (detail.isEmpty ? "" : "  " + detail) + "\n"
    }
    func plural(_ n: Int, _ word: String, _ words: String? = nil) -> String {
      "\(n) " + (n == 1 ? word : words ?? word + "s")
    }
    var out = style.green("ok:") + " " + style.bold(plan.title) + " — \(path)\n"
    out += line("files", s.files, "")
    out += line(
      "tasks", s.tasks,
      plural(s.leaves, "leaf", "leaves") + " (" + plural(s.milestones, "milestone") + "), "
        + plural(s.summaries, "summary", "summaries") + ", " + plural(s.duties, "recurring duty", "recurring duties"))
    out += line("owners", s.owners, "in \(plural(s.organisations, "organisation"))")
    out += line("dependencies", s.dependencies, "")
    let span = schedule.finish.map { "\(plan.start.iso) → \($0.iso) (plan start → planned finish)" } ?? plan.start.iso
    out += line("dates", nil, span)
    out += line("deadlines", s.deadlines, s.deadlineRange.map { "\($0.lowerBound.iso) … \($0.upperBound.iso)" } ?? "")
    out += line("targets", s.targets, "\(s.measuredTargets) with measurements")
    out += line("done", s.done, "\(s.cancelled) cancelled")
    let criticalTasks = Set(schedule.criticalPaths.flatMap { $0 }).count
    let paths = schedule.criticalPaths.count
    out += line(
      "critical", criticalTasks,
      "task\(criticalTasks == 1 ? "" : "s") on \(plural(paths, "critical path"))\(schedule.hasMoreCriticalPaths ? " (more not listed)" : "")"
    )
    return out
  }

  private static func chinese(plan: Plan, path: String, schedule: Schedule, style: TerminalStyle) -> String {
    let s = PlanSummary(plan: plan)
    func line(_ label: String, _ count: Int?, _ detail: String) -> String {
      let number = count.map { TextWidth.pad(String($0), to: 6, right: true) } ?? "      "
      return "  " + TextWidth.pad(label, to: 10) + number + (detail.isEmpty ? "" : "  " + detail) + "\n"
    }
    var out = style.green("通过：") + style.bold(plan.title) + " — \(path)\n"
    out += line("文件", s.files, "")
    out += line(
      "任务", s.tasks, "\(s.leaves) 项具体任务（其中里程碑 \(s.milestones) 项），\(s.summaries) 项汇总任务，\(s.duties) 项例行工作")
    out += line("负责单位", s.owners, "分属 \(s.organisations) 个组织")
    out += line("依赖关系", s.dependencies, "")
    let span = schedule.finish.map { "\(plan.start.iso) → \($0.iso)（计划开始 → 计划完成）" } ?? plan.start.iso
    out += line("起止", nil, span)
    out += line("截止日期", s.deadlines, s.deadlineRange.map { "\($0.lowerBound.iso) … \($0.upperBound.iso)" } ?? "")
    out += line("量化目标", s.targets, "其中 \(s.measuredTargets) 项有测量值")
    out += line("已完成", s.done, "已取消 \(s.cancelled) 项")
    let criticalTasks = Set(schedule.criticalPaths.flatMap { $0 }).count
    out += line(
      "关键任务", criticalTasks,
      "位于 \(schedule.criticalPaths.count) 条关键路径上" + (schedule.hasMoreCriticalPaths ? "（另有未列出的）" : ""))
    return out
  }
}
