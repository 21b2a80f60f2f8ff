import PlanGraph

/// The roadmap: a spine of quarters (or years) left to right, one swimlane per organisation, and in
/// each lane one card per period listing the tasks due in it (by deadline, else planned finish).
///
/// Each card is one HTML-table node, held in its period's column by a `rank=same` group that crosses
/// the lanes' clusters (which is why `newrank` must be on). Long cards wrap into several columns.
struct TimelineChart {
  let context: ChartContext

  init(_ context: ChartContext) {
    self.context = context
  }

  /// Most rows in one column of a card before it wraps into another.
  static let rowsPerColumn = 16
  /// What a lane counts for in the folding budget besides its cards: its cluster as four nodes and
  /// its two invisible anchors.
  static let laneCost = 6
  /// Most tasks listed in one card (eight columns); a fuller card ends with how many more it holds.
  static let maximumCardTasks = 128
  /// Widest task name in a card, in display columns.
  static let nameWidth = 28

  /// The day a task is placed by: its deadline, else its planned finish, else its forecast.
  func date(of task: Int) -> Day {
    let row = context.schedule.tasks[task]
    return row.deadline ?? row.finish ?? row.forecastFinish ?? context.schedule.asOf
  }

  func build() -> DOTGraph {
    let palette = context.palette
    let language = context.options.language
    let asOf = context.schedule.asOf
    let tasks = context.selection.nodes
    let unit = TimePeriod.unit(for: tasks.map(date(of:)) + [asOf])
    let asOfPeriod = TimePeriod(unit, containing: asOf)

    // Lanes in the graph chart's order, cards by period.
    var lanes = ClusterLayout(context: context.withClusters(.organisation))
    var byLane: [ClusterLayout.Key: [TimePeriod: [Int]]] = [:]
    for task in tasks {
      let key = lanes.key(of: task)
      lanes.register(key)
      byLane[key, default: [:]][TimePeriod(unit, containing: date(of: task)), default: []].append(task)
    }
    let laneOrder = lanes.organisationOrder()
    var periods = Set(byLane.values.flatMap(\.keys))
    periods.insert(asOfPeriod)
    let spine = spinePeriods(periods.sorted())

    var graph = DOTGraph(name: context.graphName)
    graph.attributes = context.baseAttributes().merging([
      "rankdir": "LR", "ranksep": "0.25", "nodesep": "0.18", "labelloc": "t", "labeljust": "l",
      "fontsize": "14", "splines": "false",
      "label": ChartHeader(context: context).label(extraEntries: legendEntries(asOf: asOf)),
    ])
    graph.nodeDefaults = ["fontname": .text(context.options.fontName), "fontsize": "11", "shape": "plaintext"]
    graph.edgeDefaults = ["fontname": .text(context.options.fontName)]

    // The spine: period headers joined by arrows, with a gap marker where periods are left out.
    var spineNodes: [DOTNode] = []
    var previous: String?
    var ranks: [String: [String]] = [:]
    for entry in spine {
      let name: String
      switch entry {
      case .period(let period):
        name = "period:" + period.key
        spineNodes.append(DOTNode(name, periodAttributes(period, isAsOf: period == asOfPeriod, language: language)))
        ranks[period.key, default: []].append(name)
      case .gap(let after):
        name = "gap:" + after.key
        spineNodes.append(DOTNode(name, ["label": "⋯", "fontsize": "20", "fontcolor": .text(palette.frame)]))
      }
      if let previous {
        graph.edges.append(
          DOTEdge(
            from: previous, to: name,
            ["color": .text(palette.frame), "penwidth": "2.5", "arrowsize": "0.8", "weight": "100"]))
      }
      previous = name
    }

    // Each lane holds an invisible node in the first and the last column, so that every lane spans
    // the whole spine and the lanes stack as rows instead of sharing one where they do not overlap.
    let firstKey = spine.first.flatMap { entry -> String? in
      if case .period(let period) = entry { return period.key }
      return nil
    }
    let lastKey = spine.last.flatMap { entry -> String? in
      if case .period(let period) = entry { return period.key }
      return nil
    }
    let (shownLanes, foldedLanes) = lanesWithinBudget(laneOrder, byLane: byLane, spineCount: spine.count)
    var clusters: [DOTSubgraph] = []
    var laneCards: [(name: String, attributes: DOTAttributes, cards: [TimePeriod: [Int]])] = shownLanes.map {
      (lanes.clusterName($0), lanes.clusterAttributes($0), byLane[$0] ?? [:])
    }
    if !foldedLanes.isEmpty {
      var cards: [TimePeriod: [Int]] = [:]
      for key in foldedLanes {
        for (period, tasks) in byLane[key] ?? [:] { cards[period, default: []] += tasks }
      }
      var attributes = lanes.clusterAttributes(.noOwner)
      let title = language.words.chart.moreOrganisations(foldedLanes.count)
      attributes["label"] = .html("<FONT POINT-SIZE=\"15\"><B>" + LabelText.html(title) + "</B></FONT>")
      laneCards.append(("cluster_other_lanes", attributes, cards))
    }
    for (laneName, laneAttributes, cards) in laneCards {
      var lane = DOTSubgraph(name: laneName, attributes: laneAttributes)
      for (end, period) in [("start", firstKey), ("end", lastKey)] where firstKey != lastKey {
        guard let period else { continue }
        let name = "\(end):\(laneName)"
        lane.nodes.append(DOTNode(name, ["style": "invis", "label": "", "width": "0.1", "height": "0.1"]))
        ranks[period, default: []].append(name)
      }
      for period in cards.keys.sorted() {
        let name = "card:\(laneName):\(period.key)"
        let sorted = (cards[period] ?? []).sorted { (date(of: $0), $0) < (date(of: $1), $1) }
        lane.nodes.append(DOTNode(name, ["label": .html(card(sorted))]))
        ranks[period.key, default: []].append(name)
      }
      clusters.append(lane)
    }
    // dot stacks sibling clusters bottom to top under rankdir=LR: lanes go in reverse, the spine
    // last, to read top down with the spine on top.
    graph.subgraphs = clusters.reversed()
    graph.subgraphs.append(
      DOTSubgraph(name: "cluster_spine", attributes: ["style": "invis", "label": ""], nodes: spineNodes))
    for entry in spine {
      guard case .period(let period) = entry, let members = ranks[period.key] else { continue }
      graph.subgraphs.append(
        DOTSubgraph(name: "rank:" + period.key, attributes: ["rank": "same"], nodes: members.map { DOTNode($0) }))
    }
    if tasks.isEmpty {
      graph.nodes.append(DOTNode("empty", ["label": .text(LabelText.plain(context.text.noTasks))]))
    }
    return graph
  }

