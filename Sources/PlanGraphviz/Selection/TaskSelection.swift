import PlanGraph

/// The tasks a chart draws: the leaves the filter keeps, with summaries folded to one node where the
/// filter's depth or the collapse policy says, and the dependencies between what is drawn.
public struct TaskSelection: Sendable {
  /// The drawn tasks, as indices into `Plan.tasks`, in output order: leaves and folded summaries.
  public private(set) var nodes: [Int] = []
  /// For each drawn task, how many kept leaves it stands for (1 for a leaf).
  public private(set) var leafCounts: [Int: Int] = [:]
  /// The recurring duties the filter keeps, in output order; they are not graph nodes.
  public private(set) var duties: [Int] = []
  /// The leaves the filter keeps, folded or not, in output order: with `duties`, what the legend counts.
  public private(set) var keptLeaves: [Int] = []
  /// Dependencies between drawn tasks (or through junctions), critical ones marked.
  public private(set) var dependencies: [ChartDependency] = []
  /// With an owner filter: the other units' tasks that the drawn tasks depend on or that depend on them,
  /// drawn as small stubs so the links across units are not lost; in output order.
  public private(set) var stubs: [Int] = []
  /// The dependencies between stubs and drawn tasks (never critical: a stub is outside the chart).
  public private(set) var stubLinks: [ChartDependency] = []
  /// The junctions dependencies between two expanded summaries pass through.
  public private(set) var junctions: [ChartJunction] = []
  /// How summaries were folded, when they were.
  public private(set) var folding: Folding?
  /// Each task's level counted from the chart's top (1 for a top task or the filter's root).
  let levels: [Int]

  /// How summaries were folded.
  public struct Folding: Hashable, Sendable {
    /// Summaries at this level (counted from the chart's top) stand for everything below them.
    public var depth: Int
    /// Whether the collapse policy did it, rather than the filter's depth.
    public var automatic: Bool
    /// How many nodes there would be without folding.
    public var unfoldedCount: Int
  }

  /// Whether `task` is drawn as a folded summary.
  public func isFolded(_ task: Int) -> Bool {
    (leafCounts[task] ?? 0) > 0 && folded.contains(task)
  }

  /// The level of `task` counted from the chart's top.
  public func level(of task: Int) -> Int { levels[task] }

  private var folded: Set<Int> = []

