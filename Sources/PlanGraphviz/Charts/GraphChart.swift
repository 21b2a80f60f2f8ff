import PlanGraph

/// The dependency graph: one node per drawn task, filled by status, in one cluster per organisation
/// (or per summary), dependencies left to right, critical ones thick, with a title and a legend.
///
/// Tasks without dependencies would all share dot's first rank, one tall column; they are laid in rows
/// of a grid with invisible edges instead, so the chart keeps a readable shape.
struct GraphChart {
  let context: ChartContext

  init(_ context: ChartContext) {
    self.context = context
  }

  /// Widest name line, in display columns (a Chinese character is two).
  static let nameWidth = 24
  /// Width of every task's label, in points.
  static let labelWidth = 156

  func build() -> DOTGraph {
    let text = context.text
    let palette = context.palette
    let selection = context.selection
    var graph = DOTGraph(name: context.graphName)
    graph.attributes = context.baseAttributes().merging([
      "rankdir": "LR",
      "ranksep": "0.3",
      "nodesep": "0.15",
      "fontsize": "14",
      "labelloc": "t",
      "labeljust": "l",
      "outputorder": "edgesfirst",
      "label": ChartHeader(context: context).label(extraEntries: legendEntries()),
    ])
    graph.nodeDefaults = [
      "fontname": .text(context.options.fontName), "fontsize": "10.5", "shape": "box", "margin": "0.08,0.04",
      "penwidth": "1.2",
    ]
    graph.edgeDefaults = [
      "fontname": .text(context.options.fontName), "color": .text(palette.dependency), "penwidth": "1.2",
      "arrowsize": "0.7",
    ]

    var layout = ClusterLayout(context: context)
    for task in selection.nodes { layout.place(node(for: task), key: layout.key(of: task)) }
    for duties in dutyCards() { layout.place(duties.node, key: duties.key) }
    for (index, junction) in selection.junctions.enumerated() {
      let node = DOTNode(
        Self.junctionName(index),
        ["shape": "point", "width": "0.09", "color": .text(palette.dependency), "label": ""])
      layout.place(node, key: layout.key(of: junction.before))
    }

    var touched = Set<String>()
    for dependency in selection.dependencies {
      let from = name(of: dependency.from)
      let to = name(of: dependency.to)
      touched.insert(from)
      touched.insert(to)
      var attributes: DOTAttributes = [:]
      if dependency.isCritical {
        attributes = [
          "color": .text(palette.critical), "penwidth": .text(DecimalText.format(palette.criticalWidth)),
        ]
      }
      if case .junction = dependency.to { attributes["arrowhead"] = "none" }
      graph.edges.append(DOTEdge(from: from, to: to, attributes))
    }
    // Other units' tasks linked to this unit's: small grey stubs naming their owner, dashed links.
    for stub in selection.stubs {
      let task = context.plan.tasks[stub]
      let owner = task.owner.map { ReportText.ownerPath($0, in: context.plan) } ?? text.noOwner
      graph.nodes.append(
        DOTNode(
          task.fullID,
          [
            "label": .text(LabelText.plain(task.name + " · " + owner)), "style": "filled,dashed", "fontsize": "8.5",
            "fillcolor": "#EEEEEE", "color": "#A0A0A0", "fontcolor": "#606060", "tooltip": .text(task.fullID),
          ]))
    }
    for link in selection.stubLinks {
      graph.edges.append(
        DOTEdge(from: name(of: link.from), to: name(of: link.to), ["style": "dashed", "color": "#A0A0A0"]))
    }
    let (subgraphs, rootNodes) = layout.subgraphs()
    graph.edges += GridPacking(groups: layout.groups(), connected: touched).edges()
    graph.subgraphs = subgraphs
    graph.nodes = rootNodes + graph.nodes
    if selection.nodes.isEmpty {
      graph.nodes.append(DOTNode("empty", ["shape": "plaintext", "label": .text(LabelText.plain(text.noTasks))]))
    }
    return graph
  }

  static func junctionName(_ index: Int) -> String { "junction:\(index)" }

  private func name(of end: ChartEnd) -> String {
    switch end {
    case .task(let task): return context.plan.tasks[task].fullID
    case .junction(let index): return Self.junctionName(index)
    }
  }

  private func legendEntries() -> [ChartHeader.Entry] {
    let text = context.text
    let palette = context.palette
    return [
      ChartHeader.Entry(
        sample: "<FONT COLOR=\"\(palette.critical)\"><B>━━▶</B></FONT>", words: text.criticalDependency),
      ChartHeader.Entry(sample: "<FONT COLOR=\"\(palette.dependency)\">──▶</FONT>", words: text.dependency),
      ChartHeader.Entry(sample: "◆", words: text.milestone),
    ]
  }

