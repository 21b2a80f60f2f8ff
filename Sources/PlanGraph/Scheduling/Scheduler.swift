/// Schedules a validated plan: the planned schedule once, then forecast and status as of any date.
///
/// The as-of date is always an argument; the library never reads the clock.
public struct Scheduler: Sendable {
  /// The plan being scheduled.
  public let plan: Plan
  /// Its dependency graph.
  public let graph: DependencyGraph
  let constraints: EffectiveConstraints
  let facts: TaskFacts
  let planned: PlannedSchedule

  /// Why a plan cannot be scheduled.
  public enum Failure: Error, Hashable, Sendable {
    /// The dependencies form a cycle (the loader reports these for plans it loads).
    case cycle([Int])
    /// The task's planned or latest dates fall outside the years 1–9999: chains of very long tasks.
    case outOfRange(task: Int)
    /// The task's forecast as of the date falls after the year 9999: a chain of very long tasks that
    /// fits the calendar from the plan start, but not from a late as-of date.
    case forecastOutOfRange(task: Int, asOf: Day)

    /// The failure as an error diagnostic at the task it concerns, for printing with the loader's.
    public func diagnostic(in plan: Plan) -> Diagnostic {
      switch self {
      case .cycle(let tasks):
        let ids = tasks.map { plan.tasks[$0].fullID }
        let path = (ids + ids.prefix(1)).joined(separator: " → ")
        return Diagnostic(
          .error, .dependencyCycle, Phrase("the dependencies form a cycle: " + path, "循环依赖：" + path),
          at: plan.location(
            tasks.first.map { plan.tasks[$0].locations.id } ?? SourcePosition(file: 0, line: 0, column: 0, length: 1)),
          hint: nil)
      case .outOfRange(let task):
        return Diagnostic(
          .error, .dateOutOfRange,
          Phrase(
            "the schedule of '\(plan.tasks[task].fullID)' falls outside the years 1–9999",
            "“\(plan.tasks[task].fullID)”的进度安排超出了 1–9999 年"),
          at: plan.location(plan.tasks[task].locations.id), hint: Self.shortenHint)
      case .forecastOutOfRange(let task, let asOf):
        return Diagnostic(
          .error, .dateOutOfRange,
          Phrase(
            "the forecast of '\(plan.tasks[task].fullID)' as of \(asOf.iso) falls after the year 9999",
            "截至 \(asOf.iso)，“\(plan.tasks[task].fullID)”的预测完成日期晚于 9999 年"),
          at: plan.location(plan.tasks[task].locations.id), hint: Self.shortenHint)
      }
    }

    private static let shortenHint = Phrase(
      "shorten the tasks before it, or the chain of long tasks that leads to it", "缩短它的前置任务，或缩短通向它的长任务链")
  }

  /// The days a schedule may hold: 0001-01-01 to 9999-12-31.
  static let dayRange = -719_162...2_932_896

  /// Prepares the plan schedule of `plan`, which must be free of dependency cycles, on the graph the
  /// loader built; `observer` is told when the graph is at hand and when both passes are done.
  public init(plan: Plan, observer: StageObserver = .none) throws(Failure) {
    try self.init(plan: plan, facts: nil, observer: observer)
  }

  /// `init(plan:observer:)` with the facts of `plan`'s tasks already made (by the loader, beside the
  /// graph); nil, or facts not made from `plan`'s very tasks (`ScheduleFacts.areFacts(of:)`), and they
  /// are made here.
  package init(plan: Plan, facts prepared: consuming ScheduleFacts?, observer: StageObserver = .none) throws(Failure) {
    let graph = plan.dependencyGraph
    observer.end(.graph)
    guard graph.isAcyclic else {
      throw .cycle(graph.cycles(tasks: plan.tasks).first?.tasks ?? [])
    }
    self.plan = plan
    self.graph = graph
    // The passes take the facts only they read (moved, not copied), so that those are not alive twice
    // through the as-of pass.
    var made: ScheduleFacts
    if let prepared = prepared.take(), prepared.areFacts(of: plan.tasks) {
      made = prepared
    } else {
      made = ScheduleFacts(tasks: plan.tasks)
    }
    let constraints = made.constraints
    // Swapped out, so that the passes hold the only reference to the arrays they take.
    var facts = TaskFacts(tasks: [])
    swap(&facts, &made.facts)
    planned = PlannedSchedule(
      taking: &facts, graph: graph, constraints: constraints, planStart: plan.start.ordinal,
      work: WorkingDays(calendar: plan.calendar, span: Self.likelySpan(of: plan)))
    self.facts = facts
    self.constraints = constraints
    // Durations are capped, but a long enough chain of long tasks still runs past any calendar. The
    // earliest dates first: past a billion days they are stored clamped, and the latest dates worked back
    // from a clamped end are shifted, so one whose own dates are fine (the chain's first) could be named.
    if let task = plan.tasks.indices.first(where: { !Self.dayRange.contains(Int(planned.end[$0])) }) {
      throw .outOfRange(task: task)
    }
    for task in plan.tasks.indices {
      let latestStart = planned.latestEnd[task] == .max ? 0 : Int(planned.latestStart[task])
      if !Self.dayRange.contains(latestStart) { throw .outOfRange(task: task) }
    }
    observer.end(.plannedSchedule)
  }

