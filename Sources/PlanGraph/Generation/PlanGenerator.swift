/// Generates realistic plans of any size, deterministically: organisations with units, programmes and
/// phases as summary tasks, long dependency chains with cross-links, durations of days to months,
/// a tenth of the leaves with deadlines, a fifth done, and a few recurring duties.
///
/// Used by `plangraph generate`, the benchmarks and the tests of large plans.
public struct PlanGenerator: Sendable {
  /// The output syntax.
  public enum Format: String, CaseIterable, Sendable {
    case yaml, json
  }

  /// How many tasks to generate, summaries and duties included.
  public var taskCount: Int
  /// The seed: the same seed and settings give the same bytes.
  public var seed: UInt64
  /// Extra cross-links per leaf on average, besides the chains (0 for chains only).
  public var dependencies: Double
  /// YAML or JSON.
  public var format: Format

  /// Creates a generator.
  public init(taskCount: Int, seed: UInt64 = 1, dependencies: Double = 1, format: Format = .yaml) {
    self.taskCount = max(0, taskCount)
    self.seed = seed
    self.dependencies = max(0, dependencies)
    self.format = format
  }

  /// The plan start of every generated plan.
  public static let planStart = Day(ordinal: 18_262)  // 2020-01-01

  private static let verbs = ["完善", "建立", "推进", "加强", "落实", "健全", "开展", "改进", "培育", "统筹"]
  private static let objects = [
    "机构设置", "工作机制", "队伍建设", "阵地建设", "联系制度", "考核评价", "网上平台", "经费保障", "宣传引导", "基层组织",
  ]

  /// One generated task, before it is written out.
  private struct Node {
    var id: String
    var name: String
    var parent: Int?
    var depth: Int
    var owner: String
    var isSummary = false
    var every: String?
    var duration = 0
    var after: [String] = []
    var deadline: Day?
    var done: Day?
    var hasChildren = false
  }

  /// The plan's text.
  public func generate() -> [UInt8] {
    var random = SeededRandom(seed: seed)
    let organisations = max(1, min(40, taskCount / 5_000 + 2))
    var nodes: [Node] = []
    nodes.reserveCapacity(taskCount)
    // Rough earliest ends, to give deadlines and done dates that make sense.
    var estimatedEnd: [Int] = []
    estimatedEnd.reserveCapacity(taskCount)
    let start = Self.planStart.ordinal
    var fullIDs: [String] = []
    fullIDs.reserveCapacity(taskCount)

    func fullID(_ index: Int) -> String { fullIDs[index] }
    func add(_ node: Node) -> Int {
      let id = node.parent.map { fullIDs[$0] + "." + node.id } ?? node.id
      fullIDs.append(id)
      nodes.append(node)
      estimatedEnd.append(start)
      if let parent = node.parent { nodes[parent].hasChildren = true }
      return nodes.count - 1
    }

    // Programmes run in parallel, one after another in the file; each is a sequence of phases whose
    // leaves form short chains, linked across to the previous phase of their own programme or the same
    // phase of another: long enough chains to matter, a span of a few years whatever the size.
    var programme = 0
    var samePhase: [Int: [Int]] = [:]  // phase number → leaves of that phase in earlier programmes
    while nodes.count < taskCount {
      let org = "org\(programme % organisations)"
      let top = add(
        Node(id: "p\(programme)", name: "第\(programme + 1)项改革任务", parent: nil, depth: 0, owner: org, isSummary: true))
      var previousPhase: Int?
      var previousLeaves: [Int] = []
      for phaseNumber in 0..<10 where nodes.count < taskCount {
        let phase = add(
          Node(
            id: "ph\(phaseNumber)", name: "第\(phaseNumber + 1)阶段", parent: top, depth: 1,
            owner: "\(org).u\(random.below(4))", isSummary: true))
        // A phase usually waits for the one before: a reference to a summary.
        if let previousPhase, random.chance(50) {
          nodes[phase].after.append(fullID(previousPhase))
          estimatedEnd[phase] = estimatedEnd[previousPhase]
        }
        let phaseReady = estimatedEnd[phase]
        var previousLeaf: Int?
        var thisPhase: [Int] = []
        let size = 5 + random.below(31)
        for k in 0..<size where nodes.count < taskCount {
          if random.below(1000) < 3 {
            _ = add(
              Node(
                id: "d\(k)", name: "例行工作\(k + 1)", parent: phase, depth: 2, owner: "\(org).u\(random.below(4))",
                every: ["week", "month", "quarter", "half-year", "year"][random.below(5)]))
            continue
          }
          let days = [0, 1, 3, 5, 7, 10, 14, 14, 21, 30, 30, 45, 60, 90][random.below(14)]
          var node = Node(
            id: "t\(k)", name: Self.verbs[random.below(10)] + Self.objects[random.below(10)] + "\(k + 1)",
            parent: phase, depth: 2, owner: "\(org).u\(random.below(4))", duration: days)
          var ready = phaseReady
          if let previousLeaf, random.chance(35) {
            node.after.append(nodes[previousLeaf].id)
            ready = max(ready, estimatedEnd[previousLeaf])
          }
          // Cross-links by full id, always to leaves written earlier, so never a cycle.
          var links = Int(dependencies)
          if random.below(100) < Int((dependencies - Double(links)) * 100) { links += 1 }
          for _ in 0..<links {
            let pool = random.chance(70) ? previousLeaves : samePhase[phaseNumber] ?? []
            guard !pool.isEmpty else { continue }
            let target = pool[pool.count - 1 - random.below(min(pool.count, 200))]
            let reference = fullID(target)
            if !node.after.contains(reference) && target != previousLeaf {
              node.after.append(reference)
              ready = max(ready, estimatedEnd[target])
            }
          }
          let index = add(node)
          estimatedEnd[index] = ready + days
          estimatedEnd[phase] = max(estimatedEnd[phase], estimatedEnd[index])
          thisPhase.append(index)
          previousLeaf = index
          if random.chance(10) {
            let margin = random.below(150)
            nodes[index].deadline = Day(ordinal: min(estimatedEnd[index] + margin, start + 60_000))
          }
          // Work early in the plan is mostly done: about a fifth of the leaves.
          if estimatedEnd[index] - start < 360, random.chance(75) {
            nodes[index].done = Day(ordinal: max(start, estimatedEnd[index] - 1 + random.below(21) - 7))
          }
        }
        samePhase[phaseNumber, default: []] += thisPhase
        if (samePhase[phaseNumber]?.count ?? 0) > 4_000 { samePhase[phaseNumber]?.removeFirst(2_000) }
        previousLeaves = thisPhase
        previousPhase = phase
      }
      programme += 1
    }
    var writer = PlanTextWriter(format: format)
    writer.begin(title: "生成的计划（\(taskCount) 项任务，种子 \(seed)）", start: Self.planStart)
    writer.owners(organisations: organisations, unitsEach: 4)
    writer.beginTasks()
    for index in nodes.indices {
      let n = nodes[index]
      writer.task(
        PlanTextWriter.TaskFields(
          id: n.id, name: n.name, owner: n.owner, duration: n.isSummary || n.every != nil ? nil : n.duration,
          after: n.after, deadline: n.deadline, done: n.done, every: n.every, depth: n.depth,
          hasChildren: n.hasChildren))
    }
    writer.end()
    return writer.takeBytes()
  }
}
