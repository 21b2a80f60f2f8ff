import PlanGraph
import Testing

@testable import PlanGraphviz

/// Large plans fold to summary tasks, so that dot's layout stays fast.
@Suite struct CollapseTests {
  @Test func twoThousandTasksFoldAndRenderQuickly() throws {
    let text = TestPlans.generatedYAML(leaves: 2000)
    let (plan, schedule) = try #require(TestPlans.load(text: text, asOf: TestPlans.day("2020-03-01")))
    #expect(plan.tasks.filter(\.isLeaf).count == 2000)

    let chart = Chart(.graph, plan: plan, schedule: schedule, options: ChartOptions(language: .zh))
    let folding = try #require(chart.selection.folding)
    #expect(folding.automatic)
    #expect(folding.unfoldedCount == 2000)
    #expect(chart.selection.nodes.count <= CollapsePolicy.standard.threshold)
    #expect(chart.selection.nodes.allSatisfy { chart.selection.isFolded($0) })
    #expect(chart.selection.leafCounts.values.reduce(0, +) == 2000)

    let clock = ContinuousClock()
    let started = clock.now
    let rendering = try GraphvizRenderer().render(chart.graph, format: .svg)
    #expect(started.duration(to: clock.now) < .seconds(20))
    let svg = try SVGText.parse(rendering.bytes)
    #expect(svg.strings.contains { $0.contains("已折叠") })
  }

  @Test func noCollapseKeepsEveryTask() throws {
    let text = TestPlans.generatedYAML(leaves: 1600)
    let (plan, schedule) = try #require(TestPlans.load(text: text, asOf: TestPlans.day("2020-03-01")))
    let folded = TaskSelection(plan: plan, schedule: schedule)
    #expect(folded.folding?.automatic == true)
    let all = TaskSelection(plan: plan, schedule: schedule, collapse: .never)
    #expect(all.folding == nil)
    #expect(all.nodes.count == 1600)
  }

  @Test func smallPlansAreNotFolded() throws {
    let (plan, schedule) = try #require(TestPlans.chengqu)
    let selection = TaskSelection(plan: plan, schedule: schedule)
    #expect(selection.folding == nil)
    #expect(selection.nodes.count == 257)
  }

  @Test func foldingPicksTheDeepestLevelThatFits() throws {
    let text = TestPlans.generatedYAML(leaves: 300)
    let (plan, schedule) = try #require(TestPlans.load(text: text, asOf: TestPlans.day("2020-03-01")))
    // 300 leaves in 30 groups in 6 areas: a threshold of 40 keeps the groups, of 10 only the areas.
    let groups = TaskSelection(plan: plan, schedule: schedule, collapse: CollapsePolicy(threshold: 40, enabled: true))
    #expect(groups.folding?.depth == 2)
    #expect(groups.nodes.count == 30)
    let areas = TaskSelection(plan: plan, schedule: schedule, collapse: CollapsePolicy(threshold: 10, enabled: true))
    #expect(areas.folding?.depth == 1)
    #expect(areas.nodes.count == 6)
  }
}
