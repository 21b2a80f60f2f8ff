/// What loading a plan gives: the plan when it is valid, every diagnostic, and the files' text for printing them.
public struct PlanLoadResult: Sendable {
  /// The validated plan; nil when any error was found.
  public var plan: Plan?
  /// Every problem found, errors and warnings, in file order.
  public var diagnostics: [Diagnostic]
  /// The bytes of the files that diagnostics point into, by path as it appears in them.
  public var sources: [String: [UInt8]]
  /// The paths of the files read, root first, in include order: the whole include tree, even when the
  /// plan is invalid (an editor clears each file's old diagnostics).
  public var files: [String] = []
  /// The scheduler's facts of the plan's tasks, made beside the dependency graph when the loader was
  /// asked to (`PlanLoader.preparesSchedule`) and the plan is large; for `Scheduler.init(plan:facts:observer:)`.
  package var scheduleFacts: ScheduleFacts?

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
