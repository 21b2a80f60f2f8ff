/// Occurrences of recurring duties as of a date: one per calendar period, missed when none was held.
///
/// Periods are counted by number, not walked: a duty's counts cost as much as its held dates, however
/// many periods it spans. Counts are always exact; the missed occurrences listed are summarised within
/// a budget (`maximumListed`) shared fairly: every duty with a missed occurrence lists at least its
/// first and its last, so no duty ever drops out of a listing and "missed N times: due X … Y" is true.
enum RecurringDuties {
  /// How many missed occurrences a schedule lists, shared among the duties that missed any; a plan with
  /// more such duties than this lists one or two for each (its counts are always complete).
  static let maximumListed = 100_000

  /// Fills the rows of duties and returns the missed occurrences (by task, then due day) and whether
  /// more were missed than are listed.
  /// `isDuty` says which tasks are duties, so that the other tasks are not read at all.
  static func apply(
    to rows: inout [TaskSchedule], plan: Plan, isDuty: [Bool], cancelled: [Bool], asOf: Day, window: Int
  ) -> ([Occurrence], Bool) {
    var spans: [(task: Int, span: Span)] = []
    for i in plan.tasks.indices where isDuty[i] {
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
        spans.append((i, span))
      } else if let due = pendingCurrentDue(of: plan.tasks[i], every: every, planStart: plan.start, asOf: asOf),
        due.ordinal <= asOf.ordinal + window
      {
        row.status = .dueSoon
        row.deadline = due
      } else {
        row.status = row.isBlocked ? .blocked : .onTrack
      }
      row.ownStatus = row.status
      rows[i] = row
    }
    let share = fairShare(of: maximumListed, among: spans.map(\.span.missedCount))
    var missed: [Occurrence] = []
    var more = false
    for (i, span) in spans {
      let every = plan.tasks[i].recurrence ?? .year
      let periods = span.missed(limit: limit(share, for: plan.tasks[i]), keepingLast: true)
      if periods.count < span.missedCount { more = true }
      for k in periods { missed.append(Occurrence(task: i, period: every.period(at: k))) }
    }
    return (missed, more)
  }

  /// The due day of a duty's current occurrence (the one whose period contains `asOf`, when that period
  /// overlaps `[from, until]` and a written `until` is not before `from`, `until` defaulting to `asOf`) while it is pending: no done date on or
  /// before `asOf` falls inside its period. Nil when there is none or it was held.
  static func pendingCurrentDue(of task: PlanTask, every: Recurrence, planStart: Day, asOf: Day) -> Day? {
    let from = task.recurrenceFrom ?? planStart
    let until = task.recurrenceUntil ?? asOf
    let period = every.period(containing: asOf)
    // A written `until` before `from`: the duty has no occurrences, so no current one either.
    if let written = task.recurrenceUntil, written < from { return nil }
    guard period.lowerBound <= until, period.upperBound >= from else { return nil }
    let held = task.heldDates.contains { $0 <= asOf && period.contains($0) }
    return held ? nil : period.upperBound
  }

  /// A duty's share, smaller for a duty with long text: each listed occurrence repeats its name and
  /// source, so that a 60 KB name lists a 240th of the occurrences a short one does, and a listing's
  /// size stays proportional to the plan's.
  static func limit(_ share: Int, for task: PlanTask) -> Int {
    let text = task.name.utf8.count + (task.source?.utf8.count ?? 0)
    guard text > 256, share < .max else { return share }
    return max(2, share / (text / 256 + 1))
  }

  /// The most occurrences each of the duties with `counts` lists so that all of them fit in `budget`
  /// where they can: the largest share that fits, at least 2 (a duty's first and last).
  static func fairShare(of budget: Int, among counts: [Int]) -> Int {
    guard counts.reduce(0, +) > budget else { return .max }
    let sorted = counts.sorted()
    var left = budget
    for (n, count) in sorted.enumerated() {
      let even = left / (sorted.count - n)
      if count > even { return max(2, even) }
      left -= count
    }
    return max(2, left)
  }

  /// Every occurrence of a duty in `[from, until]` (at most `limit`), and whether it was missed as of
  /// `asOf`; `until` is the duty's own, else `horizon`, else the as-of date, and never past `horizon`;
  /// the first `limit`, or with `latest` the last.
  static func occurrences(
    of task: PlanTask, index: Int, every: Recurrence, planStart: Day, asOf: Day, horizon: Day? = nil,
    limit: Int = .max, latest: Bool = false
  ) -> [(occurrence: Occurrence, missed: Bool)] {
    let span = Span(task: task, every: every, planStart: planStart, until: horizon, asOf: asOf)
    guard span.total > 0 else { return [] }
    let last = min(span.last, horizon.map { every.index(of: $0) } ?? span.last)
    var first = span.first
    if latest, limit < .max, last - first + 1 > limit { first = last - max(1, limit) + 1 }
    guard first <= last else { return [] }
    var result: [(Occurrence, Bool)] = []
    for k in first...last {
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

    /// The missed periods in order, at most `limit`; when cut and `keepingLast`, the last missed period
    /// takes the place of the last one listed, so that the first and the last are always there.
    func missed(limit: Int, keepingLast: Bool = false) -> [Int] {
      var result: [Int] = []
      var k = first
      while k <= lastDue && result.count < limit {
        if !held.contains(k) { result.append(k) }
        k += 1
      }
      if keepingLast, result.count == limit, limit > 1, result.count < missedCount, let last = lastMissed {
        result[result.count - 1] = last
      }
      return result
    }

    /// The last missed period, found after at most as many steps as there are held periods.
    var lastMissed: Int? {
      var k = lastDue
      while k >= first {
        if !held.contains(k) { return k }
        k -= 1
      }
      return nil
    }
  }
}
