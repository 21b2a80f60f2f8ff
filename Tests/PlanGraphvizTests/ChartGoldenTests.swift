import PlanGraph
import Testing

@testable import PlanGraphviz

/// Every chart's DOT text, compared with golden files: the chart builders tested without Graphviz.
@Suite struct ChartGoldenTests {
  private func dot(
    _ kind: ChartKind, _ scheduled: (Plan, Schedule), language: Language = .zh, clusterBy: ClusterBy = .organisation,
    filter: TaskFilter = TaskFilter()
  ) -> String {
    let (plan, schedule) = scheduled
    let options = ChartOptions(language: language, clusterBy: clusterBy, filter: filter)
    return DOTEncoder().encode(Chart(kind, plan: plan, schedule: schedule, options: options).graph)
  }

  @Test(arguments: ChartKind.allCases)
  func smallPlan(_ kind: ChartKind) throws {
    Golden.check(dot(kind, try #require(TestPlans.small)), "small-\(kind.rawValue).dot")
  }

  @Test(arguments: ChartKind.allCases)
  func smallPlanInEnglish(_ kind: ChartKind) throws {
    Golden.check(dot(kind, try #require(TestPlans.small), language: .en), "small-\(kind.rawValue)-en.dot")
  }

  @Test func smallPlanClusteredBySummary() throws {
    Golden.check(dot(.graph, try #require(TestPlans.small), clusterBy: .summary), "small-graph-by-summary.dot")
  }

  @Test func smallPlanFoldedToOneLevel() throws {
    Golden.check(dot(.graph, try #require(TestPlans.small), filter: TaskFilter(depth: 1)), "small-graph-depth-1.dot")
  }

  @Test(arguments: ChartKind.allCases)
  func chengqu(_ kind: ChartKind) throws {
    Golden.check(dot(kind, try #require(TestPlans.chengqu)), "chengqu-\(kind.rawValue).dot")
  }

  @Test func chengquLeagueToThreeLevels() throws {
    let scheduled = try #require(TestPlans.chengqu)
    let filter = try TaskFilter(plan: scheduled.0, ownerID: "league", depth: 3)
    Golden.check(dot(.graph, scheduled, filter: filter), "chengqu-graph-league-depth-3.dot")
  }
}
