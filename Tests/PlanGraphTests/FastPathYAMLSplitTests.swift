import Testing

@testable import PlanGraph

/// A YAML plan read on two threads, cut at a line that looks like a root `tasks` item: the cut is
/// taken only when both halves prove it, and the plan is the full loader's (or the fast path declines)
/// and the one-thread reading's, wherever the cut is tried.
@Suite struct FastPathYAMLSplitTests {
  /// A small plan whose root `tasks` items start at column 2, with `tail` appended after them.
  private static func plan(_ items: String, head: String = "", tail: String = "") -> [UInt8] {
    Array(
      (head + "plan: p\nstart: 2020-01-01\nowners: [{id: o}]\ntasks:\n" + items + tail).utf8)
  }

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
          - id: d
            name: 丁
            done: 2020-01-09
            deadline: 2020-02-01
      - id: e
        name: 戊
        owner: o
        duration: 1d
        after:
          - b.c
          - a

    """

  /// Tries a cut at every line that starts with spaces and `- `; returns the columns of those taken.
  private func tryEveryCut(_ bytes: [UInt8], _ label: String) -> (taken: [Int], accepted: Bool) {
    var taken: [Int] = []
    var accepted = false
    for (offset, column) in FastPathSupport.itemLines(bytes) {
      let result = FastPathSupport.splitViolation(bytes, at: offset)
      #expect(result.problem == nil, "\(label), cut at \(offset): \(result.problem ?? "")")
      if result.taken { taken.append(column) }
      accepted = accepted || result.accepted
    }
    return (taken, accepted)
  }

  @Test func everyRootItemOfAGeneratedPlanIsACutAndNoNestedItemIs() {
    let bytes = PlanGenerator(taskCount: 120, seed: 5, dependencies: 1.5, format: .yaml).generate()
    let lines = FastPathSupport.itemLines(bytes)
    let root = lines.filter { $0.column == 2 }
    #expect(root.count > 2 && lines.count > root.count)
    // The owners' items are at column 2 as well: the first task is the first item after `tasks:`.
    let tasksKey = bytes.firstRange(of: Array("\ntasks:".utf8))?.lowerBound ?? 0
    let firstTask = root.first { $0.offset > tasksKey }?.offset ?? 0
    for (offset, column) in lines {
      let result = FastPathSupport.splitViolation(bytes, at: offset)
      #expect(result.problem == nil, "cut at \(offset): \(result.problem ?? "")")
      #expect(result.accepted)
      // A root item of the `tasks` sequence after the first is a sound cut; a nested item, a unit or
      // the first item (before it the sequence is empty) is not.
      let isRootItem = column == 2 && offset > firstTask
      #expect(result.taken == isRootItem, "cut at \(offset), column \(column)")
    }
  }

  @Test func aGuessedCutIsTakenAndEqualsTheFullLoader() throws {
    let bytes = PlanGenerator(taskCount: 2_000, seed: 8, dependencies: 2, format: .yaml).generate()
    #expect(FastPathSupport.violation(bytes, path: "plan.yaml", split: .guessed) == (nil, true))
    try bytes.withUnsafeBufferPointer { text in
      let cut = try #require(FastYAMLSplit.candidate(in: text))
      // The first root item from the middle on.
      let firstAfterMiddle = FastPathSupport.itemLines(bytes).first { $0.column == 2 && $0.offset >= text.count / 2 }
      #expect(cut == FastYAMLSplit.Cut(offset: firstAfterMiddle?.offset ?? -1, column: 2))
      let part = try #require(FastYAMLReader.readInTwo(text, at: cut, file: 0))
      let whole = try #require(FastYAMLReader.read(text, file: 0, split: .never))
      #expect(part.rows.tasks.count == whole.rows.tasks.count && part.arena == whole.arena)
      #expect(part.rows.planTasks == whole.rows.planTasks && part.rows.text == whole.rows.text)
    }
  }

  @Test func aSmallPlanIsCutAtEachRootItem() {
    let bytes = Self.plan(Self.items)
    let (taken, accepted) = tryEveryCut(bytes, "plain")
    #expect(accepted)
    #expect(taken == [2, 2], "the cuts before b and e")
  }

  @Test func crlfAByteOrderMarkAndCommentsKeepTheCut() {
    let crlf = Self.plan(Self.items).flatMap { $0 == UInt8(ascii: "\n") ? [0x0D, 0x0A] : [$0] }
    #expect(tryEveryCut(crlf, "CRLF") == ([2, 2], true))
    #expect(tryEveryCut([0xEF, 0xBB, 0xBF] + Self.plan(Self.items), "BOM") == ([2, 2], true))
    let commented = Self.items.replacingOccurrences(of: "  - id: b\n", with: "# between\n  # - id: x\n\n  - id: b\n")
    #expect(tryEveryCut(Self.plan(commented, head: "# 计划\n---\n"), "comments") == ([2, 2], true))
    let ended = tryEveryCut(Self.plan(Self.items, tail: "...\n"), "document end")
    #expect(ended.accepted)
  }

  @Test func aRootBlockScalarHoldingItemLinesIsNotCut() {
    // The root `plan` is a literal block scalar whose lines look like root items.
    let text = "start: 2020-01-01\nowners: [{id: o}]\nplan: |\n  - id: x\n    name: y\n  - id: z\ntasks:\n" + Self.items
    let (taken, accepted) = tryEveryCut(Array(text.utf8), "root block scalar")
    #expect(accepted && taken == [2, 2])
    // As the last value before the cut, a block scalar is refused (it would end at the cut's line).
    let note = Self.items.replacingOccurrences(
      of: "    duration: 3d\n", with: "    duration: 3d\n    note: |\n      x\n")
    #expect(tryEveryCut(Self.plan(note), "note block") == ([2], true))
    let folded = Self.items.replacingOccurrences(of: "    duration: 3d\n", with: "    duration: 3d\n    note: >-\n")
    #expect(tryEveryCut(Self.plan(folded), "empty folded") == ([2], true))
  }

  @Test func multiLineScalarsAcrossTheCutAreNotCut() {
    // A double-quoted and a single-quoted name continue over a line that looks like a root item.
    for quote in ["\"", "'"] {
      let quoted = Self.items.replacingOccurrences(
        of: "    name: 甲\n", with: "    name: \(quote)甲\n  - id: x\n    名\(quote)\n")
      let (taken, accepted) = tryEveryCut(Self.plan(quoted), "quoted \(quote)")
      #expect(accepted && taken == [2, 2], "\(quote)")
    }
    // A plain root scalar continued by a line that looks like an item.
    let plain = "start: 2020-01-01\nplan: 标题\n  - idx\nowners: [{id: o}]\ntasks:\n" + Self.items
    #expect(tryEveryCut(Array(plain.utf8), "plain") == ([2, 2], true))
    // A flow sequence and a flow mapping spanning a line that looks like an item.
    let flow = Self.items.replacingOccurrences(of: "    after: [a]\n", with: "    after: [a,\n  - b]\n")
    #expect(tryEveryCut(Self.plan(flow), "flow").taken.count <= 2)
    let mapping = "plan: p\nstart: 2020-01-01\nowners: [{id: o,\n  - name: x}]\ntasks:\n" + Self.items
    #expect(tryEveryCut(Array(mapping.utf8), "flow mapping").taken.count <= 2)
  }

  @Test func aRootKeyAfterTasksIsNotCutButStillRead() {
    let bytes = Array(
      ("plan: p\nstart: 2020-01-01\ntasks:\n" + Self.items + "owners: [{id: o}]\n").utf8)
    let (taken, accepted) = tryEveryCut(bytes, "owners last")
    #expect(accepted && taken.isEmpty)
  }

  @Test func indentlessRootItemsAreCutAtColumnZero() {
    let indentless = Self.items.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : String($0) }.joined(separator: "\n")
    #expect(tryEveryCut(Self.plan(indentless), "indentless") == ([0, 0], true))
  }

  @Test func anchorsTabsDocumentsAndBadBytesAfterTheCutDecline() {
    for (label, items) in [
      (
        "anchor and alias",
        Self.items.replacingOccurrences(of: "name: 甲", with: "name: &n 甲").replacingOccurrences(
          of: "name: 戊", with: "name: *n")
      ),
      ("tab", Self.items.replacingOccurrences(of: "    duration: 1d\n", with: "\tduration: 1d\n")),
      ("second document", Self.items + "---\nplan: q\n"),
      ("key repeated", Self.items + "  - id: a\n    name: 重\n    duration: 1d\n"),
      ("bad byte", Self.items.replacingOccurrences(of: "name: 戊", with: "name: \u{1}")),
    ] {
      let (taken, accepted) = tryEveryCut(Self.plan(items), label)
      #expect(!accepted, "\(label)")
      _ = taken
    }
    // Root items at two columns: only the first's is a cut, and the plan does not read.
    let odd = Self.items.replacingOccurrences(of: "  - id: e\n", with: "   - id: e\n")
    #expect(tryEveryCut(Self.plan(odd), "odd column").accepted == false)
  }
}
