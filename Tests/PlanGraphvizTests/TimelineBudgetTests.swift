import PlanGraph
import Testing

@testable import PlanGraphviz

/// Issue 13, D7: the roadmap's folding budget counts lanes, so a plan of many organisations folds the
/// smallest into one lane instead of asking dot for thousands of clusters.
struct TimelineBudgetTests {
  static func plan(organisations n: Int, tasksOfFirst: Int = 1) -> String {
    var yaml = "plan: T\nstart: 2017-09-01\nowners:\n"
    for i in 0..<n { yaml += "  - { id: o\(i), name: 单位\(i) }\n" }
    yaml += "tasks:\n"
    for i in 0..<n { yaml += "  - { id: t\(i), name: 任务\(i), owner: o\(i), duration: \(1 + i % 300)d }\n" }
    for k in 0..<tasksOfFirst { yaml += "  - { id: big\(k), name: 大任务\(k), owner: o\(n - 1), duration: 5d }\n" }
    return yaml
  }

  static func clusters(_ graph: DOTGraph) -> [DOTSubgraph] {
    graph.subgraphs.filter { $0.name.hasPrefix("cluster_") && $0.name != "cluster_spine" }
  }

  @Test func manyOrganisationsFoldIntoOneLaneWithinTheBudget() throws {
    let (plan, schedule) = try #require(
      TestPlans.load(text: Self.plan(organisations: 1_500, tasksOfFirst: 3), asOf: TestPlans.day("2017-10-01")))
    let chart = Chart(.timeline, plan: plan, schedule: schedule, options: ChartOptions(language: .en))
    let lanes = Self.clusters(chart.graph)
    let nodes = lanes.reduce(0) { $0 + $1.nodes.count + TimelineChart.laneCost - 2 }
    #expect(nodes <= CollapsePolicy.standard.threshold)
    let other = try #require(lanes.first { $0.name == "cluster_other_lanes" })
    #expect(other.attributes["label"]?.string.contains("more organisations") == true)
    // The organisation with the most tasks keeps its lane.
    #expect(lanes.contains { $0.name == "cluster_owner_\(plan.owners.count - 1)" })
    #expect(lanes.count > 100 && lanes.count < 300)
  }

  @Test func aFewOrganisationsAreAllDrawnAndNoCollapseDrawsThemAll() throws {
    let (plan, schedule) = try #require(
      TestPlans.load(text: Self.plan(organisations: 40), asOf: TestPlans.day("2017-10-01")))
    let chart = Chart(.timeline, plan: plan, schedule: schedule, options: ChartOptions(language: .en))
    #expect(Self.clusters(chart.graph).count == 40)
    let (big, bigSchedule) = try #require(
      TestPlans.load(text: Self.plan(organisations: 600), asOf: TestPlans.day("2017-10-01")))
    let all = Chart(.timeline, plan: big, schedule: bigSchedule, options: ChartOptions(language: .en, collapse: .never))
    #expect(Self.clusters(all.graph).count == 600)
  }
}
