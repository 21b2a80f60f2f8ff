import PlanGraph

/// Every word a chart shows, from the charts' section of the language's table of words (`Words`).
struct ChartText {
  let language: Language
  /// The charts' words.
  let words: ChartWords

  init(language: Language) {
    self.language = language
    self.words = language.words.chart
  }

  func chartName(_ kind: ChartKind) -> String {
    switch kind {
    case .graph: return words.graph
    case .timeline: return words.timeline
    case .gantt: return words.gantt
    }
  }

  func asOf(_ day: Day) -> String { words.asOf(day) }
  func deadline(_ day: Day) -> String { words.due(day) }
  func forecast(_ day: Day) -> String { words.forecast(day) }
  func finishedOn(_ day: Day) -> String { words.finishedOn(day) }
  func plannedFinish(_ day: Day) -> String { words.planned(day) }
  func tasks(_ count: Int) -> String { words.tasks(count) }
  func foldedTasks(_ count: Int) -> String { words.foldedTasks(count) }
  var critical: String { words.critical }
  var criticalDependency: String { words.criticalDependency }
  var dependency: String { words.dependency }
  var criticalTask: String { words.criticalTask }
  var deadlineMark: String { words.deadlineMark }
  var forecastSlip: String { words.forecastSlip }
  var nonWorkingDays: String { words.nonWorkingDay }
  var makeUpWorkingDay: String { words.makeUpWorkingDay }
  var milestone: String { words.milestone }
  var noOwner: String { language.words.noOwner }
  var late: String { words.late }
  var recurringDuties: String { words.recurringDuties }
  var noTasks: String { words.noTasks }

  /// `N days overdue` / `逾期 N 天`.
  func overdueDays(_ days: Int) -> String { words.overdueDays(days) }

  /// How often a duty recurs.
  func every(_ recurrence: Recurrence) -> String { words.every(recurrence) }

  /// Missed occurrences of a duty: `2 missed` / `漏 2 次`.
  func missed(_ count: Int) -> String { words.missed(count) }

  /// The status in words with its detail: days overdue, a late finish.
  func status(_ row: TaskSchedule) -> String {
    var text = row.status.label(language)
    if row.status == .overdue, let days = row.daysOverdue { text = overdueDays(days) }
    if row.status == .done && row.isLate { text += language.words.report.comma + late }
    // The blocked flag beside a time status (a blocked summary: something below it is blocked).
    if row.isBlocked && row.status != .blocked { text += " · " + ScheduleStatus.blocked.label(language) }
    return text
  }

  /// Why summaries are folded, for the title.
  func folding(_ folding: TaskSelection.Folding, shown: Int) -> String {
    if folding.automatic { return words.foldedAutomatically((folding.unfoldedCount, shown, folding.depth)) }
    return words.levels(folding.depth)
  }
}
