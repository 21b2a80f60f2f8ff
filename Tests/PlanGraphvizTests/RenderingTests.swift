import Foundation
import PlanGraph
import Testing

@testable import PlanGraphviz

/// Real output from Graphviz: PNG and PDF files that are what they say, SVG that is XML with the Chinese names.
@Suite struct RenderingTests {
  private func render(_ kind: ChartKind, _ format: OutputFormat) throws -> Rendering {
    let (plan, schedule) = try #require(TestPlans.small)
    let chart = Chart(kind, plan: plan, schedule: schedule, options: ChartOptions(language: .zh))
    return try GraphvizRenderer().render(chart.graph, format: format)
  }

  @Test(arguments: ChartKind.allCases)
  func png(_ kind: ChartKind) throws {
    let rendering = try render(kind, .png)
    #expect(rendering.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    #expect(rendering.bytes.count > 20_000)
    #expect(rendering.dpi == GraphvizRenderer.bitmapDPI || (rendering.dpi ?? 0) > 90)
    #expect(rendering.warnings.isEmpty, "\(rendering.warnings)")
  }

  @Test(arguments: ChartKind.allCases)
  func pdf(_ kind: ChartKind) throws {
    let rendering = try render(kind, .pdf)
    #expect(rendering.bytes.starts(with: Array("%PDF-".utf8)))
    #expect(rendering.bytes.count > 10_000)
    // Fonts are embedded, so that Chinese shows without them installed.
    #expect(String(decoding: rendering.bytes, as: UTF8.self).contains("NotoSansCJK"))
    // No wall-clock stamp: the same chart is the same bytes on any day.
    #expect(String(decoding: rendering.bytes, as: UTF8.self).contains("/CreationDate (D:19700101000000"))
  }

  @Test func theCreationDateIsReplacedInPlaceKeepingTheLength() {
    let pdf = Array("%PDF-1.5\n<< /CreationDate (D:20261205024933Z) >>\n".utf8)
    let fixed = PDFCreationDate.fixed(pdf)
    #expect(fixed.count == pdf.count)
    #expect(String(decoding: fixed, as: UTF8.self) == "%PDF-1.5\n<< /CreationDate (D:19700101000000Z) >>\n")
  }

  @Test(arguments: ChartKind.allCases)
  func svg(_ kind: ChartKind) throws {
    let rendering = try render(kind, .svg)
    let (plan, _) = try #require(TestPlans.small)
    let svg = try SVGText.parse(rendering.bytes)
    let shown = svg.strings.joined(separator: "\n")
    #expect(svg.fontFamilies == [ChartOptions.defaultFont])
    if !shown.contains(plan.title) { Issue.record("title missing from the \(kind) chart") }
    // The awkward name may wrap before its `\N`.
    for name in ["制定改革方案", "召开动员大会", "青年需求调研", "修订\"工作规则\" & <制度>", "\\N"] where !shown.contains(name) {
      Issue.record("\(name) missing from the \(kind) chart")
    }
    for word in ["逾期", "有风险", "即将到期", "受阻", "已完成", "已取消", "截至 2018-02-15"] where !shown.contains(word) {
      Issue.record("\(word) missing from the \(kind) chart")
    }
  }

  /// A plan whose title, owner and task names hold control characters, which XML cannot.
  static let controlCharacters = """
    plan: "计划\\x01标题"
    start: 2018-01-01
    owners:
      - { id: union, name: "区总\\x02工会" }
    tasks:
      - id: a
        name: "任务\\x01甲\\x1F"
        owner: union
        duration: 1w
        deadline: 2018-01-05
      - id: b
        name: "任务\\x07乙"
        owner: union
        duration: 1w
        after: [a]
    """

