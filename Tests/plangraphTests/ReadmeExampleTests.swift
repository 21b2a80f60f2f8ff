import Foundation
import Testing

/// The README's own examples run: every complete plan it prints (a `yaml` block starting with `plan:`)
/// loads and schedules, the "Writing a plan" example without a single warning and with the commands
/// printed under it, and the quick tour's commands on the bundled plan exit as the README says — at a
/// fixed as-of date, so nothing depends on today.
@Suite struct ReadmeExampleTests {
  static let readme = CommandRunner.packageRoot.appendingPathComponent("README.md")

  /// A fenced block of the README: its language word and its text.
  struct Block {
    var language: String
    var text: String
  }

  /// The fenced blocks of a Markdown text, in order.
  static func blocks(in markdown: String) -> [Block] {
    var blocks: [Block] = []
    var current: (language: String, lines: [Substring])?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        if let open = current {
          blocks.append(Block(language: open.language, text: open.lines.joined(separator: "\n")))
          current = nil
        } else {
          current = (String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), [])
        }
      } else {
        current?.lines.append(line)
      }
    }
    return blocks
  }

  /// The blocks of one `## ` section of the README.
  static func blocks(inSection title: String, of markdown: String) -> [Block] {
    guard let start = markdown.range(of: "\n## \(title)\n") else { return [] }
    let rest = markdown[start.upperBound...]
    let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
    return blocks(in: String(rest[..<end]))
  }

  /// Whether a YAML block is a whole plan: its first line that is not a comment names the plan, and it
  /// has a start (the schema comment's two-line fragment is not a plan).
  static func isPlan(_ block: Block) -> Bool {
    guard block.language == "yaml" else { return false }
    let lines = block.text.split(separator: "\n")
    let first = lines.first { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
    return (first?.hasPrefix("plan:") ?? false) && lines.contains { $0.hasPrefix("start:") }
  }

  static func temporaryPlan(_ text: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("plan.yaml")
    try Data(text.utf8).write(to: file)
    return file
  }

  @Test func theBlockReaderCanFail() {
    // A plan block, a fragment and a shell block: only the first is a plan.
    let found = Self.blocks(
      in: "x\n```yaml\n# c\nplan: a\nstart: 2018\n```\n```yaml\nplan: a\n```\n```sh\nplan: b\nstart: 2018\n```\n")
    #expect(found.map(\.language) == ["yaml", "yaml", "sh"])
    #expect(found.map(Self.isPlan) == [true, false, false])
  }

  @Test func everyPlanInTheReadmeLoadsAndSchedules() throws {
    let readme = try String(contentsOf: Self.readme, encoding: .utf8)
    let plans = Self.blocks(in: readme).filter(Self.isPlan)
    #expect(plans.count >= 2, "the README prints a plan in 'Writing a plan' and in 'Working days'")
    for plan in plans {
      let file = try Self.temporaryPlan(plan.text)
      defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
      let check = try CommandRunner.run(["check", file.path, "--as-of", "2018-07-15"])
      #expect(check.status == 0, "a README plan does not load: \(check.stderr)\n\(plan.text)")
      let schedule = try CommandRunner.run(["schedule", file.path, "--as-of", "2018-07-15", "--format", "json"])
      #expect(schedule.status == 0, "a README plan does not schedule: \(schedule.stderr)")
    }
  }

  @Test func theWritingAPlanExampleIsCleanAndShowsWhatItSays() throws {
    let readme = try String(contentsOf: Self.readme, encoding: .utf8)
    let section = Self.blocks(inSection: "Writing a plan", of: readme)
    let plan = try #require(section.first(where: Self.isPlan), "no plan in 'Writing a plan'")
    let file = try Self.temporaryPlan(plan.text)
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }

    // Not one warning: the example is how a plan should be written.
    let strict = try CommandRunner.run(["check", "--strict", "--format", "json", file.path, "--as-of", "2018-07-15"])
    #expect(strict.status == 0, "\(strict.stdout)\(strict.stderr)")
    let diagnostics = try JSONSerialization.jsonObject(with: strict.stdoutBytes) as? [Any]
    #expect(diagnostics?.isEmpty == true, "\(strict.stdout)")

    // The commands printed under it, on the example, exit as they should: overdue says 1, since
    // staffing missed the end of 2017.
    let commands = section.filter { $0.language == "sh" }.flatMap { $0.text.split(separator: "\n") }
      .filter { $0.hasPrefix("plangraph ") }
    #expect(commands.count == 2)
    for command in commands {
      let words = Self.words(of: command).map { $0 == "plan.yaml" ? file.path : $0 }
      let run = try CommandRunner.run(words)
      #expect(run.status == (words.first == "overdue" ? 1 : 0), "\(command): \(run.stderr)")
    }
    let overdue = try CommandRunner.run(["overdue", file.path, "--as-of", "2018-07-15", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: overdue.stdoutBytes) as? [String: Any])
    let ids = ((object["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    #expect(ids.contains("organ.staffing"))
    #expect(!ids.contains("organ.departments"), "departments is done")
  }

  /// The tour's commands that need the repository's git history; `HistoryCommandTests` runs them on a
  /// scripted repository instead.
  static let historyCommands: Set<String> = ["diff", "slip", "history"]

  /// Commands that read an as-of date: the test gives them a fixed one when the README does not.
  static let datedCommands: Set<String> = ["check", "schedule", "overdue", "report", "export", "ledger"]

  /// A command line's words, after `plangraph`, without its comment.
  static func words<S: StringProtocol>(of line: S) -> [String] {
    var text = String(line)
    if let comment = text.range(of: " #") { text = String(text[..<comment.lowerBound]) }
    return text.split(separator: " ").map(String.init).dropFirst().map { $0 }
  }

  @Test func theTourRunsOnTheBundledPlan() throws {
    let readme = try String(contentsOf: Self.readme, encoding: .utf8)
    let tour = Self.blocks(inSection: "A short tour", of: readme).first { $0.language == "sh" }
    let lines = try #require(tour, "no commands in 'A short tour'").text.split(separator: "\n")
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("readme-tour-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: output) }
    var ran = 0
    for line in lines where line.hasPrefix("plangraph ") {
      var words = Self.words(of: line).map { $0 == "$plan" ? "plans/chengqu-2017/plan.yaml" : $0 }
      guard let command = words.first, !Self.historyCommands.contains(command) else { continue }
      // Files the README writes go to a scratch folder, never into the repository.
      if let o = words.firstIndex(of: "-o"), o + 1 < words.count {
        words[o + 1] = output.appendingPathComponent(words[o + 1]).path
      }
      if Self.datedCommands.contains(command), !words.contains("--as-of") { words += ["--as-of", "2018-01-15"] }
      let run = try CommandRunner.run(words)
      // `overdue` exits with 1 when something is overdue, as the README says; the rest succeed.
      #expect(run.status == (command == "overdue" ? 1 : 0), "\(line): \(run.stderr)")
      ran += 1
    }
    #expect(ran >= 8, "the tour's commands were not found")
  }
}
