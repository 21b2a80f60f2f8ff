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
    var clusters: [DOTSubgraph] = []
    for key in laneOrder {
      guard let cards = byLane[key] else { continue }
      var lane = DOTSubgraph(name: lanes.clusterName(key), attributes: lanes.clusterAttributes(key))
      for (end, period) in [("start", firstKey), ("end", lastKey)] where firstKey != lastKey {
        guard let period else { continue }
        let name = "\(end):\(lanes.clusterName(key))"
        lane.nodes.append(DOTNode(name, ["style": "invis", "label": "", "width": "0.1", "height": "0.1"]))
        ranks[period, default: []].append(name)
      }
      for period in cards.keys.sorted() {
        let name = "card:\(lanes.clusterName(key)):\(period.key)"
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

  /// A card: the tasks of one lane and period, a row each (sign, name, date), wrapped into columns.
  private func card(_ tasks: [Int]) -> String {
    let palette = context.palette
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
