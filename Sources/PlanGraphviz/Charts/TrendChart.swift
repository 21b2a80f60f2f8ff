import PlanGraph

/// One report of a milestone trend: a revision of the plan and the day it was scheduled as of.
public struct TrendReport: Hashable, Sendable {
  /// A short name under the axis (a commit's short id).
  public var label: String
  /// The report date.
  public var day: Day

  /// Creates a report.
  public init(label: String, day: Day) {
    self.label = label
    self.day = day
  }
}

/// One task's line of a milestone trend: its forecast finish at each report (nil where it did not exist).
public struct TrendSeries: Hashable, Sendable {
  /// The task's name.
  public var name: String
  /// The forecast finish per report, parallel to `TrendData.reports`.
  public var forecasts: [Day?]

  /// Creates a series.
  public init(name: String, forecasts: [Day?]) {
    self.name = name
    self.forecasts = forecasts
  }
}

/// What a milestone trend chart shows: reports across, one line of forecasts per task.
public struct TrendData: Hashable, Sendable {
  /// The chart's title.
  public var title: String
  /// The reports, oldest first.
  public var reports: [TrendReport]
  /// The tasks' lines.
  public var series: [TrendSeries]

  /// Creates the data.
  public init(title: String, reports: [TrendReport], series: [TrendSeries]) {
    self.title = title
    self.reports = reports
    self.series = series
  }
}

/// The milestone trend analysis chart: report date across (one column per revision), forecast finish
/// up, one line per task, and the diagonal where the forecast meets the report date — a line that
/// climbs is a slipping milestone, a flat one is on course.
///
/// Every node is pinned by `pos` (`layout=nop`), as in the Gantt chart, so the drawing is the same on
/// every run and the DOT text can be compared with a golden file.
public struct TrendChart: Sendable {
  /// The data drawn.
  public let data: TrendData
  /// The language of the words.
  public let language: Language
  /// The font family.
  public let fontName: String

  /// Creates the chart.
  public init(_ data: TrendData, language: Language, fontName: String = ChartOptions.defaultFont) {
    self.data = data
    self.language = language
    self.fontName = fontName
  }

  static let left = 90.0
  static let top = 30.0
  static let plotHeight = 420.0
  static let columnWidth = 90.0
  static let colors = ["#1F77B4", "#D62728", "#2CA02C", "#9467BD", "#FF7F0E", "#8C564B", "#E377C2", "#17BECF"]
  /// The markers of the lines, with the glyph the legend shows for each: two tasks drawn in the same place
  /// still differ in shape, and a line's colour is not its only mark.
  static let markers: [(shape: String, width: String, glyph: String)] = [
    ("circle", "0.09", "●"), ("box", "0.08", "■"), ("diamond", "0.12", "◆"), ("triangle", "0.12", "▲"),
    ("invtriangle", "0.12", "▼"),
  ]
  /// How far apart, in points, the markers of tasks with the same forecast at the same revision are drawn.
  static let coincidentOffset = 4.0

