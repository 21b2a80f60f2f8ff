import PlanGraph

/// Every word a chart shows, from the charts' section of the language's table of words (`Words`).
struct ChartText {
  let language: Language
  /// The language's table, held by reference: a chart asks for words once per node.
  private let table: Words

  init(language: Language) {
    self.language = language
    self.table = language.words
  }

  /// The chart's name in its subtitle; the timeline drawn by unit is the battle map, not a roadmap.
  func chartName(_ kind: ChartKind, byUnit: Bool = false) -> String {
    if kind == .timeline && byUnit { return table.chart.battleMap }
    switch kind {
    case .graph: return table.chart.graph
    case .timeline: return table.chart.timeline
    case .gantt: return table.chart.gantt
    }
  }

  func asOf(_ day: Day) -> String { table.chart.asOf(day) }
  func deadline(_ day: Day) -> String { table.chart.due(day) }
  func forecast(_ day: Day) -> String { table.chart.forecast(day) }
  func finishedOn(_ day: Day) -> String { table.chart.finishedOn(day) }
  func plannedFinish(_ day: Day) -> String { table.chart.planned(day) }
  func tasks(_ count: Int) -> String { table.chart.tasks(count) }
  func foldedTasks(_ count: Int) -> String { table.chart.foldedTasks(count) }
  var critical: String { table.chart.critical }
  var criticalDependency: String { table.chart.criticalDependency }
  var dependency: String { table.chart.dependency }
  var criticalTask: String { table.chart.criticalTask }
  var deadlineMark: String { table.chart.deadlineMark }
  var forecastSlip: String { table.chart.forecastSlip }
  var nonWorkingDays: String { table.chart.nonWorkingDay }
  var makeUpWorkingDay: String { table.chart.makeUpWorkingDay }
  var milestone: String { table.chart.milestone }
  var noOwner: String { table.noOwner }
  var late: String { table.chart.late }
  var recurringDuties: String { table.chart.recurringDuties }
  var noTasks: String { table.chart.noTasks }

  /// `N days overdue` / `逾期 N 天`.
  func overdueDays(_ days: Int) -> String { table.chart.overdueDays(days) }

  /// How often a duty recurs.
  func every(_ recurrence: Recurrence) -> String { table.chart.every(recurrence) }

  /// Missed occurrences of a duty: `2 missed` / `漏 2 次`.
  func missed(_ count: Int) -> String { table.chart.missed(count) }

  /// The status in words with its detail: days overdue, a late finish.
  func status(_ row: TaskSchedule) -> String {
    var text = row.status.label(language)
    if row.status == .overdue, let days = row.daysOverdue { text = overdueDays(days) }
    if row.status == .done && row.isLate { text += table.report.comma + late }
    // The blocked flag beside a time status (a blocked summary: something below it is blocked).
    if row.isBlocked && row.status != .blocked { text += " · " + ScheduleStatus.blocked.label(language) }
    return text
  }

  /// Why summaries are folded, for the title.
  func folding(_ folding: TaskSelection.Folding, shown: Int) -> String {
    if folding.automatic { return table.chart.foldedAutomatically((folding.unfoldedCount, shown, folding.depth)) }
    return table.chart.levels(folding.depth)
  }
}