  /// A spine entry: a period, or the mark of periods left out after one.
  private enum SpineEntry {
    case period(TimePeriod)
    case gap(after: TimePeriod)
  }

  /// The periods in order, with a gap marker wherever periods without tasks are left out.
  private func spinePeriods(_ periods: [TimePeriod]) -> [SpineEntry] {
    var entries: [SpineEntry] = []
    for (index, period) in periods.enumerated() {
      if index > 0 && periods[index - 1].next != period { entries.append(.gap(after: periods[index - 1])) }
      entries.append(.period(period))
    }
    return entries
  }

  private func periodAttributes(_ period: TimePeriod, isAsOf: Bool, language: Language) -> DOTAttributes {
    let palette = context.palette
    var html = "<TABLE BORDER=\"\(isAsOf ? 3 : 1)\" COLOR=\"\(isAsOf ? palette.asOf : palette.frame)\""
    html += " CELLBORDER=\"0\" CELLPADDING=\"4\" BGCOLOR=\"#EDEDED\">"
    html += "<TR><TD><FONT POINT-SIZE=\"15\"><B>" + LabelText.html(period.label(language)) + "</B></FONT></TD></TR>"
    if isAsOf {
      html += "<TR><TD><FONT COLOR=\"\(palette.asOf)\"><B>"
      html += LabelText.html("▼ " + context.text.asOf(context.schedule.asOf)) + "</B></FONT></TD></TR>"
    }
    html += "</TABLE>"
    return ["label": .html(html)]
  }

  private func legendEntries(asOf: Day) -> [ChartHeader.Entry] {
    let palette = context.palette
    let text = context.text
    return [
      ChartHeader.Entry(sample: "<FONT COLOR=\"\(palette.asOf)\"><B>▼</B></FONT>", words: text.asOf(asOf)),
      ChartHeader.Entry(sample: "<B>▌</B>", words: text.criticalTask),
    ]
  }

