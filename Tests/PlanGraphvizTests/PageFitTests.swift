import PlanGraph
import Testing

@testable import PlanGraphviz

/// Charts laid out for their page (`--size`, `--paper`): text made larger on a large page, the battle
/// map's cards arranged to the page's shape, and advice when names would print too small.
@Suite struct PageFitTests {
  static func scheduled(_ text: String = BattleMapTests.text) throws -> (Plan, Schedule) {
    try #require(TestPlans.load(text: text, asOf: TestPlans.day("2024-02-01")))
  }

  /// The largest `fontsize` and `POINT-SIZE` in a graph's DOT text.
  static func largestFontSize(_ graph: DOTGraph) -> Double {
    let text = DOTEncoder().encode(graph)
    var largest = 0.0
    for marker in ["\"fontsize\"=\"", "POINT-SIZE=\""] {
      for part in text.components(separatedBy: marker).dropFirst() {
        if let value = Double(part.prefix { $0 != "\"" }) { largest = max(largest, value) }
      }
    }
    return largest
  }

  static func fitted(_ kind: ChartKind, paper: String, landscape: Bool = true, byUnit: Bool = false) throws
    -> PageFit
  {
    let (plan, schedule) = try scheduled()
    var options = ChartOptions(language: .zh)
    options.byUnit = byUnit
    options.pageSize = try PageSize.paper(paper, landscape: landscape)
    return try PageFit(kind, plan: plan, schedule: schedule, options: options)
  }

  @Test(arguments: [(ChartKind.graph, false), (.timeline, false), (.timeline, true)])
  func textGrowsWithThePaper(kind: ChartKind, byUnit: Bool) throws {
    let a4 = try Self.fitted(kind, paper: "A4", byUnit: byUnit)
    let a1 = try Self.fitted(kind, paper: "A1", byUnit: byUnit)
    let a4Size = Self.largestFontSize(a4.chart.graph)
    let a1Size = Self.largestFontSize(a1.chart.graph)
    #expect(a1Size > a4Size * 1.5, "A1 is 2.8 times A4 each way: \(a1Size) against \(a4Size)")
    let a4Name = try #require(a4.nameSize)
    let a1Name = try #require(a1.nameSize)
    #expect(a1Name > a4Name * 2)
    #expect(a1Name >= PageFit.readableSize && a1.advice == nil)
    // Lines keep their width: the node outlines are not scaled with the text.
    #expect(a1.chart.graph.attributes["size"]?.string.hasSuffix("!") == true)
  }

  @Test func withoutAPageNothingIsMeasuredOrScaled() throws {
    let (plan, schedule) = try Self.scheduled()
    let plain = Chart(.graph, plan: plan, schedule: schedule, options: ChartOptions(language: .zh))
    let fitted = try PageFit(.graph, plan: plan, schedule: schedule, options: ChartOptions(language: .zh))
    #expect(fitted.chart.graph == plain.graph)
    #expect(fitted.nameSize == nil && fitted.advice == nil)
  }

  /// Forty tasks of one unit due in one month: a cell of forty cards.
  static let busyPlan: String = {
    var text = """
      plan: 墙图
      start: 2024-01-01
      owners:
        - { id: office, name: 督查室 }
        - { id: bureau, name: 财政局 }
      tasks:
        - { id: other, name: 其他任务, owner: bureau, duration: 5d, deadline: 2024-06-30 }

      """
    for i in 1...40 {
      text += "  - { id: t\(i), name: 落实第\(i)项改革任务的具体措施, owner: office, duration: 5d, deadline: 2024-03-20 }\n"
    }
    return text
  }()

  @Test func theBattleMapsCardsFollowThePagesShape() throws {
    let (plan, schedule) = try Self.scheduled(Self.busyPlan)
    var options = ChartOptions(language: .zh)
    options.byUnit = true
    options.pageSize = try PageSize.paper("A3", landscape: false)
    let fitted = try PageFit(.timeline, plan: plan, schedule: schedule, options: options)
    // As designed (two cards side by side for one above), measured on the same portrait page.
    let designed = Chart(.timeline, plan: plan, schedule: schedule, options: options)
    let size = try GraphvizRenderer().layoutSize(designed.graph)
    let page = try #require(options.pageSize)
    let designedName = 11 * min(page.width * 72 / size.width, page.height * 72 / size.height)
    let fittedName = try #require(fitted.nameSize)
    #expect(fittedName > designedName * 1.1, "a portrait page takes narrower rows of cards: \(fittedName) pt")
  }

