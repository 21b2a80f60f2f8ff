extension Plan {
  /// Whether the calendar matters to this plan: it names one, or a task counts working days. Reports
  /// say which calendar the plan uses only then.
  public var showsCalendar: Bool {
    calendar != .weekdays || tasks.contains { $0.duration?.isWorkingDays == true }
  }
}

extension WorkCalendar {
  /// Which days are working days, in words for reports: one line shared by `schedule` and the HTML report.
  public func label(_ language: Language) -> String {
    let words = language.words.report
    var text: String
    switch base {
    case .weekdays:
      text = words.weekdaysCalendar
    case .cn:
      text = words.chinaCalendar("\(ChinaCalendar.coveredYears.lowerBound)–\(ChinaCalendar.coveredYears.upperBound)")
    }
    if hasOwnDays { text += words.ownDays((holidays.count, workdays.count)) }
    return text
  }
}
