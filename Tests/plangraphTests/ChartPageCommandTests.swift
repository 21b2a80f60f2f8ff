import Foundation
import Testing

@testable import PlanHistory

/// `--size` and `--paper` as every chart takes them: the trend too, PNG sizes cairo can draw, and the
/// page advice and usage errors in the command's language.
@Suite struct ChartPageCommandTests {
  static let plan = "plans/chengqu-2017/plan.yaml"

  @Test func theTrendIsDrawnToTheSizeAsked() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-trend-\(UUID().uuidString)")
      .path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/plan", withIntermediateDirectories: true)
    let repository = try GitRepository.create(at: folder)
    let text = """
      plan: 趋势
      start: 2018-01-01
      tasks:
        - { id: build, name: 建设, duration: 10d, deadline: 2018-01-20 }

      """
    _ = try repository.writeCommit(
      files: ["plan/plan.yaml": Array(text.utf8)], message: "First", author: "李主任", email: "x@example.cn",
      time: 17_532 * 86_400, parents: [])
    try text.write(toFile: folder + "/plan/plan.yaml", atomically: true, encoding: .utf8)
    let dot = folder + "/trend.dot"
    let sized = try CommandRunner.run([
      "render", folder + "/plan/plan.yaml", "--chart", "trend", "--size", "960x480", "-o", dot,
    ])
    #expect(sized.status == 0, "\(sized.stderr)")
    let graph = try String(contentsOfFile: dot, encoding: .utf8)
    #expect(graph.contains("\"size\"=\"10,5!\""), "\(graph.prefix(400))")
    #expect(graph.contains("\"dpi\"=\"96\""))
    let bad = try CommandRunner.run([
      "render", folder + "/plan/plan.yaml", "--chart", "trend", "--size", "10x10", "-o", dot,
    ])
    #expect(bad.status == 64 && bad.stderr.contains("--size takes WIDTHxHEIGHT"), "\(bad.stderr)")
  }

  @Test func aPNGLargerThanCairoDrawsIsRefusedWithAHint() throws {
    let result = try CommandRunner.run([
      "render", Self.plan, "--size", "100000x100000", "-o", "/tmp/never.png", "--lang", "zh",
    ])
    #expect(result.status == 64)
    #expect(result.stderr.contains("PNG 每边最多 32000 像素"), "\(result.stderr)")
    #expect(!result.stderr.contains("cairo-renderer"))
    // The same size as SVG is vectors, and is drawn.
    let svg = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).svg")
    defer { try? FileManager.default.removeItem(at: svg) }
    let vector = try CommandRunner.run([
      "render", Self.plan, "--size", "100000x100000", "--depth", "1", "--as-of", "2018-01-15", "-o", svg.path,
    ])
    #expect(vector.status == 0, "\(vector.stderr)")
  }

  @Test func pageAdviceAndSizeErrorsInChinese() throws {
    let png = FileManager.default.temporaryDirectory.appendingPathComponent("tiny-\(UUID().uuidString).png")
    defer { try? FileManager.default.removeItem(at: png) }
    let tiny = try CommandRunner.run([
      "render", Self.plan, "--size", "160x90", "--no-collapse", "--as-of", "2018-01-15", "--lang", "zh", "-o",
      png.path,
    ])
    #expect(tiny.status == 0, "\(tiny.stderr)")
    #expect(tiny.stderr.contains("任务名称只有 ") && tiny.stderr.contains("像素，难以看清；用 --size "), "\(tiny.stderr)")
    #expect(!tiny.stderr.contains("hard to read"))
    // Far too small: the size keeps a figure that is not zero.
    #expect(!tiny.stderr.contains("只有 0 像素"))
    let paper = try CommandRunner.run(["render", Self.plan, "--paper", "B5", "-o", "/tmp/never.pdf", "--lang", "zh"])
    #expect(paper.status == 64 && paper.stderr.contains("--paper 只能是 A4、A3、A2、A1 或 A0"), "\(paper.stderr)")
    let size = try CommandRunner.run(["render", Self.plan, "--size", "big", "-o", "/tmp/never.pdf", "--lang", "zh"])
    #expect(size.status == 64 && size.stderr.contains("--size 要写"), "\(size.stderr)")
  }

  @Test func anSVGDrawnToASizeInPixelsIsThatManyPixelsWide() throws {
    let svg = FileManager.default.temporaryDirectory.appendingPathComponent("slide-\(UUID().uuidString).svg")
    defer { try? FileManager.default.removeItem(at: svg) }
    let result = try CommandRunner.run([
      "render", Self.plan, "--size", "960x480", "--depth", "1", "--as-of", "2018-01-15", "-o", svg.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOf: svg, encoding: .utf8)
    func points(_ name: String) throws -> Double {
      let value = try #require(
        text.range(of: "<svg width=").flatMap { text[$0.lowerBound...].range(of: name + "=\"") }.map {
          text[$0.upperBound...].prefix { $0 != "\"" }
        })
      #expect(value.hasSuffix("pt"))
      return try #require(Double(value.dropLast(2)))
    }
    // 960 × 480 pixels are 720 × 360 points; the chart keeps its proportions and fills one of them.
    let (width, height) = (try points("width"), try points("height"))
    #expect(width <= 720.5 && height <= 360.5, "\(width) × \(height)")
    #expect(width > 715 || height > 355, "\(width) × \(height)")
  }
}
