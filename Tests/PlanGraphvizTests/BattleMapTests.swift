import PlanGraph
import Testing

@testable import PlanGraphviz

/// The battle map (`--chart timeline --by unit`), the warning-light outlines and the page sizes.
@Suite struct BattleMapTests {
  static let text = """
    plan: 作战图
    start: 2024-01-01
    owners:
      - id: office
        name: 督查室
        units:
          - { id: a, name: 一科 }
      - id: bureau
        name: 财政局
    tasks:
      - id: late
        name: 逾期任务
        owner: office
        duration: 10d
        deadline: 2024-01-20
      - id: finished
        name: 完成任务
        owner: office.a
        duration: 5d
        done: 2024-01-05
        deadline: 2024-01-10
      - id: later
        name: 三月任务
        owner: bureau
        duration: 10d
        start: 2024-03-01
        deadline: 2024-03-31

    """

  func chart(rules: WarningRules? = .standard) throws -> Chart {
    let (plan, schedule) = try #require(TestPlans.load(text: Self.text, asOf: TestPlans.day("2024-02-01")))
    var options = ChartOptions(language: .zh)
    options.byUnit = true
    options.warningRules = rules
    return Chart(.timeline, plan: plan, schedule: schedule, options: options)
  }

  @Test func aRowPerUnitAndACardPerTaskInItsDeadlinesColumn() throws {
    let chart = try chart()
    #expect(chart.graph.nodes.count == 1)
    let table = try #require(chart.graph.nodes.first?.attributes["label"]?.string)
    // Three units with tasks, in the plan's owner order: 督查室, 督查室 / 一科, 财政局.
    let office = try #require(table.range(of: "<B>督查室</B>"))
    let unit = try #require(table.range(of: "督查室 / 一科"))
    let bureau = try #require(table.range(of: "<B>财政局</B>"))
    #expect(office.lowerBound < unit.lowerBound && unit.lowerBound < bureau.lowerBound)
    // Flags: ⚑ on the overdue card, ✔ on the done one; the overdue card framed red, the later one green.
    #expect(table.contains("⚑ </B>逾期任务"))
    #expect(table.contains("✔ </B>完成任务"))
    #expect(table.contains("COLOR=\"#d93025\""))
    #expect(table.contains("COLOR=\"#34a853\""))
    // One header cell per period plus the unit column; the as-of period is marked.
    #expect(table.contains("▼"))
    let rows = table.components(separatedBy: "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BGCOLOR=\"#F7F7F7\">").count - 1
    #expect(rows == 3)
  }

  @Test func aSubtreesMapKeepsItsTasksAndNamesItsTask() throws {
    let text = """
      plan: 作战图
      start: 2024-01-01
      owners:
        - { id: office, name: 督查室 }
        - { id: bureau, name: 财政局 }
      tasks:
        - id: funds
          name: 经费保障
          tasks:
            - { id: budget, name: 纳入预算, owner: bureau, duration: 10d, deadline: 2024-02-20 }
            - { id: audit, name: 经费审计, owner: office, duration: 5d, deadline: 2024-03-10 }
        - { id: staff, name: 队伍建设, owner: office, duration: 10d, deadline: 2024-01-20 }

      """
    let (plan, schedule) = try #require(TestPlans.load(text: text, asOf: TestPlans.day("2024-02-01")))
    var options = ChartOptions(language: .zh)
    options.byUnit = true
    options.filter = try TaskFilter(plan: plan, rootID: "funds")
    let chart = Chart(.timeline, plan: plan, schedule: schedule, options: options)
    let table = try #require(chart.graph.nodes.first?.attributes["label"]?.string)
    #expect(table.contains("纳入预算") && table.contains("经费审计"))
    #expect(!table.contains("队伍建设"), "a task outside the subtree has no card")
    let title = try #require(chart.graph.attributes["label"]?.string)
    #expect(title.contains("作战图 · 经费保障"))
    #expect(title.contains("2 项"), "the legend counts the subtree's two tasks: \(title)")
    // The whole plan's map names no task.
    options.filter = TaskFilter()
    let whole = Chart(.timeline, plan: plan, schedule: schedule, options: options)
    #expect(whole.graph.attributes["label"]?.string.contains("<B>作战图 · ") == false)
    #expect(whole.graph.nodes.first?.attributes["label"]?.string.contains("队伍建设") == true)
  }

  @Test func withoutRulesTheCardsKeepTheStatusBorder() throws {
    let table = try #require(try chart(rules: nil).graph.nodes.first?.attributes["label"]?.string)
    #expect(!table.contains("#d93025"))
  }

  @Test func theGraphOutlinesNodesInTheirLight() throws {
    let (plan, schedule) = try #require(TestPlans.load(text: Self.text, asOf: TestPlans.day("2024-02-01")))
    var options = ChartOptions(language: .zh)
    options.warningRules = .standard
    let lit = Chart(.graph, plan: plan, schedule: schedule, options: options)
    let late = try #require(lit.graph.allNodes.first { $0.name == "late" })
    #expect(late.attributes["color"]?.string == "#d93025")
    let plain = Chart(.graph, plan: plan, schedule: schedule, options: ChartOptions(language: .zh))
    let unlit = try #require(plain.graph.allNodes.first { $0.name == "late" })
    #expect(unlit.attributes["color"]?.string != "#d93025")
  }

  @Test func pageSizes() throws {
    let pixels = try PageSize.pixels("1920x1080")
    #expect(pixels.width == 20 && pixels.height == 11.25 && pixels.dpi == 96)
    let a3 = try PageSize.paper("A3", landscape: true)
    #expect(abs(a3.width - 400 / 25.4) < 0.001 && abs(a3.height - 277 / 25.4) < 0.001 && a3.dpi == nil)
    let a4 = try PageSize.paper("a4", landscape: false)
    #expect(a4.width < a4.height)
    #expect(throws: PageSize.ParseError.self) { try PageSize.pixels("1920*1080") }
    #expect(throws: PageSize.ParseError.self) { try PageSize.pixels("10x10") }
    #expect(throws: PageSize.ParseError.self) { try PageSize.paper("B5", landscape: false) }

    let (plan, schedule) = try #require(TestPlans.load(text: Self.text, asOf: TestPlans.day("2024-02-01")))
    var options = ChartOptions(language: .zh)
    options.pageSize = a3
    let chart = Chart(.graph, plan: plan, schedule: schedule, options: options)
    #expect(chart.graph.attributes["size"]?.string == "15.75,10.91!")
    #expect(chart.graph.attributes["dpi"] == nil, "a PDF's points stay points")
  }
}

extension DOTGraph {
  /// Every node, in the graph and in its subgraphs at any depth.
  var allNodes: [DOTNode] {
    var result = nodes
    var pending = subgraphs
    while let next = pending.popLast() {
      result += next.nodes
      pending += next.subgraphs
    }
    return result
  }
}
