/// The result of scheduling a plan as of a date: planned dates, slack, forecast and status for every task.
///
/// A plain value, indexed like `Plan.tasks`; reports and charts read it, nothing changes it.
public struct Schedule: Hashable, Sendable {
  /// The day the status is computed for.
  public var asOf: Day
  /// Days ahead within which an open deadline makes a task `due-soon`.
  public var window: Int
  /// The plan start.
  public var start: Day
  /// The latest finish shown by a non-cancelled leaf; nil when the plan has none.
  public var finish: Day?
  /// One row per task, in output order.
  public var tasks: [TaskSchedule]
  /// Critical paths as chains of task indices in dependency order, at most `maximumCriticalPaths`.
  public var criticalPaths: [[Int]]
  /// Whether more critical paths exist than are listed.
  public var hasMoreCriticalPaths: Bool
  /// Every missed occurrence of a recurring duty, by task, then due day.
  public var missedOccurrences: [Occurrence]

  /// How many critical paths are listed at most.
  public static let maximumCriticalPaths = 100
}

/// The schedule and status of one task.
public struct TaskSchedule: Hashable, Sendable {
  /// Planned start (earliest start); nil for duties and summaries without leaves.
  public var start: Day?
  /// Planned inclusive finish.
  public var finish: Day?
  /// Latest start that keeps every deadline and the project end.
  public var latestStart: Day?
  /// Latest inclusive finish.
  public var latestFinish: Day?
  /// Days the task can slip; negative when a deadline cannot be met as planned.
  public var slack: Int?
  /// Whether the task has no slack (and is not cancelled).
  public var isCritical: Bool = false
  /// The effective deadline: the earliest of its own and its ancestors' (a duty: its earliest missed due day).
  public var deadline: Day?
  /// The forecast inclusive finish as of the as-of date.
  public var forecastFinish: Day?
  /// The status as of the as-of date.
  public var status: ScheduleStatus = .onTrack
  /// Days past the deadline when `overdue`, else nil.
  public var daysOverdue: Int?
  /// The day it was finished as known on the as-of date: its done date, or the day its target was met.
  public var finishedOn: Day?
  /// Whether it was finished after its effective deadline.
  public var isLate: Bool = false
  /// For a task with a target: the latest measurement dated on or before the as-of date.
  public var latestMeasurement: Measurement?
  /// For a duty: how many occurrences fall in its span up to the as-of date, and how many were missed.
  public var occurrences: (total: Int, missed: Int)? {
    get { occurrenceCount.map { ($0, missedCount) } }
    set {
      occurrenceCount = newValue?.total
      missedCount = newValue?.missed ?? 0
    }
  }
  private var occurrenceCount: Int?
  private var missedCount = 0

  /// An empty row.
  public init() {}
}

/// The status of a task as of a date, by the contract's rules; raw values are the contract's codes.
public enum ScheduleStatus: String, CaseIterable, Hashable, Sendable {
  case done
  case overdue
  case atRisk = "at-risk"
  case dueSoon = "due-soon"
  case blocked
  case onTrack = "on-track"
  case cancelled
}

/// One occurrence of a recurring duty: a calendar period and the day it is due.
public struct Occurrence: Hashable, Sendable {
  /// The duty's index in `Plan.tasks`.
  public var task: Int
  /// The calendar period it covers.
  public var period: ClosedRange<Day>
  /// The day it is due: the period's last day.
  public var due: Day { period.upperBound }
}
