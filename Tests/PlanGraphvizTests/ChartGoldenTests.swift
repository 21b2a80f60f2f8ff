import PlanGraph
import Testing

@testable import PlanGraphviz

/// Every chart's DOT text, compared with golden files: the chart builders tested without Graphviz.
@Suite struct ChartGoldenTests {
  private func dot(
    _ kind: ChartKind, _ scheduled: (Plan, Schedule)?, language: Language = .zh, clusterBy: ClusterBy = .organisation,
    filter: TaskFilter = TaskFilter()
  ) -> String? {
    guard let (plan, schedule) = scheduled else { return nil }
    let options = ChartOptions(language: language, clusterBy: clusterBy, filter: filter)
    return DOTEncoder().encode(Chart(kind, plan: plan, schedule: schedule, options: options).graph)
  }

  @Test(arguments: ChartKind.allCases)
  func smallPlan(_ kind: ChartKind) {
    guard let text = dot(kind, TestPlans.small) else { return }
    Golden.check(text, "small-\(kind.rawValue).dot")
  }

  @Test(arguments: ChartKind.allCases)
  func smallPlanInEnglish(_ kind: ChartKind) {
    guard let text = dot(kind, TestPlans.small, language: .en) else { return }
    Golden.check(text, "small-\(kind.rawValue)-en.dot")
  }

  @Test func smallPlanClusteredBySummary() {
    guard let text = dot(.graph, TestPlans.small, clusterBy: .summary) else { return }
    Golden.check(text, "small-graph-by-summary.dot")
  }

  @Test func smallPlanFoldedToOneLevel() {
    guard let text = dot(.graph, TestPlans.small, filter: TaskFilter(depth: 1)) else { return }
    Golden.check(text, "small-graph-depth-1.dot")
  }

  @Test(arguments: ChartKind.allCases)
  func chengqu(_ kind: ChartKind) {
    guard let text = dot(kind, TestPlans.chengqu) else { return }
    Golden.check(text, "chengqu-\(kind.rawValue).dot")
  }

  @Test func chengquLeagueToThreeLevels() {
    guard let scheduled = TestPlans.chengqu,
      let filter = try? TaskFilter(plan: scheduled.0, ownerID: "league", depth: 3),
      let text = dot(.graph, scheduled, filter: filter)
    else { return }
    Golden.check(text, "chengqu-graph-league-depth-3.dot")
  }

  @Test func chartsAreTheSameEveryTime() {
    guard let first = dot(.graph, TestPlans.chengqu), let second = dot(.graph, TestPlans.chengqu) else { return }
    #expect(first == second)
  }
}
