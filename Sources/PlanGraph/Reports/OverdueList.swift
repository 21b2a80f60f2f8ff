/// What a supervisor must act on as of a date: overdue, at-risk and due-soon tasks and missed occurrences
/// of recurring duties, in the contract's order.
public struct OverdueList: Sendable {
  /// One item of the list.
  public struct Item: Hashable, Sendable {
    /// The task's index in `Plan.tasks`.
    public var task: Int
    /// `overdue`, `atRisk` or `dueSoon`.
    public var status: ScheduleStatus
    /// The effective deadline, or the due day of a missed occurrence.
    public var deadline: Day?
    /// The forecast finish (nil for a missed occurrence).
    public var forecastFinish: Day?
    /// Days past the deadline, for overdue items.
    public var daysOverdue: Int?
    /// The missed occurrence, for a recurring duty.
    public var occurrence: Occurrence?
  }

  /// The items: by status (overdue, at risk, due soon), most days overdue first, then deadline, then id.
  public var items: [Item]

  /// Builds the list from a schedule, keeping only tasks whose owner is in `owners` when given.
  public init(plan: Plan, schedule: Schedule, owners: Set<Int>? = nil) {
    func included(_ task: Int) -> Bool { ReportText.isIncluded(task, owners: owners, in: plan) }
    var items: [Item] = []
    for (i, row) in schedule.tasks.enumerated() where included(i) && !plan.tasks[i].isDuty {
      guard row.status == .overdue || row.status == .atRisk || row.status == .dueSoon else { continue }
      items.append(
        Item(
          task: i, status: row.status, deadline: row.deadline, forecastFinish: row.forecastFinish,
          daysOverdue: row.daysOverdue))
    }
    for occurrence in schedule.missedOccurrences where included(occurrence.task) {
      items.append(
        Item(
          task: occurrence.task, status: .overdue, deadline: occurrence.due, forecastFinish: nil,
          daysOverdue: schedule.asOf.days(since: occurrence.due), occurrence: occurrence))
    }
    let rank: [ScheduleStatus: Int] = [.overdue: 0, .atRisk: 1, .dueSoon: 2]
    self.items = items.sorted { a, b in
      if a.status != b.status { return rank[a.status, default: 3] < rank[b.status, default: 3] }
      if (a.daysOverdue ?? 0) != (b.daysOverdue ?? 0) { return (a.daysOverdue ?? 0) > (b.daysOverdue ?? 0) }
      if a.deadline != b.deadline { return (a.deadline?.ordinal ?? .max) < (b.deadline?.ordinal ?? .max) }
      return ReportText.codePointLess(plan.tasks[a.task].fullID, plan.tasks[b.task].fullID)
    }
  }

  /// Whether anything is overdue (a task or a missed occurrence).
  public var hasOverdue: Bool { items.contains { $0.status == .overdue } }
}
