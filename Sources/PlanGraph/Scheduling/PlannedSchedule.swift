/// The plan schedule by the critical path method: forward and backward passes over the graph's
/// topological order, on flat arrays of day numbers. It does not depend on the as-of date.
struct PlannedSchedule: Sendable {
  /// Per node: when it ends (half-open: the day after its last day); for gates and summary ends, the
  /// latest end they wait for.
  var end: [Int]
  /// Per task: the start shown (leaves only).
  var start: [Int]
  /// Per task: `ES`, the earliest it may start (before a `wd` task is moved to a working day); a
  /// critical edge is `end(p) = ES(s)`.
  var earliestStart: [Int]
  /// Per node: latest finish, half-open.
  var latestEnd: [Int]
  /// Per node: latest start (`LF − duration`, or a `wd` task's backward placement).
  var latestStart: [Int]
  /// Per task: the duration in days used by the passes (0 for cancelled tasks).
  var duration: [Int]
  /// The latest end of a non-cancelled leaf; the plan start when there are none.
  var projectEnd: Int
  /// Whether any non-cancelled leaf exists.
  var hasLiveLeaves: Bool
  /// The plan's working days, for `wd` durations.
  let work: WorkingDays
  /// Per task: whether its duration counts working days.
  let isWorkingDays: [Bool]

  init(
    facts: TaskFacts, graph: DependencyGraph, constraints: EffectiveConstraints, planStart: Int,
    work: WorkingDays = WorkingDays(calendar: .weekdays)
  ) {
    let nodes = graph.nodeCount
    let taskCount = facts.isLeaf.count
    var end = [Int](repeating: planStart, count: nodes)
    var start = [Int](repeating: planStart, count: taskCount)
    var earliestStart = [Int](repeating: planStart, count: taskCount)
    var latestEnd = [Int](repeating: .max, count: nodes)
    var latestStart = [Int](repeating: .max, count: nodes)
    let isWorkingDays = facts.isWorkingDays
    var duration = [Int](repeating: 0, count: taskCount)
    var projectEnd = planStart
    var hasLiveLeaves = false
    // Local copies of the arrays read in the loops: indexing them costs no reference counting.
    let order = graph.order
    let predecessorStart = graph.predecessorStart
    let predecessors = graph.predecessors
    let successorStart = graph.successorStart
    let successors = graph.successors
    let isLeaf = facts.isLeaf
    let cancelled = constraints.cancelled
    let startConstraint = constraints.startConstraint
    let deadline = constraints.deadline

    for node32 in order {
      let node = Int(node32)
      var ready = planStart
      for slot in Int(predecessorStart[node])..<Int(predecessorStart[node + 1]) {
        ready = max(ready, end[Int(predecessors[slot])])
      }
      guard node < taskCount, isLeaf[node] else {
        end[node] = ready
        continue
      }
      if cancelled[node] {
        start[node] = ready
        earliestStart[node] = ready
        end[node] = ready
        continue
      }
      let days = Int(facts.duration[node])
      duration[node] = days
      let done = facts.done[node]
      if done != TaskFacts.none {
        end[node] = days == 0 ? Int(done) : Int(done) + 1
        if isWorkingDays[node] {
          start[node] = days == 0 ? Int(done) : max(planStart, work.startEnding(onOrBefore: Int(done), days))
        } else {
          start[node] = max(planStart, end[node] - days)
        }
        earliestStart[node] = start[node]
      } else {
        let earliest = max(ready, startConstraint[node])
        earliestStart[node] = earliest
        if isWorkingDays[node] && days > 0 {
          (start[node], end[node]) = work.place(earliest, days)
        } else {
          start[node] = earliest
          end[node] = earliest + days
        }
      }
      projectEnd = max(projectEnd, end[node])
      hasLiveLeaves = true
    }

    for node32 in order.reversed() {
      let node = Int(node32)
      var latest = projectEnd
      for slot in Int(successorStart[node])..<Int(successorStart[node + 1]) {
        latest = min(latest, latestStart[Int(successors[slot])])
      }
      if node < taskCount, isLeaf[node], !cancelled[node], deadline[node] != .max {
        latest = min(latest, deadline[node] + 1)
      }
      let days = node < taskCount ? duration[node] : 0
      if node < taskCount && isWorkingDays[node] && days > 0 {
        (latestEnd[node], latestStart[node]) = work.placeBackward(latestEnd: latest, days)
      } else {
        latestEnd[node] = latest
        latestStart[node] = latest - days
      }
    }
    self.end = end
    self.start = start
    self.earliestStart = earliestStart
    self.latestEnd = latestEnd
    self.latestStart = latestStart
    self.work = work
    self.isWorkingDays = isWorkingDays
    self.duration = duration
    self.projectEnd = projectEnd
    self.hasLiveLeaves = hasLiveLeaves
  }
}

extension PlannedSchedule {
  /// The end (half-open) of `count` of task `task`'s duration units placed no earlier than `earliest`:
  /// calendar days, or working days for a `wd` task (`addWork`).
  func end(of task: Int, from earliest: Int, count: Int) -> Int {
    isWorkingDays[task] ? work.addWork(earliest, count) : earliest + count
  }
}
