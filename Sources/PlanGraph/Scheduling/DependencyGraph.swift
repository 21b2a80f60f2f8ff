/// The finish-to-start graph of a plan over dense integer nodes, in flat arrays.
///
/// Node `i < taskCount` stands for task `i`: a leaf itself, or for a summary the moment its last leaf
/// ends (a reference to a summary waits for all its leaves). Each summary whose own `after` binds its
/// descendants also gets a gate node after `taskCount`, which its children wait for. Shared nodes keep
/// the graph linear in size where expanding "a summary means each of its leaves" would multiply edges.
public struct DependencyGraph: Sendable {
  /// How many tasks the plan has; nodes below this number are tasks.
  public let taskCount: Int
  /// All nodes: tasks, then gates.
  public let nodeCount: Int
  /// For each gate node (index minus `taskCount`), the summary task it belongs to.
  public let gateTask: [Int32]
  /// Predecessors of node `n`: `predecessors[predecessorStart[n]..<predecessorStart[n + 1]]`.
  public let predecessorStart: [Int32]
  /// The predecessor lists of all nodes, concatenated.
  public let predecessors: [Int32]
  /// For each entry of `predecessors`: the `after` entry it comes from as task index and entry index,
  /// or -1 for an edge the task tree implies; empty for an acyclic graph unless asked for
  /// (`init(tasks:keepingOrigins:)`), and once dropped (`droppingOrigins()`).
  private(set) var edgeOriginTask: [Int32]
  private(set) var edgeOriginEntry: [Int32]
  /// Successors of node `n`: `successors[successorStart[n]..<successorStart[n + 1]]`.
  public let successorStart: [Int32]
  /// The successor lists of all nodes, concatenated.
  public let successors: [Int32]
  /// The nodes in topological order (Kahn's algorithm, depth first from the nodes without predecessors in
  /// node order); complete only when acyclic.
  public let order: [Int32]

  /// Whether the graph has no cycle.
  public var isAcyclic: Bool { order.count == nodeCount }

  /// Builds the graph of `tasks`, whose `after` lists are already resolved.
  ///
  /// `tasks` are in the order `Plan.tasks` keeps (a parent before its children) and every `after` entry
  /// is an index of `tasks`, as the loader guarantees; a plan made in code that breaks either stops with
  /// a precondition failure here, rather than reading outside the graph's arrays.
  public init(tasks: [PlanTask]) {
    self.init(tasks: tasks, keepingOrigins: false)
  }

