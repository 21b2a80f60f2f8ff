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
  /// The missed occurrences of recurring duties, by task, then due day: summarised within
  /// `RecurringDuties.maximumListed`: every duty that missed any lists at least its first and last.
  public var missedOccurrences: [Occurrence]
  /// Whether more occurrences were missed than `missedOccurrences` lists (the duties' counts are complete).
  public var hasMoreMissedOccurrences: Bool = false
  /// How many leaves and duties are in each state: the one set of numbers every output shows.
  public var counts = StatusCounts()
  /// The flat kinds, parents and progress the scheduler read of the plan's tasks, for the reports.
  var taskFacts = TaskFactsCache()

  /// How many critical paths are listed at most.
  public static let maximumCriticalPaths = 100
  /// The days ahead within which an open deadline is due soon, unless `--window` says otherwise.
  public static let defaultWindow = 30
}

/// The schedule and status of one task.
///
/// Days are kept as 32-bit day numbers, the flags as bits of one byte and rare values (a duty's
/// occurrences, a target's measurement) in a box, so that a row is 48 bytes and a million rows stay small
/// (they are alive at the as-of pass's peak of memory); the properties read and write like optionals.
/// Values past 32 bits are clamped: `Scheduler` refuses plans whose dates leave the years 1–9999, so only
/// an as-of date thousands of years away reaches them.
public struct TaskSchedule: Hashable, Sendable {
  private var startDay = TaskSchedule.none
  private var finishDay = TaskSchedule.none
  private var latestStartDay = TaskSchedule.none
  private var latestFinishDay = TaskSchedule.none
  private var deadlineDay = TaskSchedule.none
  private var forecastDay = TaskSchedule.none
  private var finishedDay = TaskSchedule.none
  private var slackDays = TaskSchedule.none
  private var overdueDays = TaskSchedule.none
  /// The status as of the as-of date; a summary's rolls up the worst status below it.
  public var status: ScheduleStatus = .onTrack
  /// The status by the contract's table from the task's own deadline and forecast: a summary's own
  /// status before roll-up (what the overdue report lists it for); a leaf's or duty's equals `status`.
  public var ownStatus: ScheduleStatus = .onTrack
  /// `isBlocked`, `isCritical` and `isLate` as bits.
  private var flags: UInt8 = 0
  /// The measurement and the occurrences, when either is set.
  private var rare: RareBox?

  /// Whether the task is marked `blocked`, or (a summary) a non-cancelled leaf or duty below it is;
  /// shown beside the status, which it does not replace.
  public var isBlocked: Bool {
    get { flags & Self.blockedBit != 0 }
    set { flags = newValue ? flags | Self.blockedBit : flags & ~Self.blockedBit }
  }
  /// Whether the task has no slack (and is not cancelled).
  public var isCritical: Bool {
    get { flags & Self.criticalBit != 0 }
    set { flags = newValue ? flags | Self.criticalBit : flags & ~Self.criticalBit }
  }
  /// Whether it was finished after its effective deadline.
  public var isLate: Bool {
    get { flags & Self.lateBit != 0 }
    set { flags = newValue ? flags | Self.lateBit : flags & ~Self.lateBit }
  }

  private static let blockedBit: UInt8 = 1
  private static let criticalBit: UInt8 = 2
  private static let lateBit: UInt8 = 4

  private static let none = Int32.min

  /// An empty row.
  public init() {}

  /// Planned start (earliest start); nil for duties and summaries without leaves.
  public var start: Day? {
    get { Self.day(startDay) }
    set { startDay = Self.stored(newValue) }
  }
  /// Planned inclusive finish.
  public var finish: Day? {
    get { Self.day(finishDay) }
    set { finishDay = Self.stored(newValue) }
  }
  /// Latest start that keeps every deadline and the project end.
  public var latestStart: Day? {
    get { Self.day(latestStartDay) }
    set { latestStartDay = Self.stored(newValue) }
  }
  /// Latest inclusive finish.
  public var latestFinish: Day? {
    get { Self.day(latestFinishDay) }
    set { latestFinishDay = Self.stored(newValue) }
  }
  /// The effective deadline: the earliest of its own and its ancestors' (a duty: its earliest missed due day).
  public var deadline: Day? {
    get { Self.day(deadlineDay) }
    set { deadlineDay = Self.stored(newValue) }
  }
  /// The forecast inclusive finish as of the as-of date.
  public var forecastFinish: Day? {
    get { Self.day(forecastDay) }
    set { forecastDay = Self.stored(newValue) }
  }
  /// The day it was finished as known on the as-of date: its done date, or the day its target was met.
  public var finishedOn: Day? {
    get { Self.day(finishedDay) }
    set { finishedDay = Self.stored(newValue) }
  }
  /// Days the task can slip; negative when a deadline cannot be met as planned.
  public var slack: Int? {
    get { slackDays == Self.none ? nil : Int(slackDays) }
    set { slackDays = newValue.map { Int32(clamping: max($0, Int(Int32.min) + 1)) } ?? Self.none }
  }
  /// Days past the deadline when `overdue`, else nil.
  public var daysOverdue: Int? {
    get { overdueDays == Self.none ? nil : Int(overdueDays) }
    set { overdueDays = newValue.map { Int32(clamping: max($0, Int(Int32.min) + 1)) } ?? Self.none }
  }
  /// For a task with a target: the latest measurement dated on or before the as-of date.
  public var latestMeasurement: Measurement? {
    get { rare?.measurement }
    set { rare = RareBox.make(measurement: newValue, occurrences: rare?.occurrences) }
  }
  /// For a duty: how many occurrences fall in its span up to the as-of date (the current period
  /// included), how many of them were already due, and how many of those were missed.
  public var occurrences: (total: Int, due: Int, missed: Int)? {
    get { rare?.occurrences.map { (Int($0.total), Int($0.due), Int($0.missed)) } }
    set {
      let counts = newValue.map {
        RareBox.Counts(
          total: Int32(clamping: $0.total), due: Int32(clamping: $0.due), missed: Int32(clamping: $0.missed))
      }
      rare = RareBox.make(measurement: rare?.measurement, occurrences: counts)
    }
  }

