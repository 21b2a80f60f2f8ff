/// What the scheduler first works out from a plan's tasks: their flat facts (`TaskFacts`) and the
/// constraints each inherits (`EffectiveConstraints`).
///
/// They need the tasks only, not the graph, so for a large plan the loader makes them on a second
/// thread while it builds the dependency graph (`PlanLoader.preparesSchedule`), and hands them on with
/// the plan (`PlanLoadResult.scheduleFacts`); otherwise `Scheduler` makes them itself. Either way they
/// are the same values.
package struct ScheduleFacts: Sendable {
  /// The facts, less what the constraints took.
  var facts: TaskFacts
  let constraints: EffectiveConstraints

  /// The facts and constraints of `tasks`.
  init(tasks: [PlanTask]) {
    self.init(tasks: tasks, filling: TaskFacts(count: tasks.count))
  }

  /// The facts and constraints of `tasks`, the facts written into `blank` (`TaskFacts(count:)` for as
  /// many tasks, allocated by another thread).
  init(tasks: [PlanTask], filling blank: consuming TaskFacts) {
    var facts = blank
    facts.read(tasks)
    constraints = EffectiveConstraints(taking: &facts)
    self.facts = facts
  }

  /// How many tasks they were made from.
  var taskCount: Int { facts.parent.count }
}
