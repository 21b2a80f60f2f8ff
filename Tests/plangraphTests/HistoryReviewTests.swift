import Foundation
import PlanGraph
import Testing

@testable import PlanHistory

/// `history`, `slip` and `diff` against what the other outputs promise: the same counts as `schedule`,
/// plan text and commit metadata made inert, output to a file never cut, `--since DATE` on the main line,
/// statuses in words, an empty repository named as such.
@Suite struct HistoryReviewTests {
  let folder: String
  let repository: GitRepository

  static let plan = """
    plan: 复核
    start: 2018-01-01
    owners: [{ id: a, name: 单位甲 }]
    tasks:
      - id: part
        name: 第一部分
        owner: a
        tasks:
          - { id: build, name: "建设\\e[2J\\n伪造行", duration: 10d, deadline: 2018-01-20 }
          - { id: train, name: 培训, duration: 5d, deadline: 2018-01-10, status: blocked }
      - { id: dropped, name: 放弃, owner: a, duration: 5d, status: cancelled }
      - { id: review, name: 复核一项名称很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长, owner: a, duration: 3d }

    """

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-review-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder + "/plan", withIntermediateDirectories: true)
    repository = try GitRepository.create(at: folder)
  }

  var planPath: String { folder + "/plan/plan.yaml" }

  /// Seconds of noon, China time, on `2018-01-day`.
  static func noon(_ day: Int) -> Int64 { Int64(17_532 + day - 1) * 86_400 + 4 * 3600 }

  @discardableResult
  func commit(
    _ text: String, _ message: String, author: String = "李主任", day: Int, parents: [GitObjectID],
    head: Bool = true
  ) throws -> GitObjectID {
    try repository.writeCommit(
      files: ["plan/plan.yaml": Array(text.utf8)], message: message, author: author, email: "x@example.cn",
      time: Self.noon(day), parents: parents, updateHead: head)
  }

  func workingTree(_ text: String) throws {
    try text.write(toFile: planPath, atomically: true, encoding: .utf8)
  }

  @Test func historyCountsAreTheSchedulesCounts() throws {
    let first = try commit(Self.plan, "First", day: 2, parents: [])
    try commit(
      Self.plan.replacingOccurrences(of: "duration: 10d", with: "duration: 40d"), "Longer", day: 5, parents: [first])
    try workingTree(Self.plan.replacingOccurrences(of: "duration: 10d", with: "duration: 40d"))
    let history = try CommandRunner.run(["history", planPath, "--as-of", "2018-01-15", "--format", "json"])
    #expect(history.status == 0, "\(history.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: history.stdoutBytes) as? [String: Any])
    let commits = try #require(object["commits"] as? [[String: Any]])
    let last = try #require(commits.last?["counts"] as? [String: Int])
    let schedule = try CommandRunner.run(["schedule", planPath, "--as-of", "2018-01-15", "--format", "json"])
    let scheduled = try #require(try JSONSerialization.jsonObject(with: schedule.stdoutBytes) as? [String: Any])
    let counts = try #require(scheduled["counts"] as? [String: Int])
    #expect(last == counts)
    // Leaves only: the summary `part` is not a task of its own, the cancelled one is counted apart.
    #expect(last["tasks"] == 3 && last["cancelled"] == 1 && last["markedBlocked"] == 1)
    let table = try CommandRunner.run(["history", planPath, "--as-of", "2018-01-15", "--lang", "zh"])
    #expect(table.stdout.contains("逾期") && table.stdout.contains("有风险") && table.stdout.contains("正常"))
    let csv = try CommandRunner.run(["history", planPath, "--as-of", "2018-01-15", "--format", "csv"])
    let header = csv.stdout.split(separator: "\r\n").first.map(String.init) ?? ""
    #expect(header.contains(",tasks,done,overdue,at_risk,due_soon,blocked,on_track,cancelled,marked_blocked,"))
  }

  @Test func controlCharactersInCommitsAndNamesAreShownNotObeyed() throws {
    let first = try commit(Self.plan, "First", day: 2, parents: [])
    let extended = Self.plan.replacingOccurrences(of: "deadline: 2018-01-20", with: "deadline: 2018-02-20")
    try commit(
      extended, "延期\u{1B}]52;c;ZXZpbA==\u{07}\rForged: line\nsecond line", author: "王\u{1B}[31m科长", day: 5,
      parents: [first])
    try workingTree(extended)
    for format in ["table", "md"] {
      let slip = try CommandRunner.run([
        "slip", planPath, "--since", first.description, "--as-of", "2018-01-15", "--format", format,
      ])
      #expect(slip.status == 0, "\(slip.stderr)")
      #expect(!slip.stdout.contains("\u{1B}") && !slip.stdout.contains("\u{07}"), "\(format): \(slip.stdout)")
      #expect(slip.stdout.contains("\\e"), "\(format)")
      #expect(!slip.stdout.contains("\r") && !slip.stdout.contains("\n伪造行"), "\(format)")
    }
    let history = try CommandRunner.run(["history", planPath, "part.build", "--as-of", "2018-01-15"])
    #expect(history.status == 0)
    #expect(!history.stdout.contains("\u{1B}") && history.stdout.contains("建设\\e[2J\\n伪造行 (part.build)"))
    let plain = try CommandRunner.run(["history", planPath, "--as-of", "2018-01-15"])
    #expect(!plain.stdout.contains("\u{1B}") && !plain.stdout.contains("\r") && plain.stdout.contains("\\rForged"))
    let json = try CommandRunner.run(["slip", planPath, "--since", first.description, "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
    let items = try #require(object?["items"] as? [[String: Any]])
    let author = items.compactMap { ($0["commit"] as? [String: Any])?["author"] as? String }.first
    #expect(author == "王\u{1B}[31m科长")  // JSON keeps the text, escaped by the JSON writer
  }

  @Test func outputToAFileIsNotCutAndWidthSetsIt() throws {
    let long = "A message long enough to pass eighty columns, so that a cut would show here: the end"
    let first = try commit(Self.plan, long, day: 2, parents: [])
    let second = Self.plan.replacingOccurrences(of: "duration: 3d", with: "duration: 30d")
    try commit(second, long, day: 5, parents: [first])
    try workingTree(second)
    let history = try CommandRunner.run(["history", planPath, "--as-of", "2018-01-15"])
    #expect(history.stdout.contains("the end"))
    let slip = try CommandRunner.run(["slip", planPath, "--since", first.description, "--as-of", "2018-01-15"])
    #expect(slip.stdout.contains("很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长"))
    let diff = try CommandRunner.run(["diff", planPath, "--from", first.description, "--as-of", "2018-01-15"])
    #expect(diff.stdout.contains("很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长"))
    for (command, width) in [
      (["history", planPath], 110), (["slip", planPath, "--since", first.description], 50),
      (["diff", planPath, "--from", first.description], 50),
    ] {
      let narrow = try CommandRunner.run(command + ["--as-of", "2018-01-15", "--width", "\(width)"])
      #expect(narrow.status == 0)
      #expect(narrow.stdout.contains("…"))
      #expect(narrow.stdout.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= width }, "\(narrow.stdout)")
    }
  }

  @Test func sinceADateFollowsTheMainLine() throws {
    let first = try commit(Self.plan, "Main one", day: 2, parents: [])
    let side = try commit(
      Self.plan.replacingOccurrences(of: "duration: 5d, deadline", with: "duration: 25d, deadline"), "Side", day: 8,
      parents: [first], head: false)
    let main = try commit(
      Self.plan.replacingOccurrences(of: "duration: 3d", with: "duration: 4d"), "Main two", day: 10, parents: [first])
    let merged = Self.plan.replacingOccurrences(of: "duration: 3d", with: "duration: 4d")
      .replacingOccurrences(of: "duration: 5d, deadline", with: "duration: 25d, deadline")
    try commit(merged, "Merge side", day: 12, parents: [main, side])
    try workingTree(merged)
    // On 9 January the main line held the first commit; the side branch arrived with the merge.
    let slip = try CommandRunner.run(["slip", planPath, "--since", "2018-01-09", "--as-of", "2018-01-15"])
    #expect(slip.status == 0, "\(slip.stderr)")
    #expect(slip.stdout.contains("since \(first.short)"), "\(slip.stdout)")
    #expect(!slip.stdout.contains(side.short))
    // A month means its first day: on 1 January nothing was committed yet.
    let month = try CommandRunner.run(["slip", planPath, "--since", "2018-01", "--as-of", "2018-01-15"])
    #expect(month.status == 2)
    #expect(month.stderr.contains("on or before 2018-01-01"))
  }

  @Test func statusesInWordsUnderChinese() throws {
    let first = try commit(Self.plan, "First", day: 2, parents: [])
    try workingTree(Self.plan.replacingOccurrences(of: "duration: 3d }", with: "duration: 3d, status: active }"))
    let diff = try CommandRunner.run([
      "diff", planPath, "--from", first.description, "--as-of", "2018-01-05", "--lang", "zh",
    ])
    #expect(diff.stdout.contains("状态: 未开始 → 进行中"), "\(diff.stdout)")
    let markdown = try CommandRunner.run([
      "diff", planPath, "--from", first.description, "--as-of", "2018-01-05", "--lang", "zh", "--format", "md",
    ])
    #expect(markdown.stdout.contains("状态: 未开始 → 进行中"))
  }

  @Test func aRepositoryWithNoCommitsSaysSo() throws {
    try workingTree(Self.plan)
    for command in [["history", planPath], ["slip", planPath, "--since", "2018-01-09"]] {
      let result = try CommandRunner.run(command)
      #expect(result.status == 2)
      #expect(result.stderr.contains("the repository has no commits yet"), "\(result.stderr)")
      #expect(!result.stderr.contains("unknown revision"))
    }
  }
}
