import PlanGraph

/// The dependencies between drawn tasks, from the plan's `after` lists.
///
/// A task's `after` may name a summary, which means all its leaves; when both ends are expanded summaries
/// the edges go from the predecessor's last tasks (those nothing inside it waits for) to the successor's
/// first ones, through a junction when both sides have several.
struct DependencyEdges {
  private let plan: Plan
  private let representative: [Int]
  private let drawn: Set<Int>
  private let folded: Set<Int>
  private let keptBelow: [Int]
  private(set) var dependencies: [ChartDependency] = []
  private(set) var junctions: [ChartJunction] = []
  private var index: [Pair: Int] = [:]
  private var junctionEnds: [(from: Set<Int>, to: Set<Int>)] = []
  private var endsCache: [Int: [Int]] = [:]
  /// Drawn successors of each drawn task through leaf-to-leaf dependencies, to find first and last tasks.
  private var directSuccessors: [Int: Set<Int>] = [:]

  private struct Pair: Hashable {
    var from: ChartEnd
    var to: ChartEnd
  }

  init(plan: Plan, representative: [Int], drawn: Set<Int>, folded: Set<Int>, keptBelow: [Int]) {
    self.plan = plan
    self.representative = representative
    self.drawn = drawn
    self.folded = folded
    self.keptBelow = keptBelow
  }

  /// Adds the edges of every `after` entry of the tasks `scope` admits.
  mutating func build(scope: (Int) -> Bool) {
    let tasks = plan.tasks
    // Leaf-to-leaf first, so that summaries' first and last tasks can be found from them.
    var later: [(Int, Int)] = []
    for (t, task) in tasks.enumerated() where !task.isDuty && scope(t) {
      for p in task.after where !tasks[p].isDuty {
        guard tasks[p].isLeaf && task.isLeaf else {
          later.append((p, t))
          continue
        }
        let from = representative[p]
        let to = representative[t]
        guard from >= 0, to >= 0, from != to else { continue }
        add(.task(from), .task(to))
        directSuccessors[from, default: []].insert(to)
      }
    }
    for (p, t) in later {
      let from = lastTasks(ends(of: p))
      let to = firstTasks(ends(of: t))
      let fromSet = Set(from)
      let toSet = Set(to)
      guard !from.isEmpty, !to.isEmpty, fromSet != toSet || fromSet.count > 1 else { continue }
      if from.count > 1 && to.count > 1 {
        let junction = junctions.count
        junctions.append(ChartJunction(after: p, before: t))
        junctionEnds.append((fromSet, toSet))
        for a in from { add(.task(a), .junction(junction)) }
        for b in to { add(.junction(junction), .task(b)) }
      } else {
        for a in from {
          for b in to where a != b { add(.task(a), .task(b)) }
        }
      }
    }
  }

  /// Marks the edges that consecutive tasks of a critical path run along, adding any that is missing.
  mutating func markCritical(_ paths: [[Int]]) {
    for path in paths {
      for (x, y) in zip(path, path.dropFirst()) {
        let from = representative[x]
        let to = representative[y]
        guard from >= 0, to >= 0, from != to else { continue }
        if let i = index[Pair(from: .task(from), to: .task(to))] {
          dependencies[i].isCritical = true
        } else if let j = junctionEnds.firstIndex(where: { $0.from.contains(from) && $0.to.contains(to) }),
          let a = index[Pair(from: .task(from), to: .junction(j))],
          let b = index[Pair(from: .junction(j), to: .task(to))]
        {
          dependencies[a].isCritical = true
          dependencies[b].isCritical = true
        } else {
          add(.task(from), .task(to))
          dependencies[dependencies.count - 1].isCritical = true
        }
      }
    }
  }

  private mutating func add(_ from: ChartEnd, _ to: ChartEnd) {
    let pair = Pair(from: from, to: to)
    guard index[pair] == nil else { return }
    index[pair] = dependencies.count
    dependencies.append(ChartDependency(from: from, to: to, isCritical: false))
  }

  /// The drawn tasks that stand for task `x`: itself or its folded ancestor, or the drawn tasks below it.
  private mutating func ends(of x: Int) -> [Int] {
    let tasks = plan.tasks
    if tasks[x].isLeaf { return representative[x] >= 0 ? [representative[x]] : [] }
    guard keptBelow[x] > 0 else { return [] }
    if drawn.contains(x) { return [x] }
    if let cached = endsCache[x] { return cached }
    var ancestor = tasks[x].parent
    while let current = ancestor {
      if folded.contains(current) && drawn.contains(current) { return [current] }
      ancestor = tasks[current].parent
    }
    var found: [Int] = []
    var pending = Array(tasks[x].children.reversed())
    while let next = pending.popLast() {
      if drawn.contains(next) {
        found.append(next)
      } else if keptBelow[next] > 0 {
        pending += tasks[next].children.reversed()
      }
    }
    endsCache[x] = found
    return found
  }

  /// Those of `ends` that no other of them waits for.
  private func lastTasks(_ ends: [Int]) -> [Int] {
    guard ends.count > 1 else { return ends }
    let set = Set(ends)
    let last = ends.filter { directSuccessors[$0].map { $0.isDisjoint(with: set) } ?? true }
    return last.isEmpty ? ends : last
  }

  /// Those of `ends` that wait for no other of them.
  private func firstTasks(_ ends: [Int]) -> [Int] {
    guard ends.count > 1 else { return ends }
    var waiting = Set<Int>()
    for end in ends { waiting.formUnion(directSuccessors[end] ?? []) }
    let first = ends.filter { !waiting.contains($0) }
    return first.isEmpty ? ends : first
  }
}
