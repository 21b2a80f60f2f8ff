/// Occurrences of recurring duties as of a date: one per calendar period, missed when none was held.
///
/// Periods are counted by number, not walked: a duty's counts cost as much as its held dates, however
/// many periods it spans, and missed occurrences are listed only up to `maximumListed` for the plan.
enum RecurringDuties {
  /// How many missed occurrences a schedule lists at most; counts are always complete.
  static let maximumListed = 1_000_000

  /// Fills the rows of duties and returns the missed occurrences (by task, then due day) and whether
  /// more were missed than are listed.
  static func apply(to rows: inout [TaskSchedule], plan: Plan, cancelled: [Bool], asOf: Day, window: Int) -> (
    [Occurrence], Bool
  ) {
    var missed: [Occurrence] = []
    var more = false
    for i in plan.tasks.indices {
      guard let every = plan.tasks[i].recurrence else { continue }
      var row = TaskSchedule()
      row.isBlocked = plan.tasks[i].status == .blocked
      if cancelled[i] {
        row.status = .cancelled
        row.ownStatus = .cancelled
        rows[i] = row
        continue
      }
      let span = Span(task: plan.tasks[i], every: every, planStart: plan.start, until: nil, asOf: asOf)
      row.occurrences = (span.total, span.dueCount, span.missedCount)
      if let first = span.firstMissed {
        row.status = .overdue
        let due = every.period(at: first).upperBound
        row.deadline = due
        row.daysOverdue = asOf.days(since: due)
      } else if let due = pendingCurrentDue(of: plan.tasks[i], every: every, planStart: plan.start, asOf: asOf),
        due.ordinal <= asOf.ordinal + window
      {
        row.status = .dueSoon
        row.deadline = due
      } else {
        row.status = row.isBlocked ? .blocked : .onTrack
      }
      row.ownStatus = row.status
      let room = maximumListed - missed.count
      if span.missedCount > room { more = true }
      for k in span.missed(limit: room) { missed.append(Occurrence(task: i, period: every.period(at: k))) }
      rows[i] = row
    }
    return (missed, more)
  }

  /// The due day of a duty's current occurrence (the one whose period contains `asOf`, when that period
  /// overlaps `[from, until]`, `until` defaulting to `asOf`) while it is pending: no done date on or
  /// before `asOf` falls inside its period. Nil when there is none or it was held.
  static func pendingCurrentDue(of task: PlanTask, every: Recurrence, planStart: Day, asOf: Day) -> Day? {
    let from = task.recurrenceFrom ?? planStart
    let until = task.recurrenceUntil ?? asOf
    let period = every.period(containing: asOf)
    guard period.lowerBound <= until, period.upperBound >= from else { return nil }
    let held = task.heldDates.contains { $0 <= asOf && period.contains($0) }
    return held ? nil : period.upperBound
  }

  /// Every occurrence of a duty in `[from, until]` (at most `limit`), and whether it was missed as of
  /// `asOf`; `until` is the duty's own, else `horizon`, else the as-of date.
  static func occurrences(
    of task: PlanTask, index: Int, every: Recurrence, planStart: Day, asOf: Day, horizon: Day? = nil,
    limit: Int = .max
  ) -> [(occurrence: Occurrence, missed: Bool)] {
    let span = Span(task: task, every: every, planStart: planStart, until: horizon, asOf: asOf)
    guard span.total > 0 else { return [] }
    var result: [(Occurrence, Bool)] = []
    for k in span.first...span.last {
      guard result.count < limit else { break }
      result.append((Occurrence(task: index, period: every.period(at: k)), k <= span.lastDue && !span.held.contains(k)))
    }
    return result
  }

  /// A duty's periods as numbers: the first and last, the last one already due, and those held.
  struct Span {
    var first: Int
    var last: Int
    /// The last period whose due day is before the as-of date.
    var lastDue: Int
    /// The periods with a done date in them (dates after the as-of date are not yet known).
    var held: Set<Int>

    init(task: PlanTask, every: Recurrence, planStart: Day, until horizon: Day?, asOf: Day) {
      let from = task.recurrenceFrom ?? planStart
      let until = task.recurrenceUntil ?? horizon ?? asOf
      let first = every.index(of: from)
      let last = from <= until ? every.index(of: until) : first - 1
      self.first = first
      self.last = last
      // A period is due before the as-of date when the as-of date lies in a later period.
      lastDue = min(last, every.index(of: asOf) - 1)
      held = Set(task.heldDates.filter { $0 <= asOf }.map { every.index(of: $0) }.filter { first <= $0 && $0 <= last })
    }

    /// How many occurrences the span has.
    var total: Int { max(0, last - first + 1) }

    /// How many occurrences were due before the as-of date.
    var dueCount: Int { max(0, lastDue - first + 1) }

    /// How many due occurrences have no done date.
    var missedCount: Int { dueCount - held.filter { $0 <= lastDue }.count }

    /// The first missed period, found after at most as many steps as there are held periods.
    var firstMissed: Int? {
      var k = first
      while k <= lastDue {
        if !held.contains(k) { return k }
        k += 1
      }
      return nil
    }

    /// The missed periods in order, at most `limit`.
    func missed(limit: Int) -> [Int] {
      var result: [Int] = []
      var k = first
      while k <= lastDue && result.count < limit {
        if !held.contains(k) { result.append(k) }
        k += 1
      }
      return result
    }
  }
}
