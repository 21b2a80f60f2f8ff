import ArgumentParser
import Foundation
import Synchronization
import Testing

@testable import plangraph

/// `plangraph render` as argv in, exit status and file out.
@Suite struct RenderCommandTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let small = repository.appendingPathComponent("Tests/PlanGraphvizTests/Fixtures/small/plan.yaml").path

  /// Runs `plangraph` with `arguments` in this process and returns its exit status.
  private func run(_ arguments: [String]) -> Int32 {
    do {
      var command = try PlanGraphCommand.parseAsRoot(arguments)
      try command.run()
      return 0
    } catch {
      return PlanGraphCommand.exitCode(for: error).rawValue
    }
  }

  /// A fresh folder for output files.
  private func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-render-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private func bytes(_ url: URL) -> [UInt8] {
    (try? Array(Data(contentsOf: url))) ?? []
  }

  @Test func formatFollowsTheExtension() throws {
    let out = try folder()
    defer { try? FileManager.default.removeItem(at: out) }
    let cases: [(String, [UInt8])] = [
      ("chart.svg", Array("<?xml".utf8)), ("chart.png", [0x89, 0x50, 0x4E, 0x47]), ("chart.pdf", Array("%PDF".utf8)),
      ("chart.dot", Array("digraph".utf8)),
    ]
    for (name, signature) in cases {
      let file = out.appendingPathComponent(name)
      #expect(run(["render", Self.small, "-o", file.path, "--as-of", "2018-02-15", "--lang", "zh"]) == 0)
      #expect(bytes(file).starts(with: signature), "\(name)")
    }
  }

  @Test(arguments: ["graph", "timeline", "gantt"])
  func everyChart(_ chart: String) throws {
    let out = try folder()
    defer { try? FileManager.default.removeItem(at: out) }
    let file = out.appendingPathComponent("chart.svg")
    #expect(
      run(["render", Self.small, "-o", file.path, "--chart", chart, "--as-of", "2018-02-15", "--lang", "en"]) == 0)
    #expect(String(decoding: bytes(file), as: UTF8.self).contains("as of 2018&#45;02&#45;15"))
  }

  @Test func formatOverridesTheExtension() throws {
    let out = try folder()
    defer { try? FileManager.default.removeItem(at: out) }
    let file = out.appendingPathComponent("chart.out")
    #expect(run(["render", Self.small, "-o", file.path, "--format", "png", "--as-of", "2018-02-15"]) == 0)
    #expect(bytes(file).starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }

  @Test func filtersReachTheChart() throws {
    let out = try folder()
    defer { try? FileManager.default.removeItem(at: out) }
    let file = out.appendingPathComponent("chart.dot")
    let arguments = [
      "render", Self.small, "-o", file.path, "--owner", "league", "--depth", "2", "--critical-only", "--as-of",
      "2018-02-15", "--lang", "zh",
    ]
    #expect(run(arguments) == 0)
    let text = String(decoding: bytes(file), as: UTF8.self)
    #expect(text.contains("\"youth.survey\" ["))
    #expect(!text.contains("\"reform.plan\" ["))
  }

  @Test func theWindowDecidesWhatIsDueSoon() throws {
    let out = try folder()
    defer { try? FileManager.default.removeItem(at: out) }
    let file = out.appendingPathComponent("chart.dot")
    var dueSoon: [String] = []
    for window in ["30d", "0d"] {
      let arguments = [
        "render", Self.small, "-o", file.path, "--as-of", "2018-02-15", "--lang", "en", "--window", window,
      ]
      #expect(run(arguments) == 0)
      let text = String(decoding: bytes(file), as: UTF8.self)
      dueSoon.append(text.firstMatch(of: /◐ (\d+) due soon/).map { String($0.1) } ?? "none")
    }
    #expect(dueSoon[0] != "0" && dueSoon[0] != "none", "\(dueSoon)")
    #expect(dueSoon[1] == "0", "\(dueSoon)")
  }

  @Test func badUsageIsStatus64() throws {
    let out = try folder()
    defer { try? FileManager.default.removeItem(at: out) }
    let svg = out.appendingPathComponent("chart.svg").path
    #expect(run(["render", Self.small, "-o", out.appendingPathComponent("chart.jpg").path]) == 64)
    #expect(run(["render", Self.small, "-o", svg, "--chart", "pie"]) == 64)
    #expect(run(["render", Self.small, "-o", svg, "--format", "gif"]) == 64)
    #expect(run(["render", Self.small, "-o", svg, "--cluster-by", "colour"]) == 64)
    #expect(run(["render", Self.small, "-o", svg, "--depth", "0"]) == 64)
    #expect(run(["render", Self.small, "-o", svg, "--window", "soon"]) == 64)
    #expect(run(["render", Self.small, "-o", svg, "--owner", "nobody"]) == 64)
    #expect(run(["render", Self.small, "-o", svg, "--root", "no.such.task"]) == 64)
    #expect(!FileManager.default.fileExists(atPath: svg))
  }

  @Test func anInvalidPlanIsStatus2() throws {
    let out = try folder()
    defer { try? FileManager.default.removeItem(at: out) }
    let plan = out.appendingPathComponent("plan.yaml")
    try "plan: 坏计划\nstart: 2018-01-01\ntasks:\n  - id: a\n    name: 甲\n    after: [missing]\n".write(
      to: plan, atomically: true, encoding: .utf8)
    #expect(run(["render", plan.path, "-o", out.appendingPathComponent("chart.svg").path]) == 2)
  }

  @Test func anUnwritableFileIsStatus1() throws {
    let out = try folder()
    defer { try? FileManager.default.removeItem(at: out) }
    let file = out.appendingPathComponent("no-such-folder/chart.svg").path
    #expect(run(["render", Self.small, "-o", file, "--as-of", "2018-02-15"]) == 1)
  }

  /// What a `RenderProgress` wrote.
  private final class Written: Sendable {
    private let text = Mutex("")
    /// Adds `more`.
    func append(_ more: String) { text.withLock { $0 += more } }
    /// Everything written so far.
    var all: String { text.withLock { $0 } }
  }

  @Test func progressStopsWithoutWaitingForItsNextLook() {
    var fastest = Duration.seconds(10)
    for _ in 0..<3 {
      let progress = RenderProgress(onTerminal: false, write: { _ in })
      // The watcher has taken its first look and is waiting for the next.
      Thread.sleep(forTimeInterval: 0.02)
      let clock = ContinuousClock()
      let started = clock.now
      progress.stop(summary: "")
      fastest = min(fastest, started.duration(to: clock.now))
    }
    #expect(fastest < .milliseconds(50), "stop took \(fastest)")
  }

  @Test func progressOffATerminalIsOneLinePerStage() {
    let written = Written()
    let progress = RenderProgress(onTerminal: false, quietFor: .zero, write: { written.append($0) })
    progress.update("building the graph chart")
    for _ in 0..<100 where !written.all.contains("building") { Thread.sleep(forTimeInterval: 0.01) }
    progress.stop(summary: "all done")
    let lines = written.all.split(separator: "\n")
    #expect(lines.count == 2, "\(lines)")
    #expect(lines.first?.hasPrefix("plangraph: building the graph chart… ") == true)
    #expect(lines.last?.hasPrefix("plangraph: done in ") == true)
    #expect(lines.last?.hasSuffix(" s; all done") == true)
    #expect(!written.all.contains("\u{1B}"))
  }

  @Test func aNoteOnATerminalClearsTheProgressLineFirst() {
    let written = Written()
    let progress = RenderProgress(onTerminal: true, quietFor: .zero, write: { written.append($0) })
    progress.update("building the graph chart")
    for _ in 0..<100 where !written.all.contains("building") { Thread.sleep(forTimeInterval: 0.01) }
    progress.note("plangraph: 2000 tasks are too many")
    progress.stop(summary: "all done")
    let text = written.all
    let note = text.range(of: "\r\u{1B}[Kplangraph: 2000 tasks are too many\n")
    #expect(note != nil, "\(text.debugDescription)")
    // The progress line came before it, on the same line.
    #expect(text.hasPrefix("\r\u{1B}[Kplangraph: building the graph chart… "))
    #expect(text.hasSuffix(" s; all done\n"))
  }

  @Test func help() {
    Golden.check(Data(RenderCommand.helpMessage(columns: 100).utf8), "render-help.txt")
  }
}