  /// The days a plan's working-day lookups most likely fall in, for the index's window: a year before its
  /// start to 25 years after (later days are still placed right, by arithmetic).
  static func likelySpan(of plan: Plan) -> ClosedRange<Int> {
    plan.start.ordinal - 366...plan.start.ordinal + 25 * 366
  }

  /// The schedule, forecast and status of every task as of `asOf`; `window` days ahead count as due soon.
  /// Throws when a forecast falls after the year 9999, as the plan schedule's dates may not either.
  /// `observer` is told when the schedule is done.
  public func schedule(
    asOf: Day, window: Int = Schedule.defaultWindow, observer: StageObserver = .none
  ) throws(Failure) -> Schedule {
    try schedule(asOf: asOf, window: window, observer: observer, threads: .automatic)
  }

  /// `schedule(asOf:window:observer:)` on one thread or two as `threads` says (tests force either); the
  /// schedule is the same.
  package func schedule(
    asOf: Day, window: Int = Schedule.defaultWindow, observer: StageObserver = .none, threads: AsOfThreads
  ) throws(Failure) -> Schedule {
    let tasks = plan.tasks
    let taskCount = tasks.count
    let asOfDay = asOf.ordinal
    let measured = measuredTargets(asOf: asOfDay)
    let cut = threads.cut(taskCount: taskCount)
    let results = AsOfResults()
    // The forecast beside the critical paths, which read only the plan schedule (never the rows).
    let forecastJob: @Sendable () -> Void = { results.forecast = self.forecast(asOf: asOfDay, measured: measured) }
    let pathsJob: @Sendable () -> Void = {
      results.paths = CriticalPaths.find(
        isLeaf: self.facts.isLeaf, cancelled: self.constraints.cancelled, graph: self.graph, planned: self.planned,
        limit: Schedule.maximumCriticalPaths)
    }
    if cut != nil {
      AsOfThreads.both(forecastJob, pathsJob)
    } else {
      forecastJob()
      pathsJob()
    }
    if let outside = results.forecast.outside { throw .forecastOutOfRange(task: outside, asOf: asOf) }

    // Leaves: planned dates, slack, forecast, status, counted as they are written; other rows empty. Each
    // row is written once into uninitialised storage: filling the array with empty rows first and then
    // assigning costs a copy (and a release) of every row, a million rows over. Two threads write the two
    // ranges of the rows either side of the cut, each its own, and count their own leaves.
    var rows = [TaskSchedule](unsafeUninitializedCapacity: taskCount) { buffer, initialized in
      results.forecast.end.withUnsafeBufferPointer { forecastEnd in
        let shared = AsOfBuffers(rows: buffer, forecastEnd: forecastEnd)
        if let cut {
          AsOfThreads.both(
            {
              results.firstLeaves = self.fillRows(
                shared, 0..<cut, asOf: asOfDay, window: window, measured: measured)
            },
            {
              results.secondLeaves = self.fillRows(
                shared, cut..<taskCount, asOf: asOfDay, window: window, measured: measured)
            })
        } else {
          results.firstLeaves = fillRows(shared, 0..<taskCount, asOf: asOfDay, window: window, measured: measured)
        }
      }
      initialized = taskCount
    }
    // The forecast is in the rows now: let go before the summaries' pass allocates.
    results.forecast = ([], nil)
    // Duties before summaries: a summary's status rolls up its duties' too.
    let (missed, moreMissed) = RecurringDuties.apply(
      to: &rows, plan: plan, isDuty: facts.isDuty, cancelled: constraints.cancelled, asOf: asOf, window: window)
    summarise(into: &rows, asOf: asOfDay, window: window, cut: cut)
    // The leaves were counted as their rows were made; the duties are counted now, each row's fields read
    // where it lies.
    var counts = results.firstLeaves.counts
    counts.add(results.secondLeaves.counts)
    let latest = max(results.firstLeaves.latest, results.secondLeaves.latest)
    let isDuty = facts.isDuty
    rows.withUnsafeBufferPointer { rows in
      for i in tasks.indices where isDuty[i] {
        counts.add(
          status: rows[i].status, isBlocked: rows[i].isBlocked, missed: rows[i].occurrences?.missed ?? 0, isDuty: true)
      }
    }
    let finish = planned.hasLiveLeaves ? Day(ordinal: latest) : nil
    let (paths, more) = results.paths
    let schedule = Schedule(
      asOf: asOf, window: window, start: plan.start, finish: finish, tasks: rows, criticalPaths: paths,
      hasMoreCriticalPaths: more, missedOccurrences: missed, hasMoreMissedOccurrences: moreMissed, counts: counts,
      taskFacts: TaskFactsCache(kinds: ReportFacts(facts), tasks: plan.tasks))
    observer.end(.asOf)
    return schedule
  }

