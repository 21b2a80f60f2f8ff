import PlanGraph

/// The Gantt chart: one row per task in plan order (summaries as brackets over their tasks), bars on a
/// time axis filled by status, deadlines marked, forecast slips drawn on, and a line at the as-of date.
///
/// Every node is placed by its `pos` attribute (`layout=nop`, Graphviz's `neato -n`), so the chart is a
/// drawing on a fixed grid: rows of `rowHeight` points, names and owners on the left, the axis on the right.
struct GanttChart {
  let context: ChartContext

  init(_ context: ChartContext) {
    self.context = context
  }

  static let rowHeight = 15.0
  static let barHeight = 9.0
  static let nameWidth = 300.0
  static let ownerWidth = 110.0
  static let axisWidth = 950.0
  static let headerHeight = 58.0
  static let indentPerLevel = 10.0
  /// Levels below this one are indented no further, so that a deeply nested name keeps 190 points.
  static let deepestIndentedLevel = 12
  static let runOnWidth = 140.0

  /// One row: a drawn task, or an expanded summary over drawn tasks.
  private struct Row {
    var task: Int
    var isBracket: Bool
  }

  func build() -> DOTGraph {
    let plan = context.plan
    let schedule = context.schedule
    let palette = context.palette
    let language = context.options.language
    let rows = self.rows()

    let axisOrigin = Self.nameWidth + Self.ownerWidth + 16
    var starts: [Day] = []
    var ends: [Day] = []
    for row in rows {
      let line = schedule.tasks[row.task]
      if let start = line.start { starts.append(start) }
      if let end = [line.finish, line.forecastFinish, line.deadline].compactMap({ $0 }).max() { ends.append(end) }
    }
    let axis = GanttAxis(
      starts: starts, ends: ends, asOf: schedule.asOf, planStart: plan.start, width: Self.axisWidth,
      origin: axisOrigin)
    let top = Self.headerHeight
    let bottom = top + Double(rows.count) * Self.rowHeight
    let right = axis.endX + Self.runOnWidth

    var graph = DOTGraph(name: context.graphName)
    graph.attributes = context.baseAttributes().merging([
      // Every node stays where its `pos` puts it: the graph says so itself, in DOT text too.
      "layout": "nop", "splines": "line", "outputorder": "nodesfirst", "labelloc": "t", "labeljust": "l",
      "fontsize": "14",
      "label": ChartHeader(context: context).label(extraEntries: legendEntries() + workingDayLegend(axis)),
    ])
    graph.nodeDefaults = [
      "fontname": .text(context.options.fontName), "fontsize": "10", "shape": "box", "fixedsize": "true",
      "label": "", "penwidth": "0",
    ]
    graph.edgeDefaults = ["fontname": .text(context.options.fontName), "arrowhead": "none"]
    var nodes: [DOTNode] = []
    var number = 0
    func add(_ attributes: DOTAttributes, x: Double, y: Double, width: Double, height: Double) {
      var all = attributes
      all["pos"] = .text(DecimalText.format(x) + "," + DecimalText.format(-y))
      all["width"] = .text(DecimalText.format(width / 72, places: 4))
      all["height"] = .text(DecimalText.format(height / 72, places: 4))
      nodes.append(DOTNode("g\(number)", all))
      number += 1
    }

    // Stripes first, so that everything else is drawn over them.
    for index in stride(from: 1, to: rows.count, by: 2) {
      let y = top + (Double(index) + 0.5) * Self.rowHeight
      add(["style": "filled", "fillcolor": "#F3F3F3"], x: right / 2, y: y, width: right, height: Self.rowHeight)
    }

    // Non-working days of a working-day plan, in a light tint; make-up working days marked on top.
    for shape in workingDayShading(axis: axis, top: top, bottom: bottom) {
      add(shape.attributes, x: shape.x, y: shape.y, width: shape.width, height: shape.height)
    }

    // Grid and tick labels.
    let ticks = axis.ticks(language)
    for (index, tick) in ticks.enumerated() {
      let x = axis.x(tick.day)
      let next = index + 1 < ticks.count ? axis.x(ticks[index + 1].day) : axis.endX
      let color = tick.isMajor ? "#A8A8A8" : "#DADADA"
      add(
        ["style": "filled", "fillcolor": .text(color)], x: x, y: (top - 14 + bottom) / 2, width: 0.8,
        height: bottom - top + 14)
      add(
        ["shape": "plaintext", "label": .text(LabelText.plain(tick.label)), "fontcolor": .text(palette.frame)],
        x: (x + next) / 2, y: top - 8, width: max(4, next - x), height: 14)
      if let major = tick.majorLabel {
        add(
          ["shape": "plaintext", "label": .html(leftAligned("<B>" + LabelText.html(major) + "</B>", width: 80))],
          x: x + 42, y: top - 26, width: 84, height: 16)
      }
    }
    add(
      ["style": "filled", "fillcolor": "#A8A8A8"], x: axis.endX, y: (top + bottom) / 2, width: 0.8,
      height: bottom - top)

    // Rows: name, owner, bar, slip, deadline, run-on note.
    var previousOwner: String?
    for (index, row) in rows.enumerated() {
      let y = top + (Double(index) + 0.5) * Self.rowHeight
      let task = plan.tasks[row.task]
      let line = schedule.tasks[row.task]
      let look = palette.look(line.status)
      let level = min(context.selection.level(of: row.task), Self.deepestIndentedLevel)
      let indent = Double(max(0, level - 1)) * Self.indentPerLevel
      let columns = Int((Self.nameWidth - indent) / 5.8)
      let name = context.oneLineName(of: row.task, width: columns, foldedWidth: columns - 6)
      var nameHTML = LabelText.html(name)
      if row.isBracket || line.isCritical { nameHTML = "<B>" + nameHTML + "</B>" }
      add(
        ["shape": "plaintext", "label": .html(leftAligned(nameHTML, width: Self.nameWidth - indent - 4))],
        x: indent + (Self.nameWidth - indent) / 2, y: y, width: Self.nameWidth - indent, height: Self.rowHeight)
      // The owner only where it changes: rows of one owner read as a block.
      let owner = task.owner.map { plan.owners[$0].name } ?? ""
      if owner != previousOwner && !owner.isEmpty {
        add(
          [
            "shape": "plaintext",
            "label": .html(
              leftAligned(
                "<FONT COLOR=\"\(palette.secondaryText)\">"
                  + LabelText.html(TextWrap.line(owner, width: Int(Self.ownerWidth / 5.8))) + "</FONT>",
                width: Self.ownerWidth - 4)),
          ], x: Self.nameWidth + 8 + Self.ownerWidth / 2, y: y, width: Self.ownerWidth, height: Self.rowHeight)
      }
      previousOwner = owner

      guard let start = line.start, let finish = line.finish else { continue }
      let barStart = axis.x(start)
      let isMilestone = task.isMilestone
      let barEnd = axis.x(isMilestone ? start : finish.adding(days: 1))
      let tooltip = DOTValue.text(LabelText.tooltip(task.name + "\n" + start.iso + " → " + finish.iso))
      if row.isBracket {
        add(
          ["style": "filled", "fillcolor": .text(palette.frame), "tooltip": tooltip],
          x: (barStart + barEnd) / 2, y: y, width: max(1.5, barEnd - barStart), height: 4)
      } else if isMilestone {
        add(
          [
            "shape": "diamond", "style": "filled", "fillcolor": .text(look.fill), "color": .text(look.border),
            "penwidth": line.isCritical ? "2.5" : "1", "tooltip": tooltip,
          ], x: barStart, y: y, width: 11, height: 11)
      } else {
        var style = ["filled"] + look.borderStyle.filter { $0 != "diagonals" }
        if line.status == .blocked { style.append("striped") }
        add(
          [
            "style": .text(style.joined(separator: ",")), "fillcolor": .text(look.fill),
            "color": .text(line.isCritical ? palette.critical : look.border),
            "penwidth": line.isCritical ? "2.5" : (look.peripheries > 1 ? "1.8" : "1"),
            "tooltip": tooltip,
          ], x: (barStart + barEnd) / 2, y: y, width: max(2, barEnd - barStart), height: Self.barHeight)
      }
      // The forecast beyond the planned finish: a line, strong where it breaks a deadline.
      if !row.isBracket, let forecast = line.forecastFinish, forecast > finish, line.status != .done {
        let slipEnd = axis.x(forecast.adding(days: 1))
        let strong = line.status == .overdue || line.status == .atRisk
        if slipEnd > barEnd + 1 {
          add(
            ["style": "filled", "fillcolor": .text(strong ? look.border : "#ABABAB")], x: (barEnd + slipEnd) / 2,
            y: y, width: slipEnd - barEnd, height: strong ? 3 : 1.2)
        }
      }
      // Deadlines on the axis get a marker; past its end, they are written after it, with the last day.
      var runOn: [String] = []
      let lastDay = [finish, line.forecastFinish].compactMap { $0 }.max() ?? finish
      if lastDay >= axis.end { runOn.append("▶ " + lastDay.iso) }
      if !row.isBracket, let deadline = line.deadline {
        if deadline < axis.end {
          add(
            [
              "shape": "invtriangle", "style": "filled", "fillcolor": .text(palette.asOf), "color": "black",
              "penwidth": "0.6",
            ], x: axis.x(deadline.adding(days: 1)), y: y - Self.rowHeight / 2 + 3.5, width: 8, height: 6)
        } else {
          runOn.append("▼ " + deadline.iso)
        }
      }
      if !runOn.isEmpty {
        let html =
          "<FONT POINT-SIZE=\"9\" COLOR=\"\(palette.frame)\">" + LabelText.html(runOn.joined(separator: " "))
          + "</FONT>"
        add(
          ["shape": "plaintext", "label": .html(leftAligned(html, width: Self.runOnWidth - 8))],
          x: axis.endX + Self.runOnWidth / 2 + 2, y: y, width: Self.runOnWidth - 4, height: Self.rowHeight)
      }
    }

    // The as-of line, dashed, over the whole chart, with its date on top.
    let asOfX = axis.x(schedule.asOf)
    nodes.append(
      DOTNode(
        "asof:top",
        [
          "shape": "point", "width": "0.01",
          "pos": .text(DecimalText.format(asOfX) + "," + DecimalText.format(-(top - 42))),
        ]))
    nodes.append(
      DOTNode(
        "asof:bottom",
        [
          "shape": "point", "width": "0.01",
          "pos": .text(DecimalText.format(asOfX) + "," + DecimalText.format(-bottom)),
        ]))
    add(
      [
        "shape": "plaintext",
        "label": .html(
          leftAligned(
            "<FONT COLOR=\"\(palette.asOf)\"><B>" + LabelText.html(context.text.asOf(schedule.asOf)) + "</B></FONT>",
            width: 130)),
      ], x: asOfX + 70, y: top - 48, width: 136, height: 16)
    graph.edges.append(
      DOTEdge(
        from: "asof:top", to: "asof:bottom",
        ["color": .text(palette.asOf), "style": "dashed", "penwidth": "1.8"]))
    graph.nodes = nodes
    if rows.isEmpty {
      graph.nodes.append(
        DOTNode(
          "empty",
          [
            "shape": "plaintext", "pos": "200,-60", "width": "3", "height": "0.4",
            "label": .text(LabelText.plain(context.text.noTasks)),
          ]))
    }
    return graph
  }

