/// The words every output uses for `StatusCounts`, so that the check summary, the tables' totals, the HTML
/// cards and the chart legends say the same numbers the same way.
extension StatusCounts {
  /// The statuses of the legend and the cards, in the contract's order of severity, done last.
  public static let shownStatuses: [ScheduleStatus] = [.overdue, .atRisk, .dueSoon, .blocked, .onTrack, .done]

  /// What was counted: "253 项具体任务和 8 项例行工作" / "253 tasks and 8 recurring duties".
  public func scope(_ language: Language) -> String {
    let words = language.words
    return words.report.leafScope(leaves) + (duties > 0 ? words.report.dutyScope(duties) : "")
  }

  /// One status and its count: "逾期 15" / "15 overdue".
  public func entry(_ status: ScheduleStatus, _ language: Language) -> String {
    language.words.report.statusCount((status.label(language), count(of: status)))
  }

  /// Every status with its count: "逾期 15 · 有风险 0 · … · 已完成 9".
  public func statusLine(_ language: Language, statuses: [ScheduleStatus] = StatusCounts.shownStatuses) -> String {
    statuses.map { entry($0, language) }.joined(separator: " · ")
  }

  /// What is counted beside the statuses: missed occurrences, the blocked flag, cancelled tasks.
  public func extras(_ language: Language) -> String {
    language.words.report.countExtras((missedOccurrences, markedBlocked, cancelled))
  }

  /// The whole count in one line: scope, statuses, extras.
  public func sentence(_ language: Language) -> String {
    let words = language.words
    return scope(language) + words.report.colon + statusLine(language) + words.report.semicolon + extras(language)
  }

  /// Counts the given leaves and duties of `plan` (summaries among them are skipped).
  public init(plan: Plan, schedule: Schedule, tasks: some Sequence<Int>) {
    self.init()
    for i in tasks where plan.tasks[i].isLeaf || plan.tasks[i].isDuty {
      add(schedule.tasks[i], isDuty: plan.tasks[i].isDuty)
    }
  }
}
