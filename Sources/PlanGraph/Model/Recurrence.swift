/// The period of a recurring duty (`every:`): one occurrence per calendar period.
public enum Recurrence: String, CaseIterable, Hashable, Sendable {
  /// ISO weeks, Monday to Sunday.
  case week
  /// Calendar months.
  case month
  /// Calendar quarters.
  case quarter
  /// January–June and July–December.
  case halfYear = "half-year"
  /// Calendar years.
  case year

  /// The first and last day of the period that contains `day`.
  public func period(containing day: Day) -> ClosedRange<Day> {
    let (y, m, _) = day.components
    switch self {
    case .week:
      let monday = day.adding(days: 1 - day.isoWeekday)
      return monday...monday.adding(days: 6)
    case .month:
      return Day.firstDay(ofMonth: m, year: y)...Day.lastDay(ofMonth: m, year: y)
    case .quarter:
      let first = (m - 1) / 3 * 3 + 1
      return Day.firstDay(ofMonth: first, year: y)...Day.lastDay(ofMonth: first + 2, year: y)
    case .halfYear:
      let first = m <= 6 ? 1 : 7
      return Day.firstDay(ofMonth: first, year: y)...Day.lastDay(ofMonth: first + 5, year: y)
    case .year:
      return Day.firstDay(ofMonth: 1, year: y)...Day.lastDay(ofMonth: 12, year: y)
    }
  }

  /// The number of the period that contains `day`, counting periods from an epoch: consecutive periods
  /// have consecutive numbers, so occurrences can be counted without walking them.
  public func index(of day: Day) -> Int {
    switch self {
    case .week:
      // 1969-12-29, day -3, was a Monday.
      let shifted = day.ordinal + 3
      return shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
    case .month, .quarter, .halfYear, .year:
      let (y, m, _) = day.components
      let months = y * 12 + (m - 1)
      let size = self == .month ? 1 : self == .quarter ? 3 : self == .halfYear ? 6 : 12
      return months >= 0 ? months / size : (months - size + 1) / size
    }
  }

  /// The first and last day of the period numbered `index`.
  public func period(at index: Int) -> ClosedRange<Day> {
    switch self {
    case .week:
      let monday = Day(ordinal: index * 7 - 3)
      return monday...monday.adding(days: 6)
    case .month, .quarter, .halfYear, .year:
      let size = self == .month ? 1 : self == .quarter ? 3 : self == .halfYear ? 6 : 12
      let first = index * size
      let year = first >= 0 ? first / 12 : (first - 11) / 12
      let month = first - year * 12 + 1
      let lastMonth = month + size - 1
      return Day.firstDay(ofMonth: month, year: year)...Day.lastDay(ofMonth: lastMonth, year: year)
    }
  }
}