  /// Builds the graph of `tasks`; where each edge was written (`edgeOriginTask`, `edgeOriginEntry`) is
  /// kept when `keepingOrigins` says so or the graph has a cycle, whose messages need it. An acyclic graph
  /// does without: two arrays as long as the edges, written and then dropped, were a fifth of the graph's
  /// time at a million tasks.
  package init(tasks: [PlanTask], keepingOrigins: Bool) {
    taskCount = tasks.count
    // One walk of the tasks gathers what the edges need into flat arrays, so that counting the edges and
    // writing them (two walks each) never touch a `PlanTask` again: a gate for every summary whose own
    // `after` or an ancestor's binds its descendants, each task's parent, the node its `after` entries and
    // its parent's gate lead into (a leaf itself, a summary its gate, -1 for none), and those entries.
    let n = tasks.count
    var gateOf = Array(repeating: -1 as Int32, count: n)
    var gates: [Int32] = []
    var isDuty = Array(repeating: false, count: n)
    var parentOf = Array(repeating: -1 as Int32, count: n)
    var entryNode = Array(repeating: -1 as Int32, count: n)
    var afterStart = Array(repeating: 0 as Int32, count: n + 1)
    var afterTargets: [Int32] = []
    for index in 0..<n {
      afterStart[index] = Int32(afterTargets.count)
      if tasks[index].recurrence != nil {
        isDuty[index] = true
        continue
      }
      let parent = tasks[index].parent
      precondition(parent.map { 0 <= $0 && $0 < index } ?? true, "a task's parent must come before it in Plan.tasks")
      parentOf[index] = Int32(parent ?? -1)
      let afterCount = tasks[index].afterCount
      if tasks[index].isSummary {
        let parentGate = parent.map { gateOf[$0] } ?? -1
        if afterCount > 0 || parentGate >= 0 {
          gateOf[index] = Int32(n + gates.count)
          gates.append(Int32(index))
        }
        entryNode[index] = gateOf[index]
      } else {
        entryNode[index] = Int32(index)
      }
      if entryNode[index] >= 0 {
        for entry in 0..<afterCount {
          let target = tasks[index].afterTarget(entry)
          precondition(0 <= target && target < n, "an after entry must be an index of Plan.tasks")
          afterTargets.append(Int32(target))
        }
      }
    }
    afterStart[n] = Int32(afterTargets.count)
    gateTask = gates
    let nodeCount = n + gates.count
    self.nodeCount = nodeCount

    // Every edge, in task order: a task's `after` entries into it (a summary's into its gate), then the
    // task into its parent's end, then its parent's gate into it. Counted first, then each written straight
    // into its slot of the predecessor lists, so no list of edges is gathered and sorted.
    func eachEdge(_ visit: (_ from: Int32, _ to: Int32, _ task: Int32, _ entry: Int32) -> Void) {
      gateOf.withUnsafeBufferPointer { gateOf in
        isDuty.withUnsafeBufferPointer { isDuty in
          parentOf.withUnsafeBufferPointer { parentOf in
            entryNode.withUnsafeBufferPointer { entryNode in
              afterStart.withUnsafeBufferPointer { afterStart in
                afterTargets.withUnsafeBufferPointer { afterTargets in
                  for index in 0..<n where !isDuty[index] {
                    let node = entryNode[index]
                    let first = Int(afterStart[index])
                    for slot in first..<Int(afterStart[index + 1]) {
                      let predecessor = afterTargets[slot]
                      if !isDuty[Int(predecessor)] { visit(predecessor, node, Int32(index), Int32(slot - first)) }
                    }
                    let parent = Int(parentOf[index])
                    if parent >= 0 {
                      // A leaf or sub-summary ends before its summary's end node …
                      visit(Int32(index), Int32(parent), -1, -1)
                      // … and waits for its summary's gate.
                      if gateOf[parent] >= 0 { visit(gateOf[parent], node, -1, -1) }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    var counts = Array(repeating: 0 as Int32, count: nodeCount + 1)
    counts.withUnsafeMutableBufferPointer { counts in
      eachEdge { _, to, _, _ in counts[Int(to) + 1] += 1 }
      for n in 0..<nodeCount { counts[n + 1] += counts[n] }
    }
    let edgeCount = Int(counts[nodeCount])
    var preds = Array(repeating: 0 as Int32, count: edgeCount)
    var fill = counts
    fill.withUnsafeMutableBufferPointer { fill in
      preds.withUnsafeMutableBufferPointer { preds in
        eachEdge { from, to, _, _ in
          let slot = Int(fill[Int(to)])
          preds[slot] = from
          fill[Int(to)] += 1
        }
      }
    }
    predecessorStart = counts
    predecessors = preds

    // Successors: the same edges, reversed.
    var successorCounts = Array(repeating: 0 as Int32, count: nodeCount + 1)
    var succs = Array(repeating: 0 as Int32, count: edgeCount)
    successorCounts.withUnsafeMutableBufferPointer { successorCounts in
      for p in preds { successorCounts[Int(p) + 1] += 1 }
      for n in 0..<nodeCount { successorCounts[n + 1] += successorCounts[n] }
      var successorFill = Array(successorCounts)
      successorFill.withUnsafeMutableBufferPointer { successorFill in
        succs.withUnsafeMutableBufferPointer { succs in
          for node in 0..<nodeCount {
            for slot in Int(counts[node])..<Int(counts[node + 1]) {
              let p = Int(preds[slot])
              succs[Int(successorFill[p])] = Int32(node)
              successorFill[p] += 1
            }
          }
        }
      }
    }
    successorStart = successorCounts
    successors = succs
    order = Self.topologicalOrder(
      nodeCount: nodeCount, predecessorStart: counts, successorStart: successorCounts, successors: succs)

    // Where each edge was written: the same walk of the edges again, into the same slots.
    guard keepingOrigins || order.count != nodeCount else {
      (edgeOriginTask, edgeOriginEntry) = ([], [])
      return
    }
    var originTask = Array(repeating: 0 as Int32, count: edgeCount)
    var originEntry = originTask
    var originFill = counts
    originFill.withUnsafeMutableBufferPointer { fill in
      originTask.withUnsafeMutableBufferPointer { originTask in
        originEntry.withUnsafeMutableBufferPointer { originEntry in
          eachEdge { _, to, task, entry in
            let slot = Int(fill[Int(to)])
            originTask[slot] = task
            originEntry[slot] = entry
            fill[Int(to)] += 1
          }
        }
      }
    }
    edgeOriginTask = originTask
    edgeOriginEntry = originEntry
  }

  /// Kahn's algorithm, depth first: nodes without predecessors are taken in node order, and each node
  /// that becomes ready when another is taken follows at once (a stack), so that consecutive nodes of the
  /// order mostly lie near each other in the arrays, which is what makes the passes over a million nodes
  /// run from cache. Nodes on or after a cycle are left out, as with any order of Kahn's algorithm.
  private static func topologicalOrder(
    nodeCount: Int, predecessorStart: [Int32], successorStart: [Int32], successors: [Int32]
  ) -> [Int32] {
    var indegree = Array(repeating: 0 as Int32, count: nodeCount)
    var topo = Array(repeating: 0 as Int32, count: nodeCount)
    var taken = 0
    indegree.withUnsafeMutableBufferPointer { indegree in
      topo.withUnsafeMutableBufferPointer { topo in
        for n in 0..<nodeCount { indegree[n] = predecessorStart[n + 1] - predecessorStart[n] }
        // The ready nodes waiting to be taken live in `topo` itself, past what has been taken: a node is
        // pushed at most once, so the stack never reaches into the order.
        var stackTop = nodeCount
        var scan = 0
        while true {
          let node: Int
          if stackTop < nodeCount {
            node = Int(topo[stackTop])
            stackTop += 1
          } else {
            while scan < nodeCount && (indegree[scan] != 0 || predecessorStart[scan + 1] != predecessorStart[scan]) {
              scan += 1
            }
            guard scan < nodeCount else { break }
            node = scan
            scan += 1
          }
          topo[taken] = Int32(node)
          taken += 1
          // Pushed in reverse, so that the first successor is taken first.
          var slot = Int(successorStart[node + 1]) - 1
          while slot >= Int(successorStart[node]) {
            let s = Int(successors[slot])
            indegree[s] -= 1
            if indegree[s] == 0 {
              stackTop -= 1
              topo[stackTop] = Int32(s)
            }
            slot -= 1
          }
        }
      }
    }
    topo.removeSubrange(taken...)
    return topo
  }

  /// The graph without where each edge was written, which only the messages about cycles need: what a
  /// plan keeps once it is known to be acyclic (two arrays as long as the edges, 24 MB at a million tasks).
  func droppingOrigins() -> DependencyGraph {
    var graph = self
    graph.edgeOriginTask = []
    graph.edgeOriginEntry = []
    return graph
  }

  /// The task a node stands for: itself, or the summary whose gate it is.
  public func task(ofNode node: Int) -> Int {
    node < taskCount ? node : Int(gateTask[node - taskCount])
  }

  /// The predecessors of a node.
  @inline(__always)
  public func predecessors(of node: Int) -> ArraySlice<Int32> {
    predecessors[Int(predecessorStart[node])..<Int(predecessorStart[node + 1])]
  }

  /// The successors of a node.
  @inline(__always)
  public func successors(of node: Int) -> ArraySlice<Int32> {
    successors[Int(successorStart[node])..<Int(successorStart[node + 1])]
  }
}
