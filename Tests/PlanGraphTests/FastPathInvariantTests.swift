import Foundation
import Synchronization
import Testing

@testable import PlanGraph

/// The loader's fast path returns a plan only when the full loader returns the same plan, places
/// included, with no diagnostic; and it takes every plan `plangraph generate` writes.
@Suite struct FastPathInvariantTests {
  @Test(arguments: [(0, 1), (1, 2), (7, 3), (60, 4), (400, 5), (3_000, 6), (12_000, 42)] as [(Int, UInt64)])
  func generatedJSONPlansTakeTheFastPathAndEqualTheFullLoader(_ size: Int, _ seed: UInt64) {
    for dependencies in [0.0, 1.0, 2.5] {
      let bytes = PlanGenerator(taskCount: size, seed: seed, dependencies: dependencies, format: .json).generate()
      let (problem, accepted) = FastPathSupport.violation(bytes)
      #expect(problem == nil, "\(size) tasks, seed \(seed): \(problem ?? "")")
      // A plan the full loader has nothing to say about is taken (the smallest have a programme
      // without phases: a warned-about milestone).
      let full = FastPathSupport.full(bytes)
      #expect(accepted == (full.diagnostics.isEmpty && full.plan != nil), "\(size) tasks, seed \(seed)")
      if size >= 60 { #expect(accepted, "the fast path declined a generated plan of \(size) tasks, seed \(seed)") }
    }
  }

  @Test func theLoaderUsesTheFastPathAndGivesTheSamePlan() throws {
    let bytes = PlanGenerator(taskCount: 500, seed: 9, format: .json).generate()
    let fast = PlanLoader(fileSystem: MemoryFileSystem(files: ["p.json": bytes])).load(path: "p.json")
    let full = FastPathSupport.full(bytes, path: "p.json")
    let plan = try #require(fast.plan)
    #expect(plan == full.plan)
    #expect(fast.diagnostics.isEmpty && full.diagnostics.isEmpty)
    #expect(fast.files == full.files)
    // A schedule from either is the same: the graph the fast path keeps is the one the scheduler wants.
    let asOf = Day(year: 2021, month: 6, day: 1)!
    #expect(try Scheduler(plan: plan).schedule(asOf: asOf) == Scheduler(plan: full.plan!).schedule(asOf: asOf))
  }

  @Test func everyJSONFixtureKeepsTheInvariant() throws {
    var accepted = 0
    for url in FastPathSupport.jsonFixtures() {
      let bytes = try [UInt8](Data(contentsOf: url))
      let (problem, took) = FastPathSupport.violation(bytes, path: url.lastPathComponent)
      #expect(problem == nil, "\(url.path): \(problem ?? "")")
      if took { accepted += 1 }
    }
    // The valid JSON fixtures use forms the fast path leaves to the full reader (a bare year, targets,
    // a calendar); the generated fixture takes it.
    #expect(accepted >= 1, "the generated JSON fixture takes the fast path")
  }

  /// Every YAML plan of the repository, written as JSON in several styles (indentation, CRLF, tabs,
  /// one line, escapes, a byte-order mark, numbers bare): valid ones mostly taken, none different.
  @Test func everyYAMLPlanAsJSONKeepsTheInvariant() throws {
    let styles: [FastPathSupport.JSONStyle] = [
      .init(),
      .init(indent: "\t", newline: "\r\n", spaceAfterColon: false),
      .init(indent: "", newline: "", spaceAfterColon: false),
      .init(indent: "    ", escapeNonASCII: true, byteOrderMark: true),
      .init(indent: " ", newline: "\n\n", bareNumbers: true),
    ]
    var accepted = 0
    var converted = 0
    for url in FastPathSupport.yamlFiles() {
      let yaml = try [UInt8](Data(contentsOf: url))
      for style in styles {
        guard let json = FastPathSupport.json(fromYAML: yaml, style: style) else { continue }
        converted += 1
        let (problem, took) = FastPathSupport.violation(json, path: "plan.json")
        #expect(problem == nil, "\(url.path) as JSON: \(problem ?? "")")
        if took { accepted += 1 }
      }
    }
    #expect(converted > 100)
    #expect(accepted > 20, "only \(accepted) of \(converted) YAML plans as JSON took the fast path")
  }

  /// Small generated plans changed at random, byte by byte and key by key: the fast path declines or
  /// agrees, never differs.
  @Test func mutatedPlansKeepTheInvariant() {
    var random = SeededRandom(seed: 2026)
    let words = [
      "\"id\"", "\"name\"", "\"owner\"", "\"duration\"", "\"deadline\"", "\"done\"", "\"after\"", "\"every\"",
      "\"tasks\"", "\"status\"", "\"progress\"", "\"start\"", "\"note\"", "\"units\"", "\"owners\"", "\"plan\"",
      "\"t1\"", "\"ph0\"", "\"p0.ph0.t1\"", "\"2020-02-30\"", "\"2021-01-01\"", "\"+3d\"", "\"5天\"", "\"0d\"",
      "\"cancelled\"", "\"done\"", "\"active\"", "\"30%\"", "\"week\"", "null", "[]", "{}", "\"\"", "\"\\u0041\"",
      "\"org0.u9\"", "\"org0\"", "\r\n", "\t", ",", ":", "\u{FEFF}", "\"中文\"", "\"a.b\"", "7", "\"2200-12-31\"",
    ].map { Array($0.utf8) }
    var taken = 0
    var clean = 0
    for round in 0..<1_500 {
      var bytes = PlanGenerator(
        taskCount: 3 + round % 40, seed: UInt64(round % 7), dependencies: 1.5, format: .json
      ).generate()
      for _ in 0..<(1 + random.below(3)) {
        let at = random.below(bytes.count)
        switch random.below(6) {
        case 0: bytes.remove(at: at)
        case 1: bytes.insert(contentsOf: words[random.below(words.count)], at: at)
        case 2:
          // A quoted word replaced by another at a quote.
          if let quote = bytes[at...].firstIndex(of: UInt8(ascii: "\"")),
            let close = bytes[(quote + 1)...].firstIndex(of: UInt8(ascii: "\""))
          {
            bytes.replaceSubrange(quote...close, with: words[random.below(words.count)])
          }
        case 3: bytes[at] = UInt8(truncatingIfNeeded: random.below(256))
        case 4:
          let length = min(bytes.count - at, 1 + random.below(60))
          let copy = Array(bytes[at..<at + length])
          bytes.insert(contentsOf: copy, at: random.below(bytes.count))
        default:
          // A digit changed: other dates, durations and ids.
          if let digit = bytes[at...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            bytes[digit] = UInt8(ascii: "0") + UInt8(random.below(10))
          }
        }
      }
      let (problem, took) = FastPathSupport.violation(bytes)
      #expect(problem == nil, "round \(round): \(problem ?? "") in\n\(String(decoding: bytes, as: UTF8.self))")
      if problem != nil { break }
      if took { taken += 1 }
      if !took, case let full = FastPathSupport.full(bytes), full.diagnostics.isEmpty, full.plan != nil { clean += 1 }
    }
    // Mutations mostly break a plan; those that keep it valid are mostly taken.
    #expect(taken > 50, "too few mutated plans were taken (\(taken)) for the test to mean much")
    #expect(clean < taken, "\(clean) valid mutated plans declined, \(taken) taken")
  }
}

/// Input built to break the fast path: it declines (or agrees) without trapping, recursing or going
/// quadratic.
@Suite struct FastPathHostileInputTests {
  let plan = Array(
    """
    {"plan": "计划", "start": "2020-01-01", "owners": [{"id": "org", "name": "组织", "units": [{"id": "u1"}]}],
     "tasks": [{"id": "a", "name": "甲", "owner": "org.u1", "tasks": [
       {"id": "b", "name": "乙\\u4e59", "owner": "org", "duration": "3d", "deadline": "2020-03-01"},
       {"id": "c", "name": "丙", "owner": "org", "done": "2020-01-09", "after": ["b", "a.b"]}]},
       {"id": "d", "name": "例会", "owner": "org", "every": "month", "done": ["2020-02-01", "2020-03-01"]}]}
    """.utf8)