  @Test func namesTooSmallToReadGetAdvice() throws {
    let (plan, schedule) = try Self.scheduled(Self.busyPlan)
    var options = ChartOptions(language: .zh)
    options.byUnit = true
    options.pageSize = try PageSize.pixels("320x200")
    let tiny = try PageFit(.timeline, plan: plan, schedule: schedule, options: options)
    let advice = try #require(tiny.advice)
    #expect(advice.contains("pixels") && advice.contains("--size "))
    options.pageSize = try PageSize.paper("A4", landscape: false)
    let a4 = try PageFit(.timeline, plan: plan, schedule: schedule, options: options)
    if let name = a4.nameSize, name < PageFit.readableSize {
      #expect(a4.advice?.contains("--paper A") == true || a4.advice?.contains("larger than A0") == true)
    }
  }

  /// Three summaries of twelve tasks each.
  static let deepPlan: String = {
    var text = """
      plan: 幻灯片
      start: 2024-01-01
      owners:
        - { id: office, name: 督查室 }
      tasks:

      """
    for s in 1...3 {
      text += "  - id: s\(s)\n    name: 第\(s)部分\n    tasks:\n"
      for i in 1...12 {
        text += "      - { id: t\(i), name: 第\(s)部分第\(i)项措施, owner: office, duration: \(i)d }\n"
      }
    }
    return text
  }()

  @Test func aSlideTooSmallForEveryTaskFoldsSummariesUnlessTold() throws {
    let (plan, schedule) = try Self.scheduled(Self.deepPlan)
    var options = ChartOptions(language: .zh)
    options.pageSize = try PageSize.pixels("1280x720")
    let slide = try PageFit(.graph, plan: plan, schedule: schedule, options: options)
    #expect(slide.foldedForPage)
    #expect(slide.chart.selection.folding?.depth == 1)
    #expect(slide.chart.selection.nodes.count == 3, "the three summaries")
    // --no-collapse, or a depth of the user's own, draws what was asked, with advice instead.
    options.collapse = .never
    let every = try PageFit(.graph, plan: plan, schedule: schedule, options: options)
    #expect(!every.foldedForPage && every.chart.selection.nodes.count == 36)
    #expect(every.advice != nil)
    #expect(try #require(slide.nameSize) >= PageFit.readableSize && slide.advice == nil)
    // A page too small for even the top level to be readable: nothing gained by folding, none done.
    options.collapse = .standard
    options.pageSize = try PageSize.pixels("320x180")
    let stamp = try PageFit(.graph, plan: plan, schedule: schedule, options: options)
    #expect(!stamp.foldedForPage && stamp.chart.selection.nodes.count == 36 && stamp.advice != nil)
    options.pageSize = try PageSize.pixels("1280x720")
    options.filter = TaskFilter(depth: 2)
    #expect(try PageFit(.graph, plan: plan, schedule: schedule, options: options).foldedForPage == false)
  }

  @Test func scalingTextScalesSizesAndFixedWidthsOnly() {
    let markup =
      "<TABLE CELLPADDING=\"4\" WIDTH=\"100\"><TR><TD HEIGHT=\"10\"><FONT POINT-SIZE=\"9\">a &quot; WIDTH=&quot;7"
      + "</FONT></TD></TR></TABLE>"
    let scaled = TextScaling.scaledHTML(markup, 2)
    #expect(
      scaled
        == "<TABLE CELLPADDING=\"4\" WIDTH=\"200\"><TR><TD HEIGHT=\"20\"><FONT POINT-SIZE=\"18\">a &quot; "
        + "WIDTH=&quot;7</FONT></TD></TR></TABLE>")
    var graph = DOTGraph(name: "g", nodeDefaults: ["fontsize": "11", "penwidth": "2"])
    graph.nodes = [DOTNode("a", ["label": .html(markup), "fontsize": "8.5"])]
    let big = graph.scalingText(by: 1.5)
    #expect(big.nodeDefaults["fontsize"]?.string == "16.5")
    #expect(big.nodeDefaults["penwidth"]?.string == "2", "lines keep their width")
    #expect(big.nodes[0].attributes["fontsize"]?.string == "12.75")
    #expect(big.edgeDefaults["fontsize"]?.string == "21", "Graphviz's default 14, scaled")
  }
}
