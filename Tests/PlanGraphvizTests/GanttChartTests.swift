import PlanGraph
import Testing

@testable import PlanGraphviz

/// The Gantt chart's rows, apart from what the golden files show.
@Suite struct GanttChartTests {
  /// A plan of one chain of summaries `levels` deep, with one task at the bottom.
  private func nested(levels: Int) -> String {
    var text = "plan: 深层计划\nstart: 2018-01-01\ntasks:\n"
    for level in 1..<levels {
      let pad = String(repeating: " ", count: 4 * (level - 1))
      text += pad + "  - id: l\(level)\n" + pad + "    name: 第\(level)层\n" + pad + "    tasks:\n"
    }
    let pad = String(repeating: " ", count: 4 * (levels - 1))
    text += pad + "  - id: leaf\n" + pad + "    name: 最深的任务\n" + pad + "    duration: 1w\n"
    return text
  }

  @Test func aTaskFortyLevelsDownKeepsItsName() throws {
    let (plan, schedule) = try #require(TestPlans.load(text: nested(levels: 40), asOf: TestPlans.day("2018-01-03")))
    let leaf = try #require(plan.taskIndex(leafID(levels: 40)))
    let chart = Chart(.gantt, plan: plan, schedule: schedule, options: ChartOptions(language: .zh))
    #expect(chart.selection.level(of: leaf) == 40)

    let cell = try #require(chart.graph.nodes.first { $0.attributes["label"]?.string.contains("最深的任务") == true })
    let width = try #require(cell.attributes["width"].flatMap { Double($0.string) })
    #expect(width * 72 >= 150, "the name cell is \(width * 72) points wide")
    #expect(cell.attributes["label"]?.string.contains("WIDTH=\"-") == false)

    let svg = try SVGText.parse(GraphvizRenderer().render(chart.graph, format: .svg).bytes)
    #expect(svg.strings.contains { $0.contains("最深的任务") })
  }

  /// The full id of the task at the bottom of `nested(levels:)`.
  private func leafID(levels: Int) -> String {
    (1..<levels).map { "l\($0)." }.joined() + "leaf"
  }
}
