import PlanGraph

/// The battle map (挂图作战): one row per owner unit, one column per period, each task a card in the
/// column of its deadline (its planned finish when it has none), showing its warning light and a flag
/// for done (✔) and overdue (⚑). `render --chart timeline --by unit`.
///
/// Drawn as one HTML-table node, so that the grid's rows and columns line up exactly whatever the
/// cards hold.
struct BattleMapChart {
  let context: ChartContext

  init(_ context: ChartContext) {
    self.context = context
  }

  /// The widest a card's name line is, in columns (a CJK character counts two).
  static let nameWidth = 18

  func build() -> DOTGraph {
    let plan = context.plan
    let schedule = context.schedule
    let language = context.options.language
    let tasks = context.selection.nodes.filter { !plan.tasks[$0].isSummary || context.selection.isFolded($0) }
    let day = { (task: Int) -> Day in
      let row = schedule.tasks[task]
      return row.deadline ?? row.finish ?? row.forecastFinish ?? schedule.asOf
    }
    let unit = TimePeriod.unit(for: tasks.map(day) + [schedule.asOf])
    var byUnit: [Int: [TimePeriod: [Int]]] = [:]
    var periods: Set<TimePeriod> = [TimePeriod(unit, containing: schedule.asOf)]
    for task in tasks {
      let owner = plan.tasks[task].owner ?? -1
      let period = TimePeriod(unit, containing: day(task))
      periods.insert(period)
      byUnit[owner, default: [:]][period, default: []].append(task)
    }
    let columns = periods.sorted()
    let asOfPeriod = TimePeriod(unit, containing: schedule.asOf)
    let rows = plan.owners.indices.filter { byUnit[$0] != nil } + (byUnit[-1] != nil ? [-1] : [])

    // Cards side by side in a cell: as many as the column's busiest cell puts in a row, about the square
    // root of `cardsPerRowFactor` (2: a row wider than tall, as a landscape sheet is) times its number,
    // so that the other cells of a column widened by one busy unit use that width and keep their
    // rows low.
    var perRow: [TimePeriod: Int] = [:]
    for cells in byUnit.values {
      for (period, cards) in cells {
        let wanted = max(1, Int((context.options.cardsPerRowFactor * Double(cards.count)).squareRoot().rounded(.up)))
        perRow[period] = max(perRow[period] ?? 1, wanted)
      }
    }
    let frame = context.palette.frame
    var html = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\" COLOR=\"\(frame)\">"
    html += "<TR><TD BGCOLOR=\"#E8E8E8\"><B>" + LabelText.html(language.words.chart.unit) + "</B></TD>"
    for period in columns {
      let isAsOf = period == asOfPeriod
      html += "<TD BGCOLOR=\"\(isAsOf ? "#FFF2CC" : "#E8E8E8")\"><B>" + LabelText.html(period.label(language))
      html += isAsOf ? " ▼" : ""
      html += "</B></TD>"
    }
    html += "</TR>"
    for owner in rows {
      let name = owner < 0 ? language.words.noOwner : ownerName(owner)
      html += "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BGCOLOR=\"#F7F7F7\"><B>"
      html += TextWrap.lines(name, width: 16, maxLines: 4).map(LabelText.html).joined(separator: "<BR/>")
      html += "</B></TD>"
      for period in columns {
        let cards = byUnit[owner]?[period] ?? []
        html += "<TD VALIGN=\"TOP\">"
        if !cards.isEmpty {
          let perRow = perRow[period] ?? 1
          html += "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"0\">"
          for start in stride(from: 0, to: cards.count, by: perRow) {
            html += "<TR>"
            for task in cards[start..<min(start + perRow, cards.count)] {
              html += "<TD VALIGN=\"TOP\">" + card(task) + "</TD>"
            }
            // A row of fewer cards than the column holds is filled with empty cells: Graphviz spreads
            // a cell's spare width over its table's columns, and would otherwise stretch these cards
            // across the column.
            if start == 0 && cards.count < perRow {
              html += String(repeating: "<TD></TD>", count: perRow - cards.count)
            }
            html += "</TR>"
          }
          html += "</TABLE>"
        }
        html += "</TD>"
      }
      html += "</TR>"
    }
    html += "</TABLE>"

    var graph = DOTGraph(name: context.graphName)
    graph.attributes = context.baseAttributes().merging([
      "labelloc": "t", "labeljust": "l",
      // A subtree's map (`--root`) names its task after the plan's title.
      "label": ChartHeader(context: context).label(
        extraEntries: legendEntries(), part: context.options.filter.root.map { plan.tasks[$0].name }),
    ])
    graph.nodeDefaults = ["fontname": .text(context.options.fontName), "fontsize": "11", "shape": "plaintext"]
    graph.nodes = [DOTNode("battle-map", ["label": .html(html), "margin": "0"])]
    return graph
  }

  /// A task's card: its flag and name on the status fill, its date below, framed in its light's colour.
  private func card(_ task: Int) -> String {
    let row = context.schedule.tasks[task]
    let look = context.palette.look(row.status)
    let light = context.lightColor(of: task) ?? look.border
    let flag = row.status == .done ? "✔ " : row.status == .overdue ? "⚑ " : ""
    let lines = TextWrap.lines(context.plan.tasks[task].name, width: Self.nameWidth, maxLines: 3)
    var text = "<FONT COLOR=\"\(look.text)\">" + (flag.isEmpty ? "" : "<B>" + LabelText.html(flag) + "</B>")
    text += lines.map(LabelText.html).joined(separator: "<BR ALIGN=\"LEFT\"/>") + "<BR ALIGN=\"LEFT\"/>"
    let day = row.deadline ?? row.finish
    var when = day.map { context.text.deadline($0) } ?? ""
    if let days = row.daysOverdue { when += context.options.language.words.chart.daysLate(days) }
    text += "<FONT POINT-SIZE=\"8\">" + LabelText.html(when) + "</FONT></FONT>"
    return "<TABLE BORDER=\"2\" COLOR=\"\(light)\" CELLBORDER=\"0\" CELLPADDING=\"3\" BGCOLOR=\"\(look.fill)\">"
      + "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + text + "</TD></TR></TABLE>"
  }

  private func ownerName(_ owner: Int) -> String {
    let plan = context.plan
    guard let parent = plan.owners[owner].parent else { return plan.owners[owner].name }
    return plan.owners[plan.organisation(of: parent)].name + " / " + plan.owners[owner].name
  }

  /// The legend's extra entries: the flags (the header adds the warning levels).
  private func legendEntries() -> [ChartHeader.Entry] {
    let language = context.options.language
    return [
      ChartHeader.Entry(sample: "<B>✔</B>", words: ScheduleStatus.done.label(language)),
      ChartHeader.Entry(sample: "<B>⚑</B>", words: ScheduleStatus.overdue.label(language)),
    ]
  }
}