  /// A task's node: name, owner unit, status with deadline and forecast; filled by status.
  ///
  /// Clustered by organisation, a task the organisation itself owns shows no owner line: the
  /// cluster's title names it.
  private func node(for task: Int) -> DOTNode {
    let plan = context.plan
    let text = context.text
    let row = context.schedule.tasks[task]
    let planTask = plan.tasks[task]
    let look = context.palette.look(row.status)
    let folded = context.selection.isFolded(task)

    var name = TextWrap.lines(planTask.name, width: Self.nameWidth, maxLines: 3)
    if planTask.isMilestone, !name.isEmpty { name[0] = "◆ " + name[0] }
    // One width for all, so that the grid's columns line up without ragged gaps.
    var html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\" WIDTH=\"\(Self.labelWidth)\">"
    for line in name {
      html += "<TR><TD ALIGN=\"LEFT\" CELLPADDING=\"1\"><B>" + LabelText.html(line) + "</B></TD></TR>"
    }

    var owner: [String] = []
    if folded, let count = context.selection.leafCounts[task] { owner.append(text.foldedTasks(count)) }
    if let unit = planTask.owner {
      let isOrganisation = context.options.clusterBy == .organisation && plan.owners[unit].parent == nil
      if !isOrganisation { owner.append(plan.owners[unit].name) }
    } else if context.options.clusterBy == .summary {
      owner.append(text.noOwner)
    }
    if !owner.isEmpty {
      html += small(regular: TextWrap.line(owner.joined(separator: " · "), width: Self.nameWidth + 6))
    }

    // Status and dates on one line when short (most tasks), else dates on a line of their own.
    var status = [look.sign + " " + text.status(row)]
    if row.isCritical { status.append(text.critical) }
    var dates: [String] = []
    if let deadline = row.deadline { dates.append(text.deadline(deadline)) }
    if row.status == .done, let on = row.finishedOn {
      dates.append(text.finishedOn(on))
    } else if let forecast = row.forecastFinish, row.status != .cancelled {
      dates.append(text.forecast(forecast))
    }
    let statusText = status.joined(separator: " · ")
    if dates.count <= 1 && status.count == 1 {
      html += small(bold: statusText, regular: dates.first)
    } else {
      html += small(bold: statusText)
      if !dates.isEmpty { html += small(regular: dates.joined(separator: " · ")) }
    }
    html += "</TABLE>"

    var styles = look.borderStyle
    if !styles.contains("diagonals") && !folded { styles.insert("rounded", at: 0) }
    styles.insert("filled", at: 0)
    var attributes: DOTAttributes = [
      "label": .html(html),
      "style": .text(styles.joined(separator: ",")),
      "fillcolor": .text(look.fill),
      "color": .text(row.isCritical ? context.palette.critical : look.border),
      "fontcolor": .text(look.text),
      "tooltip": .text(LabelText.tooltip(planTask.fullID + "\n" + planTask.name)),
    ]
    if folded { attributes["shape"] = "box3d" }
    if look.peripheries > 1 { attributes["peripheries"] = .text(String(look.peripheries)) }
    if row.isCritical { attributes["penwidth"] = .text(DecimalText.format(context.palette.criticalWidth)) }
    if let light = context.lightColor(of: task) {
      // The warning light is the outline, thick enough to read; critical tasks stay the thickest.
      attributes["color"] = .text(light)
      attributes["penwidth"] = .text(
        DecimalText.format(row.isCritical ? context.palette.criticalWidth + 1 : context.palette.criticalWidth))
    }
    return DOTNode(planTask.fullID, attributes)
  }

  /// A small line: `bold` words (the status), then `regular` ones (dates, owners), joined by " · ".
  private func small(bold: String? = nil, regular: String? = nil) -> String {
    let words = [bold.map { "<B>" + LabelText.html($0) + "</B>" }, regular.map(LabelText.html)].compactMap { $0 }
    return "<TR><TD ALIGN=\"LEFT\" CELLPADDING=\"1\"><FONT POINT-SIZE=\"9\">" + words.joined(separator: " · ")
      + "</FONT></TD></TR>"
  }

  /// One card per cluster listing its recurring duties, which are not part of the dependency graph.
  private func dutyCards() -> [(key: ClusterLayout.Key, node: DOTNode)] {
    let plan = context.plan
    let text = context.text
    var order: [ClusterLayout.Key] = []
    var byKey: [ClusterLayout.Key: [Int]] = [:]
    let layout = ClusterLayout(context: context)
    for duty in context.selection.duties {
      let key = layout.key(of: duty)
      if byKey[key] == nil { order.append(key) }
      byKey[key, default: []].append(duty)
    }
    return order.enumerated().map { number, key in
      var html = "<TABLE BORDER=\"1\" COLOR=\"\(context.palette.frame)\" CELLBORDER=\"0\" CELLSPACING=\"0\""
      html += " CELLPADDING=\"3\" BGCOLOR=\"white\">"
      html += "<TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\"><B>" + LabelText.html(text.recurringDuties) + "</B></TD></TR>"
      for duty in byKey[key] ?? [] {
        let row = context.schedule.tasks[duty]
        let look = context.palette.look(row.status)
        let every = plan.tasks[duty].recurrence.map(text.every) ?? ""
        var state = look.sign + " " + row.status.label(context.options.language)
        if let missed = row.occurrences?.missed, missed > 0 { state = look.sign + " " + text.missed(missed) }
        if row.isBlocked && row.status != .blocked {
          state += " · " + ScheduleStatus.blocked.label(context.options.language)
        }
        html += "<TR><TD ALIGN=\"LEFT\">" + LabelText.html(TextWrap.line(plan.tasks[duty].name, width: 30))
        html += "</TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(context.palette.secondaryText)\">"
        html += LabelText.html(every) + "</FONT></TD>"
        html += "<TD ALIGN=\"LEFT\" BGCOLOR=\"\(look.fill)\"><FONT COLOR=\"\(look.text)\">" + LabelText.html(state)
        html += "</FONT></TD></TR>"
      }
      html += "</TABLE>"
      return (key, DOTNode("duties:\(number)", ["shape": "plaintext", "margin": "0", "label": .html(html)]))
    }
  }
}