  @Test(arguments: ChartKind.allCases)
  func controlCharactersStillMakeWellFormedSVG(_ kind: ChartKind) throws {
    let (plan, schedule) = try #require(
      TestPlans.load(text: Self.controlCharacters, asOf: TestPlans.day("2018-01-10")))
    #expect(plan.title == "计划\u{1}标题")
    let chart = Chart(kind, plan: plan, schedule: schedule, options: ChartOptions(language: .zh))
    let rendering = try GraphvizRenderer().render(chart.graph, format: .svg)
    let shown = try SVGText.parse(rendering.bytes).strings.joined(separator: "\n")
    #expect(shown.contains("计划 标题"))
    #expect(shown.contains("任务 甲"))
  }

  @Test func theGraphNamesItsOwnLayout() throws {
    // Two unconnected nodes 700 points apart: dot would put them side by side.
    let pinned = DOTGraph(
      name: "pinned", attributes: ["layout": "nop"],
      nodes: [DOTNode("a", ["pos": "0,0"]), DOTNode("b", ["pos": "700,0"])])
    let svg = String(decoding: try GraphvizRenderer().render(pinned, format: .svg).bytes, as: UTF8.self)
    let width = try #require(svg.firstMatch(of: /<svg width="(\d+)pt"/).flatMap { Int($0.1) })
    #expect(width > 700)
  }

  @Test func dotFormatIsTheEncodersText() throws {
    let (plan, schedule) = try #require(TestPlans.small)
    let chart = Chart(.graph, plan: plan, schedule: schedule, options: ChartOptions(language: .en))
    let rendering = try GraphvizRenderer().render(chart.graph, format: .dot)
    #expect(String(decoding: rendering.bytes, as: UTF8.self) == DOTEncoder().encode(chart.graph))
  }

  @Test func graphvizErrorsAreThrownNotPrinted() {
    let broken = DOTGraph(name: "broken", nodes: [DOTNode("a", ["label": .html("<TABLE><TR></TABLE>")])])
    #expect(throws: GraphvizError.self) { try GraphvizRenderer().render(broken, format: .svg) }
    #expect(throws: GraphvizError.self) { try GraphvizRenderer().readBack(dot: "digraph { a -> }") }
    // The lock and context survive an error.
    #expect(throws: Never.self) { try GraphvizRenderer().render(DOTGraph(name: "fine"), format: .svg) }
  }

  @Test func warningsComeBackWithTheRendering() throws {
    let odd = DOTGraph(name: "odd", nodes: [DOTNode("a", ["shape": "no-such-shape"])])
    let rendering = try GraphvizRenderer().render(odd, format: .svg)
    #expect(rendering.warnings.contains { $0.contains("no-such-shape") })
  }

  @Test func fileFormatsFromExtensions() {
    #expect(OutputFormat(fileName: "graphs/a.svg") == .svg)
    #expect(OutputFormat(fileName: "A.PNG") == .png)
    #expect(OutputFormat(fileName: "x.pdf") == .pdf)
    #expect(OutputFormat(fileName: "x.gv") == .dot)
    #expect(OutputFormat(fileName: "x.jpg") == nil)
    #expect(OutputFormat(fileName: "dir.svg/x") == nil)
  }

  @Test func aPNGOverItsByteLimitIsDrawnOnceMoreWithinIt() throws {
    let (plan, schedule) = try #require(TestPlans.small)
    let chart = Chart(.gantt, plan: plan, schedule: schedule, options: ChartOptions(language: .zh))
    let free = try GraphvizRenderer().render(
      chart.graph, format: .png, limits: BitmapLimits(maxPixels: 16_000_000, maxBytes: nil))
    let firstDPI = try #require(free.dpi)
    for limit in [free.bytes.count * 9 / 10, free.bytes.count / 3] {
      let limited = try GraphvizRenderer().render(
        chart.graph, format: .png, limits: BitmapLimits(maxPixels: 16_000_000, maxBytes: limit))
      #expect(limited.bytes.count <= limit, "\(limited.bytes.count) bytes over \(limit)")
      // The second drawing, at the first one's resolution scaled by the size ratio (less 3%), and
      // nudged down by hundredths to whole pixels: no third.
      let dpi = try #require(limited.dpi)
      let scaled = firstDPI * Double(limit) / Double(free.bytes.count) * 0.97
      #expect(dpi <= scaled && dpi > scaled - 0.5, "\(dpi) dpi for \(scaled)")
    }
  }

  @Test func aByteLimitNoPNGCanMeetStillGivesOne() throws {
    let (plan, schedule) = try #require(TestPlans.small)
    let chart = Chart(.gantt, plan: plan, schedule: schedule, options: ChartOptions(language: .zh))
    let rendering = try GraphvizRenderer().render(
      chart.graph, format: .png, limits: BitmapLimits(maxPixels: 16_000_000, maxBytes: 10))
    #expect(rendering.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(rendering.bytes.count > 10)
    #expect(rendering.dpi == 1)
  }

  @Test func largeBitmapsAreDrawnSmaller() {
    // 960 × 960 pixels at 96 dpi: within the limit, and whole.
    #expect(GraphvizRenderer.dpi(width: 720, height: 720, maxPixels: 16_000_000, below: 96) == 96)
    let dpi = GraphvizRenderer.dpi(width: 7200, height: 7200, maxPixels: 16_000_000, below: 96)
    #expect(dpi < 41 && dpi > 39)
    // Whole pixels rounded down on both sides, so the background covers the canvas.
    let x = 7200 * dpi / 72
    #expect(x - x.rounded(.down) < 0.5)
  }
}

/// Issue 13, D13: a PNG longer than cairo's side limit is drawn at a lower resolution, with the render's
/// own warning, instead of Graphviz scaling it and printing to stderr.
@Suite struct BitmapSideLimitTests {
  @Test func aVeryLongChartStaysWithinCairosSideLimit() throws {
    let long = DOTGraph(
      name: "long", attributes: ["layout": "nop"],
      nodes: [DOTNode("a", ["pos": "0,0"]), DOTNode("b", ["pos": "400000,0"])])
    let rendering = try GraphvizRenderer().render(long, format: .png)
    let bytes = rendering.bytes
    #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
    #expect(width > 30_000 && width < 32_767)
    #expect(rendering.warnings.contains { $0.contains("more than a PNG's 32767 pixels") }, "\(rendering.warnings)")
    #expect(!rendering.warnings.contains { $0.contains("too large for cairo") })
  }
}