  /// The chart as a DOT graph with pinned positions.
  public func build() -> DOTGraph {
    let plotWidth = max(360, Double(data.reports.count) * Self.columnWidth)
    let days = data.series.flatMap { $0.forecasts.compactMap { $0 } } + data.reports.map(\.day)
    let low = Day.firstDay(
      ofMonth: (days.min() ?? Day(ordinal: 0)).components.month,
      year: (days.min() ?? Day(ordinal: 0)).year)
    let highDay = days.max() ?? Day(ordinal: 0)
    let high = Day.lastDay(ofMonth: highDay.components.month, year: highDay.year)
    let span = Double(max(1, high.days(since: low) + 1))
    func x(_ column: Int) -> Double {
      Self.left + (Double(column) + 0.5) * plotWidth / Double(max(1, data.reports.count))
    }
    func y(_ day: Day) -> Double { Self.top + Self.plotHeight - Double(day.days(since: low)) / span * Self.plotHeight }
    let bottom = Self.top + Self.plotHeight
    let right = Self.left + plotWidth

    var graph = DOTGraph(name: LabelText.name(data.title))
    graph.attributes = [
      "fontname": .text(fontName), "bgcolor": "white", "pad": "0.4", "charset": "UTF-8", "layout": "nop",
      "splines": "line", "outputorder": "nodesfirst", "labelloc": "t", "labeljust": "l", "fontsize": "14",
      "label": .html(legend()),
    ]
    graph.nodeDefaults = [
      "fontname": .text(fontName), "fontsize": "10", "shape": "box", "fixedsize": "true", "label": "",
      "penwidth": "0",
    ]
    graph.edgeDefaults = ["arrowhead": "none", "penwidth": "2"]
    var number = 0
    func add(_ attributes: DOTAttributes, x: Double, y: Double, width: Double, height: Double) {
      var all = attributes
      all["pos"] = .text(DecimalText.format(x) + "," + DecimalText.format(-y))
      all["width"] = .text(DecimalText.format(width / 72, places: 4))
      all["height"] = .text(DecimalText.format(height / 72, places: 4))
      graph.nodes.append(DOTNode("t\(number)", all))
      number += 1
    }

    // Month grid up the side, every `step` months so that about ten are labelled.
    let months = (high.year - low.year) * 12 + high.components.month - low.components.month + 1
    let step = max(1, (months + 9) / 10)
    for k in stride(from: 0, to: months + 1, by: step) {
      let month = (low.components.month - 1 + k) % 12 + 1
      let year = low.year + (low.components.month - 1 + k) / 12
      let day = Day.firstDay(ofMonth: month, year: year)
      guard day.days(since: low) <= Int(span) else { break }
      let atY = y(day)
      add(
        ["style": "filled", "fillcolor": "#DADADA"], x: (Self.left + right) / 2, y: atY, width: plotWidth, height: 0.6)
      add(
        ["shape": "plaintext", "label": .text(LabelText.plain(String(day.iso.prefix(7)))), "fontcolor": "#555555"],
        x: Self.left - 40, y: atY, width: 70, height: 14)
    }
    // Columns across: the report date and revision under each.
    for (column, report) in data.reports.enumerated() {
      add(
        ["style": "filled", "fillcolor": "#EEEEEE"], x: x(column), y: (Self.top + bottom) / 2, width: 0.6,
        height: Self.plotHeight)
      add(
        [
          "shape": "plaintext", "fontsize": "9",
          "label": .text(LabelText.plainLines([report.day.iso, report.label], alignment: .center)),
        ], x: x(column), y: bottom + 18, width: Self.columnWidth - 4, height: 26)
    }
    add(
      ["style": "filled", "fillcolor": "#777777"], x: Self.left, y: (Self.top + bottom) / 2, width: 1,
      height: Self.plotHeight)
    add(
      ["style": "filled", "fillcolor": "#777777"], x: (Self.left + right) / 2, y: bottom, width: plotWidth, height: 1)

    // The diagonal: forecast = report date.
    var previous: String?
    for (column, report) in data.reports.enumerated() where report.day >= low && report.day <= high {
      let name = "diag\(column)"
      graph.nodes.append(
        DOTNode(
          name,
          [
            "shape": "point", "width": "0.01",
            "pos": .text(DecimalText.format(x(column)) + "," + DecimalText.format(-y(report.day))),
          ]))
      if let previous {
        graph.edges.append(
          DOTEdge(from: previous, to: name, ["color": "#888888", "style": "dashed", "penwidth": "1.2"]))
      }
      previous = name
    }

    // One line per task. A point another task already has at that revision is moved up a little, so that
    // tasks with the same dates show as lines side by side, not one on top of the other.
    var taken: [Int: [Day: Int]] = [:]
    for (index, series) in data.series.enumerated() {
      let color = DOTValue.text(Self.colors[index % Self.colors.count])
      let marker = Self.markers[index % Self.markers.count]
      var last: String?
      for (column, forecast) in series.forecasts.enumerated() {
        guard let forecast, column < data.reports.count else {
          last = nil
          continue
        }
        let name = "s\(index)p\(column)"
        let before = taken[column, default: [:]][forecast, default: 0]
        taken[column, default: [:]][forecast] = before + 1
        let atY = y(forecast) - Double(before) * Self.coincidentOffset
        graph.nodes.append(
          DOTNode(
            name,
            [
              "shape": .text(marker.shape), "style": "filled", "fillcolor": color, "color": color,
              "width": .text(marker.width), "height": .text(marker.width),
              "pos": .text(DecimalText.format(x(column)) + "," + DecimalText.format(-atY)),
              "tooltip": .text(LabelText.plain(series.name + "\n" + data.reports[column].label + ": " + forecast.iso)),
            ]))
        if let last { graph.edges.append(DOTEdge(from: last, to: name, ["color": color])) }
        last = name
      }
    }
    if data.reports.isEmpty || data.series.isEmpty {
      add(
        ["shape": "plaintext", "label": .text(LabelText.plain(language.words.chart.nothingToDraw))],
        x: Self.left + 150, y: Self.top + 40, width: 200, height: 20)
    }
    return graph
  }

  /// The title and a key of the lines, as an HTML label.
  private func legend() -> String {
    var out = "<TABLE BORDER=\"0\" CELLPADDING=\"1\" CELLSPACING=\"0\">"
    out += "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\"><B>" + LabelText.html(data.title) + "</B></TD></TR>"
    out +=
      "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\"><FONT POINT-SIZE=\"10\">"
      + LabelText.html(
        language.words.chart.trendKey)
      + "</FONT></TD></TR>"
    // The key, then the name line by line: a name of several lines stays beside its key.
    for (index, series) in data.series.enumerated() {
      let glyph = Self.markers[index % Self.markers.count].glyph
      // One cell, its lines left-aligned (BALIGN), the later lines indented under the first: cells of their
      // own would share out the title's width and push the name away from its key.
      let lines = LabelText.lines(of: series.name).map(LabelText.html)
      out += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" COLSPAN=\"2\">"
      out += "<FONT COLOR=\"\(Self.colors[index % Self.colors.count])\"><B>━\(glyph)━</B></FONT> "
      out += "<FONT POINT-SIZE=\"10\">"
      out += lines.joined(separator: "<BR/>" + String(repeating: "&#160;", count: 8)) + "</FONT></TD></TR>"
    }
    return out + "</TABLE>"
  }
}
