import Foundation
import Testing

@testable import PlanGraphviz

/// Names that DOT, Graphviz's label escapes or HTML would otherwise misread reach the picture unchanged.
@Suite struct LabelEscapingTests {
  /// Names with every character that means something to DOT, to labels or to HTML.
  static let awkward = [
    "引号 \"quoted\" 名称",
    "反斜杠 \\ 与 \\N \\n \\l \\G",
    "以反斜杠结尾\\",
    "& 与 &amp; 与 &#39;",
    "<b>不是粗体</b> > <",
    "方括号 ] [ 与 -> 与 -- 与 { }",
    "node",
    "graph",
    "subgraph",
    "edge",
    "strict digraph",
    "它's 单引号 '",
    "分号; 等号= 逗号,",
    "第一行\n第二行",
    "<TABLE><TR><TD>表格</TD></TR></TABLE>",
    "控制\u{1}字符\u{1F}与\u{7}响铃",
  ]

  /// The lines Graphviz shows for `name`: control characters other than tab become spaces, which XML
  /// (Graphviz's HTML labels, and SVG) cannot hold.
  private static func shownLines(_ name: String) -> [String] {
    let shown = String(
      String.UnicodeScalarView(
        name.unicodeScalars.map { $0.value < 0x20 && $0 != "\n" && $0 != "\t" ? " " : $0 }))
    return shown.split(separator: "\n").map(String.init)
  }

  @Test func plainLabels() {
    #expect(LabelText.plain("a\\b") == "a\\\\b")
    #expect(LabelText.plain("A & B") == "A &amp; B")
    #expect(LabelText.plain("一\n二") == "一\\n二")
    #expect(LabelText.plain("一\r\n二") == "一\\n二")
    #expect(LabelText.plainLines(["左", "右"], alignment: .left) == "左\\l右\\l")
    #expect(LabelText.plain("a\u{1}b\u{1F}c\td") == "a b c\td")
  }

  @Test func htmlLabels() {
    #expect(LabelText.html("<a & 'b'> \"c\"") == "&lt;a &amp; &#39;b&#39;&gt; &quot;c&quot;")
    #expect(LabelText.html("a\\b") == "a\\\\b")
    #expect(LabelText.html("一\n二") == "一<BR/>二")
    #expect(LabelText.html("a\u{1}b\u{1F}c\td") == "a b c\td")
  }

  @Test func quoting() {
    #expect(DOTSyntax.quoted("node") == "\"node\"")
    #expect(DOTSyntax.quoted("a\"b") == "\"a\\\"b\"")
    #expect(DOTSyntax.quoted("a\\\\b") == "\"a\\\\b\"")
    // An odd backslash before the closing quote would escape it; the encoder keeps the text well formed.
    #expect(DOTSyntax.quoted("end\\") == "\"end\\\\\"")
  }

  /// A node name for each awkward name: the name itself, its last backslash doubled when it ends in
  /// one (a DOT string cannot end in a lone backslash; task ids never contain one).
  private static func nodeName(_ name: String) -> String {
    name.hasSuffix("\\") ? name + "\\" : name
  }

  /// A graph whose labels are the awkward names, and whose node names too unless `plainNames`.
  private func awkwardGraph(plainNames: Bool = false) -> DOTGraph {
    var graph = DOTGraph(name: "graph \"awkward\"", attributes: ["fontname": "Noto Sans CJK SC"])
    for (index, name) in Self.awkward.enumerated() {
      let id = plainNames ? "plain \(index)" : Self.nodeName(name)
      graph.nodes.append(DOTNode(id, ["label": .text(LabelText.plain(name)), "shape": "box"]))
      // In bold: cgraph pools strings by text, so an HTML label must not be the text of a plain one.
      graph.nodes.append(DOTNode("html \(index)", ["label": .html("<B>" + LabelText.html(name) + "</B>")]))
    }
    let names = graph.nodes.map(\.name)
    for (a, b) in zip(names, names.dropFirst()) { graph.edges.append(DOTEdge(from: a, to: b)) }
    return graph
  }

  @Test func graphvizReadsBackWhatTheEncoderWrote() throws {
    let graph = awkwardGraph()
    let back = try GraphvizRenderer().readBack(dot: DOTEncoder().encode(graph))
    #expect(back.name == graph.name)
    #expect(Set(back.nodes.map(\.name)) == Set(graph.nodes.map(\.name)))
    let read = Dictionary(back.nodes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    for original in graph.nodes {
      #expect(read[original.name]?.attributes["label"] == original.attributes["label"], "label of \(original.name)")
    }
    #expect(Set(back.edges.map { [$0.from, $0.to] }) == Set(graph.edges.map { [$0.from, $0.to] }))
  }

  @Test func svgShowsEveryNameAsWritten() throws {
    // Node names are plain here: SVG titles decode `&amp;` in names, which task ids never contain.
    let rendering = try GraphvizRenderer().render(awkwardGraph(plainNames: true), format: .svg)
    let texts = try SVGText.nodeTexts(rendering.bytes)
    for (index, name) in Self.awkward.enumerated() {
      let lines = Self.shownLines(name)
      #expect(texts["plain \(index)"] == lines, "plain label of \(name)")
      #expect(texts["html \(index)"] == lines, "HTML label of \(name)")
    }
  }
}
