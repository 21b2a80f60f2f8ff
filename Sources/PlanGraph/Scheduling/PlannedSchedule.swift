/// The plan schedule by the critical path method: forward and backward passes over the graph's
/// topological order, on flat arrays of day ordinals. It does not depend on the as-of date.
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

  init(tasks: [PlanTask], graph: DependencyGraph, constraints: EffectiveConstraints, planStart: Int) {
    let nodes = graph.nodeCount
    end = [Int](repeating: planStart, count: nodes)
    start = [Int](repeating: planStart, count: tasks.count)
    latestEnd = [Int](repeating: .max, count: nodes)
    duration = [Int](repeating: 0, count: tasks.count)
    var projectEnd = planStart
    var hasLiveLeaves = false

    for node32 in graph.order {
      let node = Int(node32)
      var ready = planStart
      for p in graph.predecessors(of: node) { ready = max(ready, end[Int(p)]) }
      guard node < tasks.count, tasks[node].isLeaf else {
        end[node] = ready
        continue
      }
      if constraints.cancelled[node] {
        start[node] = ready
        end[node] = ready
        continue
      }
      let days = tasks[node].duration?.days ?? 0
      duration[node] = days
      if let done = tasks[node].doneDate?.ordinal {
        end[node] = days == 0 ? done : done + 1
        start[node] = max(planStart, end[node] - days)
      } else {
        start[node] = max(ready, constraints.startConstraint[node])
        end[node] = start[node] + days
      }
      projectEnd = max(projectEnd, end[node])
      hasLiveLeaves = true
    }
    self.projectEnd = projectEnd
    self.hasLiveLeaves = hasLiveLeaves

    for node32 in graph.order.reversed() {
      let node = Int(node32)
      var latest = projectEnd
      for s in graph.successors(of: node) {
        let successor = Int(s)
        let successorDuration = successor < tasks.count ? duration[successor] : 0
        latest = min(latest, latestEnd[successor] - successorDuration)
      }
      if node < tasks.count, tasks[node].isLeaf, !constraints.cancelled[node], constraints.deadline[node] != .max {
        latest = min(latest, constraints.deadline[node] + 1)
      }
      latestEnd[node] = latest
    }
  }
}
