import Foundation
import Testing

/// The worked examples of the manuals (`docs/zh/`, and `docs/plan-format.md` and `docs/scheduling.md`) are fixtures: each plan in `docs/examples/`
/// states in comments the as-of date and the numbers the manual gives, and this suite runs the
/// built command on it and compares, so the manual cannot drift from the code.
///
/// The lines it reads, at the end of an example (so the lines the manual prints keep their numbers;
/// in a folder's `plan.yaml` for a plan of several files):
/// - `# as-of: 2018-03-05` — the date (`--as-of`); `# window: 10d` — the due-soon window;
/// - `# expect: ID field=value …` — fields of the task's row in `schedule --format json`
///   (`start`, `finish`, `slack`, `status`, `ownStatus`, `blocked`… as the contract names them; `null`);
/// - `# expect-plan: field=value …` — top-level fields; `criticalPath=a>b|c` lists the paths;
/// - `# expect-counts: field=value …` — fields of `counts` (contract v2);
/// - `# expect-overdue: ID:status:deadline …` — every item of `overdue --format json`, in order;
/// - `# expect-check: LINE:COLUMN code …` — every diagnostic of `check --format json` (errors
///   and warnings), for examples of mistakes.
@Suite struct ManualExampleTests {
  /// Examples of behaviour of contract v2 (or of later issues) that this code does not have yet.
  /// They run as known issues; when the feature lands the run says so, and the name comes off this list.
  static let pendingExamples: Set<String> = []

  static let examplesFolder = CommandRunner.packageRoot.appendingPathComponent("docs/examples")
  static let manualFolder = CommandRunner.packageRoot.appendingPathComponent("docs/zh")

