/// The status a planner writes on a task (`status:`), before any scheduling.
public enum TaskStatus: String, CaseIterable, Hashable, Sendable {
  /// Not started; the default.
  case planned
  /// Under way; its `progress` feeds the forecast.
  case active
  /// Held up by something outside the plan.
  case blocked
  /// Finished, with or without a `done` date.
  case done
  /// Dropped: takes no time and binds nothing.
  case cancelled
}