  /// Writes the rows of `range` into `shared.rows` (uninitialised there): each made empty where it lies and a
  /// leaf's filled in place (a row returned by value was copied into the buffer and then destroyed, a
  /// call to its value witness each, a row holding a reference); returns the counts of the range's leaves
  /// and the latest finish of the live ones, read from each row just written.
  private func fillRows(
    _ shared: AsOfBuffers, _ range: Range<Int>, asOf asOfDay: Int, window: Int, measured: [Int: MeasuredTarget]
  ) -> LeafTally {
    var tally = LeafTally()
    let isLeaf = facts.isLeaf
    let cancelled = constraints.cancelled
    let forecastEnd = shared.forecastEnd
    let base = shared.rows.baseAddress.unsafelyUnwrapped
    for i in range {
      let slot = base.advanced(by: i)
      slot.initialize(to: TaskSchedule())
      guard isLeaf[i] else { continue }
      fillLeafRow(&slot.pointee, i, asOf: asOfDay, window: window, forecastEnd: forecastEnd, measured: measured)
      tally.counts.add(status: slot.pointee.status, isBlocked: slot.pointee.isBlocked, missed: 0, isDuty: false)
      if !cancelled[i] { tally.latest = max(tally.latest, slot.pointee.finish?.ordinal ?? .min) }
    }
    return tally
  }

  /// Fills the empty `row` of leaf `i` as of the as-of date: its planned dates, slack, forecast and
  /// status (the rows of summaries and duties are filled by later passes).
  @inline(__always)
  private func fillLeafRow(
    _ row: inout TaskSchedule, _ i: Int, asOf asOfDay: Int, window: Int, forecastEnd: UnsafeBufferPointer<Int32>,
    measured: [Int: MeasuredTarget]
  ) {
    let days = planned.duration[i]
    let isMilestone = days == 0
    let end = Int(planned.end[i])
    let latestEnd = Int(planned.latestEnd[i])
    let forecast = Int(forecastEnd[i])
    row.start = Day(ordinal: Int(planned.start[i]))
    row.finish = Day(ordinal: isMilestone ? end : end - 1)
    row.latestStart = Day(ordinal: Int(planned.latestStart[i]))
    row.latestFinish = Day(ordinal: isMilestone ? latestEnd : latestEnd - 1)
    row.slack = latestEnd - end
    row.forecastFinish = Day(ordinal: isMilestone ? forecast : forecast - 1)
    row.isBlocked = facts.isBlocked[i]
    if constraints.cancelled[i] {
      row.status = .cancelled
    } else {
      row.isCritical = (row.slack ?? 0) <= 0
      row.deadline = constraints.deadline[i] == .max ? nil : Day(ordinal: Int(constraints.deadline[i]))
      let fact = fact(i, asOf: asOfDay, measured: measured)
      switch fact {
      case .finished(_, let on): row.finishedOn = on.map(Day.init(ordinal:))
      case .met(let day): row.finishedOn = Day(ordinal: day)
      default: break
      }
      if facts.hasTarget[i] { row.latestMeasurement = measured[i]?.latest }
      StatusRules.apply(
        to: &row, isDone: fact.isDone, isBlocked: facts.isBlocked[i], asOf: asOfDay, window: window)
    }
    row.ownStatus = row.status
  }

