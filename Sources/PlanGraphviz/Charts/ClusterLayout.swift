import PlanGraph

/// Sorts a chart's nodes into clusters, one per organisation or one per summary (nested), and builds
/// the subgraphs in output order without recursion.
struct ClusterLayout {
  /// Which cluster a node belongs in.
  enum Key: Hashable {
    /// Outside any cluster.
    case root
    /// The cluster of an organisation, by owner index.
    case organisation(Int)
    /// The cluster of tasks without an owner.
    case noOwner
    /// The cluster of a summary, by task index.
    case summary(Int)
  }

  let context: ChartContext
  private var order: [Key] = []
  private var nodes: [Key: [DOTNode]] = [:]

  init(context: ChartContext) {
    self.context = context
  }

  /// The cluster of a task (or of a duty or junction placed by a task).
  func key(of task: Int) -> Key {
    let plan = context.plan
    switch context.options.clusterBy {
    case .organisation:
      guard let owner = plan.tasks[task].owner else { return .noOwner }
      return .organisation(plan.organisation(of: owner))
    case .summary:
      // Inside a folded summary, a task goes where the folded summary is drawn.
      var placed = task
      var ancestor = plan.tasks[task].parent
      while let current = ancestor, context.selection.level(of: current) >= 1 {
        if context.selection.isFolded(current) { placed = current }
        ancestor = plan.tasks[current].parent
      }
      guard let parent = plan.tasks[placed].parent, context.selection.level(of: parent) >= 1 else { return .root }
      return .summary(parent)
    }
  }

  /// Puts `node` in the cluster `key`.
  mutating func place(_ node: DOTNode, key: Key) {
    register(key)
    nodes[key, default: []].append(node)
  }

  /// Makes the cluster `key` exist, empty if nothing is placed in it.
  mutating func register(_ key: Key) {
    guard nodes[key] == nil else { return }
    order.append(key)
    nodes[key] = []
  }

  /// The node names of each cluster (and of the nodes outside any), in reading order.
  func groups() -> [[String]] {
    var keys = order
    if context.options.clusterBy == .summary {
      keys.sort { a, b in position(a) < position(b) }
    } else {
      keys = (nodes[.root] == nil ? [] : [.root]) + organisationOrder()
    }
    return keys.map { (nodes[$0] ?? []).map(\.name) }
  }

  private func position(_ key: Key) -> Int {
    switch key {
    case .root: return -1
    case .summary(let task): return task
    case .organisation, .noOwner: return .max
    }
  }

  /// Organisation clusters in reading order: first those owning a task at the chart's top, in plan
  /// order (the organisations whose plans these are), then the others as their tasks first appear.
  func organisationOrder() -> [Key] {
    let plan = context.plan
    var first: [Key] = []
    for (i, task) in plan.tasks.enumerated() where context.selection.level(of: i) == 1 {
      guard let owner = task.owner else { continue }
      let key = Key.organisation(plan.organisation(of: owner))
      if nodes[key] != nil && !first.contains(key) { first.append(key) }
    }
    return first + order.filter { $0 != .root && !first.contains($0) }
  }

  /// The clusters with their nodes, nested for summaries, and the nodes outside any cluster.
  ///
  /// Sibling clusters come in reverse reading order: under `rankdir=LR` dot stacks them bottom to top.
  func subgraphs() -> (subgraphs: [DOTSubgraph], rootNodes: [DOTNode]) {
    let plan = context.plan
    guard context.options.clusterBy == .summary else {
      let clusters = organisationOrder().map { key in
        DOTSubgraph(name: clusterName(key), attributes: clusterAttributes(key), nodes: nodes[key] ?? [])
      }
      return (clusters.reversed(), nodes[.root] ?? [])
    }
    // Every summary holding something, with its ancestors up to the chart's top.
    var summaries = Set<Int>()
    for key in order {
      guard case .summary(var current) = key else { continue }
      while summaries.insert(current).inserted, let parent = plan.tasks[current].parent,
        context.selection.level(of: parent) >= 1
      {
        current = parent
      }
    }
    var built: [Int: DOTSubgraph] = [:]
    var children: [Int: [Int]] = [:]
    var top: [Int] = []
    for summary in summaries.sorted() {
      if let parent = plan.tasks[summary].parent, summaries.contains(parent) {
        children[parent, default: []].append(summary)
      } else {
        top.append(summary)
      }
    }
    // Children have larger indices than their parents: build from the end, inner clusters first.
    for summary in summaries.sorted().reversed() {
      let key = Key.summary(summary)
      let inner = (children[summary] ?? []).reversed().compactMap { built.removeValue(forKey: $0) }
      built[summary] = DOTSubgraph(
        name: clusterName(key), attributes: clusterAttributes(key), nodes: nodes[key] ?? [], subgraphs: inner)
    }
    return (top.reversed().compactMap { built[$0] }, nodes[.root] ?? [])
  }

  /// The cluster's subgraph name.
  func clusterName(_ key: Key) -> String {
    switch key {
    case .root: return "root"
    case .organisation(let owner): return "cluster_owner_\(owner)"
    case .noOwner: return "cluster_no_owner"
    case .summary(let task): return "cluster_task_\(task)"
    }
  }

  /// The cluster's frame and title.
  func clusterAttributes(_ key: Key) -> DOTAttributes {
    let palette = context.palette
    let plan = context.plan
    var title: String
    var detail = ""
    var fill = palette.laneFill
    switch key {
    case .root: return [:]
    case .organisation(let owner): title = plan.owners[owner].name
    case .noOwner: title = context.text.noOwner
    case .summary(let task):
      title = TextWrap.line(plan.tasks[task].name, width: 48)
      let row = context.schedule.tasks[task]
      detail = palette.look(row.status).sign + " " + context.text.status(row)
      if context.selection.level(of: task) % 2 == 0 { fill = "white" }
    }
    var html = "<FONT POINT-SIZE=\"15\"><B>" + LabelText.html(title) + "</B></FONT>"
    if !detail.isEmpty {
      html += "  <FONT POINT-SIZE=\"11\" COLOR=\"\(palette.secondaryText)\">" + LabelText.html(detail) + "</FONT>"
    }
    return [
      "label": .html(html), "labeljust": "l", "style": "rounded,filled", "fillcolor": .text(fill),
      "color": .text(palette.frame), "penwidth": "1.2", "margin": "12",
    ]
  }
}
