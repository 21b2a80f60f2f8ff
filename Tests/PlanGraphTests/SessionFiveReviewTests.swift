import Foundation
import Testing

@testable import PlanGraph

#if canImport(Glibc)
  import Glibc
#endif

/// An independent review of the issue-18 work (session five): inputs chosen to break the YAML split's
/// proof, the large-file reader, and the reports' flat facts. Each case states the promise it attacks;
/// the cases that broke it when found (a flow `tasks` sequence proved as a cut; lights read from facts
/// cached for another array of tasks) were fixed and are kept here as they were found.
@Suite struct SessionFiveReviewTests {
  // MARK: - The YAML split's proof

  private static let head = "plan: p\nstart: 2020-01-01\nowners: [{id: o}]\ntasks:\n"

  private static let items = """
      - id: a
        name: 甲
        owner: o
        duration: 3d
      - id: b
        name: 乙
        owner: o
        tasks:
          - id: c
            name: 丙
            duration: 2d
            after: [a]
      - id: e
        name: 戊
        owner: o
        duration: 1d
        after:
          - b.c

    """

  /// Every line that starts with spaces and `- ` tried as a cut: no cut may give a plan that differs
  /// from the full loader's or from the one-thread reading. Returns how many cuts were taken.
  @discardableResult
  private func everyCutHolds(_ text: String, _ label: String) -> Int {
    everyCutHolds(Array(text.utf8), label)
  }

  @discardableResult
  private func everyCutHolds(_ bytes: [UInt8], _ label: String) -> Int {
    var taken = 0
    for (offset, _) in FastPathSupport.itemLines(bytes) {
      let result = FastPathSupport.splitViolation(bytes, at: offset)
      #expect(result.problem == nil, "\(label), cut at \(offset): \(result.problem ?? "")")
      if result.taken { taken += 1 }
    }
    // The guessed cut as well.
    let guessed = FastPathSupport.violation(bytes, path: "plan.yaml", split: .guessed)
    #expect(guessed.problem == nil, "\(label), guessed cut: \(guessed.problem ?? "")")
    return taken
  }