  @Test func everyPrefixOfAPlanKeepsTheInvariant() {
    for end in 0...plan.count {
      let (problem, _) = FastPathSupport.violation(Array(plan[..<end]))
      #expect(problem == nil, "prefix of \(end) bytes: \(problem ?? "")")
    }
  }

  @Test func everyByteOfAPlanChangedKeepsTheInvariant() {
    for at in plan.indices {
      for replacement: UInt8 in [0x00, 0x0A, 0x22, 0x5C, 0x2E, 0x7B, 0x5D, 0xFF, 0xE4] where plan[at] != replacement {
        var bytes = plan
        bytes[at] = replacement
        let (problem, _) = FastPathSupport.violation(bytes)
        #expect(problem == nil, "byte \(at) as \(replacement): \(problem ?? "")")
      }
    }
  }

  @Test func theSmallPlanIsTakenWithABOMAndCRLF() {
    #expect(FastPathSupport.violation(plan) == (nil, true))
    let crlf = Array(String(decoding: plan, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
    #expect(FastPathSupport.violation([0xEF, 0xBB, 0xBF] + crlf) == (nil, true))
  }

  @Test func deepNestingDeclinesWithoutRecursion() {
    let n = 100_000
    var text = "{\"plan\": \"p\", \"start\": \"2020-01-01\", \"tasks\": "
    text += String(repeating: "[{\"id\": \"a\", \"name\": \"n\", \"tasks\": ", count: n)
    text += "[]" + String(repeating: "}]", count: n) + "}"
    #expect(FastPlanReader.read(Array(text.utf8), path: "deep.json") == nil)
    var owners = "{\"plan\": \"p\", \"start\": \"2020-01-01\", \"owners\": "
    owners +=
      String(repeating: "[{\"id\": \"o\", \"units\": ", count: n) + "[]" + String(repeating: "}]", count: n) + "}"
    #expect(FastPlanReader.read(Array(owners.utf8), path: "deep.json") == nil)
  }

  @Test func hugeValuesAndOddBytesDecline() {
    let head =
      "{\"plan\": \"p\", \"start\": \"2020-01-01\", \"owners\": [{\"id\": \"o\"}], \"tasks\": [{\"id\": \"a\", \"owner\": \"o\", "
    for tail in [
      "\"name\": \"n\", \"duration\": \"" + String(repeating: "9", count: 5_000) + "d\"}]}",
      "\"name\": \"n\", \"duration\": \"100001d\"}]}",
      "\"name\": \"n\", \"duration\": 5}]}",
      "\"name\": \"" + String(repeating: "长", count: 200_000)
        + "\", \"duration\": \"1d\", \"deadline\": \"99999-01-01\"}]}",
      "\"name\": \"n\u{0}\", \"duration\": \"1d\"}]}",
      "\"name\": \"n\", \"duration\": \"1d\", \"progress\": \"101%\"}]}",
      "\"name\": \"n\", \"duration\": \"1d\", \"after\": [\"a\"]}]}",
      "\"name\": \"n\", \"duration\": \"1d\"}]}\u{0}",
      "\"name\": \"\\ud800\", \"duration\": \"1d\"}]}",
    ] {
      let bytes = Array((head + tail).utf8)
      #expect(FastPathSupport.violation(bytes).problem == nil)
      #expect(FastPathSupport.violation(bytes).accepted == false, "\(tail.prefix(60))")
    }
    // A long name is no problem in itself: taken, and the same.
    let long = Array(
      (head + "\"name\": \"" + String(repeating: "长", count: 200_000) + "\", \"duration\": \"1d\"}]}").utf8)
    #expect(FastPathSupport.violation(long) == (nil, true))
    // Invalid UTF-8 inside a string.
    var invalid = Array((head + "\"name\": \"xx\", \"duration\": \"1d\"}]}").utf8)
    if let x = invalid.lastIndex(of: UInt8(ascii: "x")) { invalid[x] = 0xC0 }
    #expect(FastPathSupport.violation(invalid) == (nil, false))
  }

  @Test func manyOwnersNamedInTurnAreLookedUpByHash() {
    // Twenty thousand owners, each task naming another: no scan of the owners per task.
    let n = 20_000
    var text = "{\"plan\": \"p\", \"start\": \"2020-01-01\", \"owners\": ["
    text += (0..<n).map { "{\"id\": \"o\($0)\"}" }.joined(separator: ",") + "], \"tasks\": ["
    text += (0..<n).map {
      "{\"id\": \"t\($0)\", \"name\": \"n\", \"owner\": \"o\(($0 * 7_919) % n)\", \"duration\": \"1d\"}"
    }
    .joined(separator: ",")
    text += "]}"
    #expect(FastPathSupport.violation(Array(text.utf8)) == (nil, true))
  }

  @Test func idsThatCollideInTheTableDeclineOrAgree() {
    // Many siblings and references: the table's probes stay short, the plan is taken.
    var text =
      "{\"plan\": \"p\", \"start\": \"2020-01-01\", \"owners\": [{\"id\": \"o\"}], \"owner\": \"o\", \"tasks\": ["
    text += (0..<20_000).map {
      "{\"id\": \"t\($0)\", \"name\": \"n\", \"duration\": \"1d\"\($0 > 0 ? ", \"after\": [\"t\($0 - 1)\"]" : "")}"
    }
    .joined(separator: ",")
    text += "]}"
    #expect(FastPathSupport.violation(Array(text.utf8)) == (nil, true))
  }
}

/// The same invariant for YAML, read from libyaml's raw events.
@Suite struct FastPathYAMLInvariantTests {
  @Test(arguments: [(1, 2), (7, 3), (60, 4), (400, 5), (3_000, 6), (12_000, 42)] as [(Int, UInt64)])
  func generatedYAMLPlansTakeTheFastPathAndEqualTheFullLoader(_ size: Int, _ seed: UInt64) {
    for dependencies in [0.0, 1.0, 2.5] {
      let bytes = PlanGenerator(taskCount: size, seed: seed, dependencies: dependencies, format: .yaml).generate()
      let (problem, accepted) = FastPathSupport.violation(bytes, path: "plan.yaml")
      #expect(problem == nil, "\(size) tasks, seed \(seed): \(problem ?? "")")
      let full = FastPathSupport.full(bytes, path: "plan.yaml")
      #expect(accepted == (full.diagnostics.isEmpty && full.plan != nil), "\(size) tasks, seed \(seed)")
      if size >= 60 { #expect(accepted, "the fast path declined a generated plan of \(size) tasks, seed \(seed)") }
    }
  }

  @Test func everyYAMLPlanOfTheRepositoryKeepsTheInvariant() throws {
    var accepted = 0
    for url in FastPathSupport.yamlFiles() {
      let bytes = try [UInt8](Data(contentsOf: url))
      let (problem, took) = FastPathSupport.violation(bytes, path: "plan.yaml")
      #expect(problem == nil, "\(url.path): \(problem ?? "")")
      if took { accepted += 1 }
    }
    // Most plans of the repository use forms left to the full reader (targets, includes, relative dates).
    #expect(accepted >= 5, "only \(accepted) YAML plans took the fast path")
  }

  /// Small generated YAML plans changed at random: the fast path declines or agrees, never differs.
  @Test func mutatedYAMLPlansKeepTheInvariant() {
    var random = SeededRandom(seed: 2027)
    let words = [
      "id: ", "name: ", "owner: ", "duration: ", "deadline: ", "done: ", "after: ", "every: ", "tasks:\n", "status: ",
      "progress: ", "start: ", "note: ", "t1", "ph0", "p0.ph0.t1", "2020-02-30", "2021-01-01", "+3d", "5天", "0d",
      "cancelled", "[]", "{}", "\"\"", "'x'", "&a ", "*a", "!!str ", "~", "null", "\n", "\t", "  ", "- ", ": ", "#",
      "\u{FEFF}", "中文", "a.b", "7", "\r\n", "---\n", "[t1, ph0]", "{ id: x, name: y }",
    ].map { Array($0.utf8) }
    var taken = 0
    for round in 0..<1_000 {
      var bytes = PlanGenerator(
        taskCount: 3 + round % 40, seed: UInt64(round % 7), dependencies: 1.5, format: .yaml
      ).generate()
      for _ in 0..<(1 + random.below(3)) {
        let at = random.below(bytes.count)
        switch random.below(5) {
        case 0: bytes.remove(at: at)
        case 1: bytes.insert(contentsOf: words[random.below(words.count)], at: at)
        case 2: bytes[at] = UInt8(truncatingIfNeeded: random.below(256))
        case 3:
          let length = min(bytes.count - at, 1 + random.below(60))
          let copy = Array(bytes[at..<at + length])
          bytes.insert(contentsOf: copy, at: random.below(bytes.count))
        default:
          if let digit = bytes[at...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            bytes[digit] = UInt8(ascii: "0") + UInt8(random.below(10))
          }
        }
      }
      let (problem, took) = FastPathSupport.violation(bytes, path: "plan.yaml")
      #expect(problem == nil, "round \(round): \(problem ?? "") in\n\(String(decoding: bytes, as: UTF8.self))")
      if problem != nil { break }
      if took { taken += 1 }
    }
    #expect(taken > 25, "too few mutated plans were taken (\(taken)) for the test to mean much")
  }

  @Test func deepYAMLNestingDeclinesWithoutRecursion() {
    let n = 2_000
    var text = "plan: p\nstart: 2020-01-01\ntasks: "
    text += String(repeating: "[{id: a, name: n, tasks: ", count: n) + "[]" + String(repeating: "}]", count: n) + "\n"
    #expect(FastPathSupport.violation(Array(text.utf8), path: "deep.yaml") == (nil, false))
    var owners = "plan: p\nstart: 2020-01-01\nowners: "
    owners += String(repeating: "[{id: o, units: ", count: n) + "[]" + String(repeating: "}]", count: n) + "\n"
    #expect(FastPathSupport.violation(Array(owners.utf8), path: "deep.yaml") == (nil, false))
  }

  @Test func aliasesTagsAndOddBytesDecline() {
    let head = "plan: p\nstart: 2020-01-01\nowners: [{id: o}]\ntasks:\n  - id: a\n    owner: o\n"
    for tail in [
      "    name: &x n\n    duration: 1d\n", "    name: !!str n\n    duration: 1d\n",
      "    name: n\n    duration: 1d\n---\n",
      "    name: n\n    duration: 1d\n    id: b\n", "    name: \"\\ud800\"\n    duration: 1d\n", "    name: n\u{0}\n",
      "    name: n\n    duration: 1d\n    after: a\n", "    name: n\n\tduration: 1d\n", "    name: n\n    duration:\n",
    ] {
      let bytes = Array((head + tail).utf8)
      #expect(FastPathSupport.violation(bytes, path: "p.yaml") == (nil, false), "\(tail)")
    }
    let good = Array((head + "    name: \"名\\u0041\"\n    duration: 1d\n").utf8)
    #expect(FastPathSupport.violation(good, path: "p.yaml") == (nil, true))
    #expect(FastPathSupport.violation([0xEF, 0xBB, 0xBF] + good, path: "p.yaml") == (nil, true))
    var invalid = good
    if let n = invalid.lastIndex(of: UInt8(ascii: "A")) { invalid[n] = 0xC0 }
    #expect(FastPathSupport.violation(invalid, path: "p.yaml").problem == nil)
  }
}

/// The stage timings stay comparable on the fast path: each stage ends once, in the full loader's order.
@Suite struct FastPathStageTests {
  @Test(arguments: ["plan.json", "plan.yaml"])
  func theFastPathEndsEachLoadingStageOnce(_ path: String) throws {
    let seen = Mutex<[PlanStage]>([])
    let observer = StageObserver { stage in seen.withLock { $0.append(stage) } }
    let format: PlanGenerator.Format = path.hasSuffix(".json") ? .json : .yaml
    let bytes = PlanGenerator(taskCount: 200, seed: 3, format: format).generate()
    let loaded = PlanLoader(fileSystem: MemoryFileSystem(files: [path: bytes]), observer: observer).load(path: path)
    #expect(loaded.plan != nil && FastPlanReader.read(bytes, path: path) != nil)
    #expect(seen.withLock { $0 } == [.read, .parse, .ids, .references, .graph])
  }
}
