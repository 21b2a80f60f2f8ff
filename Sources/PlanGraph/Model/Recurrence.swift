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
}
