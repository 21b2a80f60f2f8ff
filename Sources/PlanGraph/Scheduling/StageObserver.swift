/// A step of turning a plan file into a report, named when it ends so that a caller can time the steps.
///
/// The steps follow the one-way flow of the data; the raw values are the words the timings print.
public enum PlanStage: String, CaseIterable, Sendable {
  /// A file's bytes read into memory.
  case read = "bytes in"
  /// A file's events turned into tasks.
  case parse = "parse"
  /// Full ids built and owners resolved.
  case ids = "ids and owners"
  /// `after` (and support) references resolved to tasks, relative dates to days.
  case references = "resolve after"
  /// The dependency graph built and checked for cycles.
  case graph = "graph"
  /// The planned schedule: both passes of the critical path method.
  case plannedSchedule = "CPM"
  /// The forecast, statuses, duties, summaries and critical paths as of a date.
  case asOf = "as-of pass"
  /// A report built from the schedule (for a streamed report: its model).
  case report = "report"
  /// The report written out (for a streamed report: rendered and written, a buffer at a time).
  case write = "write"
}

/// What the library tells its caller at the end of each `PlanStage`, so that the caller can time the
/// stages of a large plan without the library reading the clock.
///
/// A stage may end several times (a plan of several files is read and parsed file by file); a caller
/// that times stages adds up the time since the previous call to the stage named.
public struct StageObserver: Sendable {
  private let ended: @Sendable (PlanStage) -> Void

  /// An observer that calls `ended` with each stage as it ends.
  public init(_ ended: @escaping @Sendable (PlanStage) -> Void) {
    self.ended = ended
  }

  /// The observer that does nothing: the default everywhere.
  public static let none = StageObserver { _ in }

  /// Tells the caller that `stage` has just ended.
  @inline(__always)
  public func end(_ stage: PlanStage) { ended(stage) }
}
