import PlanGraph

/// The title block every chart carries: the plan's title, the chart's name and date, and the legend.
struct ChartHeader {
  let context: ChartContext

  /// One legend entry that is not a status: its sample (HTML) and its words.
  struct Entry {
    var sample: String
    var words: String
  }

  /// The graph label: title, subtitle and a legend row with a count per status; `part`, when given,
  /// follows the plan's title (the battle map of one task's subtree names that task).
  func label(extraEntries: [Entry], note: String? = nil, part: String? = nil) -> DOTValue {
    let text = context.text
    let selection = context.selection
    // The leaves and duties inside the selection, folded or not: the counts every other output shows.
    let counts = StatusCounts(
      plan: context.plan, schedule: context.schedule, tasks: selection.keptLeaves + selection.duties)
    let language = context.options.language

    var subtitle = [
      text.chartName(context.kind, byUnit: context.options.byUnit), text.asOf(context.schedule.asOf),
      counts.scope(language),
    ]
    // A unit's own chart says whose it is.
    if let owner = context.options.filter.owner {
      subtitle.insert(ReportText.ownerPath(owner, in: context.plan), at: 0)
    }
    if let folding = selection.folding { subtitle.append(text.folding(folding, shown: selection.nodes.count)) }
    if let note { subtitle.append(note) }

    var cells: [String] = []
    for status in StatusPalette.legendOrder {
      let look = context.palette.look(status)
      let words = "\(look.sign) " + counts.entry(status, language)
      cells.append(
        "<TD BGCOLOR=\"\(look.fill)\" COLOR=\"\(look.border)\" BORDER=\"\(look.peripheries > 1 ? 3 : 1)\""
          + cellStyle(look) + "><FONT COLOR=\"\(look.text)\">" + LabelText.html(words) + "</FONT></TD>")
    }
    if counts.missedOccurrences > 0 || counts.markedBlocked > 0 {
      let extra = language.words.chart.legendExtra((counts.missedOccurrences, counts.markedBlocked))
      cells.append("<TD>" + LabelText.html(extra) + "</TD>")
    }
    for entry in extraEntries {
      cells.append("<TD>" + entry.sample + " " + LabelText.html(entry.words) + "</TD>")
    }
    // The warning lights outlining the tasks, when drawn: a swatch and the level's word each.
    if let rules = context.options.warningRules {
      cells.append("<TD>" + LabelText.html(context.options.language.words.chart.warningLabel) + "</TD>")
      for (n, level) in rules.levels.enumerated() {
        cells.append(
          "<TD><FONT COLOR=\"\(level.hexColor)\"><B>▣</B></FONT> "
            + LabelText.html(rules.word(.level(n), context.options.language)) + "</TD>")
      }
    }
    let span = " COLSPAN=\"\(cells.count)\""
    var html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"5\" CELLPADDING=\"4\">"
    html += "<TR><TD ALIGN=\"LEFT\"\(span)><FONT POINT-SIZE=\"24\"><B>"
    html += LabelText.html(context.plan.title + (part.map { " · " + $0 } ?? "")) + "</B></FONT></TD></TR>"
    html += "<TR><TD ALIGN=\"LEFT\"\(span)><FONT POINT-SIZE=\"15\" COLOR=\"\(context.palette.secondaryText)\">"
    html += LabelText.html(subtitle.joined(separator: " · ")) + "</FONT></TD></TR>"
    html += "<TR>" + cells.joined() + "</TR></TABLE>"
    return .html(html)
  }

  private func cellStyle(_ look: StatusPalette.Look) -> String {
    if look.borderStyle.contains("dashed") { return " STYLE=\"dashed\"" }
    if look.borderStyle.contains("dotted") { return " STYLE=\"dotted\"" }
    return ""
  }
}
