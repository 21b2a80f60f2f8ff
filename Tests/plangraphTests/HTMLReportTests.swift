import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `plangraph report`: one self-contained, well-formed HTML file, the same bytes every time, that a real
/// browser loads without errors.
@Suite(.serialized) struct HTMLReportTests {
  static let plan = "plans/chengqu-2017/plan.yaml"

  static func report(_ language: String, asOf: String = "2018-01-15", plan: String = plan) throws -> Data {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plangraph-report-\(UUID().uuidString).html")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try CommandRunner.run(["report", plan, "--as-of", asOf, "--lang", language, "-o", file.path])
    #expect(result.status == 0, "\(result.stderr)")
    return try Data(contentsOf: file)
  }

  @Test(arguments: ["zh", "en"])
  func matchesTheGoldenFileAndIsTheSameEveryTime(_ language: String) throws {
    let first = try Self.report(language)
    #expect(try Self.report(language) == first)
    Golden.check(first, "report-2018-01-15-\(language).html")
  }

  @Test func isWellFormedSelfContainedAndInTheUsersLanguage() throws {
    let data = try Self.report("zh")
    let html = String(decoding: data, as: UTF8.self)
    // Written as XHTML-compatible HTML, so that an XML parser can check every element is closed.
    let parser = XMLParser(data: data)
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
    // Nothing to run and nothing to fetch: the only addresses are the SVG namespaces.
    for forbidden in ["<script", "<link", "@import", "src=\"", "url("] {
      #expect(!html.contains(forbidden), "\(forbidden)")
    }
    #expect(!html.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http"))
    #expect(html.contains("@media print"))
    #expect(html.contains("<svg"))
    for text in ["逾期", "有风险", "即将到期", "已完成", "量化目标", "例行工作", "关键路径", "路线图", "进行动员部署", "四、方法步骤 / 进行动员部署"] {
      #expect(html.contains(text), "\(text)")
    }
    let english = String(decoding: try Self.report("en"), as: UTF8.self)
    #expect(
      english.contains("<html lang=\"en\">") && english.contains("Recurring duties") && english.contains("overdue"))
  }

  @Test func namesBuiltToBreakHTMLStayText() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-html-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = dir.appendingPathComponent("plan.yaml")
    try """
    plan: "<b>计划</b> & 'quotes' \\"double\\""
    start: 2017-09-01
    owner: "o"
    owners: [{ id: o, name: "<i>单位</i>" }]
    tasks:
      - { id: a, name: "</td></tr><script>alert(1)</script>", duration: 10d, deadline: 2017-09-05, source: "a&b<c>d" }
      - { id: b, name: "]]> <!-- -->", every: month }
    """.write(to: plan, atomically: true, encoding: .utf8)
    let data = try Self.report("zh", asOf: "2017-12-01", plan: plan.path)
    let parser = XMLParser(data: data)
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    let html = String(decoding: data, as: UTF8.self)
    #expect(!html.contains("<script>") && html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;"))
    #expect(html.contains("&lt;b&gt;计划&lt;/b&gt; &amp; &#39;quotes&#39; &quot;double&quot;"))
  }

  @Test func chromiumLoadsItWithoutErrorsOnADesktopAPhoneAndPaper() throws {
    guard
      let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(
        where: FileManager.default.isExecutableFile)
    else {
      Issue.record("Chromium is not installed: scripts/install-deps.sh installs it (Debian's chromium package)")
      return
    }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-chromium-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("report.html")
    try Self.report("zh").write(to: page)
    let flags = "--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions"
    func chrome(_ arguments: String) throws -> String {
      try CommandRunner.runShell(
        "HOME=\(dir.path) timeout 120 \(chromium) \(flags) --user-data-dir=\(dir.path)/profile \(arguments) file://\(page.path) 2>&1"
      )
    }
    // The DOM as the browser built it: the page parsed, nothing failed to load.
    let dom = try chrome("--enable-logging=stderr --v=0 --dump-dom")
    #expect(dom.contains("<h1>晋城市城区群团工作改革实施方案"))
    #expect(dom.contains("<svg"))
    for failure in ["Uncaught", "net::ERR", "Failed to load", "Refused to"] {
      #expect(!dom.contains(failure), "\(failure)")
    }
    // Screenshots on a desktop and a phone, and the print stylesheet to PDF.
    for (name, size) in [("desktop", "1280,2400"), ("phone", "390,2400")] {
      let png = dir.appendingPathComponent("\(name).png")
      _ = try chrome("--window-size=\(size) --screenshot=\(png.path)")
      let bytes = try Data(contentsOf: png)
      #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && bytes.count > 50_000, "\(name): \(bytes.count) bytes")
    }
    let pdf = dir.appendingPathComponent("print.pdf")
    _ = try chrome("--no-pdf-header-footer --print-to-pdf=\(pdf.path)")
    let printed = try Data(contentsOf: pdf)
    #expect(printed.starts(with: Array("%PDF".utf8)) && printed.count > 50_000)
  }
}