  /// Selects what to draw of `plan` with `schedule` (for the critical flags) under `filter` and `collapse`.
  public init(plan: Plan, schedule: Schedule, filter: TaskFilter = TaskFilter(), collapse: CollapsePolicy = .standard) {
    let tasks = plan.tasks
    let tree = TaskTree(plan)
    let baseLevel = filter.root.map { tree.level[$0] - 1 } ?? 0
    levels = tree.level.map { $0 - baseLevel }
    let owners = filter.owner.map { plan.ownerSubtree($0) }

    func inScope(_ i: Int) -> Bool {
      if let root = filter.root, !tree.isWithin(i, root: root) { return false }
      if let owners {
        guard plan.isLedOrSupported(i, by: owners) else { return false }
      }
      return true
    }

    // The kept leaves, and how many are below each summary.
    var kept = [Bool](repeating: false, count: tasks.count)
    var keptBelow = [Int](repeating: 0, count: tasks.count)
    var maxLevel = 0
    for (i, task) in tasks.enumerated() {
      if task.isDuty {
        if !filter.criticalOnly && inScope(i) { duties.append(i) }
        continue
      }
      guard task.isLeaf, inScope(i), !filter.criticalOnly || schedule.tasks[i].isCritical else { continue }
      kept[i] = true
      keptLeaves.append(i)
      maxLevel = max(maxLevel, levels[i])
    }
    for i in stride(from: tasks.count - 1, through: 0, by: -1) {
      if kept[i] { keptBelow[i] += 1 }
      if let parent = tasks[i].parent, keptBelow[i] > 0 { keptBelow[parent] += keptBelow[i] }
    }

    // Nodes when folding at each depth: leaves above it, plus summaries on it with kept leaves below.
    var leavesAt = [Int](repeating: 0, count: maxLevel + 2)
    var summariesAt = [Int](repeating: 0, count: maxLevel + 2)
    for (i, task) in tasks.enumerated() where levels[i] >= 1 && levels[i] <= maxLevel {
      if kept[i] {
        leavesAt[levels[i]] += 1
      } else if task.isSummary && keptBelow[i] > 0 {
        summariesAt[levels[i]] += 1
      }
    }
    func count(atDepth depth: Int) -> Int {
      leavesAt[0...min(depth, maxLevel)].reduce(0, +) + (depth <= maxLevel ? summariesAt[depth] : 0)
    }
    let unfolded = count(atDepth: maxLevel)
    // A depth below 1 (which only the memberwise `TaskFilter` init lets through) counts as 1.
    var depth = filter.depth.map { min(max($0, 1), maxLevel) } ?? maxLevel
    var automatic = false
    if collapse.enabled && count(atDepth: depth) > collapse.threshold {
      var candidate = depth
      while candidate > 1 && count(atDepth: candidate) > collapse.threshold { candidate -= 1 }
      if candidate < depth {
        depth = candidate
        automatic = true
      }
    }
    if depth < maxLevel {
      folding = Folding(depth: depth, automatic: automatic, unfoldedCount: unfolded)
    }

    // Each kept leaf is drawn as itself or as its ancestor on the folding level.
    var representative = [Int](repeating: -1, count: tasks.count)
    var drawn = Set<Int>()
    for i in tasks.indices where kept[i] {
      let node = levels[i] > depth ? tree.ancestor(of: i, steps: levels[i] - depth) : i
      representative[i] = node
      leafCounts[node, default: 0] += 1
      if node != i { folded.insert(node) }
      drawn.insert(node)
    }
    nodes = drawn.sorted()

    var edges = DependencyEdges(
      plan: plan, representative: representative, drawn: drawn, folded: folded, keptBelow: keptBelow)
    edges.build(scope: { i in inScope(i) || (tasks[i].isSummary && keptBelow[i] > 0) })
    edges.markCritical(schedule.criticalPaths)
    dependencies = edges.dependencies
    junctions = edges.junctions

    // A unit's chart keeps its links to other units: their tasks, as stubs, on either side.
    guard owners != nil else { return }
    var stubSet = Set<Int>()
    var links = Set<ChartDependency>()
    for i in tasks.indices where kept[i] {
      for ref in tasks[i].after where !inScope(ref) && !tasks[ref].isDuty {
        stubSet.insert(ref)
        links.insert(ChartDependency(from: .task(ref), to: .task(representative[i]), isCritical: false))
      }
    }
    for j in tasks.indices where !inScope(j) && !tasks[j].isDuty {
      for ref in tasks[j].after where kept[ref] {
        stubSet.insert(j)
        links.insert(ChartDependency(from: .task(representative[ref]), to: .task(j), isCritical: false))
      }
    }
    stubs = stubSet.sorted()
    stubLinks = links.sorted { ($0.from.order, $0.to.order) < ($1.from.order, $1.to.order) }
  }
}

/// One end of a drawn dependency: a drawn task, or a junction.
public enum ChartEnd: Hashable, Sendable {
  /// A drawn task, by index into `Plan.tasks`.
  case task(Int)
  /// A junction, by index into `TaskSelection.junctions`.
  case junction(Int)
}

/// A drawn dependency: `from` must finish before `to` starts.
public struct ChartDependency: Hashable, Sendable {
  /// The predecessor's end.
  public var from: ChartEnd
  /// The successor's end.
  public var to: ChartEnd
  /// Whether a critical path runs along it.
  public var isCritical: Bool
}

/// Where the dependency of one expanded summary on another meets, so that m × n leaves need m + n edges.
public struct ChartJunction: Hashable, Sendable {
  /// The task that must finish first (a summary or a leaf), by index.
  public var after: Int
  /// The task that waits (a summary or a leaf), by index.
  public var before: Int
}

extension ChartEnd {
  /// A sort key: tasks by index, junctions after them.
  var order: Int {
    switch self {
    case .task(let task): return task
    case .junction(let index): return Int(Int32.max) + index
    }
  }
}