  /// The lanes drawn, and those folded into one lane of "N more organisations": the folding budget
  /// (the collapse policy's threshold) counts every node dot lays out — the spine's, each lane's cluster
  /// (as `laneCost`) and its cards — because lanes, not tasks, are what make dot slow here. The
  /// lanes with the most tasks are kept, in reading order.
  func lanesWithinBudget(
    _ order: [ClusterLayout.Key], byLane: [ClusterLayout.Key: [TimePeriod: [Int]]], spineCount: Int
  ) -> (shown: [ClusterLayout.Key], folded: [ClusterLayout.Key]) {
    let present = order.filter { byLane[$0] != nil }
    // A lane's cluster costs dot as much as several nodes: it is counted as four, with two anchors.
    let cost = { (key: ClusterLayout.Key) in Self.laneCost + (byLane[key]?.count ?? 0) }
    let policy = context.options.collapse
    let total = spineCount + present.reduce(0) { $0 + cost($1) }
    guard policy.enabled, total > policy.threshold, present.count > 1 else { return (present, []) }
    let size = { (key: ClusterLayout.Key) in byLane[key]?.values.reduce(0) { $0 + $1.count } ?? 0 }
    let ranked = present.enumerated().sorted { a, b in
      let (sa, sb) = (size(a.element), size(b.element))
      return sa != sb ? sa > sb : a.offset < b.offset
    }
    // Room for the folded lane: its cluster, anchors and a card per period at most.
    var left = policy.threshold - spineCount - (Self.laneCost + spineCount)
    var kept = Set<ClusterLayout.Key>()
    for (_, key) in ranked {
      guard cost(key) <= left else { break }
      kept.insert(key)
      left -= cost(key)
    }
    return (present.filter { kept.contains($0) }, present.filter { !kept.contains($0) })
  }

  /// A card: the tasks of one lane and period, a row each (sign, name, date), wrapped into columns.
  private func card(_ all: [Int]) -> String {
    let palette = context.palette
    // A card lists at most `maximumCardTasks`, the last row saying how many more it stands for.
    let tasks = all.count > Self.maximumCardTasks ? Array(all.prefix(Self.maximumCardTasks - 1)) : all
    let columns = (tasks.count + Self.rowsPerColumn - 1) / Self.rowsPerColumn
    let rows = (tasks.count + columns - 1) / columns
    var html = "<TABLE BORDER=\"1\" COLOR=\"\(palette.frame)\" BGCOLOR=\"white\" CELLBORDER=\"0\""
    html += " CELLSPACING=\"0\" CELLPADDING=\"2\">"
    for r in 0..<rows {
      html += "<TR>"
      for c in 0..<columns {
        let i = c * rows + r
        if i < tasks.count {
          html += cells(for: tasks[i])
        } else {
          html += "<TD COLSPAN=\"3\"> </TD>"
        }
        if c < columns - 1 { html += "<TD WIDTH=\"8\"> </TD>" }
      }
      html += "</TR>"
    }
    if tasks.count < all.count {
      let more = context.options.language.words.chart.more(all.count - tasks.count)
      let span = columns * 3 + columns - 1
      html += "<TR><TD COLSPAN=\"\(span)\" ALIGN=\"LEFT\"><I>" + LabelText.html(more) + "</I></TD></TR>"
    }
    return html + "</TABLE>"
  }

  /// One task's cells: a status sign, the name, and its date (with the forecast when it slips a deadline).
  private func cells(for task: Int) -> String {
    let row = context.schedule.tasks[task]
    let look = context.palette.look(row.status)
    let name = context.oneLineName(of: task, width: Self.nameWidth, foldedWidth: Self.nameWidth - 8)
    let day = date(of: task)
    var when = row.deadline != nil ? context.text.deadline(day) : context.text.plannedFinish(day)
    if let deadline = row.deadline, let forecast = row.forecastFinish, forecast > deadline, row.status != .done {
      when += " → " + context.text.forecast(forecast)
    }
    let critical = row.isCritical
    var border = critical ? " BORDER=\"2\" COLOR=\"\(context.palette.critical)\" SIDES=\"L\"" : ""
    if let light = context.lightColor(of: task) {
      // The warning light outlines the sign cell: a thick bar on its left, critical or not.
      border = " BORDER=\"\(critical ? 4 : 3)\" COLOR=\"\(light)\" SIDES=\"L\""
    }
    let open = "<FONT COLOR=\"\(look.text)\">" + (critical ? "<B>" : "")
    let close = (critical ? "</B>" : "") + "</FONT>"
    var html = "<TD BGCOLOR=\"\(look.fill)\"\(border)>" + open + LabelText.html(look.sign) + close + "</TD>"
    html += "<TD ALIGN=\"LEFT\" BGCOLOR=\"\(look.fill)\">" + open + LabelText.html(name) + close + "</TD>"
    html += "<TD ALIGN=\"LEFT\" BGCOLOR=\"\(look.fill)\"><FONT POINT-SIZE=\"9\" COLOR=\"\(look.text)\">"
    html += LabelText.html(when) + "</FONT></TD>"
    return html
  }
}