  /// The forward pass again with what is known on `asOf`: per node, the forecast end (half-open), and
  /// the first leaf whose forecast ends after 9999-12-31, if any. Day numbers are stored as in
  /// `PlannedSchedule`: `Int32`, clamped.
  private func forecast(asOf asOfDay: Int, measured: [Int: MeasuredTarget]) -> ([Int32], Int?) {
    let planStart = plan.start.ordinal
    var end = Array(repeating: PlannedSchedule.stored(planStart), count: graph.nodeCount)
    let order = graph.order
    let predecessorStart = graph.predecessorStart
    let predecessors = graph.predecessors
    let isLeaf = facts.isLeaf
    let cancelled = constraints.cancelled
    let startConstraint = constraints.startConstraint
    let taskCount = isLeaf.count
    let lastDay = Self.dayRange.upperBound
    var outside: Int?
    for node32 in order {
      let node = Int(node32)
      var ready = planStart
      for slot in Int(predecessorStart[node])..<Int(predecessorStart[node + 1]) {
        ready = max(ready, Int(end[Int(predecessors[slot])]))
      }
      guard node < taskCount, isLeaf[node], !cancelled[node] else {
        end[node] = PlannedSchedule.stored(ready)
        continue
      }
      let days = Int(planned.duration[node])
      let nodeEnd: Int
      switch fact(node, asOf: asOfDay, measured: measured) {
      case .finished(let actualEnd, _):
        nodeEnd = actualEnd
      case .met(let day):
        nodeEnd = day + 1
      case .active(let progress):
        let start = max(ready, Int(startConstraint[node]))
        let remaining = (days * (100 - progress) + 99) / 100
        nodeEnd = max(
          planned.end(of: node, from: start, count: days), planned.end(of: node, from: asOfDay, count: remaining))
      case .waiting:
        nodeEnd = planned.end(of: node, from: max(ready, Int(startConstraint[node]), asOfDay), count: days)
      }
      end[node] = PlannedSchedule.stored(nodeEnd)
      // Forecasts only move later along a chain, so the first leaf past the calendar is the one to name.
      if nodeEnd > lastDay, outside == nil { outside = node }
    }
    return (end, outside)
  }

  /// What a task with a target shows on the as-of date, read from its measurements once.
  struct MeasuredTarget {
    var fact: AsOfFact
    var latest: Measurement?
  }

  /// The tasks with targets, read once per schedule: few, and each read costs a sort.
  private func measuredTargets(asOf asOfDay: Int) -> [Int: MeasuredTarget] {
    var result: [Int: MeasuredTarget] = [:]
    for i in plan.tasks.indices where facts.hasTarget[i] {
      guard let target = plan.tasks[i].target else { continue }
      let (latest, metDay, progress) = TargetProgress.evaluate(
        plan.tasks[i].measurements, target: target, asOf: asOfDay)
      result[i] = MeasuredTarget(
        fact: AsOfFact(
          metDay: metDay, measured: latest != nil, status: plan.tasks[i].status, progress: plan.tasks[i].progress,
          measuredProgress: progress),
        latest: latest)
    }
    return result
  }

  /// What is known of a leaf on the as-of date: from its measurements, or from the flat facts.
  func fact(_ index: Int, asOf asOfDay: Int, measured: [Int: MeasuredTarget]) -> AsOfFact {
    if facts.hasTarget[index], let target = measured[index] { return target.fact }
    let done = facts.done[index]
    if done != TaskFacts.none {
      // The plan schedule's end of a done task is its actual end; a date after the as-of date is not yet
      // known, and neither is the `status: done` beside it.
      if Int(done) <= asOfDay { return .finished(end: Int(planned.end[index]), on: Int(done)) }
    } else if facts.isMarkedDone[index] {
      return .finished(end: Int(planned.end[index]), on: nil)
    }
    // Started: marked active, or with progress above 0%.
    if facts.isActive[index] || facts.progress[index] > 0 { return .active(progress: Int(facts.progress[index])) }
    return .waiting
  }

