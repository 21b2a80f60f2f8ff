/// How many tasks are in each state as of a date: the contract's `counts`, the one set of numbers that
/// `check`, the tables' totals, the HTML cards, the chart legends and both JSON outputs show.
///
/// Counted over non-cancelled leaves and recurring duties; summaries are never counted, so folding or
/// nesting cannot change the numbers.
public struct StatusCounts: Hashable, Sendable {
  /// The non-cancelled leaves and duties; `done` … `onTrack` add up to it.
  public var tasks = 0
  /// Of `tasks`, how many are done.
  public var done = 0
  /// Of `tasks`, how many are overdue (a duty with a missed occurrence counts once).
  public var overdue = 0
  /// Of `tasks`, how many are at risk.
  public var atRisk = 0
  /// Of `tasks`, how many are due soon.
  public var dueSoon = 0
  /// Of `tasks`, how many have the status `blocked` (marked blocked and no time status).
  public var blocked = 0
  /// Of `tasks`, how many are on track.
  public var onTrack = 0
  /// The cancelled leaves and duties (not in `tasks`).
  public var cancelled = 0
  /// Of `tasks`, how many carry the blocked flag, whatever their status.
  public var markedBlocked = 0
  /// The missed occurrences of the duties counted in `tasks`.
  public var missedOccurrences = 0
  /// Of `tasks`, how many are leaves (the rest are duties).
  public var leaves = 0

  /// No tasks.
  public init() {}

  /// Counts the leaves and duties of `plan` for which `included` holds (all when nil).
  public init(plan: Plan, schedule: Schedule, including included: ((Int) -> Bool)? = nil) {
    // By index, not `for task in`: a copy of each task costs a retain and a release per task.
    for i in plan.tasks.indices where plan.tasks[i].isLeaf || plan.tasks[i].isDuty {
      if let included, !included(i) { continue }
      add(schedule.tasks[i], isDuty: plan.tasks[i].isDuty)
    }
  }

  /// Adds one leaf's or duty's row: how the ledger tallies each unit with the same rules as every output.
  package mutating func add(_ row: TaskSchedule, isDuty: Bool) {
    add(status: row.status, isBlocked: row.isBlocked, missed: row.occurrences?.missed ?? 0, isDuty: isDuty)
  }

  /// Adds a leaf or duty by the fields of its row that count (`missed`: a duty's missed occurrences):
  /// for a loop over a million rows, which reads the fields where the row lies instead of copying it.
  @inline(__always)
  package mutating func add(status: ScheduleStatus, isBlocked: Bool, missed: Int, isDuty: Bool) {
    guard status != .cancelled else {
      cancelled += 1
      return
    }
    tasks += 1
    if !isDuty { leaves += 1 }
    if isBlocked { markedBlocked += 1 }
    if isDuty { missedOccurrences += missed }
    switch status {
    case .done: done += 1
    case .overdue: overdue += 1
    case .atRisk: atRisk += 1
    case .dueSoon: dueSoon += 1
    case .blocked: blocked += 1
    case .onTrack: onTrack += 1
    case .cancelled: break
    }
  }

  /// Adds another set of counts field by field: a unit's counts rolled up into its organisation's.
  package mutating func add(_ other: StatusCounts) {
    tasks += other.tasks
    done += other.done
    overdue += other.overdue
    atRisk += other.atRisk
    dueSoon += other.dueSoon
    blocked += other.blocked
    onTrack += other.onTrack
    cancelled += other.cancelled
    markedBlocked += other.markedBlocked
    missedOccurrences += other.missedOccurrences
    leaves += other.leaves
  }

  /// Of `tasks`, how many are recurring duties.
  public var duties: Int { tasks - leaves }

  /// The contract's JSON object: `{"tasks", "done", "overdue", "atRisk", "dueSoon", "blocked", "onTrack",
  /// "cancelled", "markedBlocked", "missedOccurrences"}`.
  public var jsonFields: [(String, Int)] {
    [
      ("tasks", tasks), ("done", done), ("overdue", overdue), ("atRisk", atRisk), ("dueSoon", dueSoon),
      ("blocked", blocked), ("onTrack", onTrack), ("cancelled", cancelled), ("markedBlocked", markedBlocked),
      ("missedOccurrences", missedOccurrences),
    ]
  }

  /// How many of `tasks` have `status`.
  public func count(of status: ScheduleStatus) -> Int {
    switch status {
    case .done: return done
    case .overdue: return overdue
    case .atRisk: return atRisk
    case .dueSoon: return dueSoon
    case .blocked: return blocked
    case .onTrack: return onTrack
    case .cancelled: return cancelled
    }
  }
}

extension ByteWriter {
  /// Writes counts as the contract's one-line JSON object.
  public mutating func writeJSON(_ counts: StatusCounts) {
    var object = beginObject()
    for (key, value) in counts.jsonFields { field(key, value, in: &object) }
    end(object)
  }
}
