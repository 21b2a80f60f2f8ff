/// The plan schedule by the critical path method: forward and backward passes over the graph's
/// topological order, on flat arrays of day numbers. It does not depend on the as-of date.
struct PlannedSchedule: Sendable {
  /// Per node: when it ends (half-open: the day after its last day); for gates and summary ends, the
  /// latest end they wait for.
  var end: [Int]
  /// Per task: the start shown (leaves only).
  var start: [Int]
  /// Per node: latest finish, half-open.
  var latestEnd: [Int]
  /// Per task: the duration in days used by the passes (0 for cancelled tasks).
  var duration: [Int]
  /// The latest end of a non-cancelled leaf; the plan start when there are none.
  var projectEnd: Int
  /// Whether any non-cancelled leaf exists.
  var hasLiveLeaves: Bool

  init(facts: TaskFacts, graph: DependencyGraph, constraints: EffectiveConstraints, planStart: Int) {
    let nodes = graph.nodeCount
    let taskCount = facts.isLeaf.count
    var end = [Int](repeating: planStart, count: nodes)
    var start = [Int](repeating: planStart, count: taskCount)
    var latestEnd = [Int](repeating: .max, count: nodes)
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
        end[node] = ready
        continue
      }
      let days = Int(facts.duration[node])
      duration[node] = days
      let done = facts.done[node]
      if done != TaskFacts.none {
        end[node] = days == 0 ? Int(done) : Int(done) + 1
        start[node] = max(planStart, end[node] - days)
      } else {
        start[node] = max(ready, startConstraint[node])
        end[node] = start[node] + days
      }
      projectEnd = max(projectEnd, end[node])
      hasLiveLeaves = true
    }

    for node32 in order.reversed() {
      let node = Int(node32)
      var latest = projectEnd
      for slot in Int(successorStart[node])..<Int(successorStart[node + 1]) {
        let successor = Int(successors[slot])
        let successorDuration = successor < taskCount ? duration[successor] : 0
        latest = min(latest, latestEnd[successor] - successorDuration)
      }
      if node < taskCount, isLeaf[node], !cancelled[node], deadline[node] != .max {
        latest = min(latest, deadline[node] + 1)
      }
      latestEnd[node] = latest
    }
    self.end = end
    self.start = start
    self.latestEnd = latestEnd
    self.duration = duration
    self.projectEnd = projectEnd
    self.hasLiveLeaves = hasLiveLeaves
  }
}
