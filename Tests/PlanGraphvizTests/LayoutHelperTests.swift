import PlanGraph
import Testing

@testable import PlanGraphviz

/// The small pieces the charts are laid out with.
@Suite struct LayoutHelperTests {
  @Test func wrapsByDisplayWidth() {
    #expect(TextWrap.lines("一二三四五六", width: 6, maxLines: 3) == ["一二三", "四五六"])
    // Closing punctuation stays on the line it closes.
    #expect(TextWrap.lines("一二三，四五", width: 6, maxLines: 3) == ["一二三，", "四五"])
    #expect(TextWrap.lines("alpha beta gamma", width: 11, maxLines: 3) == ["alpha beta", "gamma"])
    #expect(TextWrap.lines("一二三四五六七八", width: 4, maxLines: 2) == ["一二", "三…"])
    #expect(TextWrap.lines("", width: 4, maxLines: 2) == [""])
  }

  @Test func decimals() {
    #expect(DecimalText.format(12.5) == "12.5")
    #expect(DecimalText.format(3) == "3")
    #expect(DecimalText.format(-0.25) == "-0.25")
    #expect(DecimalText.format(0.00001) == "0")
    #expect(DecimalText.format(1.0 / 3, places: 4) == "0.3333")
  }

  @Test func aLateFinishSaysSo() {
    var row = TaskSchedule()
    row.status = .done
    row.isLate = true
    #expect(ChartText(language: .en).status(row) == "done, late")
    #expect(ChartText(language: .zh).status(row) == "已完成，晚于期限")
    row.isLate = false
    #expect(ChartText(language: .en).status(row) == "done")
  }

  @Test func roadmapPeriods() {
    let days = ["2017-09-30", "2018-03-31", "2024-08-29"].map(TestPlans.day)
    #expect(TimePeriod.unit(for: days) == .quarter)
    let spread = (0..<14).map { TestPlans.day("\(2010 + $0)-06-30") }
    #expect(TimePeriod.unit(for: spread) == .year)
    let q4 = TimePeriod(.quarter, containing: TestPlans.day("2017-11-29"))
    #expect(q4.label(.zh) == "2017年第4季度")
    #expect(q4.label(.en) == "2017 Q4")
    #expect(q4.next.label(.en) == "2018 Q1")
  }

  @Test func ganttAxisLeavesOutliersOut() {
    let starts = [TestPlans.day("2017-09-01")]
    var ends = (0..<40).map { TestPlans.day("2017-10-01").adding(days: $0 * 3) }
    ends.append(TestPlans.day("2024-08-29"))
    let axis = GanttAxis(
      starts: starts, ends: ends, asOf: TestPlans.day("2018-01-15"), planStart: TestPlans.day("2017-09-01"),
      width: 1000, origin: 100)
    #expect(axis.start == TestPlans.day("2017-09-01"))
    #expect(axis.end <= TestPlans.day("2018-03-01"))
    #expect(axis.x(axis.start) == 100)
    #expect(axis.x(TestPlans.day("2030-01-01")) == axis.endX)
    #expect(axis.ticks(.zh).first?.label == "9月")
  }

  @Test func gridRowsAndSharedBands() {
    let packing = GridPacking(groups: [["a", "b", "c", "d", "e"], ["x"], ["y", "z"]], connected: [])
    let edges = packing.edges().map { "\($0.from)>\($0.to)" }
    // Columns for 8 loose nodes: 2. Rows: a>b, c>d, e; x and y>z fit a band of their own.
    #expect(GridPacking.columns(for: 8) == 2)
    #expect(edges == ["a>b", "c>d", "y>z"])
  }

  @Test func encodesDeepNestingWithoutRecursion() {
    var inner = DOTSubgraph(name: "cluster_deepest", nodes: [DOTNode("leaf")])
    for level in 0..<20_000 { inner = DOTSubgraph(name: "cluster_\(level)", subgraphs: [inner]) }
    let graph = DOTGraph(name: "deep", subgraphs: [inner])
    let text = DOTEncoder().encode(graph)
    #expect(text.contains("\"leaf\";"))
    #expect(graph.nodeCount == 1)
  }
}
