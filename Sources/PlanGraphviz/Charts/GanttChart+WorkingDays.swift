import PlanGraph

extension GanttChart {
  /// A box placed on the chart's grid.
  struct Shape {
    var attributes: DOTAttributes
    var x: Double
    var y: Double
    var width: Double
    var height: Double
  }

  /// The tint of non-working days and the mark of make-up working days.
  static let nonWorkingTint = "#EEF2F7"
  static let makeUpMark = "#D9822B"
  /// Below this many points a day, days are not shaded: the tint would cover the chart in stripes.
  static let smallestShadedDay = 1.2

  /// Whether the chart shades working days: a plan with a `wd` duration, on an axis where a day is wide
  /// enough to see.
  func shadesWorkingDays(_ axis: GanttAxis) -> Bool {
    axis.scale >= Self.smallestShadedDay && context.plan.tasks.contains { $0.duration?.isWorkingDays == true }
  }

  /// One tinted column per run of non-working days (weekends and holidays) on the axis, and a short mark at
  /// the top of each make-up working day (a weekend day worked), for a plan that counts working days.
  func workingDayShading(axis: GanttAxis, top: Double, bottom: Double) -> [Shape] {
    guard shadesWorkingDays(axis) else { return [] }
    let work = WorkingDays(calendar: context.plan.calendar, span: axis.start.ordinal...axis.end.ordinal)
    var shapes: [Shape] = []
    var runStart: Int?
    func closeRun(at day: Int) {
      guard let first = runStart else { return }
      let left = axis.x(Day(ordinal: first))
      let right = axis.x(Day(ordinal: day))
      shapes.append(
        Shape(
          attributes: ["style": "filled", "fillcolor": .text(Self.nonWorkingTint)], x: (left + right) / 2,
          y: (top + bottom) / 2, width: right - left, height: bottom - top))
      runStart = nil
    }
    for day in axis.start.ordinal..<axis.end.ordinal {
      if work.isWorking(day) {
        closeRun(at: day)
        if Day(ordinal: day).isoWeekday >= 6 {
          let left = axis.x(Day(ordinal: day))
          let right = axis.x(Day(ordinal: day + 1))
          shapes.append(
            Shape(
              attributes: [
                "style": "filled", "fillcolor": .text(Self.makeUpMark),
                "tooltip": .text(LabelText.plain(context.text.makeUpWorkingDay + " " + Day(ordinal: day).iso)),
              ], x: (left + right) / 2, y: top + 2, width: max(1.5, right - left), height: 4))
        }
      } else if runStart == nil {
        runStart = day
      }
    }
    closeRun(at: axis.end.ordinal)
    return shapes
  }

  /// The legend's words for the shading, when the chart shades.
  func workingDayLegend(_ axis: GanttAxis) -> [ChartHeader.Entry] {
    guard shadesWorkingDays(axis) else { return [] }
    return [
      ChartHeader.Entry(
        sample: "<FONT COLOR=\"#C5D0DE\"><B>█</B></FONT>", words: context.text.nonWorkingDays),
      ChartHeader.Entry(
        sample: "<FONT COLOR=\"\(Self.makeUpMark)\"><B>▀</B></FONT>", words: context.text.makeUpWorkingDay),
    ]
  }
}
