/// The checks that need a schedule or the as-of date: warnings a planner should look at.
public enum PlanLinter {
  /// Deadlines earlier than the earliest possible finish, and done dates after the as-of date.
  public static func warnings(for plan: Plan, schedule: Schedule) -> [Diagnostic] {
    var result: [Diagnostic] = []
    for i in plan.tasks.indices {
      guard plan.tasks[i].deadline != nil || plan.tasks[i].locations.done != nil else { continue }
      let task = plan.tasks[i]
      let row = schedule.tasks[i]
      if let deadline = task.deadline, let position = task.locations.deadline, let finish = row.finish,
        finish > deadline, row.status != .cancelled, row.status != .done, task.doneDate == nil
      {
        result.append(
          Diagnostic(
            .warning, .deadlineBeforeFinish,
            "the deadline \(deadline.iso) of '\(task.fullID)' is earlier than its earliest possible finish \(finish.iso)",
            at: plan.location(position),
            hint: "shorten or start earlier the work before it, or move the deadline"))
      }
      let lateDates = ([task.doneDate].compactMap { $0 } + task.heldDates).filter { $0 > schedule.asOf }
      if let first = lateDates.first, let position = task.locations.done {
        result.append(
          Diagnostic(
            .warning, .doneAfterAsOf,
            "the done date \(first.iso) of '\(task.fullID)' is after the as-of date \(schedule.asOf.iso)",
            at: plan.location(position),
            hint: "facts dated after the as-of date are ignored for status and forecast; check the date"))
      }
    }
    return result + LookalikeIDs.warnings(for: plan)
  }
}