  /// Summary rows from their non-cancelled leaves, children folded into parents from the end backwards;
  /// each summary's own status by the table, its shown status the worst of that and of every non-cancelled
  /// task below it (through a summary cancelled only because its leaves are, which stays cancelled itself).
  ///
  /// With a `cut`, on two threads: the tasks before the first top-level task at or after the cut, and
  /// the rest. A top-level task's subtree lies wholly on one side (a parent comes before its subtree,
  /// which is contiguous), so each thread reads and writes only its own side's rows and its own side's
  /// parents' `Below` rows; a plan whose top level does not reach past the cut is done on one thread.
  private func summarise(into rows: inout [TaskSchedule], asOf asOfDay: Int, window: Int, cut: Int?) {
    let tasks = plan.tasks
    let parentOf = facts.parent
    // What each parent's children add up to, one 20-byte row per task with children (a twentieth of the
    // tasks in a generated plan), found through `slotOf`: a row for every task was 20 MB at a million
    // tasks, alive beside the schedule's rows at the as-of pass's peak of memory. A task's own row is
    // read (`mine`) when it is reached, all its children being done, and added to its parent's.
    var slots = [Int32](repeating: -1, count: tasks.count)
    var parents = 0
    slots.withUnsafeMutableBufferPointer { slots in
      for i in tasks.indices {
        let parent = Int(parentOf[i])
        if parent >= 0 && slots[parent] < 0 {
          slots[parent] = Int32(parents)
          parents += 1
        }
      }
    }
    let slotOf = slots
    var below = [Below](repeating: Below(), count: parents)
    let taskCount = tasks.count
    let split = cut.flatMap { cut in (cut..<taskCount).first { parentOf[$0] < 0 } }.flatMap { $0 > 0 ? $0 : nil }
    // Rows read and changed in place through the buffer: a copy of a row costs a call to its value
    // witness (the row holds a reference), three copies per task here.
    below.withUnsafeMutableBufferPointer { below in
      rows.withUnsafeMutableBufferPointer { rows in
        let shared = SummaryBuffers(rows: rows, below: below)
        if let split {
          AsOfThreads.both(
            { self.summarise(shared, 0..<split, slotOf: slotOf, asOf: asOfDay, window: window) },
            { self.summarise(shared, split..<taskCount, slotOf: slotOf, asOf: asOfDay, window: window) })
        } else {
          summarise(shared, 0..<taskCount, slotOf: slotOf, asOf: asOfDay, window: window)
        }
      }
    }
  }

  /// The rows and the `Below` rows `summarise` changes, handed to both threads: each changes only those of
  /// its own tasks and their parents, which lie on its own side of the cut.
  private struct SummaryBuffers: @unchecked Sendable {
    let rows: UnsafeMutableBufferPointer<TaskSchedule>
    let below: UnsafeMutableBufferPointer<Below>
  }

