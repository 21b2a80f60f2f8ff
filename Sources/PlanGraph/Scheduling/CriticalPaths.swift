/// Finds the critical paths: maximal chains of critical leaves linked by dependencies with no gap
/// (`end(p) = start(s)`), in the order of their tasks' output positions.
enum CriticalPaths {
  /// Up to `limit` paths as task indices, and whether more exist.
  static func find(
    isLeaf: [Bool], graph: DependencyGraph, planned: PlannedSchedule, rows: [TaskSchedule], limit: Int
  ) -> (paths: [[Int]], more: Bool) {
    let n = isLeaf.count
    // A closure, not a key path: applying a key path per row is a generic projection, a million times.
    let critical = rows.map { $0.isCritical }
    func isLeafNode(_ node: Int) -> Bool { node < n && isLeaf[node] }
    func isCritical(_ node: Int) -> Bool { isLeafNode(node) && critical[node] }

    // A shared node "carries" criticality when a critical leaf reaches it through nodes of equal end.
    var carries = [Bool](repeating: false, count: graph.nodeCount)
    for node32 in graph.order {
      let node = Int(node32)
      guard !isLeafNode(node) else { continue }
      for p32 in graph.predecessors(of: node) {
        let p = Int(p32)
        if planned.end[p] == planned.end[node] && (isCritical(p) || (!isLeafNode(p) && carries[p])) {
          carries[node] = true
          break
        }
      }
    }
    func hasCriticalPredecessor(_ leaf: Int) -> Bool {
      graph.predecessors(of: leaf).contains { p32 in
        let p = Int(p32)
        return planned.end[p] == planned.earliestStart[leaf] && (isCritical(p) || (!isLeafNode(p) && carries[p]))
      }
    }

    // Which shared nodes the current search has entered: a stamp per node instead of a set per search.
    var stamp = [Int32](repeating: 0, count: graph.nodeCount)
    var generation: Int32 = 0
    let successorStart = graph.successorStart
    let successors = graph.successors
    func criticalSuccessors(_ leaf: Int) -> [Int] {
      let end = planned.end[leaf]
      generation &+= 1
      var found: [Int] = []
      var queue = [leaf]
      var head = 0
      while head < queue.count {
        let node = queue[head]
        head += 1
        for slot in Int(successorStart[node])..<Int(successorStart[node + 1]) {
          let s = Int(successors[slot])
          guard stamp[s] != generation else { continue }
          stamp[s] = generation
          if isLeafNode(s) {
            if isCritical(s) && planned.earliestStart[s] == end { found.append(s) }
          } else if planned.end[s] == end {
            queue.append(s)
          }
        }
      }
      return found.count > 1 ? found.sorted() : found
    }

    var paths: [[Int]] = []
    for source in 0..<n where isCritical(source) && !hasCriticalPredecessor(source) {
      // Depth-first, successors in output order: paths come out in lexicographic order.
      var path: [Int] = [source]
      var choices: [(options: [Int], next: Int)] = [(criticalSuccessors(source), 0)]
      while let top = choices.last {
        if top.options.isEmpty {
          if paths.count == limit { return (paths, true) }
          paths.append(path)
          choices.removeLast()
          path.removeLast()
        } else if top.next < top.options.count {
          let s = top.options[top.next]
          choices[choices.count - 1].next += 1
          path.append(s)
          choices.append((criticalSuccessors(s), 0))
        } else {
          choices.removeLast()
          path.removeLast()
        }
      }
    }
    return (paths, false)
  }
}
