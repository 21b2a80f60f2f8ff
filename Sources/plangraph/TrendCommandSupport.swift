import ArgumentParser
import PlanGraph
import PlanGraphviz
import PlanHistory

/// `render --chart trend`: the milestone trend of tasks over the plan's git history.
enum TrendCommandSupport {
  /// The `--chart` value.
  static let chartName = "trend"
  /// How many tasks are drawn when none are named.
  static let defaultCount = 5

  /// The trend chart of `tasks` (default: the first tasks with a deadline at HEAD, leaves only).
  static func graph(
    plan path: String, tasks: [String], asOf: Day?, window: Int, language: Language, font: String,
    pageSize: PageSize? = nil
  ) throws -> DOTGraph {
    var selection = tasks
    var title = path
    let repository = try RevisionLoading.repository(for: path)
    let head = try RevisionLoading.commit("HEAD", in: repository)
    if let check = try? repository.check(at: head, revision: "HEAD", asOf: asOf, window: window), let plan = check.plan
    {
      title = plan.title
      if selection.isEmpty {
        selection = plan.tasks.filter { $0.isLeaf && $0.deadline != nil }.prefix(defaultCount).map(\.fullID)
      }
    }
    let log = try HistoryCommand.log(plan: path, tasks: selection, to: "HEAD", asOf: asOf, window: window)
    let reports = log.points.map { TrendReport(label: $0.commit.id.short, day: $0.reportDay) }
    let series = log.names.indices.map { k in
      TrendSeries(name: log.names[k], forecasts: log.points.map { $0.tasks[k]?.forecastFinish })
    }
    let data = TrendData(title: title, reports: reports, series: series)
    return TrendChart(data, language: language, fontName: font).build().drawn(to: pageSize)
  }
}
