import PlanGraph

/// One finding of the supervisor's monthly view.
public struct SlipItem: Hashable, Sendable {
  /// The kinds of findings, in the order they are shown.
  public enum Kind: String, CaseIterable, Hashable, Sendable {
    /// Overdue now and not then.
    case newlyOverdue = "newly-overdue"
    /// Forecast finish later than then.
    case slipped
    /// The task's own deadline moved later.
    case extended
    /// Done now and not then (销号).
    case closed
    /// New in the plan.
    case added
    /// Cancelled since.
    case cancelled
    /// Gone from the plan.
    case removed
  }

  /// What was found.
  public var kind: Kind
  /// The task.
  public var task: TaskReference
  /// The value then (a date; "" when none).
  public var old: String = ""
  /// The value now.
  public var new: String = ""
  /// Days moved (forecast for `slipped`, deadline for `extended`, days overdue for `newlyOverdue`).
  public var moved: Int?
  /// For `extended`: the last commit that changed the deadline; nil when the change is not committed.
  public var commit: GitCommit?
}

/// The supervisor's monthly view: what slipped, was extended, closed, added or cancelled since an
/// earlier version of the plan, grouped by unit.
public struct PlanSlip: Sendable {
  /// The earlier side's name.
  public var since: String
  /// The later side's name.
  public var to: String
  /// The earlier side's as-of date (the day of `--since`, or the commit's day).
  public var sinceDay: Day
  /// The later side's as-of date.
  public var asOf: Day
  /// Every finding, by unit (in order of first appearance), then kind, then biggest move.
  public var items: [SlipItem]

  /// The units in the order shown ("" for tasks without an owner).
  public var units: [String] {
    var seen: Set<String> = []
    return items.compactMap { seen.insert($0.task.unit).inserted ? $0.task.unit : nil }
  }

  /// How many findings of each kind `unit` has.
  public func counts(unit: String) -> [SlipItem.Kind: Int] {
    var out: [SlipItem.Kind: Int] = [:]
    for item in items where item.task.unit == unit { out[item.kind, default: 0] += 1 }
    return out
  }

  /// Builds the view from a comparison of the earlier side (scheduled as of `sinceDay`) with the later one,
  /// and the commit that last changed each task's deadline (by full id; missing: not committed).
  public init(diff: PlanDiff, sinceDay: Day, deadlineCommits: [String: GitCommit]) {
    since = diff.from
    to = diff.to
    self.sinceDay = sinceDay
    asOf = diff.asOf
    var found: [SlipItem] = []
    for change in diff.changed {
      if change.status.new == .overdue && change.status.old != .overdue {
        found.append(
          SlipItem(
            kind: .newlyOverdue, task: change.task, old: change.deadline.old?.iso ?? "",
            new: change.deadline.new?.iso ?? "",
            moved: change.deadline.new.map { diff.asOf.days(since: $0) }))
      }
      if let moved = change.forecastMoved, moved > 0, change.status.new != .done {
        found.append(
          SlipItem(
            kind: .slipped, task: change.task, old: change.forecastFinish.old?.iso ?? "",
            new: change.forecastFinish.new?.iso ?? "", moved: moved))
      }
      if let old = change.old("deadline"), let new = change.new("deadline"), !old.isEmpty, new > old || new.isEmpty {
        let days = DateExpression.parseDay(new).flatMap { n in DateExpression.parseDay(old).map { n.days(since: $0) } }
        found.append(
          SlipItem(
            kind: .extended, task: change.task, old: old, new: new, moved: days,
            commit: deadlineCommits[change.task.id]))
      }
      if change.status.new == .done && change.status.old != .done {
        found.append(
          SlipItem(kind: .closed, task: change.task, old: change.status.old.rawValue, new: change.new("done") ?? ""))
      }
      if change.new("status") == TaskStatus.cancelled.rawValue {
        found.append(SlipItem(kind: .cancelled, task: change.task, old: change.old("status") ?? ""))
      }
    }
    for task in diff.added { found.append(SlipItem(kind: .added, task: task)) }
    for task in diff.removed { found.append(SlipItem(kind: .removed, task: task)) }
    var unitOrder: [String: Int] = [:]
    for item in found where unitOrder[item.task.unit] == nil { unitOrder[item.task.unit] = unitOrder.count }
    let kinds = Dictionary(uniqueKeysWithValues: SlipItem.Kind.allCases.enumerated().map { ($1, $0) })
    items = found.enumerated().sorted { a, b in
      let (x, y) = (a.element, b.element)
      if x.task.unit != y.task.unit { return unitOrder[x.task.unit, default: 0] < unitOrder[y.task.unit, default: 0] }
      if x.kind != y.kind { return kinds[x.kind, default: 0] < kinds[y.kind, default: 0] }
      if (x.moved ?? 0) != (y.moved ?? 0) { return (x.moved ?? 0) > (y.moved ?? 0) }
      return a.offset < b.offset
    }.map(\.element)
  }
}

extension DateExpression {
  /// The day an ISO date text names, nil for anything else.
  static func parseDay(_ text: String) -> Day? {
    if case .success(.day(let day)) = parse(text) { return day }
    return nil
  }
}
