/// What a supervisor must act on as of a date: overdue, at-risk, due-soon and blocked tasks, missed and
/// due-soon occurrences of recurring duties, in the contract's order.
public struct OverdueList: Sendable {
  /// One item of the list.
  public struct Item: Hashable, Sendable {
    /// The task's index in `Plan.tasks`.
    public var task: Int
    /// `overdue`, `atRisk`, `dueSoon` or `blocked` (a summary's own status).
    public var status: ScheduleStatus
    /// Whether the task carries the blocked flag (reports mark it 受阻 / blocked).
    public var isBlocked: Bool
    /// The effective deadline, or the due day of a missed occurrence.
    public var deadline: Day?
    /// The forecast finish (nil for a missed occurrence).
    public var forecastFinish: Day?
    /// Days past the deadline, for overdue items.
    public var daysOverdue: Int?
    /// The missed or pending occurrence, for a recurring duty.
    public var occurrence: Occurrence?
  }

  /// The items: by status (overdue, at risk, due soon, blocked), most days overdue first, then deadline
  /// (none last), then id by code point.
  public var items: [Item]
  /// The counts over the leaves and duties the list covers (the plan's, or those of the units asked for).
  public var counts: StatusCounts

  /// Builds the contract's list from a schedule, keeping only tasks whose owner is in `owners` when given:
  /// leaves by status (blocked ones too), summaries by their own status (never for what rolls up into
  /// them), each missed occurrence of a duty, a due-soon duty's pending occurrence, a blocked duty.
  public init(plan: Plan, schedule: Schedule, owners: Set<Int>? = nil) {
    func included(_ task: Int) -> Bool { ReportText.isIncluded(task, owners: owners, in: plan) }
    counts = owners == nil ? schedule.counts : StatusCounts(plan: plan, schedule: schedule, including: included)
    var items: [Item] = []
    for (i, row) in schedule.tasks.enumerated() where included(i) {
      let task = plan.tasks[i]
      if task.isDuty {
        if row.status == .dueSoon, let due = row.deadline, let every = task.recurrence {
          items.append(
            Item(
              task: i, status: .dueSoon, isBlocked: row.isBlocked, deadline: due, forecastFinish: nil,
              daysOverdue: nil, occurrence: Occurrence(task: i, period: every.period(containing: due))))
        } else if row.status == .blocked {
          items.append(
            Item(task: i, status: .blocked, isBlocked: true, deadline: nil, forecastFinish: nil, daysOverdue: nil))
        }
        continue
      }
      let status = row.ownStatus
      guard status == .overdue || status == .atRisk || status == .dueSoon || (status == .blocked && !task.isSummary)
      else { continue }
      let late = status == .overdue ? row.deadline.map { schedule.asOf.days(since: $0) } : nil
      items.append(
        Item(
          task: i, status: status, isBlocked: row.isBlocked, deadline: row.deadline,
          forecastFinish: row.forecastFinish, daysOverdue: late))
    }
    for occurrence in schedule.missedOccurrences where included(occurrence.task) {
      items.append(
        Item(
          task: occurrence.task, status: .overdue, isBlocked: schedule.tasks[occurrence.task].isBlocked,
          deadline: occurrence.due, forecastFinish: nil, daysOverdue: schedule.asOf.days(since: occurrence.due),
          occurrence: occurrence))
    }
    let rank: [ScheduleStatus: Int] = [.overdue: 0, .atRisk: 1, .dueSoon: 2, .blocked: 3]
    self.items = items.sorted { a, b in
      if a.status != b.status { return rank[a.status, default: 4] < rank[b.status, default: 4] }
      if (a.daysOverdue ?? 0) != (b.daysOverdue ?? 0) { return (a.daysOverdue ?? 0) > (b.daysOverdue ?? 0) }
      if a.deadline != b.deadline { return (a.deadline?.ordinal ?? .max) < (b.deadline?.ordinal ?? .max) }
      return PlanTask.fullIDPrecedes(plan.tasks[a.task], plan.tasks[b.task])
    }
  }

  /// Whether anything is overdue (a task or a missed occurrence).
  public var hasOverdue: Bool { items.contains { $0.status == .overdue } }
}
