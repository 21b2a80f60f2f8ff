/// The numbers `plangraph check` shows for a valid plan: what it holds and the span it covers.
public struct PlanSummary: Hashable, Sendable {
  /// All tasks, summaries and duties included.
  public var tasks = 0
  /// Tasks with children.
  public var summaries = 0
  /// Leaves that take no time.
  public var milestones = 0
  /// Leaves (scheduled tasks), milestones included.
  public var leaves = 0
  /// Recurring duties.
  public var duties = 0
  /// Owner units, organisations included.
  public var owners = 0
  /// Top-level owners.
  public var organisations = 0
  /// Dependencies as written (`after` entries that add a dependency).
  public var dependencies = 0
  /// Tasks with their own deadline.
  public var deadlines = 0
  /// Tasks with a target.
  public var targets = 0
  /// Targets with at least one measurement.
  public var measuredTargets = 0
  /// Tasks done (a done date or status).
  public var done = 0
  /// Tasks cancelled by their own status.
  public var cancelled = 0
  /// The earliest and latest deadline.
  public var deadlineRange: ClosedRange<Day>?
  /// The files the plan was read from.
  public var files = 0

  /// Counts what `plan` holds.
  public init(plan: Plan) {
    tasks = plan.tasks.count
    files = plan.files.count
    owners = plan.owners.count
    organisations = plan.owners.filter { $0.parent == nil }.count
    for task in plan.tasks {
      if task.isSummary { summaries += 1 }
      if task.isDuty { duties += 1 }
      if task.isLeaf { leaves += 1 }
      if task.isMilestone { milestones += 1 }
      dependencies += task.after.count
      if task.target != nil {
        targets += 1
        if !task.measurements.isEmpty { measuredTargets += 1 }
      }
      if task.status == .done { done += 1 }
      if task.status == .cancelled { cancelled += 1 }
      if let deadline = task.deadline {
        deadlines += 1
        deadlineRange =
          deadlineRange.map { min($0.lowerBound, deadline)...max($0.upperBound, deadline) }
          ?? deadline...deadline
      }
    }
  }
}
