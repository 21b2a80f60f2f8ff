import PlanGraph
import Testing

@testable import PlanGraphviz

/// What a chart draws under each filter, and the dependencies between what it draws.
@Suite struct SelectionTests {
  private func ids(_ selection: TaskSelection, _ plan: Plan) -> [String] {
    selection.nodes.map { plan.tasks[$0].fullID }
  }

  @Test func everyLeafByDefault() throws {
    let (plan, schedule) = try #require(TestPlans.small)
    let selection = TaskSelection(plan: plan, schedule: schedule)
    #expect(
      ids(selection, plan) == [
        "reform.plan", "reform.mobilise", "reform.kickoff", "reform.rules", "youth.survey", "youth.analysis",
        "youth.platform", "youth.dropped", "review", "unowned",
      ])
    #expect(selection.duties.map { plan.tasks[$0].fullID } == ["reform.monthly-report", "youth.meeting"])
  }

  @Test func anOrganisationIncludesItsUnits() throws {
    let (plan, schedule) = try #require(TestPlans.small)
    let union = TaskSelection(plan: plan, schedule: schedule, filter: try TaskFilter(plan: plan, ownerID: "union"))
    #expect(
      ids(union, plan) == ["reform.plan", "reform.mobilise", "reform.kickoff", "reform.rules", "review"])
    let office = TaskSelection(
      plan: plan, schedule: schedule, filter: try TaskFilter(plan: plan, ownerID: "union.office"))
    #expect(ids(office, plan) == ["reform.rules"])
  }

  @Test func aRootAndADepth() throws {
    let (plan, schedule) = try #require(TestPlans.small)
    let reform = TaskSelection(plan: plan, schedule: schedule, filter: try TaskFilter(plan: plan, rootID: "youth"))
    #expect(ids(reform, plan) == ["youth.survey", "youth.analysis", "youth.platform", "youth.dropped"])
    let top = TaskSelection(plan: plan, schedule: schedule, filter: TaskFilter(depth: 1))
    #expect(ids(top, plan) == ["reform", "youth", "review", "unowned"])
    #expect(top.folding == TaskSelection.Folding(depth: 1, automatic: false, unfoldedCount: 10))
    #expect(top.leafCounts[0] == 4)
    #expect(top.isFolded(0))
    // Folded summaries keep the dependencies of what they hold.
    #expect(top.dependencies.map(\.from).contains(.task(0)))
  }

  @Test func aDepthBelowOneCountsAsOne() throws {
    let (plan, schedule) = try #require(TestPlans.small)
    let one = TaskSelection(plan: plan, schedule: schedule, filter: TaskFilter(depth: 1))
    for depth in [0, -1, Int.min] {
      let selection = TaskSelection(plan: plan, schedule: schedule, filter: TaskFilter(depth: depth))
      #expect(selection.nodes == one.nodes, "depth \(depth)")
      #expect(selection.folding == one.folding, "depth \(depth)")
    }
  }

  @Test func criticalOnly() throws {
    let (plan, schedule) = try #require(TestPlans.small)
    let selection = TaskSelection(plan: plan, schedule: schedule, filter: TaskFilter(criticalOnly: true))
    #expect(ids(selection, plan) == ["youth.survey", "youth.analysis", "review"])
    #expect(selection.duties.isEmpty)
    #expect(selection.dependencies.allSatisfy { $0.isCritical })
  }

  @Test func dependenciesOnASummaryComeFromItsLastTasks() throws {
    let (plan, schedule) = try #require(TestPlans.small)
    let review = try #require(plan.taskIndex("review"))
    let rules = try #require(plan.taskIndex("reform.rules"))
    let analysis = try #require(plan.taskIndex("youth.analysis"))
    let survey = try #require(plan.taskIndex("youth.survey"))
    let selection = TaskSelection(plan: plan, schedule: schedule)
    let into = selection.dependencies.filter { $0.to == .task(review) }.map(\.from)
    // Of `reform` only its last task; of `youth` the tasks nothing in it waits for.
    #expect(into.contains(.task(rules)))
    #expect(into.contains(.task(analysis)))
    #expect(!into.contains(.task(survey)))
    let critical = selection.dependencies.filter(\.isCritical).map { [$0.from, $0.to] }
    #expect(critical == [[.task(survey), .task(analysis)], [.task(analysis), .task(review)]])
  }

  @Test func summaryToSummaryGoesThroughAJunction() throws {
    let (plan, schedule) = try #require(TestPlans.chengqu)
    let implement = try #require(plan.taskIndex("union.steps.implement"))
    let selection = TaskSelection(plan: plan, schedule: schedule)
    let junction = try #require(selection.junctions.firstIndex { $0.before == implement })
    #expect(selection.dependencies.filter { $0.to == .junction(junction) }.count == 3)
    #expect(selection.dependencies.filter { $0.from == .junction(junction) }.count == 2)
  }

  @Test func unknownNamesAreRefused() throws {
    let (plan, _) = try #require(TestPlans.small)
    #expect(throws: FilterError.unknownOwner("no owner 'nobody' in the plan")) {
      try TaskFilter(plan: plan, ownerID: "nobody")
    }
    #expect(throws: FilterError.unknownTask("reform.none")) { try TaskFilter(plan: plan, rootID: "reform.none") }
    #expect(throws: FilterError.badDepth(0)) { try TaskFilter(plan: plan, depth: 0) }
  }

  @Test func nothingMatches() throws {
    let (plan, schedule) = try #require(TestPlans.small)
    let filter = try TaskFilter(plan: plan, ownerID: "union.office", criticalOnly: true)
    let selection = TaskSelection(plan: plan, schedule: schedule, filter: filter)
    #expect(selection.nodes.isEmpty)
    for kind in ChartKind.allCases {
      let chart = Chart(kind, plan: plan, schedule: schedule, options: ChartOptions(language: .en, filter: filter))
      #expect(try GraphvizRenderer().render(chart.graph, format: .svg).bytes.count > 500)
    }
  }
}
