/// A circle of dependencies, as the ids a planner would read around it.
public struct DependencyCycle: Hashable, Sendable {
  /// The tasks around the cycle in dependency order, starting at the earliest in output order;
  /// a summary appears where the cycle passes through its start or end.
  public var tasks: [Int]
  /// The `after` entry that closes the cycle back into its first task, or else the first one after it.
  public var position: SourcePosition
}

extension DependencyGraph {
  /// One cycle for each strongly connected component with a cycle, in the order of their first tasks;
  /// empty when the graph is acyclic. `tasks` are the tasks the graph was built from.
  public func cycles(tasks: [PlanTask]) -> [DependencyCycle] {
    guard !isAcyclic else { return [] }
    var remaining = [Bool](repeating: true, count: nodeCount)
    for node in order { remaining[Int(node)] = false }
    var result: [DependencyCycle] = []
    for component in stronglyConnectedComponents(within: remaining) {
      if let cycle = cycle(inComponent: component, tasks: tasks) { result.append(cycle) }
    }
    return result.sorted { ($0.tasks.first ?? 0) < ($1.tasks.first ?? 0) }
  }

  /// Tarjan's algorithm with an explicit stack, over the nodes marked in `within`.
  private func stronglyConnectedComponents(within: [Bool]) -> [[Int]] {
    var index = [Int32](repeating: -1, count: nodeCount)
    var lowlink = [Int32](repeating: 0, count: nodeCount)
    var onStack = [Bool](repeating: false, count: nodeCount)
    var stack: [Int] = []
    var calls: [(node: Int, next: Int)] = []
    var counter: Int32 = 0
    var components: [[Int]] = []
    for root in 0..<nodeCount where within[root] && index[root] < 0 {
      index[root] = counter
      lowlink[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      calls.append((root, Int(successorStart[root])))
      while let (node, next) = calls.last {
        if next < Int(successorStart[node + 1]) {
          calls[calls.count - 1].next += 1
          let w = Int(successors[next])
          guard within[w] else { continue }
          if index[w] < 0 {
            index[w] = counter
            lowlink[w] = counter
            counter += 1
            stack.append(w)
            onStack[w] = true
            calls.append((w, Int(successorStart[w])))
          } else if onStack[w] {
            lowlink[node] = min(lowlink[node], index[w])
          }
        } else {
          calls.removeLast()
          if let parent = calls.last { lowlink[parent.node] = min(lowlink[parent.node], lowlink[node]) }
          if lowlink[node] == index[node] {
            var component: [Int] = []
            while let top = stack.popLast() {
              onStack[top] = false
              component.append(top)
              if top == node { break }
            }
            components.append(component)
          }
        }
      }
    }
    return components
  }

  /// A simple cycle inside one component, walking predecessors that stay inside it.
  private func cycle(inComponent component: [Int], tasks plan: [PlanTask]) -> DependencyCycle? {
    let members = Set(component)
    guard let start = component.min() else { return nil }
    if component.count == 1 && !predecessors(of: start).contains(Int32(start)) { return nil }
    // Walk backwards until a node repeats: the nodes between the repeats form a cycle.
    var seenAt: [Int: Int] = [:]
    var walk: [Int] = []
    var node = start
    while seenAt[node] == nil {
      seenAt[node] = walk.count
      walk.append(node)
      guard let previous = predecessors(of: node).first(where: { members.contains(Int($0)) }) else { return nil }
      node = Int(previous)
    }
    // `walk` goes against the arrows; reverse the loop to read in dependency order.
    var loop = Array(walk[(seenAt[node] ?? 0)...].reversed())
    // Start at the node of the earliest task, for stable messages.
    if let first = loop.indices.min(by: { task(ofNode: loop[$0]) < task(ofNode: loop[$1]) }) {
      loop = Array(loop[first...] + loop[..<first])
    }
    var tasks: [Int] = []
    for n in loop {
      let t = task(ofNode: n)
      if tasks.last != t { tasks.append(t) }
    }
    if tasks.count > 1, tasks.first == tasks.last { tasks.removeLast() }
    // Report at the `after` entry of an edge on the loop, preferring the one that closes it.
    var position: SourcePosition?
    for (i, to) in loop.enumerated() {
      let from = loop[(i + loop.count - 1) % loop.count]
      if let origin = origin(from: from, to: to, tasks: plan) {
        position = origin
        break
      }
    }
    guard let position else { return nil }
    return DependencyCycle(tasks: tasks, position: position)
  }

  /// The position of the `after` entry behind the edge `from → to`, if it comes from one.
  private func origin(from: Int, to: Int, tasks: [PlanTask]) -> SourcePosition? {
    guard edgeOriginTask.count == predecessors.count else { return nil }
    let range = Int(predecessorStart[to])..<Int(predecessorStart[to + 1])
    for slot in range where Int(predecessors[slot]) == from && edgeOriginTask[slot] >= 0 {
      let locations = tasks[Int(edgeOriginTask[slot])].locations.after
      let entry = Int(edgeOriginEntry[slot])
      if locations.indices.contains(entry) { return locations[entry] }
    }
    return nil
  }
}