  /// The examples: the YAML files and folders of `docs/examples/`.
  static let examples: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: examplesFolder.path)) ?? []).filter {
      !$0.hasPrefix(".") && !$0.hasSuffix(".md")
    }.sorted()

  @Test func thereAreExamples() {
    #expect(Self.examples.count >= 10)
    for pending in Self.pendingExamples {
      #expect(Self.examples.contains(pending), "pending example \(pending) does not exist")
    }
  }

  @Test(arguments: examples) func exampleGivesTheNumbersTheManualStates(_ name: String) throws {
    if Self.pendingExamples.contains(name) {
      withKnownIssue("\(name) shows behaviour not implemented yet; once this passes, take it off pendingExamples") {
        try Self.check(name)
      }
    } else {
      try Self.check(name)
    }
  }

  /// Every example is printed in the manual, word for word (without its `# expect` lines), after a
  /// `<!-- example: NAME -->` marker; a folder's files each after `<!-- example: FOLDER/FILE -->`.
  @Test(arguments: examples) func exampleIsPrintedInTheManual(_ name: String) throws {
    let manual = try Self.manualText()
    for file in Self.files(of: name) {
      let relative = file.path.dropFirst(Self.examplesFolder.path.count + 1)
      let marker = "<!-- example: \(relative) -->"
      guard manual.contains(marker) else {
        Issue.record("the manual never shows \(relative): add a \(marker) before a yaml block")
        continue
      }
      try Self.expectCopies(in: manual, of: file, manual: "docs/zh")
    }
  }

  /// The English reference pages (`docs/plan-format.md`, `docs/scheduling.md`) print the worked examples
  /// too, under the same markers; every example but the Chinese tutorial's plan is printed in one of them.
  static let englishManuals = ["docs/plan-format.md", "docs/scheduling.md"]

  /// Examples only the Chinese manual prints.
  static let chineseOnlyExamples: Set<String> = ["tutorial"]

  @Test(arguments: examples) func exampleIsPrintedInTheEnglishManual(_ name: String) throws {
    guard !Self.chineseOnlyExamples.contains(name) else { return }
    let manual = try Self.englishManualText()
    for file in Self.files(of: name) {
      let relative = file.path.dropFirst(Self.examplesFolder.path.count + 1)
      let marker = "<!-- example: \(relative) -->"
      guard manual.contains(marker) else {
        Issue.record("docs/plan-format.md and docs/scheduling.md never show \(relative): add a \(marker)")
        continue
      }
      try Self.expectCopies(in: manual, of: file, manual: "docs/*.md")
    }
  }

  /// Every marker in the English pages names an example that exists (a misspelt one would check nothing).
  @Test func everyEnglishMarkerNamesAnExample() throws {
    let manual = try Self.englishManualText()
    var rest = manual[...]
    var count = 0
    while let range = rest.range(of: "<!-- example: ") {
      let after = rest[range.upperBound...]
      guard let end = after.range(of: " -->") else { break }
      let relative = String(after[..<end.lowerBound])
      count += 1
      #expect(
        FileManager.default.fileExists(atPath: Self.examplesFolder.appendingPathComponent(relative).path),
        "the English manual shows \(relative), which is not in docs/examples")
      rest = after[end.upperBound...]
    }
    #expect(count >= Self.examples.count - Self.chineseOnlyExamples.count)
  }

  /// Checks that every copy of the file after its marker in the manual is the file without its machine lines.
  static func expectCopies(in manual: String, of file: URL, manual manualName: String) throws {
    let relative = file.path.dropFirst(examplesFolder.path.count + 1)
    let marker = "<!-- example: \(relative) -->"
    let text = try String(contentsOf: file, encoding: .utf8)
    let printable = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !isMachineLine($0) }.joined(separator: "\n")
      .trimmingCharacters(in: .newlines)
    var rest = manual[...]
    while let range = rest.range(of: marker) {
      let after = rest[range.upperBound...]
      guard let open = after.range(of: "```yaml\n"), let close = after[open.upperBound...].range(of: "\n```") else {
        Issue.record("no yaml block after \(marker) in \(manualName)")
        return
      }
      let shown = String(after[open.upperBound..<close.lowerBound])
      #expect(shown == printable, "the copy of \(relative) in \(manualName) differs from the example file")
      rest = after[close.upperBound...]
    }
  }

  // MARK: - Running one example

  static func check(_ name: String) throws {
    let root = rootFile(of: name)
    let source = try String(contentsOf: root, encoding: .utf8)
    let lines = source.split(separator: "\n").map(String.init).filter(isMachineLine)
    let path = "docs/examples/" + root.path.dropFirst(examplesFolder.path.count + 1)
    var options: [String] = []
    for line in lines {
      if let value = value(of: line, key: "# as-of:") { options += ["--as-of", value] }
      if let value = value(of: line, key: "# window:") { options += ["--window", value] }
    }
    let expectations = lines.filter { $0.hasPrefix("# expect") }
    #expect(!expectations.isEmpty, "\(name) states nothing to check")

    let checkLines = expectations.compactMap { value(of: $0, key: "# expect-check:") }
    if !checkLines.isEmpty, try checkDiagnostics(path, options: options, expected: checkLines, name: name) != 0 {
      return  // a plan with errors has no schedule
    }
    let scheduleRun = try CommandRunner.run(["schedule", path, "--format", "json"] + options)
    #expect(scheduleRun.status == 0, "\(name): \(scheduleRun.stderr)")
    let schedule = try #require(
      try JSONSerialization.jsonObject(with: scheduleRun.stdoutBytes) as? [String: Any], "\(name): no JSON")
    let rows = (schedule["tasks"] as? [[String: Any]]) ?? []
    var byID: [String: [String: Any]] = [:]
    for row in rows { if let id = row["id"] as? String { byID[id] = row } }

    for line in expectations {
      if let rest = value(of: line, key: "# expect:") {
        var words = rest.split(separator: " ").map(String.init)
        let id = words.removeFirst()
        guard let row = byID[id] else {
          Issue.record("\(name): no task \(id) in the schedule")
          continue
        }
        compare(row, words, "\(name) \(id)")
      } else if let rest = value(of: line, key: "# expect-plan:") {
        compare(schedule, rest.split(separator: " ").map(String.init), "\(name) plan")
      } else if let rest = value(of: line, key: "# expect-counts:") {
        let counts = (schedule["counts"] as? [String: Any]) ?? [:]
        compare(counts, rest.split(separator: " ").map(String.init), "\(name) counts", flags: [])
      }
    }
    let overdueLines = expectations.compactMap { value(of: $0, key: "# expect-overdue:") }
    if !overdueLines.isEmpty {
      let run = try CommandRunner.run(["overdue", path, "--format", "json"] + options)
      let object = try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any])
      let items = (object["items"] as? [[String: Any]]) ?? []
      let actual = items.map { item in
        ["id", "status", "deadline"].map { text(item[$0]) }.joined(separator: ":")
      }
      let expected = overdueLines.flatMap { $0.split(separator: " ").map(String.init) }
      #expect(actual == expected, "\(name): overdue items")
    }
  }

  /// Compares the diagnostics of `check` with the expected ones; returns its exit status.
  static func checkDiagnostics(_ path: String, options: [String], expected: [String], name: String) throws -> Int32 {
    let run = try CommandRunner.run(["check", path, "--format", "json"] + options)
    let list = try #require(
      try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [[String: Any]], "\(name): \(run.stderr)")
    let actual = list.map { "\(text($0["line"])):\(text($0["column"])) \(text($0["code"]))" }.sorted()
    let wanted = expected.flatMap { line in
      line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }.sorted()
    #expect(actual == wanted, "\(name): diagnostics")
    return run.status
  }

  /// Compares `field=value` words with an object's fields.
  static func compare(
    _ object: [String: Any], _ words: [String], _ what: String, flags: Set<String> = ["critical", "blocked"]
  ) {
    for word in words {
      guard let equals = word.firstIndex(of: "=") else {
        Issue.record("\(what): malformed expectation \(word)")
        continue
      }
      let field = String(word[..<equals])
      let wanted = String(word[word.index(after: equals)...])
      guard object.keys.contains(field) else {
        Issue.record("\(what): no field \(field)")
        continue
      }
      #expect(text(object[field], field: field, flags: flags) == wanted, "\(what): \(field)")
    }
  }

  /// A JSON value as the example files write it.
  static func text(_ value: Any?, field: String = "", flags: Set<String> = ["critical", "blocked"]) -> String {
    // Foundation on Linux reads JSON's true and false as numbers: the contract's two flags are known by name.
    // (`counts.blocked` is a number of the same name: the caller says which fields are flags.)
    if flags.contains(field), let flag = value as? Bool { return flag ? "true" : "false" }
    switch value {
    case nil, is NSNull: return "null"
    case let paths as [[String]] where field == "criticalPath":
      return paths.map { $0.joined(separator: ">") }.joined(separator: "|")
    case let number as Int: return String(number)
    case let number as NSNumber: return number.stringValue
    case let string as String: return string
    case .some(let other): return "\(other)"
    }
  }

  // MARK: - Files

  static func isMachineLine<S: StringProtocol>(_ line: S) -> Bool {
    line.hasPrefix("# as-of:") || line.hasPrefix("# window:") || line.hasPrefix("# expect")
  }

  static func value(of line: String, key: String) -> String? {
    line.hasPrefix(key) ? line.dropFirst(key.count).trimmingCharacters(in: .whitespaces) : nil
  }

  static func rootFile(of name: String) -> URL {
    let url = examplesFolder.appendingPathComponent(name)
    var isDirectory: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
    return isDirectory.boolValue ? url.appendingPathComponent("plan.yaml") : url
  }

  static func files(of name: String) -> [URL] {
    let url = examplesFolder.appendingPathComponent(name)
    var isDirectory: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
    guard isDirectory.boolValue else { return [url] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { url.appendingPathComponent($0) }
  }

  static func englishManualText() throws -> String {
    try englishManuals.map {
      try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent($0), encoding: .utf8)
    }.joined(separator: "\n")
  }

  static func manualText() throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: manualFolder.path).filter { $0.hasSuffix(".md") }
    return try names.sorted().map {
      try String(contentsOf: manualFolder.appendingPathComponent($0), encoding: .utf8)
    }.joined(separator: "\n")
  }
}
