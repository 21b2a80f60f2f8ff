import PlanGraph

/// A column of the roadmap: a calendar quarter or year.
struct TimePeriod: Hashable, Comparable {
  /// Quarters or years.
  enum Unit: Hashable {
    case quarter
    case year
  }

  let unit: Unit
  /// Quarters since year 0 (year × 4 + quarter − 1), or the year.
  let index: Int

  /// The period of `unit` containing `day`.
  init(_ unit: Unit, containing day: Day) {
    let (year, month, _) = day.components
    self.unit = unit
    index = unit == .quarter ? year * 4 + (month - 1) / 3 : year
  }

  private init(unit: Unit, index: Int) {
    self.unit = unit
    self.index = index
  }

  /// The period after this one.
  var next: TimePeriod { TimePeriod(unit: unit, index: index + 1) }

  /// `2017 Q4` / `2017年第4季度`, or the year.
  func label(_ language: Language) -> String {
    switch unit {
    case .quarter:
      let year = index / 4
      let quarter = index % 4 + 1
      return language.pick("\(year) Q\(quarter)", "\(year)年第\(quarter)季度")
    case .year:
      return language.pick("\(index)", "\(index)年")
    }
  }

  /// A name usable in node names: `2017Q4`, `2017`.
  var key: String { unit == .quarter ? "\(index / 4)Q\(index % 4 + 1)" : "\(index)" }

  /// Orders by time.
  static func < (a: TimePeriod, b: TimePeriod) -> Bool { a.index < b.index }

  /// The unit for a roadmap of tasks dated `days`: quarters when the tasks fall in at most 12 quarters
  /// apart from each other, or in at most 12 different quarters; years otherwise.
  static func unit(for days: [Day]) -> Unit {
    let quarters = Set(days.map { TimePeriod(.quarter, containing: $0).index })
    guard let first = quarters.min(), let last = quarters.max() else { return .quarter }
    return last - first < 12 || quarters.count <= 12 ? .quarter : .year
  }
}
