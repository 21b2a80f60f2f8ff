import PlanGraph

/// The time axis of the Gantt chart: which days it covers, how many points a day takes, and its ticks.
///
/// The axis ends where 95% of the rows have ended (at least a month after the as-of date), rounded up
/// to a tick: one task running six years must not squeeze every other bar into a sliver. Rows that
/// run on are cut at the axis's end and say where they end.
struct GanttAxis {
  /// The first day shown.
  let start: Day
  /// The day after the last day shown.
  let end: Day
  /// Points per day.
  let scale: Double
  /// Where the axis begins on the page, in points.
  let origin: Double

  /// A tick: a boundary day and the words over the period it opens.
  struct Tick {
    var day: Day
    var label: String
    /// Whether it opens a larger period (a year, or a quarter), drawn darker.
    var isMajor: Bool
    var majorLabel: String?
  }

  /// The tick unit: `.month`, `.quarter` or `.year`.
  let unit: Recurrence

  /// An axis for rows spanning `starts`…`ends`, with `asOf` always in view, `width` points wide from `origin`.
  init(starts: [Day], ends: [Day], asOf: Day, planStart: Day, width: Double, origin: Double) {
    let first = min(starts.min() ?? planStart, asOf, planStart)
    let sortedEnds = ends.sorted()
    let latest = sortedEnds.last ?? asOf
    var bound = sortedEnds.isEmpty ? asOf : sortedEnds[min(sortedEnds.count - 1, sortedEnds.count * 95 / 100)]
    bound = max(bound, asOf.adding(days: 30))
    // No cutting when the last row ends soon after the bound anyway.
    if latest.days(since: first) <= bound.days(since: first) * 6 / 5 { bound = latest }
    let months = bound.days(since: first) / 30
    unit = months <= 20 ? .month : (months <= 72 ? .quarter : .year)
    start = unit.period(containing: first).lowerBound
    // The first period boundary on or after the day after `bound`.
    let after = bound.adding(days: 1)
    let period = unit.period(containing: after)
    end = period.lowerBound == after ? after : period.upperBound.adding(days: 1)
    self.origin = origin
    scale = width / Double(max(1, end.days(since: start)))
  }

  /// The page x of the start of `day`, clamped to the axis.
  func x(_ day: Day) -> Double {
    let clamped = min(max(day, start), end)
    return origin + Double(clamped.days(since: start)) * scale
  }

  /// The page x of the axis's end.
  var endX: Double { x(end) }

  /// The ticks from the start to the end, each with its label.
  func ticks(_ language: Language) -> [Tick] {
    var ticks: [Tick] = []
    // `start` and `end` are period boundaries: one tick per period between them.
    for number in unit.index(of: start)..<unit.index(of: end) {
      let day = unit.period(at: number).lowerBound
      let (year, month, _) = day.components
      let tick: Tick
      switch unit {
      case .month:
        let label = language.words.chart.month(month)
        let major = month == 1 || ticks.isEmpty
        tick = Tick(
          day: day, label: label, isMajor: month == 1, majorLabel: major ? language.words.chart.year(year) : nil)
      case .quarter:
        let quarter = (month - 1) / 3 + 1
        let major = quarter == 1 || ticks.isEmpty
        tick = Tick(
          day: day, label: "Q\(quarter)", isMajor: quarter == 1,
          majorLabel: major ? language.words.chart.year(year) : nil)
      default:  // .year: the axis takes no other unit
        tick = Tick(day: day, label: language.words.chart.year(year), isMajor: true, majorLabel: nil)
      }
      ticks.append(tick)
    }
    return ticks
  }

}
