import Foundation
import PlanGraph
import Testing

@testable import PlanGraphviz

/// The milestone trend chart: pinned positions (a golden DOT file) and a real render.
@Suite struct TrendChartTests {
  static let data = TrendData(
    title: "演示计划 <趋势>",
    reports: [
      TrendReport(label: "c1", day: TestPlans.day("2018-01-05")),
      TrendReport(label: "c2", day: TestPlans.day("2018-02-01")),
      TrendReport(label: "c3", day: TestPlans.day("2018-03-01")),
    ],
    series: [
      TrendSeries(
        name: "建设", forecasts: [TestPlans.day("2018-02-13"), TestPlans.day("2018-03-12"), TestPlans.day("2018-04-09")]),
      TrendSeries(name: "培训 \"A\"", forecasts: [nil, TestPlans.day("2018-02-20"), TestPlans.day("2018-02-20")]),
    ])

  @Test func golden() {
    let graph = TrendChart(Self.data, language: .zh).build()
    #expect(graph.attributes["layout"] == "nop")
    // Every node is pinned.
    #expect(graph.nodes.allSatisfy { $0.attributes["pos"] != nil })
    // A line per task: two edges for the first, one for the second (it starts at c2), two for the diagonal.
    #expect(graph.edges.count == 5)
    Golden.check(DOTEncoder().encode(graph), "trend.dot")
  }

  @Test func aLaterForecastIsHigherUp() throws {
    let graph = TrendChart(Self.data, language: .en).build()
    func y(_ name: String) throws -> Double {
      let pos = try #require(graph.nodes.first { $0.name == name }?.attributes["pos"]?.description)
      let text = String(pos.split(separator: ",")[1].filter { $0 != "\"" })
      return try #require(Double(text))
    }
    // DOT's y grows upwards: a later forecast has a larger y.
    #expect(try y("s0p1") > y("s0p0"))
    #expect(try y("s0p2") > y("s0p1"))
    #expect(try y("s1p1") == y("s1p2"))
  }

  @Test func renders() throws {
    let svg = try GraphvizRenderer().render(TrendChart(Self.data, language: .zh).build(), format: .svg)
    let text = String(decoding: svg.bytes, as: UTF8.self)
    #expect(text.contains("建设"))
    #expect(text.contains("培训 &quot;A&quot;"))
    #expect(text.contains("2018&#45;02") || text.contains("2018-02"))
  }

  /// Two tasks with the same dates: drawn side by side with different markers, not one on top of the other.
  @Test func tasksWithTheSameDatesStayApart() throws {
    let days = [TestPlans.day("2018-02-13"), TestPlans.day("2018-03-12")]
    let data = TrendData(
      title: "同日",
      reports: [
        TrendReport(label: "c1", day: TestPlans.day("2018-01-05")),
        TrendReport(label: "c2", day: TestPlans.day("2018-02-01")),
      ],
      series: [TrendSeries(name: "甲", forecasts: days), TrendSeries(name: "乙\n第二行", forecasts: days)])
    let graph = TrendChart(data, language: .zh).build()
    func node(_ name: String) throws -> DOTAttributes {
      try #require(graph.nodes.first { $0.name == name }?.attributes)
    }
    for column in 0..<2 {
      let first = try node("s0p\(column)")
      let second = try node("s1p\(column)")
      #expect(first["pos"] != second["pos"])
      #expect(first["shape"] != second["shape"])
    }
    // The legend keeps a two-line name beside its key, both lines left-aligned.
    let legend = try #require(graph.attributes["label"]?.description)
    #expect(
      legend.contains(
        "BALIGN=\"LEFT\" COLSPAN=\"2\"><FONT COLOR=\"#D62728\"><B>━■━</B></FONT> <FONT POINT-SIZE=\"10\">乙<BR/>"))
    let svg = try GraphvizRenderer().render(graph, format: .svg)
    let text = String(decoding: svg.bytes, as: UTF8.self)
    #expect(text.contains(">乙<") && text.contains("第二行<"))
  }
}
