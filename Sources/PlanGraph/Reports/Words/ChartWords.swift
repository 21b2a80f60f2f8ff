/// The words of the charts (`render`: the dependency graph, roadmap, Gantt chart, battle map and trend
/// chart): titles, legends, labels and axes. One section of a language's table of words (`Words`).
package struct ChartWords: Sendable {
  /// The charts' names.
  package let graph, timeline, gantt, battleMap: String
  /// A label's dates: "as of D", "due D", "forecast D", "finished D", "planned D".
  package let asOf, due, forecast, finishedOn, planned: Say<Day>
  /// Counts: "3 tasks", "3 tasks inside" (a folded summary), "2 days overdue", "2 missed".
  package let tasks, foldedTasks, overdueDays, missed: Say<Int>
  /// The legend's entries.
  package let critical, criticalDependency, dependency, criticalTask, deadlineMark, forecastSlip,
    nonWorkingDay, makeUpWorkingDay, milestone, late: String
  /// The box of duties beside the graph, and the line when the filter leaves nothing.
  package let recurringDuties, noTasks: String
  /// How often a duty recurs: "monthly" / "每月".
  package let every: Say<Recurrence>
  /// Why summaries are folded: automatically (tasks, shown, depth) or by `--depth`.
  package let foldedAutomatically: Say<(tasks: Int, shown: Int, depth: Int)>
  package let levels: Say<Int>
  /// The roadmap: the lane of organisations folded together, and the tasks a cell does not show.
  package let moreOrganisations, more: Say<Int>
  /// The axis: a month's name, a year.
  package let month, year: Say<Int>
  /// A period of the roadmap: a quarter of a year.
  package let quarter: Say<(year: Int, quarter: Int)>
  /// The battle map: its unit column and days late.
  package let unit: String
  package let daysLate: Say<Int>
  /// The trend chart: nothing to draw, and what its lines mean.
  package let nothingToDraw, trendKey: String
  /// The legend: missed occurrences and marked blocked beside the counts; the warning lights' label.
  package let legendExtra: Say<(missed: Int, blocked: Int)>
  package let warningLabel: String
}
