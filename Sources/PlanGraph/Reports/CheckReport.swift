/// The one-screen summary `plangraph check` prints for a valid plan.
public enum CheckReport {
  /// What the plan holds, its span and its critical paths, in aligned lines.
  public static func text(plan: Plan, path: String, schedule: Schedule, style: TerminalStyle) -> String {
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
}
