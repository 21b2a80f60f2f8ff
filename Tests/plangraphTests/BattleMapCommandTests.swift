import Foundation
import Testing

/// `render --chart timeline --by unit` with a paper size, and the usage errors of the new options.
@Suite struct BattleMapCommandTests {
  static let plan = "plans/chengqu-2017/plan.yaml"

  @Test func drawsTheA3BattleMap() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("battle-\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try CommandRunner.run([
      "render", Self.plan, "--chart", "timeline", "--by", "unit", "--paper", "A3", "--landscape", "--as-of",
      "2018-01-15", "--lang", "zh", "-o", file.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let bytes = try Data(contentsOf: file)
    #expect(bytes.starts(with: Array("%PDF".utf8)))
  }

  @Test func usageErrors() throws {
    let cases: [([String], String)] = [
      (["--chart", "graph", "--by", "unit"], "--by unit draws the timeline"),
      (["--by", "lane"], "--by takes organisation or unit"),
      (["--size", "big"], "--size takes WIDTHxHEIGHT"),
      (["--paper", "B5"], "--paper takes A4, A3, A2, A1 or A0"),
      (["--landscape"], "--landscape goes with --paper"),
      (["--size", "800x600", "--paper", "A4"], "not both"),
    ]
    for (arguments, message) in cases {
      let result = try CommandRunner.run(["render", Self.plan, "-o", "/tmp/never.pdf"] + arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.stderr.contains(message), "\(result.stderr)")
    }
  }
}
