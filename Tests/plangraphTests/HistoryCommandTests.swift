import Foundation
import Testing

@testable import PlanHistory

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `diff`, `slip`, `history`, `report --since` and `render --chart trend` as a user runs them, over a
/// throwaway repository written through the libgit2 wrapper (the tool never runs git, nor do the tests).
@Suite struct HistoryCommandTests {
  let folder: String
  let commits: [GitObjectID]

  static let plan = """
    plan: 演示
    start: 2018-01-01
    owners: [{ id: a, name: 单位甲 }]
    tasks:
      - { id: build, name: 建设, owner: a, duration: 10d, deadline: 2018-01-20 }
      - { id: train, name: 培训, owner: a, duration: 5d, deadline: 2018-02-28 }

    """

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder + "/plan", withIntermediateDirectories: true)
    let repository = try GitRepository.create(at: folder)
    let second = Self.plan.replacingOccurrences(of: "duration: 10d", with: "duration: 30d")
    let third = second.replacingOccurrences(of: "deadline: 2018-01-20", with: "deadline: 2018-02-15")
    let broken = third.replacingOccurrences(of: "owners:", with: "include: [gone.yaml]\nowners:")
    var ids: [GitObjectID] = []
    for (index, (text, message, author)) in [
      (Self.plan, "First version", "李主任"), (second, "Building takes longer", "张干事"),
      (third, "建设延期", "王科长"),
    ].enumerated() {
      ids.append(
        try repository.writeCommit(
          files: ["plan/plan.yaml": Array(text.utf8)], message: message, author: author, email: "x@example.cn",
          time: Int64(17_532 + 10 * index) * 86_400 + 4 * 3600, parents: ids.suffix(1)))
    }
    ids.append(
      try repository.writeCommit(
        files: ["plan/plan.yaml": Array(broken.utf8)], message: "Broken include", author: "李主任", email: "x@example.cn",
        time: 17_600 * 86_400, parents: ids.suffix(1), updateHead: false))
    commits = ids
    try third.write(toFile: folder + "/plan/plan.yaml", atomically: true, encoding: .utf8)
  }

  var planPath: String { folder + "/plan/plan.yaml" }

  @Test func diffShowsTheMovementAndExitsOneWhenALateForecastIsNew() throws {
    let result = try CommandRunner.run([
      "diff", planPath + "@" + commits[0].short, "--to", commits[1].description, "--as-of", "2018-01-05",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.contains("duration: 10d → 30d"))
    #expect(result.stdout.contains("+20d"))
    #expect(result.stdout.contains("now forecast past its deadline"))
    let json = try CommandRunner.run([
      "diff", planPath, "--from", "HEAD~2", "--as-of", "2018-01-05", "--format", "json", "--lang", "zh",
    ])
    #expect(json.status == 0)  // extended with it: no longer late
    let object = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
    #expect(object?["to"] as? String == "工作区")
    let changed = try #require(object?["changed"] as? [[String: Any]])
    #expect(changed.first?["id"] as? String == "build")
  }

  @Test func diffOfTwoPlansOnDisk() throws {
    let other = folder + "/other.yaml"
    try Self.plan.replacingOccurrences(of: "id: train", with: "id: training").write(
      toFile: other, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["diff", planPath, other, "--as-of", "2018-01-05", "--format", "csv"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("changed,training,train,培训"))
    #expect(result.stdout.contains("changed,build,build,建设"))
  }

  @Test func errorsExitTwoWithAClearMessage() throws {
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-none-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: outside) }
    try Self.plan.write(toFile: outside.path + "/plan.yaml", atomically: true, encoding: .utf8)
    let noRepository = try CommandRunner.run(["diff", outside.path + "/plan.yaml", "--from", "HEAD"])
    #expect(noRepository.status == 2)
    #expect(noRepository.stderr.contains("is not inside a git repository"))
    let badRevision = try CommandRunner.run(["diff", planPath, "--from", "nonsense~~"])
    #expect(badRevision.status == 2)
    #expect(badRevision.stderr.contains("unknown revision 'nonsense~~'"))
    #expect(badRevision.stderr.contains("hint:"))
    let missing = try CommandRunner.run(["diff", folder + "/elsewhere/plan.yaml@HEAD", planPath])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("does not exist at revision 'HEAD'"))
    let include = try CommandRunner.run(["diff", planPath, "--from", commits[3].description])
    #expect(include.status == 2)
    #expect(include.stderr.contains("plan.yaml:3:11: error: cannot read"))
    #expect(include.stderr.contains("gone.yaml"))
    let usage = try CommandRunner.run(["diff", planPath])
    #expect(usage.status == 64)
  }

  @Test func slipSinceADateNamesWhoExtended() throws {
    let result = try CommandRunner.run(["slip", planPath, "--since", "2018-01-05", "--as-of", "2018-02-10"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("【单位甲】"))
    #expect(result.stdout.contains("deadline extended"))
    #expect(result.stdout.contains("build  2018-01-20 → 2018-02-15 (+26d)\n"))
    #expect(result.stdout.contains("— 王科长, 2018-01-21, \(commits[2].short) “建设延期”\n"))
    let early = try CommandRunner.run(["slip", planPath, "--since", "2017-12-01"])
    #expect(early.status == 2)
    #expect(early.stderr.contains("no commit of"))
  }

  @Test func historyAndItsErrors() throws {
    let result = try CommandRunner.run(["history", planPath, "build", "--format", "csv"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\r\n")
    #expect(lines.count == 4)
    #expect(lines[1].contains("First version") && lines[1].contains(",build,建设,2018-01-20,2018-01-10,"))
    #expect(lines[3].contains(",build,建设,2018-02-15,2018-01-30,"))
    let unknown = try CommandRunner.run(["history", planPath, "nothing"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("'nothing'"))
  }

  @Test func reportSinceAndTheTrendChart() throws {
    let html = folder + "/report.html"
    let report = try CommandRunner.run([
      "report", planPath, "--since", commits[0].description, "--as-of", "2018-02-10", "--no-chart", "-o", html,
    ])
    #expect(report.status == 0)
    let text = try String(contentsOfFile: html, encoding: .utf8)
    #expect(text.contains("<main>\n<section id=\"changes\" class=\"slip\">"))
    // Still XHTML-compatible: every element the section adds is closed.
    let parser = XMLParser(data: Data(text.utf8))
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
    #expect(text.contains("<tr class=\"extended s-at-risk\"><td>deadline extended</td><td>建设<br/><code>build</code>"))
    let dot = folder + "/trend.dot"
    let trend = try CommandRunner.run(["render", planPath, "--chart", "trend", "build", "train", "-o", dot])
    #expect(trend.status == 0)
    let graph = try String(contentsOfFile: dot, encoding: .utf8)
    #expect(graph.contains("\"layout\"=\"nop\""))
    #expect(graph.contains("s1p2"))
  }
}
