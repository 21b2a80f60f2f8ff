/// Finds the critical paths: maximal chains of critical leaves linked by dependencies with no gap
/// (`end(p) = start(s)`), in the order of their tasks' output positions.
enum CriticalPaths {
  /// Up to `limit` paths as task indices, and whether more exist.
  ///
  /// A leaf is critical as its row says (`TaskSchedule.isCritical`): not cancelled, and no slack in the
  /// plan schedule. That is read from the plan schedule, not from the rows, so that the paths are found
  /// while the as-of pass makes the rows.
  static func find(
    isLeaf: [Bool], cancelled: [Bool], graph: DependencyGraph, planned: PlannedSchedule, limit: Int
  ) -> (paths: [[Int]], more: Bool) {
    let n = isLeaf.count
    let (end, latestEnd) = (planned.end, planned.latestEnd)
    func isLeafNode(_ node: Int) -> Bool { node < n && isLeaf[node] }
    func isCritical(_ node: Int) -> Bool {
      isLeafNode(node) && !cancelled[node] && Int(latestEnd[node]) - Int(end[node]) <= 0
    }

    // A shared node "carries" criticality when a critical leaf reaches it through nodes of equal end. One
    // bit a node: the paths are found beside the forecast (`Scheduler.schedule`), so what they hold adds
    // to the as-of pass's memory.
    var carries = NodeBits(count: graph.nodeCount)
    for node32 in graph.order {
      let node = Int(node32)
      guard !isLeafNode(node) else { continue }
      for p32 in graph.predecessors(of: node) {
        let p = Int(p32)
        if planned.end[p] == planned.end[node] && (isCritical(p) || (!isLeafNode(p) && carries[p])) {
          carries.set(node)
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

    // Which nodes the current search has entered: a bit per node, cleared after each search from the list
    // of those entered (a search enters few), instead of a set per search.
    var entered = NodeBits(count: graph.nodeCount)
    let successorStart = graph.successorStart
    let successors = graph.successors
    func criticalSuccessors(_ leaf: Int) -> [Int] {
      let end = planned.end[leaf]
      var found: [Int] = []
      var queue = [leaf]
      var touched: [Int] = []
      var head = 0
      while head < queue.count {
        let node = queue[head]
        head += 1
        for slot in Int(successorStart[node])..<Int(successorStart[node + 1]) {
          let s = Int(successors[slot])
          guard !entered[s] else { continue }
          entered.set(s)
          touched.append(s)
          if isLeafNode(s) {
            if isCritical(s) && planned.earliestStart[s] == end { found.append(s) }
          } else if planned.end[s] == end {
            queue.append(s)
          }
        }
      }
      for node in touched { entered.clear(node) }
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

/// One bit per graph node.
struct NodeBits {
  private var words: [UInt64]

  /// `count` bits, all clear.
  init(count: Int) {
    words = [UInt64](repeating: 0, count: (count + 63) / 64)
  }

  /// Whether bit `node` is set.
  subscript(node: Int) -> Bool {
    words[node >> 6] & (1 << UInt64(node & 63)) != 0
  }

  /// Sets bit `node`.
  mutating func set(_ node: Int) {
    words[node >> 6] |= 1 << UInt64(node & 63)
  }

  /// Clears bit `node`.
  mutating func clear(_ node: Int) {
    words[node >> 6] &= ~(1 << UInt64(node & 63))
  }
}