  private static func day(_ stored: Int32) -> Day? {
    stored == none ? nil : Day(ordinal: Int(stored))
  }

  private static func stored(_ day: Day?) -> Int32 {
    guard let day else { return none }
    return Int32(clamping: max(Int(Int32.min) + 1, day.ordinal))
  }
}

/// What few rows have, kept apart from the row: a target's latest measurement, a duty's occurrence counts.
/// Immutable: a row setting either gets a new box.
private final class RareBox: Hashable, Sendable {
  /// A duty's occurrences: in its span so far, already due, missed.
  struct Counts: Hashable {
    var total: Int32
    var due: Int32
    var missed: Int32
  }

  let measurement: Measurement?
  let occurrences: Counts?

  private init(measurement: Measurement?, occurrences: Counts?) {
    self.measurement = measurement
    self.occurrences = occurrences
  }

  /// A box holding these, or nil when both are nil (so that an emptied row equals an empty one).
  static func make(measurement: Measurement?, occurrences: Counts?) -> RareBox? {
    measurement == nil && occurrences == nil ? nil : RareBox(measurement: measurement, occurrences: occurrences)
  }

  static func == (lhs: RareBox, rhs: RareBox) -> Bool {
    lhs.measurement == rhs.measurement && lhs.occurrences == rhs.occurrences
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(measurement)
    hasher.combine(occurrences)
  }
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

extension ScheduleStatus {
  /// How severe a status is when summaries roll up: overdue 5, at-risk 4, due-soon 3, blocked 2,
  /// on-track 1, done 0 (cancelled -1, never rolled up).
  public var severity: Int {
    switch self {
    case .overdue: return 5
    case .atRisk: return 4
    case .dueSoon: return 3
    case .blocked: return 2
    case .onTrack: return 1
    case .done: return 0
    case .cancelled: return -1
    }
  }
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

/// What the reports' passes over every task read of the plan (kinds, parents, progress), kept with a
/// schedule from the scheduler's `TaskFacts` (the same arrays, not copies), so that the warning lights
/// and the overdue list read flat arrays instead of each 144-byte `PlanTask`. Only these five are kept:
/// the rest of the facts go with the scheduler (22 MB at a million tasks). They follow from the plan, so
/// they take no part in the schedule's equality or hash.
///
/// They are used only for the very tasks they were read from: the cache holds the scheduled plan's task
/// array (a reference to its storage, not a copy), so that storage is never uniquely referenced and any
/// change to a plan's tasks after scheduling (progress recorded, a task added) gives that plan a new
/// storage; a plan whose tasks are not stored where the scheduled ones are has its facts read afresh.
/// Reports on a changed plan therefore read the plan they are given, as they did before the cache.
struct TaskFactsCache: Hashable, Sendable {
  var kinds: ReportFacts?
  /// The scheduled plan's tasks, held so that their storage stays shared (see above).
  var tasks: [PlanTask] = []

  static func == (_: TaskFactsCache, _: TaskFactsCache) -> Bool { true }
  func hash(into hasher: inout Hasher) {}
}

/// Per task: whether it is a leaf, a summary or a duty, its parent (-1 at the top) and its progress
/// (0 when absent), as `TaskFacts` has them.
struct ReportFacts: Sendable {
  let isLeaf: [Bool]
  let isSummary: [Bool]
  let isDuty: [Bool]
  let parent: [Int32]
  let progress: [Int8]

  init(_ facts: TaskFacts) {
    (isLeaf, isSummary, isDuty, parent, progress) = (
      facts.isLeaf, facts.isSummary, facts.isDuty, facts.parent, facts.progress
    )
  }
}

extension Schedule {
  /// The kinds of `plan`'s tasks: the scheduler's when `plan`'s tasks are the very array it scheduled
  /// (the same storage, so the same values), else read now.
  func facts(of plan: Plan) -> ReportFacts {
    if let kinds = taskFacts.kinds, kinds.parent.count == plan.tasks.count,
      plan.tasks.sharesStorage(with: taskFacts.tasks)
    {
      return kinds
    }
    return ReportFacts(TaskFacts(tasks: plan.tasks))
  }
}

extension [PlanTask] {
  /// Whether this array and `other` are the very same storage (so the same values): how a value made
  /// from a plan's tasks and held with them tells that it is still that plan's (a plan whose tasks were
  /// changed since has copied them).
  func sharesStorage(with other: [PlanTask]) -> Bool {
    withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
  }
}
