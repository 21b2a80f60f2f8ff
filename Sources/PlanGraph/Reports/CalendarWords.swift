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
    var text: String
    switch base {
    case .weekdays:
      text = language.pick("working days: Monday to Friday", "工作日：周一至周五")
    case .cn:
      let years = "\(ChinaCalendar.coveredYears.lowerBound)–\(ChinaCalendar.coveredYears.upperBound)"
      text = language.pick(
        "working days: China's official calendar (holidays and make-up working days, \(years))",
        "工作日：国家法定节假日安排（含调休，\(years) 年）")
    }
    if hasOwnDays {
      text += language.pick(
        ", with \(holidays.count) local holiday\(holidays.count == 1 ? "" : "s") and \(workdays.count) extra working day\(workdays.count == 1 ? "" : "s")",
        "，另有本地休息日 \(holidays.count) 天、调整工作日 \(workdays.count) 天")
    }
    return text
  }
}
