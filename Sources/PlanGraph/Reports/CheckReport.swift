/// The one-screen summary `plangraph check` prints for a valid plan.
public enum CheckReport {
  /// What the plan holds, its span and its critical paths, in aligned lines, in `language`.
  public static func text(
    plan: Plan, path: String, schedule: Schedule, style: TerminalStyle, language: Language = .en
  ) -> String {
    let s = PlanSummary(plan: plan)
    let zh = language == .zh
    // Labels padded past the longest: 13 columns in English ("dependencies"), 10 in Chinese.
    func line(_ en: String, _ chinese: String, _ count: Int?, _ detail: String) -> String {
      let number = count.map { TextWidth.pad(String($0), to: 6, right: true) } ?? "      "
      return "  " + TextWidth.pad(zh ? chinese : en, to: zh ? 10 : 13) + number
        + (detail.isEmpty ? "" : "  " + detail) + "\n"
    }
    func plural(_ n: Int, _ word: String, _ words: String? = nil) -> String {
      "\(n) " + (n == 1 ? word : words ?? word + "s")
    }
    var out = (zh ? style.green("通过：") : style.green("ok:") + " ") + style.bold(plan.title) + " — \(path)\n"
    out += line("files", "文件", s.files, "")
    out += line(
      "tasks", "任务", s.tasks,
      zh
        ? "\(s.leaves) 项具体任务（其中里程碑 \(s.milestones) 项），\(s.summaries) 项汇总任务，\(s.duties) 项例行工作"
        : plural(s.leaves, "leaf", "leaves") + " (" + plural(s.milestones, "milestone") + "), "
          + plural(s.summaries, "summary", "summaries") + ", " + plural(s.duties, "recurring duty", "recurring duties"))
    out += line(
      "owners", "负责单位", s.owners, zh ? "分属 \(s.organisations) 个组织" : "in \(plural(s.organisations, "organisation"))")
    out += line("dependencies", "依赖关系", s.dependencies, "")
    let span = schedule.finish.map {
      "\(plan.start.iso) → \($0.iso)" + (zh ? "（计划开始 → 计划完成）" : " (plan start → planned finish)")
    }
    out += line("dates", "起止", nil, span ?? plan.start.iso)
    out += line(
      "deadlines", "截止日期", s.deadlines, s.deadlineRange.map { "\($0.lowerBound.iso) … \($0.upperBound.iso)" } ?? "")
    out += line(
      "targets", "量化目标", s.targets, zh ? "其中 \(s.measuredTargets) 项有测量值" : "\(s.measuredTargets) with measurements")
    // The statuses as of the date: the same counts as every other output.
    let counts = schedule.counts
    out += line(
      "status", "状态", counts.tasks,
      (zh ? "截至 " : "as of ") + schedule.asOf.iso + (zh ? "：" : ": ") + counts.statusLine(language))
    out += line("", "", nil, counts.extras(language))
    let criticalTasks = Set(schedule.criticalPaths.flatMap { $0 }).count
    let paths = schedule.criticalPaths.count
    let more = schedule.hasMoreCriticalPaths
    out += line(
      "critical", "关键任务", criticalTasks,
      zh
        ? "位于 \(paths) 条关键路径上" + (more ? "（另有未列出的）" : "")
        : (criticalTasks == 1 ? "task" : "tasks") + " on " + plural(paths, "critical path")
          + (more ? " (more not listed)" : ""))
    return out
  }
}