  /// `summarise` over the tasks of `range`, from its end backwards; every parent of a task in `range` is in
  /// `range` too, or is none.
  private func summarise(
    _ shared: SummaryBuffers, _ range: Range<Int>, slotOf: [Int32], asOf asOfDay: Int, window: Int
  ) {
    let parentOf = facts.parent
    let (rows, below) = (shared.rows, shared.below)
    for i in range.reversed() {
      var mine = slotOf[i] >= 0 ? below[Int(slotOf[i])] : Below()
      if facts.isLeaf[i] && !constraints.cancelled[i] {
        mine.live = 1
        if rows[i].status == .done {
          mine.doneLeaves = 1
          if let on = rows[i].finishedOn?.ordinal {
            mine.latestDone = Int32(clamping: on)
          } else {
            mine.undatedDone = true
          }
        }
      }
      if facts.isSummary[i] {
        rows[i].deadline = constraints.deadline[i] == .max ? nil : Day(ordinal: Int(constraints.deadline[i]))
        if constraints.cancelled[i] {
          rows[i].status = .cancelled
          rows[i].ownStatus = .cancelled
          rows[i].deadline = nil
        } else {
          if mine.live > 0 { rows[i].isCritical = (rows[i].slack ?? 0) <= 0 }
          let isDone = mine.live > 0 && mine.doneLeaves == mine.live
          if isDone && !mine.undatedDone && mine.latestDone != .min {
            rows[i].finishedOn = Day(ordinal: Int(mine.latestDone))
          }
          StatusRules.apply(to: &rows[i], isDone: isDone, isBlocked: false, asOf: asOfDay, window: window)
          rows[i].ownStatus = rows[i].status
          rows[i].isBlocked = mine.blockedBelow
          if Int(mine.worst) > rows[i].status.severity,
            let rolled = ScheduleStatus.withSeverity(Int(mine.worst))
          {
            rows[i].status = rolled
          }
          if mine.worstLate >= 0 {
            rows[i].daysOverdue = max(rows[i].daysOverdue ?? 0, Int(mine.worstLate))
          }
        }
      }
      let parent = Int(parentOf[i])
      guard parent >= 0 else { continue }
      let slot = Int(slotOf[parent])
      below[slot].live += mine.live
      below[slot].doneLeaves += mine.doneLeaves
      below[slot].latestDone = max(below[slot].latestDone, mine.latestDone)
      below[slot].undatedDone = below[slot].undatedDone || mine.undatedDone
      let status = rows[i].status
      if status != .cancelled {
        below[slot].worst = max(below[slot].worst, Int8(status.severity))
        if status == .overdue, let late = rows[i].daysOverdue {
          below[slot].worstLate = max(below[slot].worstLate, Int32(clamping: late))
        }
        below[slot].blockedBelow = below[slot].blockedBelow || rows[i].isBlocked
      } else {
        // A summary cancelled because its leaves all are may still hold live duties: they roll up past it.
        below[slot].worst = max(below[slot].worst, mine.worst)
        below[slot].worstLate = max(below[slot].worstLate, mine.worstLate)
        below[slot].blockedBelow = below[slot].blockedBelow || mine.blockedBelow
      }
      if mine.live > 0 {
        TaskSchedule.fold(rows, i, into: parent)
      }
    }
  }

  /// What a task's children add up to, for the summary above them (`summarise`).
  private struct Below {
    /// Non-cancelled leaves below, and how many of them are done.
    var live: Int32 = 0
    var doneLeaves: Int32 = 0
    /// The most days overdue among the non-cancelled children; -1 for none.
    var worstLate: Int32 = -1
    /// The latest done date below; `Int32.min` for none (a row keeps its dates in 32 bits, above it).
    var latestDone = Int32.min
    /// The worst shown status (its severity) of the non-cancelled children; -1 for none.
    var worst: Int8 = -1
    /// Whether a done leaf below has no date.
    var undatedDone = false
    /// Whether a non-cancelled task below carries the blocked flag.
    var blockedBelow = false
  }
}

extension ScheduleStatus {
  /// The status of a given `severity`, cancelled excepted.
  static func withSeverity(_ severity: Int) -> ScheduleStatus? {
    allCases.first { $0.severity == severity && $0 != .cancelled }
  }
}

extension TaskSchedule {
  /// Widens row `parent`'s dates to cover row `child`'s, both read and written where they lie.
  @inline(__always)
  static func fold(_ rows: UnsafeMutableBufferPointer<TaskSchedule>, _ child: Int, into parent: Int) {
    rows[parent].start = earliest(rows[parent].start, rows[child].start)
    rows[parent].finish = latest(rows[parent].finish, rows[child].finish)
    rows[parent].latestStart = earliest(rows[parent].latestStart, rows[child].latestStart)
    rows[parent].latestFinish = latest(rows[parent].latestFinish, rows[child].latestFinish)
    rows[parent].forecastFinish = latest(rows[parent].forecastFinish, rows[child].forecastFinish)
    if let childSlack = rows[child].slack {
      rows[parent].slack = rows[parent].slack.map { min($0, childSlack) } ?? childSlack
    }
  }

  private static func earliest(_ a: Day?, _ b: Day?) -> Day? {
    guard let a else { return b }
    guard let b else { return a }
    return min(a, b)
  }

  private static func latest(_ a: Day?, _ b: Day?) -> Day? {
    guard let a else { return b }
    guard let b else { return a }
    return max(a, b)
  }
}
