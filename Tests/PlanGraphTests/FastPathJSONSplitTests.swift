import Foundation
import Testing

@testable import PlanGraph

/// A JSON plan read on two threads, cut at a line that starts with `{`: the cut is taken only when
/// both parts prove it (exactly between two items of the root `tasks` array), and the plan is the full
/// loader's (or the fast path declines) and the one-thread reading's, wherever the cut is tried.
@Suite struct FastPathJSONSplitTests {
  /// The offsets (of the text after any byte-order mark) of the lines whose first byte other than
  /// spaces and tabs is `{`, the places a cut may be tried.
  static func braceLines(_ bytes: [UInt8]) -> [Int] {
    let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes[3...]) : bytes
    var found: [Int] = []
    var start = 0
    while start < text.count {
      var k = start
      while k < text.count, text[k] == UInt8(ascii: " ") || text[k] == UInt8(ascii: "\t") { k += 1 }
      if start > 0, k < text.count, text[k] == UInt8(ascii: "{") { found.append(start) }
      guard let end = text[start...].firstIndex(of: UInt8(ascii: "\n")) else { break }
      start = end + 1
    }
    return found
  }

  /// Whether both parts prove a cut at `offset` (of the text after any byte-order mark).
  static func taken(_ bytes: [UInt8], at offset: Int) -> Bool {
    let textStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    return bytes.withUnsafeBufferPointer { text in
      guard let cut = FastJSONSplit.cut(in: text, at: textStart + offset, from: textStart) else { return false }
      return FastJSONReader.readInTwo(text, from: textStart, at: cut, release: nil) != nil
    }
  }

  /// Tries a cut at every line that starts with `{`: each reading equals the one-thread reading and
  /// keeps the fast path's invariant. Returns the offsets of the cuts taken, and whether the fast path
  /// took the plan.
  static func tryEveryCut(_ bytes: [UInt8], _ label: String) -> (taken: [Int], accepted: Bool) {
    // The fast path's invariant once (the one-thread reading is the full loader's plan, or declines);
    // then every cut's reading equals the one-thread reading.
    let (problem, _) = FastPathSupport.violation(bytes, path: "plan.json", split: .never)
    #expect(problem == nil, "\(label): \(problem ?? "")")
    let one = FastPlanReader.read(bytes, path: "plan.json", split: .never)
    var taken: [Int] = []
    for offset in braceLines(bytes) {
      let split = FastPlanReader.read(bytes, path: "plan.json", split: .line(offset))
      #expect(split == one, "\(label), cut at \(offset): differs from one thread")
      if Self.taken(bytes, at: offset) { taken.append(offset) }
    }
    return (taken, one != nil)
  }

  /// A small plan: root items each on a line, nested items on lines of their own, `tail` after the
  /// root `tasks` array (before the root object's end).
  private static func plan(head: String = "", tail: String = "", newline: String = "\n") -> [UInt8] {
    let lines = [
      "{\"plan\": \"计划\", \"start\": \"2020-01-01\", \(head)",
      "\"owners\": [{\"id\": \"o\", \"units\": [",
      "{\"id\": \"u\", \"name\": \"处\"}]}],",
      "\"tasks\": [",
      "{\"id\": \"a\", \"name\": \"甲 \\\"引号\\\" 𝄞\", \"owner\": \"o\", \"duration\": \"3d\"},",
      "{\"id\": \"b\", \"name\": \"乙\", \"owner\": \"o.u\", \"tasks\": [",
      "  {\"id\": \"c\", \"name\": \"丙\", \"duration\": \"2d\", \"after\": [\"a\"]},",
      "  {\"id\": \"d\", \"name\": \"丁\", \"done\": \"2020-01-09\", \"deadline\": \"2020-02-01\"}",
      "  ]},",
      "{\"id\": \"e\", \"name\": \"戊\",",
      " \"owner\": \"o\", \"duration\": \"1d\", \"after\": [\"b.c\", \"a\"]},",
      "{\"id\": \"f\", \"name\": \"己\", \"owner\": \"o\", \"every\": \"month\", \"done\": [\"2020-01-31\", \"2020-02-29\"]}",
      "]\(tail)}",
      "",
    ]
    return Array(lines.joined(separator: newline).utf8)
  }

  /// The root items of a generated plan: ids `p` and digits (the phases are `ph`).
  private static func generatedRoots(_ bytes: [UInt8]) -> [Int] {
    (0...9).flatMap { lines(bytes, startingWith: "{\"id\": \"p\($0)") }.sorted()
  }

  /// The offsets of the lines of `bytes` that start with `prefix` (after any byte-order mark).
  private static func lines(_ bytes: [UInt8], startingWith prefix: String) -> [Int] {
    let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes[3...]) : bytes
    return braceLines(bytes).filter { text[$0...].starts(with: Array(prefix.utf8)) }
  }

  @Test func everyRootItemOfAGeneratedPlanIsACutAndNoOtherLineIs() {
    let bytes = PlanGenerator(taskCount: 700, seed: 5, dependencies: 1.5, format: .json).generate()
    let root = Self.generatedRoots(bytes)
    #expect(root.count > 2)
    let (taken, accepted) = Self.tryEveryCut(bytes, "generated")
    #expect(accepted)
    // Each root item but the first (before it, no comma), and no nested item or owner.
    #expect(taken == Array(root.dropFirst()))
  }

  @Test func aGuessedCutIsARootItemNearTheMiddleAndIsTaken() throws {
    for count in [2_000, 12_000] {
      let bytes = PlanGenerator(taskCount: count, seed: 8, dependencies: 2, format: .json).generate()
      #expect(FastPathSupport.violation(bytes, path: "plan.json", split: .guessed) == (nil, true))
      let root = Self.generatedRoots(bytes)
      try bytes.withUnsafeBufferPointer { text in
        let cut = try #require(FastJSONSplit.candidate(in: text, from: 0))
        // The first root item from the middle on (the window holds one at these sizes).
        #expect(cut == root.first { $0 >= text.count / 2 })
        let joined = try #require(FastJSONReader.readInTwo(text, from: 0, at: cut, release: nil))
        let whole = try #require(FastJSONReader.read(text, from: 0, split: .never, release: nil))
        #expect(joined.tasks.count == whole.tasks.count && joined.idText == whole.idText)
        #expect(joined.planTasks == whole.planTasks && joined.text == whole.text)
        #expect(joined.references.count == whole.references.count)
        for (a, b) in zip(joined.references, whole.references) {
          #expect(a.start == b.start && a.length == b.length && a.position == b.position)
        }
        for (a, b) in zip(joined.tasks, whole.tasks) {
          #expect(a.parent == b.parent && a.idStart == b.idStart && a.ownerStart == b.ownerStart)
          #expect(a.afterStart == b.afterStart && a.afterCount == b.afterCount && a.childCount == b.childCount)
        }
      }
    }
  }

  @Test func aSmallPlanIsCutAtEachRootItemAfterTheFirst() {
    let bytes = Self.plan()
    let (taken, accepted) = Self.tryEveryCut(bytes, "plain")
    #expect(accepted)
    let expected = ["{\"id\": \"b\"", "{\"id\": \"e\"", "{\"id\": \"f\""].flatMap {
      Self.lines(bytes, startingWith: $0)
    }
    #expect(taken == expected && expected.count == 3)
  }

  @Test func crlfAByteOrderMarkAndIndentationKeepTheCut() {
    let crlf = Self.plan(newline: "\r\n")
    #expect(Self.tryEveryCut(crlf, "CRLF").taken.count == 3)
    #expect(Self.tryEveryCut(crlf, "CRLF").accepted)
    let bom = [0xEF, 0xBB, 0xBF] + Self.plan()
    #expect(Self.tryEveryCut(bom, "BOM") == (Self.tryEveryCut(Self.plan(), "plain").taken, true))
    // Indented JSON (as `jq` or Python write it): items at four spaces, nested ones deeper.
    let indented = Self.plan().split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
      $0.first == UInt8(ascii: "{") ? Array("    ".utf8) + $0 : Array($0)
    }
    let text = Array(indented.joined(separator: [UInt8(ascii: "\n")]))
    #expect(Self.tryEveryCut(text, "indented").taken.count == 3)
  }

  @Test func keysAfterTheTasksDeclineTheCutButNotThePlan() {
    for tail in [", \"owner\": \"o\"", ", \"tasks\": []", ",\n\"owner\": \"o\"\n"] {
      let bytes = Self.plan(tail: tail)
      let (taken, accepted) = Self.tryEveryCut(bytes, "tail \(tail)")
      #expect(taken.isEmpty, "\(tail)")
      // A second `tasks` key: the plan is declined on one thread as well.
      #expect(accepted == !tail.contains("tasks"), "\(tail)")
    }
    // Something after the root object's end.
    let trailing = Self.plan() + Array("{\"id\": \"x\"}\n".utf8)
    #expect(Self.tryEveryCut(trailing, "trailing") == ([], false))
  }

  @Test func duplicateRootKeysAndTasksThatAreNotAListAreNeverTaken() {
    // A second `tasks` holding the cut: the first part reads two `tasks` keys.
    let twice = Array(
      ("{\"plan\": \"p\", \"start\": \"2020-01-01\", \"tasks\": [{\"id\": \"a\", \"name\": \"a\"}],\n\"tasks\": [\n"
        + "{\"id\": \"b\", \"name\": \"b\"},\n{\"id\": \"c\", \"name\": \"c\"}\n]}\n").utf8)
    #expect(Self.tryEveryCut(twice, "twice") == ([], false))
    let duplicateTitle = Self.plan(head: "\"plan\": \"又\", ")
    #expect(Self.tryEveryCut(duplicateTitle, "duplicate title") == ([], false))
    // `tasks` holding an object whose lines look like items.
    let object = Array(
      ("{\"plan\": \"p\", \"start\": \"2020-01-01\", \"tasks\": {\"x\": [\n{\"id\": \"a\", \"name\": \"a\"},\n"
        + "{\"id\": \"b\", \"name\": \"b\"}\n]}}\n").utf8)
    #expect(Self.tryEveryCut(object, "object") == ([], false))
    // No title: the first part ends at the cut without one.
    let untitled = Array(
      ("{\"start\": \"2020-01-01\", \"tasks\": [\n{\"id\": \"a\", \"name\": \"a\"},\n"
        + "{\"id\": \"b\", \"name\": \"b\"}\n]}\n").utf8)
    #expect(Self.tryEveryCut(untitled, "untitled") == ([], false))
  }

  @Test func linesThatLookLikeItemsInsideStringsOrNestedListsAreNotCuts() {
    // A note whose escaped text holds a line break then `{`: the text's lines never start with `{`
    // inside a string (a raw line break there is not JSON), but a nested list's lines do.
    let nested = Self.plan()
    let nestedLines = Self.lines(nested, startingWith: "  {")
    #expect(nestedLines.count == 2)
    for offset in nestedLines { #expect(!Self.taken(nested, at: offset)) }
    // A string holding a raw line break (not JSON: declined both ways) and a `{` line.
    let raw = Array(
      ("{\"plan\": \"p\", \"start\": \"2020-01-01\", \"tasks\": [\n{\"id\": \"a\", \"name\": \"a\"},\n"
        + "{\"id\": \"b\", \"name\": \"b,\n{\"}\n]}\n").utf8)
    #expect(Self.tryEveryCut(raw, "raw line break") == ([], false))
    // An `after` list on two lines, and nested items on lines of their own after a comma.
    let list = Array(
      ("{\"plan\": \"p\", \"start\": \"2020-01-01\", \"owner\": \"o\", \"owners\": [{\"id\": \"o\"}], \"tasks\": [\n"
        + "{\"id\": \"a\", \"name\": \"a\", \"duration\": \"1d\"},\n"
        + "{\"id\": \"a2\", \"name\": \"a2\", \"duration\": \"1d\"},\n"
        + "{\"id\": \"b\", \"name\": \"b\", \"after\": [\"a\",\n"
        + "\"a2\"], \"tasks\": [{\"id\": \"c\", \"name\": \"c\", \"duration\": \"1d\"},\n"
        + "{\"id\": \"d\", \"name\": \"d\", \"duration\": \"1d\"}]},\n"
        + "{\"id\": \"e\", \"name\": \"e\", \"duration\": \"1d\"}\n]}\n").utf8)
    let (taken, _) = Self.tryEveryCut(list, "list")
    let roots = ["{\"id\": \"a2\"", "{\"id\": \"b\"", "{\"id\": \"e\""]
    #expect(taken == roots.flatMap { Self.lines(list, startingWith: $0) })
    #expect(FastPlanReader.read(list, path: "plan.json", split: .never) != nil)
  }

  @Test func aPlanThatDoesNotReadGivesTheFullLoadersDiagnostics() throws {
    // A misspelt key in the second part: both readings decline, and the loader reports it as before.
    let bytes = PlanGenerator(taskCount: 12_000, seed: 3, format: .json).generate()
    let key = Array("\"duration\"".utf8)
    let at = try #require((0...(bytes.count - key.count)).last { Array(bytes[$0..<$0 + key.count]) == key })
    var broken = bytes
    broken.replaceSubrange(at..<at + key.count, with: Array("\"duratoin\"".utf8))
    #expect(FastPlanReader.read(broken, path: "plan.json", split: .guessed) == nil)
    #expect(FastPlanReader.read(broken, path: "plan.json", split: .automatic) == nil)
    let loaded = PlanLoader(fileSystem: MemoryFileSystem(files: ["plan.json": broken])).load(path: "plan.json")
    let full = FastPathSupport.full(broken, path: "plan.json")
    #expect(!loaded.diagnostics.isEmpty && loaded.diagnostics == full.diagnostics)
  }

  @Test func eachPartGivesBackOnlyTheWholePagesOfItsOwnRange() throws {
    let bytes = PlanGenerator(taskCount: 12_000, seed: 5, format: .json).generate()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("plan.json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    // A range from the middle of a page to the middle of another: the pages it only partly covers
    // (the first part's last, the end) stay.
    let mapped = try #require(MappedFile(path: path, minimumSize: 1))
    let from = 10 * page + page / 2
    let to = 20 * page + page / 2
    mapped.release(from..<to)
    #expect(Array(mapped.bytes[..<(11 * page)]) == Array(bytes[..<(11 * page)]))
    #expect(mapped.bytes[(11 * page)..<(20 * page)].allSatisfy { $0 == 0 })
    #expect(Array(mapped.bytes[(20 * page)...]) == Array(bytes[(20 * page)...]))
    mapped.release(to..<to)
    mapped.release(5..<(page - 1))
    #expect(Array(mapped.bytes[..<(11 * page)]) == Array(bytes[..<(11 * page)]))
    mapped.unmap()
    // Read in two parts, each giving back every two pages behind it: were a page given back that the
    // other part still reads, it would read zeros there and decline or differ.
    let full = FastPathSupport.full(bytes, path: path)
    for step in [2 * page, 3 * page + 1, 64 * page] {
      let file = try #require(MappedFile(path: path, minimumSize: 1))
      let cut = try #require(FastJSONSplit.candidate(in: file.bytes, from: 0))
      #expect(cut % page != 0, "the cut is inside a page, which neither part may give back early")
      var plan = try #require(
        FastPlanReader.readWithoutGraph(mapped: file, path: path, releaseStep: step, split: .guessed),
        "the fast path must take the plan")
      #expect(FastPlanReader.finish(&plan))
      #expect(plan == full.plan)
      #expect(Self.taken(bytes, at: cut))
    }
  }
}