  /// HTML for text left-aligned in a box `width` points wide.
  private func leftAligned(_ html: String, width: Double) -> String {
    let w = DecimalText.format(width, places: 0)
    return "<TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\" FIXEDSIZE=\"TRUE\" WIDTH=\"\(w)\" HEIGHT=\"14\">"
      + "<TR><TD ALIGN=\"LEFT\" FIXEDSIZE=\"TRUE\" WIDTH=\"\(w)\" HEIGHT=\"14\">" + html + "</TD></TR></TABLE>"
  }

  /// The rows in plan order: every drawn task, and each summary above one (unless folded) as a bracket.
  private func rows() -> [Row] {
    let plan = context.plan
    let selection = context.selection
    var brackets = Set<Int>()
    for task in selection.nodes {
      var ancestor = plan.tasks[task].parent
      while let current = ancestor, selection.level(of: current) >= 1, brackets.insert(current).inserted {
        ancestor = plan.tasks[current].parent
      }
    }
    let drawn = Set(selection.nodes)
    var rows: [Row] = []
    for index in plan.tasks.indices where drawn.contains(index) || brackets.contains(index) {
      rows.append(Row(task: index, isBracket: !drawn.contains(index)))
    }
    return rows
  }

  private func legendEntries() -> [ChartHeader.Entry] {
    let palette = context.palette
    let text = context.text
    return [
      ChartHeader.Entry(
        sample: "<FONT COLOR=\"\(palette.asOf)\"><B>┆</B></FONT>", words: text.asOf(context.schedule.asOf)),
      ChartHeader.Entry(sample: "<FONT COLOR=\"\(palette.asOf)\">▼</FONT>", words: text.deadlineMark),
      ChartHeader.Entry(sample: "<B>━</B>", words: text.forecastSlip),
      ChartHeader.Entry(sample: "<B>▭</B>", words: text.criticalTask),
    ]
  }
}
