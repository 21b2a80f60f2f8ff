import PlanGraph
import Testing

@testable import PlanGraphviz

/// What a chart's subtitle calls the chart and its folding, in both languages.
@Suite struct ChartWordingTests {
  @Test func theBattleMapIsNotCalledARoadmap() throws {
    let chart = try BattleMapTests().chart()
    let label = try #require(chart.graph.attributes["label"]?.string)
    #expect(label.contains("挂图作战图"))
    #expect(!label.contains("路线图"))
    #expect(ChartText(language: .en).chartName(.timeline, byUnit: true) == "Battle map")
    #expect(ChartText(language: .zh).chartName(.timeline, byUnit: false) == "路线图")
  }

  @Test func foldingToOneLevelSaysOneLevel() {
    let one = TaskSelection.Folding(depth: 1, automatic: false, unfoldedCount: 20)
    #expect(ChartText(language: .zh).folding(one, shown: 3) == "显示第 1 层")
    #expect(ChartText(language: .en).folding(one, shown: 3) == "level 1")
    let two = TaskSelection.Folding(depth: 2, automatic: false, unfoldedCount: 20)
    #expect(ChartText(language: .zh).folding(two, shown: 3) == "显示第 1–2 层")
    let automatic = TaskSelection.Folding(depth: 1, automatic: true, unfoldedCount: 20)
    #expect(ChartText(language: .zh).folding(automatic, shown: 3) == "20 项任务已折叠为 3 项（显示第 1 层）")
    #expect(ChartText(language: .en).folding(automatic, shown: 3) == "20 tasks folded to 3 summaries (level 1)")
  }
}
