/// The plan schedule by the critical path method: forward and backward passes over the graph's
/// topological order, on flat arrays of day numbers. It does not depend on the as-of date.
///
/// Day numbers are kept as `Int32` (half the memory of `Int`, twice the days to a cache line): the passes
/// add in `Int` and store clamped to `PlannedSchedule.storedRange`, so a chain of very long tasks that
/// runs past any calendar still ends far outside 0001–9999, where the scheduler reports it, and never
/// reaches `Int32.max`, which stands for "none".
struct PlannedSchedule: Sendable {
  /// Per node: when it ends (half-open: the day after its last day); for gates and summary ends, the
  /// latest end they wait for.
  var end: [Int32]
  /// Per task: the start shown (leaves only).
  var start: [Int32]
  /// Per task: `ES`, the earliest it may start (before a `wd` task is moved to a working day); a
  /// critical edge is `end(p) = ES(s)`.
  var earliestStart: [Int32]
  /// Per node: latest finish, half-open.
  var latestEnd: [Int32]
  /// Per node: latest start (`LF − duration`, or a `wd` task's backward placement).
  var latestStart: [Int32]
  /// Per task: the duration in days used by the passes (0 for cancelled tasks).
  var duration: [Int32]
  /// The latest end of a non-cancelled leaf; the plan start when there are none.
  var projectEnd: Int
  /// Whether any non-cancelled leaf exists.
  var hasLiveLeaves: Bool
  /// The plan's working days, for `wd` durations.
  let work: WorkingDays
  /// Per task: whether its duration counts working days.
  let isWorkingDays: [Bool]

  /// Runs both passes; takes (and empties) `facts.duration`, which becomes `duration` where it lies.
  init(
    taking facts: inout TaskFacts, graph: DependencyGraph, constraints: EffectiveConstraints, planStart: Int,
    work: WorkingDays = WorkingDays(calendar: .weekdays)
  ) {
    let nodes = graph.nodeCount
    let taskCount = facts.isLeaf.count
    let planStart32 = Self.stored(planStart)
    var end = Array(repeating: planStart32, count: nodes)
    var start = Array(repeating: planStart32, count: taskCount)
    var earliestStart = Array(repeating: planStart32, count: taskCount)
    var latestEnd = Array(repeating: .max as Int32, count: nodes)
    var latestStart = Array(repeating: .max as Int32, count: nodes)
    let isWorkingDays = facts.isWorkingDays
    // The written durations, moved out of the facts (nothing else reads them) and kept for live leaves only.
    var duration = facts.duration
    facts.duration = []
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

    // Each node's end is read back by its successors in random order: written and read through the
    // arrays' buffers, without a uniqueness check per write.
    end.withUnsafeMutableBufferPointer { end in
      start.withUnsafeMutableBufferPointer { start in
        earliestStart.withUnsafeMutableBufferPointer { earliestStart in
          duration.withUnsafeMutableBufferPointer { duration in
            for node32 in order {
              let node = Int(node32)
              var ready = planStart
              for slot in Int(predecessorStart[node])..<Int(predecessorStart[node + 1]) {
                ready = max(ready, Int(end[Int(predecessors[slot])]))
              }
              guard node < taskCount, isLeaf[node] else {
                if node < taskCount { duration[node] = 0 }
                end[node] = Self.stored(ready)
                continue
              }
              if cancelled[node] {
                duration[node] = 0
                start[node] = Self.stored(ready)
                earliestStart[node] = Self.stored(ready)
                end[node] = Self.stored(ready)
                continue
              }
              let days = Int(duration[node])
              let done = facts.done[node]
              let nodeStart: Int
              let nodeEnd: Int
              if done != TaskFacts.none {
                nodeEnd = days == 0 ? Int(done) : Int(done) + 1
                if isWorkingDays[node] {
                  nodeStart = days == 0 ? Int(done) : max(planStart, work.startEnding(onOrBefore: Int(done), days))
                } else {
                  nodeStart = max(planStart, nodeEnd - days)
                }
                earliestStart[node] = Self.stored(nodeStart)
              } else {
                let earliest = max(ready, Int(startConstraint[node]))
                earliestStart[node] = Self.stored(earliest)
                if isWorkingDays[node] && days > 0 {
                  (nodeStart, nodeEnd) = work.place(earliest, days)
                } else {
                  nodeStart = earliest
                  nodeEnd = earliest + days
                }
              }
              start[node] = Self.stored(nodeStart)
              end[node] = Self.stored(nodeEnd)
              projectEnd = max(projectEnd, nodeEnd)
              hasLiveLeaves = true
            }
          }
        }
      }
    }

    let durationRead = duration
    latestEnd.withUnsafeMutableBufferPointer { latestEnd in
      latestStart.withUnsafeMutableBufferPointer { latestStart in
        for node32 in order.reversed() {
          let node = Int(node32)
          var latest = projectEnd
          for slot in Int(successorStart[node])..<Int(successorStart[node + 1]) {
            latest = min(latest, Int(latestStart[Int(successors[slot])]))
          }
          if node < taskCount, isLeaf[node], !cancelled[node], deadline[node] != .max {
            latest = min(latest, Int(deadline[node]) + 1)
          }
          let days = node < taskCount ? Int(durationRead[node]) : 0
          if node < taskCount && isWorkingDays[node] && days > 0 {
            let (nodeLatestEnd, nodeLatestStart) = work.placeBackward(latestEnd: latest, days)
            latestEnd[node] = Self.stored(nodeLatestEnd)
            latestStart[node] = Self.stored(nodeLatestStart)
          } else {
            latestEnd[node] = Self.stored(latest)
            latestStart[node] = Self.stored(latest - days)
          }
        }
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
    self.projectEnd = Int(Self.stored(projectEnd))
    self.hasLiveLeaves = hasLiveLeaves
  }
}

extension PlannedSchedule {
  /// The day numbers the arrays hold: far beyond the years 1–9999 either way, short of `Int32.max`.
  static let storedRange = -1_000_000_000...1_000_000_000

  /// A day number as stored, clamped to `storedRange`.
  @inline(__always)
  static func stored(_ day: Int) -> Int32 {
    Int32(min(max(day, storedRange.lowerBound), storedRange.upperBound))
  }

  /// The end (half-open) of `count` of task `task`'s duration units placed no earlier than `earliest`:
  /// calendar days, or working days for a `wd` task (`addWork`).
  func end(of task: Int, from earliest: Int, count: Int) -> Int {
    isWorkingDays[task] ? work.addWork(earliest, count) : earliest + count
  }
}
