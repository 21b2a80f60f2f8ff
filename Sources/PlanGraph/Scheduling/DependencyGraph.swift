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
  /// or -1 for an edge the task tree implies; empty once dropped (`droppingOrigins()`).
  private(set) var edgeOriginTask: [Int32]
  private(set) var edgeOriginEntry: [Int32]
  /// Successors of node `n`: `successors[successorStart[n]..<successorStart[n + 1]]`.
  public let successorStart: [Int32]
  /// The successor lists of all nodes, concatenated.
  public let successors: [Int32]
  /// The nodes in topological order (Kahn's algorithm, ties in node order); complete only when acyclic.
  public let order: [Int32]

  /// Whether the graph has no cycle.
  public var isAcyclic: Bool { order.count == nodeCount }

  /// Builds the graph of `tasks`, whose `after` lists are already resolved.
  public init(tasks: [PlanTask]) {
    taskCount = tasks.count
    // A gate for every summary whose own `after` or an ancestor's binds its descendants.
    var gateOf = [Int32](repeating: -1, count: tasks.count)
    var gates: [Int32] = []
    for index in tasks.indices where tasks[index].isSummary && tasks[index].recurrence == nil {
      let parentGate = tasks[index].parent.map { gateOf[$0] } ?? -1
      if tasks[index].afterCount > 0 || parentGate >= 0 {
        gateOf[index] = Int32(tasks.count + gates.count)
        gates.append(Int32(index))
      }
    }
    gateTask = gates
    nodeCount = tasks.count + gates.count

    // Every edge once, into flat lists; then a counting sort by target gives the predecessor lists.
    let isDuty = tasks.map { $0.recurrence != nil }
    var edgeFrom: [Int32] = []
    var edgeTo: [Int32] = []
    var edgeTask: [Int32] = []
    var edgeEntry: [Int32] = []
    edgeFrom.reserveCapacity(tasks.count * 3)
    edgeTo.reserveCapacity(tasks.count * 3)
    edgeTask.reserveCapacity(tasks.count * 3)
    edgeEntry.reserveCapacity(tasks.count * 3)
    func add(_ from: Int32, _ to: Int32, _ task: Int32, _ entry: Int32) {
      edgeFrom.append(from)
      edgeTo.append(to)
      edgeTask.append(task)
      edgeEntry.append(entry)
    }
    for index in tasks.indices where !isDuty[index] {
      let isSummary = tasks[index].isSummary
      let node = isSummary ? gateOf[index] : Int32(index)
      if node >= 0 {
        for entry in 0..<tasks[index].afterCount {
          let target = tasks[index].afterTarget(entry)
          if !isDuty[target] { add(Int32(target), node, Int32(index), Int32(entry)) }
        }
      }
      if let parent = tasks[index].parent {
        // A leaf or sub-summary ends before its summary's end node …
        add(Int32(index), Int32(parent), -1, -1)
        // … and waits for its summary's gate.
        if gateOf[parent] >= 0 {
          add(gateOf[parent], isSummary ? gateOf[index] : Int32(index), -1, -1)
        }
      }
    }
    var counts = [Int32](repeating: 0, count: nodeCount + 1)
    for to in edgeTo { counts[Int(to) + 1] += 1 }
    for n in 0..<nodeCount { counts[n + 1] += counts[n] }
    var fill = counts
    var preds = [Int32](repeating: 0, count: edgeTo.count)
    var originTask = preds
    var originEntry = preds
    for e in edgeTo.indices {
      let to = Int(edgeTo[e])
      let slot = Int(fill[to])
      preds[slot] = edgeFrom[e]
      originTask[slot] = edgeTask[e]
      originEntry[slot] = edgeEntry[e]
      fill[to] += 1
    }
    predecessorStart = counts
    predecessors = preds
    edgeOriginTask = originTask
    edgeOriginEntry = originEntry

    // Successors: the same edges, reversed.
    var successorCounts = [Int32](repeating: 0, count: nodeCount + 1)
    for p in preds { successorCounts[Int(p) + 1] += 1 }
    for n in 0..<nodeCount { successorCounts[n + 1] += successorCounts[n] }
    var successorFill = successorCounts
    var succs = [Int32](repeating: 0, count: preds.count)
    for node in 0..<nodeCount {
      for slot in Int(counts[node])..<Int(counts[node + 1]) {
        let p = Int(preds[slot])
        succs[Int(successorFill[p])] = Int32(node)
        successorFill[p] += 1
      }
    }
    successorStart = successorCounts
    successors = succs

    // Kahn's algorithm with a FIFO queue seeded in node order.
    var indegree = [Int32](repeating: 0, count: nodeCount)
    for n in 0..<nodeCount { indegree[n] = counts[n + 1] - counts[n] }
    var topo: [Int32] = []
    topo.reserveCapacity(nodeCount)
    for n in 0..<nodeCount where indegree[n] == 0 { topo.append(Int32(n)) }
    var head = 0
    while head < topo.count {
      let node = Int(topo[head])
      head += 1
      for slot in Int(successorCounts[node])..<Int(successorCounts[node + 1]) {
        let s = Int(succs[slot])
        indegree[s] -= 1
        if indegree[s] == 0 { topo.append(Int32(s)) }
      }
    }
    order = topo
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
