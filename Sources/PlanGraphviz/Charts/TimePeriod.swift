import PlanGraph

/// A column of the roadmap: a calendar quarter or year, numbered as `Recurrence` numbers periods.
struct TimePeriod: Hashable, Comparable {
  /// `.quarter` or `.year`.
  let unit: Recurrence
  /// The period's number, `unit.index(of:)` of its days.
  let index: Int

  /// The period of `unit` containing `day`.
  init(_ unit: Recurrence, containing day: Day) {
    self.unit = unit
    index = unit.index(of: day)
  }

  private init(unit: Recurrence, index: Int) {
    self.unit = unit
    self.index = index
  }

  /// The period after this one.
  var next: TimePeriod { TimePeriod(unit: unit, index: index + 1) }

  /// The year and, for a quarter, its number (1–4); nil for a year.
  private var yearAndQuarter: (year: Int, quarter: Int?) {
    let (year, month, _) = unit.period(at: index).lowerBound.components
    return (year, unit == .quarter ? (month - 1) / 3 + 1 : nil)
  }

  /// `2017 Q4` / `2017年第4季度`, or the year.
  func label(_ language: Language) -> String {
    let (year, quarter) = yearAndQuarter
    guard let quarter else { return language.words.chart.year(year) }
    return language.words.chart.quarter((year, quarter))
  }

  /// A name usable in node names: `2017Q4`, `2017`.
  var key: String {
    let (year, quarter) = yearAndQuarter
    return quarter.map { "\(year)Q\($0)" } ?? "\(year)"
  }

  /// Orders by time.
  static func < (a: TimePeriod, b: TimePeriod) -> Bool { a.index < b.index }

  /// The unit for a roadmap of tasks dated `days`: quarters when the tasks fall in at most 12 quarters
  /// apart from each other, or in at most 12 different quarters; years otherwise.
  static func unit(for days: [Day]) -> Recurrence {
    let quarters = Set(days.map(Recurrence.quarter.index(of:)))
    guard let first = quarters.min(), let last = quarters.max() else { return .quarter }
    return last - first < 12 || quarters.count <= 12 ? .quarter : .year
  }
}
