/// The words every output uses for `StatusCounts`, so that the check summary, the tables' totals, the HTML
/// cards and the chart legends say the same numbers the same way.
extension StatusCounts {
  /// The statuses of the legend and the cards, in the contract's order of severity, done last.
  public static let shownStatuses: [ScheduleStatus] = [.overdue, .atRisk, .dueSoon, .blocked, .onTrack, .done]

  /// What was counted: "253 项具体任务和 8 项例行工作" / "253 tasks and 8 recurring duties".
  public func scope(_ language: Language) -> String {
    let leafWords = language.pick(leaves == 1 ? "1 task" : "\(leaves) tasks", "\(leaves) 项具体任务")
    guard duties > 0 else { return leafWords }
    return leafWords
      + language.pick(
        duties == 1 ? " and 1 recurring duty" : " and \(duties) recurring duties", "和 \(duties) 项例行工作")
  }

  /// One status and its count: "逾期 15" / "15 overdue".
  public func entry(_ status: ScheduleStatus, _ language: Language) -> String {
    let n = count(of: status)
    return language == .zh ? status.label(language) + " \(n)" : "\(n) " + status.label(language)
  }

  /// Every status with its count: "逾期 15 · 有风险 0 · … · 已完成 9".
  public func statusLine(_ language: Language, statuses: [ScheduleStatus] = StatusCounts.shownStatuses) -> String {
    statuses.map { entry($0, language) }.joined(separator: " · ")
  }

  /// What is counted beside the statuses: missed occurrences, the blocked flag, cancelled tasks.
  public func extras(_ language: Language) -> String {
    language.pick(
      "\(missedOccurrences) missed \(missedOccurrences == 1 ? "occurrence" : "occurrences") of duties · "
        + "\(markedBlocked) marked blocked · \(cancelled) cancelled",
      "例行工作未按期开展 \(missedOccurrences) 次 · 标记受阻 \(markedBlocked) 项 · 已取消 \(cancelled) 项")
  }

  /// The whole count in one line: scope, statuses, extras.
  public func sentence(_ language: Language) -> String {
    scope(language) + language.pick(": ", "：") + statusLine(language) + language.pick("; ", "；") + extras(language)
  }

  /// Counts the given leaves and duties of `plan` (summaries among them are skipped).
  public init(plan: Plan, schedule: Schedule, tasks: some Sequence<Int>) {
    self.init()
    for i in tasks where plan.tasks[i].isLeaf || plan.tasks[i].isDuty {
      add(schedule.tasks[i], isDuty: plan.tasks[i].isDuty)
    }
  }
}
