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
  /// The tasks they were made from: the same storage as the plan's (held, not copied), so that the
  /// scheduler can tell they are that plan's (`areFacts(of:)`).
  private let tasks: [PlanTask]

  /// The facts and constraints of `tasks`.
  init(tasks: [PlanTask]) {
    self.init(tasks: tasks, filling: TaskFacts(count: tasks.count))
  }

  /// The facts and constraints of `tasks`, the facts written into `blank` (`TaskFacts(count:)` for as
  /// many tasks, allocated by another thread) where they lie: `blank` is consumed, so that no other
  /// reference to its arrays makes `read` copy them.
  init(tasks: [PlanTask], filling blank: consuming TaskFacts) {
    var facts = consume blank
    facts.read(tasks)
    constraints = EffectiveConstraints(taking: &facts)
    self.facts = facts
    self.tasks = tasks
  }

  /// Whether these are the facts of `tasks`: made from that very array (the same storage, so the same
  /// values; a plan whose tasks were changed since has copied them). Facts of another plan, even one
  /// of as many tasks, are not.
  func areFacts(of tasks: [PlanTask]) -> Bool {
    tasks.count == self.tasks.count && tasks.sharesStorage(with: self.tasks)
  }
}