  @Test func blockScalarsWithIndicatorsAndChompingAtEveryCut() {
    for header in ["|", ">", "|2", ">2", "|-", "|+", ">-", ">+", "|2-", "|2+", "|1", ">1+"] {
      // As the last value before a cut, with trailing blank lines and lines that look like items.
      let last = Self.items.replacingOccurrences(
        of: "    duration: 3d\n",
        with: "    duration: 3d\n    note: \(header)\n      x\n        - id: y\n\n\n")
      everyCutHolds(Self.head + last, "last \(header)")
      // Not last: a key follows it.
      let middle = Self.items.replacingOccurrences(
        of: "    name: 甲\n", with: "    note: \(header)\n       - id: x\n      y\n\n    name: 甲\n")
      everyCutHolds(Self.head + middle, "middle \(header)")
      // At the root before `tasks`, its lines at the items' column.
      let root = "plan: p\nstart: 2020-01-01\nowners: [{id: o}]\nsource: \(header)\n  - id: q\n  - id: r\ntasks:\n"
      everyCutHolds(root + Self.items, "root \(header)")
      // In an indentless list: items at column 0 and a block scalar whose text has `- ` lines.
      let indentless = Self.items.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : String($0) }.joined(separator: "\n")
        .replacingOccurrences(of: "  duration: 3d\n", with: "  duration: 3d\n  note: \(header)\n   - x\n\n")
      everyCutHolds(Self.head + indentless, "indentless \(header)")
    }
  }

  @Test func multiLineScalarsCommentsAndBlankLinesAtTheCut() {
    let cases: [(String, String)] = [
      (
        "plain continued",
        Self.items.replacingOccurrences(of: "    name: 甲\n", with: "    name: 甲\n      续\n\n      再续\n")
      ),
      (
        "double quoted over blank lines",
        Self.items.replacingOccurrences(of: "    name: 甲\n", with: "    name: \"甲\n\n  - id: x\n\n   尾\"\n")
      ),
      (
        "single quoted with escaped quote",
        Self.items.replacingOccurrences(of: "    name: 甲\n", with: "    name: '甲''\n  - id: x'\n")
      ),
      (
        "comment lines at several columns",
        Self.items.replacingOccurrences(of: "  - id: b\n", with: "#c\n    # c\n  # - id: z\n\n\n  - id: b\n")
      ),
      (
        "trailing comment on the item",
        Self.items.replacingOccurrences(of: "  - id: b\n", with: "  - id: b # - id: q\n")
      ),
      ("explicit key", Self.items.replacingOccurrences(of: "  - id: b\n", with: "  - ? id\n    : b\n")),
      ("item then mapping on next line", Self.items.replacingOccurrences(of: "  - id: b\n", with: "  -\n    id: b\n")),
      (
        "flow mapping item",
        Self.items.replacingOccurrences(
          of: "  - id: e\n    name: 戊\n", with: "  - {id: e,\n  name: 戊}\n  - id: f\n    name: 己\n")
      ),
    ]
    for (label, items) in cases {
      everyCutHolds(Self.head + items, label)
    }
  }

  @Test func lineBreaksTabsMarksAndDirectivesAtTheCut() {
    let plain = Array((Self.head + Self.items).utf8)
    // Old Mac line ends everywhere but before the cut lines: libyaml counts a lone CR as a line break.
    var mixed: [UInt8] = []
    for (n, byte) in plain.enumerated() {
      let nextIsItem = n + 3 < plain.count && plain[n + 1] == 0x20 && plain[n + 2] == 0x20 && plain[n + 3] == 0x2D
      mixed.append(byte == 0x0A && !nextIsItem ? 0x0D : byte)
    }
    everyCutHolds(mixed, "lone CR")
    // NEL, LS and PS inside names (line breaks to libyaml's YAML 1.1).
    for mark in ["\u{85}", "\u{2028}", "\u{2029}"] {
      everyCutHolds(Self.head + Self.items.replacingOccurrences(of: "name: 甲", with: "name: 甲\(mark)甲"), "break mark")
    }
    everyCutHolds(Self.head + Self.items.replacingOccurrences(of: "  - id: b\n", with: "  - id: b\t\n"), "tab after")
    everyCutHolds(Self.head + Self.items.replacingOccurrences(of: "  - id: b\n", with: "\t\n  - id: b\n"), "tab line")
    everyCutHolds(Self.head + Self.items.replacingOccurrences(of: "  - id: b\n", with: "  -\tid: b\n"), "dash tab")
    everyCutHolds("%YAML 1.1\n---\n" + Self.head + Self.items, "directive")
    everyCutHolds("%YAML 1.1\n%TAG !e! tag:e,2000:\n--- # doc\n" + Self.head + Self.items, "tag directive")
    everyCutHolds(Self.head + Self.items + "...\n", "document end")
    everyCutHolds(Self.head + Self.items + "...\n---\n- id: z\n", "second document")
    everyCutHolds(Self.head + Self.items + "---\n", "document start after")
    everyCutHolds([0xEF, 0xBB, 0xBF] + Array((Self.head + Self.items).utf8), "BOM")
    // A BOM again at the cut (allowed by libyaml only at a document's start).
    let bomAtCut = Array((Self.head + Self.items).utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
      .map { $0.starts(with: Array("  - id: e".utf8)) ? [0xEF, 0xBB, 0xBF] + Array($0) : Array($0) }
    everyCutHolds(Array(bomAtCut.joined(separator: [0x0A])), "BOM at a line")
  }

  @Test func badBytesAndOtherEncodingsAtTheCut() {
    for bad: [UInt8] in [[0xE7, 0x94], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x00], [0x7F]] {
      // The last byte before a cut line, and the first of the line after the cut's item.
      var bytes = Array((Self.head + Self.items).utf8)
      let at = bytes.firstRange(of: Array("\n  - id: b".utf8))?.lowerBound ?? 0
      bytes.insert(contentsOf: bad, at: at)
      everyCutHolds(bytes, "bad \(bad) before the cut")
    }
    // UTF-16, both byte orders, with a BOM: never read as a plan by the fast path unless the full
    // loader reads the same plan.
    let text = Self.head + Self.items
    let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    for bytes in [le, be] {
      #expect(FastPathSupport.violation(bytes, path: "plan.yaml", split: .guessed).problem == nil)
      #expect(FastPathSupport.violation(bytes, path: "plan.yaml", split: .never).problem == nil)
    }
  }

  @Test func anchorsTagsAndRootKeysAfterTasks() {
    let cases: [(String, String)] = [
      (
        "anchor before alias after",
        Self.head
          + Self.items.replacingOccurrences(of: "owner: o\n    duration: 3d", with: "owner: &w o\n    duration: 3d")
          .replacingOccurrences(of: "    owner: o\n    duration: 1d", with: "    owner: *w\n    duration: 1d")
      ),
      ("tag", Self.head + Self.items.replacingOccurrences(of: "name: 戊", with: "name: !!str 戊")),
      ("root key after", Self.head + Self.items + "source: s\n"),
      ("second tasks key", Self.head + Self.items + "tasks:\n  - id: z\n    name: 末\n    duration: 1d\n"),
      ("second tasks key indentless", Self.head + Self.items + "tasks:\n- id: z\n  name: 末\n  duration: 1d\n"),
      ("root key after at column 1", Self.head + Self.items + " source: s\n"),
      ("items at column 4 after column 2", Self.head + Self.items + "    - id: z\n      name: 末\n"),
      ("items at column 1 after column 2", Self.head + Self.items + " - id: z\n   name: 末\n   duration: 1d\n"),
      ("tasks not at the root", "plan: p\nstart: 2020-01-01\nowners: [{id: o}]\nextra:\n  tasks:\n" + Self.items),
      ("root mapping indented", "  plan: p\n  start: 2020-01-01\n  tasks:\n" + Self.items),
      (
        "nested tasks at column 0",
        "plan: p\nstart: 2020-01-01\ntasks:\n- id: a\n  name: 甲\n  tasks:\n  - id: b\n    name: 乙\n    duration: 1d\n  - id: c\n    name: 丙\n    duration: 1d\n- id: d\n  name: 丁\n  duration: 1d\n"
      ),
    ]
    for (label, text) in cases {
      everyCutHolds(text, label)
    }
  }

  /// A root `tasks` whose value is a flow sequence at the column of the item lines after it. The first
  /// half (`tasks:\n  [...]\n`) reads as a plan whose `tasks` is last and whose sequence starts at the
  /// cut's column; the second half reads as items; but in the whole text a `- ` after a flow sequence
  /// is a syntax error (libyaml: "did not find expected key"). `FastYAMLSplit.proves` checked the
  /// column only, and `Ending.tasksColumn` was set for a flow sequence too; now only for a block one.
  @Test func aFlowTasksSequenceFollowedByItemLinesIsNotAPlan() throws {
    let text =
      Self.head
      + "  [{id: a, name: 甲, owner: o, duration: 3d}]\n  - id: b\n    name: 乙\n    owner: o\n    duration: 1d\n"
    let bytes = Array(text.utf8)
    #expect(FastPathSupport.full(bytes, path: "plan.yaml").plan == nil, "the whole text is a syntax error")
    #expect(FastPlanReader.read(bytes, path: "plan.yaml", split: .never) == nil)
    let cut = try #require(FastPathSupport.itemLines(bytes).first).offset
    #expect(FastPlanReader.read(bytes, path: "plan.yaml", split: .line(cut)) == nil)
  }

  /// The same hole reached by the guessed cut (what the loader does from 1 MiB on): the first
  /// `tasks:` line at the left margin is inside a root double-quoted scalar (libyaml allows its
  /// continuation lines at column 0), the line after it looks like an item at column 2, and the real
  /// `tasks` is a flow sequence at column 2 followed by item lines.
  private static func fakeTasksKeyPlan(flowItems: Int) -> [UInt8] {
    var text = "plan: \"标题\ntasks:\n  - 假\"\nstart: 2020-01-01\nowners: [{id: o}]\ntasks:\n  [\n"
    for n in 0..<flowItems {
      text += "    {id: a\(n), name: 任务\(n), owner: o, duration: 1d},\n"
    }
    text += "    {id: last, name: 末, owner: o, duration: 1d}]\n"
    text += "  - id: b\n    name: 乙\n    owner: o\n    duration: 1d\n"
    return Array(text.utf8)
  }

  @Test func aFakeTasksLineInAQuotedTitleLeadsTheGuessToAFlowSequence() throws {
    let bytes = Self.fakeTasksKeyPlan(flowItems: 40)
    let full = FastPathSupport.full(bytes, path: "plan.yaml")
    #expect(full.plan == nil && !full.diagnostics.isEmpty, "the whole text is a syntax error")
    #expect(FastPlanReader.read(bytes, path: "plan.yaml", split: .never) == nil)
    #expect(FastPlanReader.read(bytes, path: "plan.yaml", split: .guessed) == nil)
  }

  /// Through the loader, at the size where it splits on its own: a file the full loader reports as a
  /// syntax error must not load.
  @Test func theLoaderReportsTheFlowSequenceFileAtOneMebibyte() throws {
    let bytes = Self.fakeTasksKeyPlan(flowItems: 20_000)
    #expect(bytes.count >= FastYAMLReader.splitBytes)
    let loaded = PlanLoader(fileSystem: MemoryFileSystem(files: ["plan.yaml": bytes])).load(path: "plan.yaml")
    #expect(loaded.plan == nil)
    #expect(!loaded.diagnostics.isEmpty)
  }

  /// A `tasks:` line at the left margin inside a root quoted scalar, followed by a real block `tasks`:
  /// the guess's column may be wrong, but nothing but the one-thread plan may come of it.
  @Test func aFakeTasksLineBeforeARealBlockSequence() {
    for column in [0, 2, 4] {
      let pad = String(repeating: " ", count: column)
      var text = "plan: \"标题\ntasks:\n\(pad)- 假\"\nstart: 2020-01-01\nowners: [{id: o}]\ntasks:\n"
      for n in 0..<30 {
        text += "  - id: a\(n)\n    name: 任务\(n)\n    owner: o\n    duration: 1d\n"
      }
      everyCutHolds(text, "fake tasks at column \(column)")
    }
  }

  /// A long multi-line string over the middle of the file: the guessed cut lands inside it.
  @Test func theMiddleLineInsideALongString() {
    for quote in ["\"", "'", "|\n", ">\n"] {
      var text = Self.head + "  - id: a\n    name: 甲\n    owner: o\n    duration: 3d\n    note: \(quote)"
      for n in 0..<200 {
        text += "      - id: x\(n)\n"
      }
      if quote == "\"" || quote == "'" { text += "      \(quote)\n" }
      text += "  - id: b\n    name: 乙\n    owner: o\n    duration: 1d\n"
      everyCutHolds(text, "long \(quote)")
    }
  }

  /// The two-thread read of a plan of thirty root items, rewritten in several legal styles, equals
  /// the one-thread one at each root item (a cheap differential over many cuts).
  @Test func generatedPlansInOtherStylesAtEveryRootCut() throws {
    var text = Self.head
    for n in 0..<30 {
      let after = n == 0 ? "" : "    after: [t\(n - 1)]\n"
      text += "  - id: t\(n)\n    name: 任务\(n)\n    owner: o\n    duration: 2d\n\(after)"
      if n % 3 == 0 { text += "    tasks:\n      - id: k\n        name: 子\n        duration: 1d\n" }
    }
    let variants = [
      ("as generated", text),
      ("CRLF", text.replacingOccurrences(of: "\n", with: "\r\n")),
      ("comments", text.replacingOccurrences(of: "\n  - id:", with: "\n  # 注释\n\n  - id:")),
      ("trailing spaces", text.replacingOccurrences(of: "\n", with: "  \n")),
    ]
    for (label, variant) in variants {
      let taken = everyCutHolds(variant, label)
      // Where the one-thread reading takes the plan, some root cut is taken as well.
      let one = FastPlanReader.read(Array(variant.utf8), path: "plan.yaml", split: .never)
      #expect(one == nil || taken > 0, "\(label): some root cut is taken")
    }
  }

  // MARK: - The large-file reader

  private static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("review5-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func fifosDevicesAndDirectoriesAreNotRead() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("plan.json").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // No writer: reading must not block (O_NONBLOCK) and must not be taken.
    #expect(MappedFile(path: fifo, minimumSize: 0) == nil)
    #expect(MappedFile(path: "/dev/zero", minimumSize: 0) == nil)
    #expect(MappedFile(path: "/dev/null", minimumSize: 0) == nil)
    #expect(MappedFile(path: "/proc/self/status", minimumSize: 1) == nil)
    #expect(MappedFile(path: folder.path, minimumSize: 0) == nil)
    // A symbolic link to a large regular file (read in two halves) is that file.
    let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: (4 << 20) + 5)
    let target = folder.appendingPathComponent("big.json").path
    try Data(bytes).write(to: URL(fileURLWithPath: target))
    let link = folder.appendingPathComponent("link.json").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    #expect(MappedFile(path: link, minimumSize: 1).map { Array($0.bytes) == bytes } == true)
    // An empty regular file.
    let empty = folder.appendingPathComponent("empty.json").path
    #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
    #expect(MappedFile(path: empty, minimumSize: 0) == nil)
    // Through the loader, a directory named like a JSON plan is reported, not read.
    let dir = folder.appendingPathComponent("dir.json")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let loaded = PlanLoader().load(path: dir.path)
    #expect(loaded.plan == nil && !loaded.diagnostics.isEmpty)
  }

  /// A JSON plan of exactly 1 MiB (the size the loader reads this way from), one byte less and one
  /// more, with a byte-order mark and CRLF line ends: the full loader's plan.
  @Test func planOfExactlyOneMebibyte() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let generated = PlanGenerator(taskCount: 8_000, seed: 3, format: .json).generate()
    let size = FastPlanReader.mappedMinimumSize
    let crlf: [UInt8] = [0xEF, 0xBB, 0xBF] + generated.flatMap { $0 == 0x0A ? [UInt8(0x0D), 0x0A] : [$0] }
    let bases: [(String, [UInt8])] = [("LF", generated), ("BOM CRLF", crlf)]
    for (label, base) in bases {
      try #require(base.count < size - 1, "\(label): the generated plan must be smaller than 1 MiB")
      for target in [size - 1, size, size + 1] {
        // Padded with spaces before the final line end (JSON whitespace).
        var bytes = base
        let end = bytes.lastIndex(of: UInt8(ascii: "}")) ?? 0
        bytes.insert(contentsOf: [UInt8](repeating: 0x20, count: target - bytes.count), at: end + 1)
        #expect(bytes.count == target)
        let path = folder.appendingPathComponent("plan-\(target).json").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let loaded = PlanLoader().load(path: path)
        let full = FastPathSupport.full(bytes, path: path)
        #expect(loaded.diagnostics == full.diagnostics, "\(label) \(target)")
        #expect(loaded.plan != nil && loaded.plan == full.plan, "\(label) \(target)")
        #expect((MappedFile(path: path, minimumSize: size) != nil) == (target >= size))
      }
    }
  }

  /// A large plan that declines in its very last bytes, after most pages were given back, with a
  /// release step of one byte: the loader still gives the full loader's diagnostics.
  @Test func aPlanThatDeclinesAtItsLastByteAfterEveryPageWasGivenBack() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var bytes = PlanGenerator(taskCount: 12_000, seed: 4, format: .json).generate()
    // A trailing comma after the root object's last member: a syntax error at the very end.
    let close = try #require(bytes.lastIndex(of: UInt8(ascii: "}")))
    bytes.insert(UInt8(ascii: ","), at: close)
    let path = folder.appendingPathComponent("plan.json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let mapped = try #require(MappedFile(path: path, minimumSize: 1))
    #expect(FastPlanReader.readWithoutGraph(mapped: mapped, path: path, releaseStep: 1) == nil)
    let loaded = PlanLoader().load(path: path)
    let full = FastPathSupport.full(bytes, path: path)
    #expect(loaded.plan == nil && !loaded.diagnostics.isEmpty)
    #expect(loaded.diagnostics == full.diagnostics)
  }

  /// With a release step of one byte, a plan whose root keys come after `tasks` and whose owners are
  /// written after the tasks is still read whole.
  @Test func rootKeysAfterTheTasksWithEveryPageGivenBack() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var text = "{\"tasks\": [\n"
    for n in 0..<3_000 {
      let after = n == 0 ? "" : ", \"after\": [\"t\(n - 1)\"]"
      text += "{\"id\": \"t\(n)\", \"name\": \"任务\(n)\", \"owner\": \"o\", \"duration\": \"1d\"\(after)},\n"
    }
    text.removeLast(2)
    text += "\n], \"owners\": [{\"id\": \"o\", \"name\": \"单位\"}], \"plan\": \"后置\", \"start\": \"2024-01-01\"}\n"
    let plain = Array(text.utf8)
    let crlf: [UInt8] = [0xEF, 0xBB, 0xBF] + plain.flatMap { $0 == 0x0A ? [UInt8(0x0D), 0x0A] : [$0] }
    for (n, bytes) in [plain, crlf].enumerated() {
      let path = folder.appendingPathComponent("plan\(n).json").path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let full = FastPathSupport.full(bytes, path: path)
      #expect(full.diagnostics.isEmpty)
      for step in [1, 4096, 3 * 4096 + 1] {
        let mapped = try #require(MappedFile(path: path, minimumSize: 1))
        var plan = try #require(FastPlanReader.readWithoutGraph(mapped: mapped, path: path, releaseStep: step))
        #expect(FastPlanReader.finish(&plan))
        #expect(plan == full.plan, "variant \(n), step \(step)")
      }
    }
  }

  // MARK: - Reports' flat facts

  /// The lights as the contract defined them before this session: each task's own light from the
  /// plan it is given, then each summary the most severe below it.
  private func defined(_ rules: WarningRules, _ plan: Plan, _ schedule: Schedule) -> [WarningLight] {
    let own = plan.tasks.indices.map { i -> WarningLight in
      switch schedule.tasks[i].status {
      case .done: return .done
      case .cancelled: return .cancelled
      default: return rules.light(for: WarningRules.facts(for: i, plan: plan, schedule: schedule))
      }
    }
    return WarningLightTableTests.rolledUp(own, plan: plan)
  }

  private static func generatedPlan(_ count: Int, seed: UInt64) throws -> Plan {
    let bytes = PlanGenerator(taskCount: count, seed: seed).generate()
    return try #require(PlanLoader(fileSystem: MemoryFileSystem(files: ["p.yaml": bytes])).load(path: "p.yaml").plan)
  }

  /// Cancelled and blocked tasks, statuses set by hand, custom rules: the table is the definition.
  @Test func theLightTableIsTheDefinitionWithStatusesAndCustomRules() throws {
    var plan = try Self.generatedPlan(800, seed: 17)
    let statuses: [TaskStatus] = TaskStatus.allCases
    for i in plan.tasks.indices where i % 7 == 3 && plan.tasks[i].isLeaf {
      plan.tasks[i].status = statuses[i % statuses.count]
    }
    let rules = WarningRules(levels: [
      WarningLevel(name: "红", color: 0xFF0000, conditions: [.atRisk, .overdue(days: 10)]),
      WarningLevel(name: "橙", color: 0xFF8000, conditions: [.behind(points: -50)]),
      WarningLevel(name: "黄", color: 0xFFFF00, conditions: [.dueWithin(days: 0)]),
      WarningLevel(name: "灰", color: 0x888888, conditions: []),
      WarningLevel(name: "蓝", color: 0x0000FF, conditions: [.overdue(days: 1)]),
    ])
    let scheduler = try Scheduler(plan: plan)
    for (year, month) in [(2019, 1), (2020, 6), (2023, 1)] {
      let schedule = try scheduler.schedule(asOf: try #require(Day(year: year, month: month, day: 1)))
      for rules in [rules, .standard, WarningRules(levels: [])] {
        #expect(Array(rules.lightTable(plan: plan, schedule: schedule)) == defined(rules, plan, schedule))
      }
    }
  }

  /// A library user records progress on the plan after scheduling (progress does not move any date)
  /// and asks for the lights with the schedule they have: the lights must read the plan they are
  /// given (`Schedule.facts(of:)` once trusted any plan of the same task count; now only the very
  /// array of tasks it scheduled).
  @Test func lightsReadTheProgressOfThePlanTheyAreGiven() throws {
    let plan = try Self.generatedPlan(400, seed: 23)
    let schedule = try Scheduler(plan: plan).schedule(asOf: try #require(Day(year: 2020, month: 9, day: 1)))
    var updated = plan
    for i in updated.tasks.indices where updated.tasks[i].isLeaf && updated.tasks[i].recurrence == nil {
      updated.tasks[i].progress = 100
    }
    let rules = WarningRules(levels: [
      WarningLevel(name: "红", color: 0xFF0000, conditions: [.behind(points: 1)]),
      WarningLevel(name: "绿", color: 0x00FF00, conditions: []),
    ])
    let fresh = try Scheduler(plan: updated).schedule(asOf: schedule.asOf)
    // The schedules are equal (`==`): progress moves no date and no status here.
    let equalSchedules = fresh == schedule
    let table = Array(rules.lightTable(plan: updated, schedule: schedule))
    let expected = defined(rules, updated, schedule)
    if equalSchedules {
      // Two equal schedules must give equal lights for the same plan.
      #expect(table == expected)
      #expect(table == Array(rules.lightTable(plan: updated, schedule: fresh)))
    } else {
      #expect(table == expected)
    }
  }

  /// The minimal case of the above: one leaf of ten days, half elapsed, progress recorded as 100 after
  /// scheduling. The definition: 50 expected − 100 done, not behind; the table: 50 − 0, red.
  @Test func oneLeafWhoseProgressIsRecordedAfterScheduling() throws {
    let text = "plan: p\nstart: 2020-01-01\ntasks:\n  - id: a\n    name: 甲\n    duration: 10d\n"
    var plan = try #require(
      PlanLoader(fileSystem: MemoryFileSystem(files: ["p.yaml": Array(text.utf8)])).load(path: "p.yaml").plan)
    let schedule = try Scheduler(plan: plan).schedule(asOf: try #require(Day(year: 2020, month: 1, day: 6)))
    plan.tasks[0].progress = 100
    let rules = WarningRules(levels: [WarningLevel(name: "红", color: 0xFF0000, conditions: [.behind(points: 1)])])
    #expect(defined(rules, plan, schedule) == [.none])
    #expect(Array(rules.lightTable(plan: plan, schedule: schedule)) == [.none])
  }

  /// A schedule used with a plan of the same size but another shape (another plan): the overdue list
  /// and the lights must not read the first plan's kinds or parents.
  @Test func aScheduleUsedWithAnotherPlanOfTheSameSize() throws {
    let first = try Self.generatedPlan(300, seed: 31)
    let second = try Self.generatedPlan(300, seed: 32)
    #expect(first.tasks.count == second.tasks.count)
    let asOf = try #require(Day(year: 2020, month: 9, day: 1))
    let schedule = try Scheduler(plan: first).schedule(asOf: asOf)
    // The same schedule value with its cache dropped: `==` to the first.
    var copied = schedule
    copied.taskFacts = TaskFactsCache()
    #expect(copied == schedule)
    let cached = Array(WarningRules.standard.lightTable(plan: second, schedule: schedule))
    let uncached = Array(WarningRules.standard.lightTable(plan: second, schedule: copied))
    #expect(cached == uncached)
  }

  /// Progress set by a library user outside 0…100: the table agrees with the definition.
  @Test func progressOutsideTheUsualRange() throws {
    var plan = try Self.generatedPlan(200, seed: 41)
    for i in plan.tasks.indices where plan.tasks[i].isLeaf && i % 3 == 0 {
      plan.tasks[i].progress = i % 2 == 0 ? 300 : -200
    }
    let schedule = try Scheduler(plan: plan).schedule(asOf: try #require(Day(year: 2020, month: 9, day: 1)))
    let rules = WarningRules(levels: [
      WarningLevel(name: "红", color: 0xFF0000, conditions: [.behind(points: 150)]),
      WarningLevel(name: "蓝", color: 0x0000FF, conditions: [.behind(points: -150)]),
    ])
    // The model clamps progress to 0…100 when it is set: the table and the definition agree.
    #expect(plan.tasks.allSatisfy { ($0.progress ?? 0) >= 0 && ($0.progress ?? 0) <= 100 })
    #expect(Array(rules.lightTable(plan: plan, schedule: schedule)) == defined(rules, plan, schedule))
  }

  // MARK: - Scheduler.summarise

  /// A chain of summaries as deep as the loader allows, one leaf at the bottom: every summary spans
  /// the leaf's dates; no recursion, no trap.
  @Test func summariesOfADeepChain() throws {
    let depth = 150
    var text = "plan: 深\nstart: 2024-01-01\ntasks:\n"
    for level in 0..<depth {
      let pad = String(repeating: "  ", count: level)
      text += "\(pad)- id: s\(level)\n\(pad)  name: 层\(level)\n\(pad)  tasks:\n"
    }
    let pad = String(repeating: "  ", count: depth)
    text += "\(pad)- id: leaf\n\(pad)  name: 叶\n\(pad)  duration: 5d\n"
    let loaded = PlanLoader(fileSystem: MemoryFileSystem(files: ["p.yaml": Array(text.utf8)])).load(path: "p.yaml")
    guard let plan = loaded.plan else {
      // Deeper than the loader allows: reported, not crashed.
      #expect(!loaded.diagnostics.isEmpty)
      return
    }
    let schedule = try Scheduler(plan: plan).schedule(asOf: try #require(Day(year: 2024, month: 1, day: 3)))
    let leaf = try #require(schedule.tasks.last)
    for row in schedule.tasks {
      #expect(row.start == leaf.start && row.finish == leaf.finish)
      #expect(row.status == leaf.status)
    }
  }

  /// A plan with no tasks schedules to no rows and an empty overdue list.
  @Test func aPlanWithNoTasks() throws {
    let text = "plan: 空\nstart: 2024-01-01\ntasks: []\n"
    let loaded = PlanLoader(fileSystem: MemoryFileSystem(files: ["p.yaml": Array(text.utf8)])).load(path: "p.yaml")
    guard let plan = loaded.plan else {
      #expect(!loaded.diagnostics.isEmpty)
      return
    }
    let schedule = try Scheduler(plan: plan).schedule(asOf: try #require(Day(year: 2024, month: 1, day: 3)))
    #expect(schedule.tasks.isEmpty)
    #expect(WarningRules.standard.lightTable(plan: plan, schedule: schedule).isEmpty)
    #expect(OverdueList(plan: plan, schedule: schedule).items.isEmpty)
  }
  /// A small mutation fuzzer over the cut: a plan of root items mutated by YAML's significant tokens
  /// at random places (block and flow indicators, quotes, comments, marks, tabs, CR, indentation
  /// changes, lines doubled or dropped), every item line tried as a cut. Deterministic (a fixed seed).
  @Test func mutatedPlansAtEveryCut() {
    let base = (Self.head + Self.items + "  - id: f\n    name: 己\n    owner: o\n    duration: 2d\n    after: [e]\n")
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let tokens = [
      "|", ">", "|-", "|+", "|2", "\"", "'", "[", "]", "{", "}", "#", " #", "&a ", "*a", "!t ", "---", "...", "? ",
      ": ", "\t", "\r", "- ", "  ", "tasks:", "%YAML 1.1", "\u{FEFF}", "\u{85}", ",", "\\", "\"\"", "- id: z",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func random(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    var taken = 0
    var accepted = 0
    for round in 0..<1_500 {
      var lines = base
      for _ in 0..<(1 + random(3)) {
        let at = random(lines.count)
        let token = tokens[random(tokens.count)]
        switch random(7) {
        case 0: lines[at] = token + lines[at]
        case 1: lines[at] += token
        case 2:
          var line = Array(lines[at])
          line.insert(contentsOf: token, at: random(line.count + 1))
          lines[at] = String(line)
        case 3: lines.insert(lines[at], at: at)
        case 4: lines.remove(at: at)
        case 5: lines[at] = " " + lines[at]
        default: if lines[at].hasPrefix(" ") { lines[at].removeFirst() }
        }
        if lines.isEmpty { lines = base }
      }
      let bytes = Array(lines.joined(separator: "\n").utf8)
      for (offset, _) in FastPathSupport.itemLines(bytes) {
        let result = FastPathSupport.splitViolation(bytes, at: offset)
        #expect(
          result.problem == nil,
          "round \(round), cut at \(offset): \(result.problem ?? "")\n\(lines.joined(separator: "\n"))")
        if result.taken { taken += 1 }
        if result.accepted { accepted += 1 }
      }
    }
    // The fuzzer reaches both sides: cuts taken and plans accepted.
    #expect(taken > 50 && accepted > 50, "taken \(taken), accepted \(accepted)")
  }

  /// The JSON scanner's columns are now counted from the continuation bytes of the strings read so
  /// far: a mutation fuzzer over a JSON plan with multi-byte names, escapes and several tasks a line,
  /// whose places (columns included) must be the full loader's whenever the fast path takes it.
  @Test func mutatedJSONPlansKeepTheFullLoadersPlaces() {
    let base = Array(
      """
      {"plan": "计划", "start": "2024-01-01", "owners": [{"id": "o", "name": "单位"}],
      "tasks": [{"id": "a", "name": "甲乙丙", "owner": "o", "duration": "3d"}, {"id": "b", "name": "\\u4e01\\n", "owner": "o", "duration": "1d", "after": ["a"]},
        {"id": "c", "name": "𠀀😀é", "owner": "o", "deadline": "2024-02-01", "tasks": [{"id": "d", "name": "丁", "duration": "2d", "done": "2024-01-05"}]},
      {"id": "e", "name": "戊", "owner": "o", "duration": "1d", "after": ["c.d", "b"], "note": "注\\"释"}]}

      """.utf8)
    let tokens: [[UInt8]] = [
      Array("é".utf8), Array("中".utf8), Array("😀".utf8), Array("\\u00e9".utf8), Array("\\\"".utf8), Array("\n".utf8),
      Array("\r\n".utf8), Array(" ".utf8), Array("\t".utf8), [0xEF, 0xBB, 0xBF], [0xC3], [0x80], Array("\"".utf8),
      Array(",".utf8), Array("\\u".utf8), Array("\\ud83d\\ude00".utf8), [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80],
    ]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func random(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    var accepted = 0
    for round in 0..<3_000 {
      var bytes = base
      for _ in 0..<(1 + random(3)) {
        let token = tokens[random(tokens.count)]
        // Inside a string most of the time: after a quote.
        let quotes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\"") }
        let at = random(2) == 0 && !quotes.isEmpty ? quotes[random(quotes.count)] + 1 : random(bytes.count + 1)
        bytes.insert(contentsOf: token, at: at)
      }
      let result = FastPathSupport.violation(bytes, path: "plan.json")
      #expect(
        result.problem == nil, "round \(round): \(result.problem ?? "")\n\(String(decoding: bytes, as: UTF8.self))")
      if result.accepted { accepted += 1 }
    }
    #expect(accepted > 100, "accepted \(accepted)")
  }

  // MARK: - Large YAML through the loader, and fixed stores

  /// From 1 MiB on the loader cuts a YAML plan on its own: the plan (places included) is the full
  /// loader's, as generated, with CRLF line ends and with a byte-order mark.
  @Test func largeYAMLThroughTheLoaderIsTheFullLoadersPlan() throws {
    let generated = PlanGenerator(taskCount: 9_000, seed: 12, dependencies: 1.5, format: .yaml).generate()
    let crlf = generated.flatMap { $0 == 0x0A ? [UInt8(0x0D), 0x0A] : [$0] }
    let variants: [(String, [UInt8])] = [
      ("LF", generated), ("CRLF", crlf), ("BOM", [0xEF, 0xBB, 0xBF] + generated),
    ]
    for (label, bytes) in variants {
      #expect(bytes.count >= FastYAMLReader.splitBytes, "\(label)")
      let found = bytes.withUnsafeBufferPointer { buffer in
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let text = UnsafeBufferPointer(rebasing: buffer[start...])
        return FastYAMLSplit.candidate(in: text).map { FastYAMLReader.readInTwo(text, at: $0, file: 0) != nil }
      }
      #expect(found == true, "\(label): a cut is guessed and taken")
      let loaded = PlanLoader(fileSystem: MemoryFileSystem(files: ["plan.yaml": bytes])).load(path: "plan.yaml")
      let full = FastPathSupport.full(bytes, path: "plan.yaml")
      #expect(loaded.diagnostics.isEmpty && full.diagnostics.isEmpty, "\(label)")
      #expect(loaded.plan != nil && loaded.plan == full.plan, "\(label)")
    }
  }

  /// Member names around the 32-byte store (with the comma and colon: `, "name": ` is the name plus
  /// six bytes), with escapes that lengthen them, written through buffers of every small size: the
  /// same bytes as the names written the usual way.
  @Test func keysAroundTheStoreSizeThroughEveryBufferSize() {
    var names: [String] = []
    for length in 22...30 { names.append(String(repeating: "k", count: length)) }
    names += [
      String(repeating: "k", count: 20) + "\u{1}", String(repeating: "k", count: 21) + "\"",
      String(repeating: "名", count: 8) + "k", String(repeating: "名", count: 9), "\u{7F}\u{1F}\t\n",
    ]
    for bufferSize in [1, 2, 7, 8, 15, 16, 31, 32, 33, 40] {
      for name in names {
        let key = JSONKey(name)
        func write(_ body: (inout ByteWriter) -> Void) -> [UInt8] {
          let sink = ReviewSink()
          var out = ByteWriter(sink: sink, bufferSize: bufferSize)
          body(&out)
          out.finish()
          return sink.bytes
        }
        let plain = write { out in
          var array = out.beginInlineArray()
          for n in 0..<5 {
            out.element(in: &array)
            var object = out.beginObject()
            out.field(name, n, in: &object)
            out.field(name, Day(ordinal: n * 4096) as Day?, in: &object)
            out.field(name, n % 2 == 0, in: &object)
            out.end(object)
          }
          out.end(array)
        }
        let made = write { out in
          var array = out.beginInlineArray()
          for n in 0..<5 {
            out.element(in: &array)
            var object = out.beginObject()
            out.field(key, n, in: &object)
            out.field(key, Day(ordinal: n * 4096) as Day?, in: &object)
            out.field(key, n % 2 == 0, in: &object)
            out.end(object)
          }
          out.end(array)
        }
        #expect(made == plain, "\(name.debugDescription), buffer \(bufferSize)")
      }
    }
  }
}

/// A sink that keeps what it is given.
private final class ReviewSink: ByteSink, @unchecked Sendable {
  var bytes: [UInt8] = []
  func write(_ chunk: UnsafeRawBufferPointer) { bytes += chunk }
}
