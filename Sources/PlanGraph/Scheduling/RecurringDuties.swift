/// Occurrences of recurring duties as of a date: one per calendar period, missed when none was held.
enum RecurringDuties {
  /// Fills the rows of duties and returns every missed occurrence, by task and due day.
  static func apply(to rows: inout [TaskSchedule], plan: Plan, cancelled: [Bool], asOf: Day) -> [Occurrence] {
    var missed: [Occurrence] = []
    for i in plan.tasks.indices {
      guard let every = plan.tasks[i].recurrence else { continue }
      let task = plan.tasks[i]
      var row = TaskSchedule()
      if cancelled[i] {
        row.status = .cancelled
        rows[i] = row
        continue
      }
      let found = occurrences(of: task, index: i, every: every, planStart: plan.start, asOf: asOf)
      let missedHere = found.filter(\.missed).map(\.occurrence)
      row.occurrences = (found.count, missedHere.count)
      if let first = missedHere.first {
        row.status = .overdue
        row.deadline = first.due
        row.daysOverdue = asOf.days(since: first.due)
      } else {
        row.status = task.status == .blocked ? .blocked : .onTrack
      }
      missed.append(contentsOf: missedHere)
      rows[i] = row
    }
    return missed
  }

  /// Every occurrence of a duty in `[from, until]`, and whether it was missed as of `asOf`; `until` is the
  /// duty's own, else `horizon`, else the as-of date.
  static func occurrences(
    of task: PlanTask, index: Int, every: Recurrence, planStart: Day, asOf: Day, horizon: Day? = nil
  ) -> [(occurrence: Occurrence, missed: Bool)] {
    let from = task.recurrenceFrom ?? planStart
    let until = task.recurrenceUntil ?? horizon ?? asOf
    guard from <= until else { return [] }
    let held = task.heldDates.sorted()
    var next = 0
    var result: [(Occurrence, Bool)] = []
    var period = every.period(containing: from)
    while period.lowerBound <= until {
      while next < held.count, held[next] < period.lowerBound { next += 1 }
      let wasHeld = next < held.count && held[next] <= period.upperBound
      let occurrence = Occurrence(task: index, period: period)
      result.append((occurrence, !wasHeld && occurrence.due < asOf))
      period = every.period(containing: period.upperBound.adding(days: 1))
    }
    return result
  }
}
