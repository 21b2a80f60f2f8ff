import Foundation
import Testing

@testable import PlanGraph

#if canImport(Glibc)
  import Glibc

  /// glibc's `mallopt`, declared as `Sources/plangraph/HeapPolicy.swift` declares it.
  @_silgen_name("mallopt")
  private func reviewMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// An independent review of issue 18's third session: the scheduler's facts made beside the graph
/// (`PlanLoader.preparesSchedule`), the two-half read of `MappedFile`, and the full ids written after
/// the names in place (`FastPlanAssembler`). Each test compares with what the code did before: the
/// scheduler making its own facts, the full loader, the file's bytes as written.
@Suite struct SessionSevenReviewTests {
  // MARK: - A small tree of values written as JSON or YAML

  /// A plan text's value: a scalar (quoted in JSON), a raw JSON number, a list or a mapping.
  indirect enum Value {
    case text(String)
    case number(String)
    case list([Value])
    case map([(String, Value)])
  }

  /// `value` as JSON, one task object a line.
  static func json(_ value: Value) -> String {
    switch value {
    case .text(let text): return JSONText.string(text)
    case .number(let number): return number
    case .list(let items): return "[" + items.map { json($0) }.joined(separator: ",\n") + "]"
    case .map(let pairs): return "{" + pairs.map { json(.text($0.0)) + ": " + json($0.1) }.joined(separator: ", ") + "}"
    }
  }

  /// A YAML scalar: plain where that reads back as the same text, double-quoted otherwise.
  static func yamlScalar(_ text: String) -> String {
    let plain =
      !text.isEmpty
      && text.unicodeScalars.allSatisfy {
        $0.value > 127 || $0.properties.isAlphabetic || "0123456789-_.%".unicodeScalars.contains($0)
      }
      && !(text.first == "-")
    return plain ? text : json(.text(text))
  }

  /// `value` as block-style YAML at `indent` spaces (a mapping or list on lines of its own).
  static func yaml(_ value: Value, indent: Int = 0) -> String {
    let pad = String(repeating: " ", count: indent)
    switch value {
    case .text(let text): return yamlScalar(text)
    case .number(let number): return number
    case .list(let items):
      if items.isEmpty { return "[]" }
      var out = ""
      for item in items {
        switch item {
        case .map(let pairs) where !pairs.isEmpty:
          // "- key: value" then the other keys under the first.
          let body = yaml(item, indent: indent + 2)
          out += pad + "- " + body.dropFirst(indent + 2)
        default:
          out += pad + "- " + yaml(item, indent: indent + 2) + "\n"
        }
      }
      return out
    case .map(let pairs):
      if pairs.isEmpty { return "{}" }
      var out = ""
      for (key, item) in pairs {
        switch item {
        case .list(let items) where !items.isEmpty:
          out += pad + yamlScalar(key) + ":\n" + yaml(item, indent: indent + 2)
        case .map(let inner) where !inner.isEmpty:
          out += pad + yamlScalar(key) + ":\n" + yaml(item, indent: indent + 2)
        default:
          out += pad + yamlScalar(key) + ": " + yaml(item, indent: indent + 2) + "\n"
        }
      }
      return out
    }
  }

  // MARK: - A large plan with every key the facts read

  /// What the rich plan carries beyond what the fast path reads.
  struct Extras: CustomStringConvertible, Sendable {
    var targets = false
    var workingDays = false
    var cycle = false
    var description: String { "targets \(targets), working days \(workingDays), cycle \(cycle)" }
  }

  /// A plan of `groups` groups of 12 tasks or more: summaries with starts, deadlines and some
  /// cancelled, a nested summary whose constraints its leaves inherit, leaves of every status, with
  /// progress, done dates and their own deadlines, `after` within and across groups (and to a
  /// summary), a monthly duty; optionally targets, working-day durations and a cycle.
  static func richPlan(groups: Int, extras: Extras = Extras()) -> Value {
    var tasks: [Value] = []
    let durations = ["5d", "2w", "1m", "0d", "10d", "3w", "45d", "1d"]
    for g in 0..<groups {
      var leaves: [Value] = []
      for i in 0..<8 {
        var leaf: [(String, Value)] = [("id", .text("l\(i)")), ("name", .text("第\(g)组第\(i)项：落实“\(g % 7)”号文件"))]
        if !(i % 7 == 6) { leaf.append(("duration", .text(durations[(g + i) % durations.count]))) }
        var after: [Value] = []
        if i > 0 { after.append(.text("l\(i - 1)")) }
        if i == 0, g > 0 { after.append(.text("g\(g - 1).s.l3")) }
        if i == 0, extras.cycle, g == groups - 1 { after.append(.text("g\(g).x")) }
        if i == 5, g > 2 { after.append(.text("g\(g - 3).x")) }
        if !after.isEmpty { leaf.append(("after", .list(after))) }
        switch i % 7 {
        case 2:
          leaf.append(("status", .text("active")))
          leaf.append(("progress", .text("\((g * 13) % 100)%")))
        case 4: leaf.append(("status", .text("blocked")))
        case 6: leaf.append(("done", .text("2018-0\(1 + g % 9)-1\(g % 10)")))
        case 1 where g % 3 == 1: leaf.append(("status", .text("cancelled")))
        default: break
        }
        if i % 9 == 3 || (i == 7 && g % 2 == 0) { leaf.append(("deadline", .text("2018-0\(1 + (g + i) % 9)-28"))) }
        if i == 1, g % 6 == 0 { leaf.append(("start", .text("2018-0\(1 + g % 9)-05"))) }
        leaves.append(.map(leaf))
      }
      var sub: [(String, Value)] = [("id", .text("s")), ("name", .text("分项\(g)"))]
      if g % 2 == 0 { sub.append(("deadline", .text("2018-06-30"))) }
      if g % 5 == 0 { sub.append(("start", .text("2018-03-01"))) }
      sub.append(("tasks", .list(leaves)))
      var children: [Value] = [.map(sub)]
      children.append(
        .map([
          ("id", .text("d")), ("name", .text("月度调度会\(g)")), ("every", .text("month")),
          ("done", .list([.text("2018-01-20"), .text("2018-02-25")])),
        ]))
      children.append(
        .map([("id", .text("x")), ("name", .text("收尾\(g)")), ("duration", .text("3d")), ("after", .list([.text("s")]))])
      )
      if extras.targets, g % 4 == 0 {
        children.append(
          .map([
            ("id", .text("t")), ("name", .text("指标\(g)")),
            (
              "target",
              .map([("metric", .text("人数")), ("op", .text(">=")), ("value", .number("10")), ("unit", .text("人"))])
            ),
            ("measurements", .list([.map([("date", .text("2018-05-01")), ("value", .number("4"))])])),
          ]))
      }
      if extras.workingDays, g % 4 == 1 {
        children.append(.map([("id", .text("w")), ("name", .text("工作日\(g)")), ("duration", .text("7wd"))]))
      }
      var top: [(String, Value)] = [
        ("id", .text("g\(g)")), ("name", .text("第\(g)组")), ("owner", .text("org.u\(g % 3)")),
      ]
      if g % 3 == 0 { top.append(("deadline", .text("2019-0\(1 + g % 9)-15"))) }
      if g % 4 == 1 { top.append(("start", .text("2018-0\(1 + g % 9)-01"))) }
      if g % 11 == 5 { top.append(("status", .text("cancelled"))) }
      top.append(("tasks", .list(children)))
      tasks.append(.map(top))
    }
    var root: [(String, Value)] = [("plan", .text("复核用计划")), ("start", .text("2018-01-02"))]
    if extras.workingDays { root.append(("calendar", .text("cn"))) }
    root.append(
      (
        "owners",
        .list([
          .map([
            ("id", .text("org")), ("name", .text("单位")),
            ("units", .list((0..<3).map { .map([("id", .text("u\($0)")), ("name", .text("部门\($0)"))]) })),
          ])
        ])
      ))
    root.append(("tasks", .list(tasks)))
    return .map(root)
  }

  /// `text` written to a fresh folder as `name`; the path.
  static func write(_ text: [UInt8], name: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("s7review-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    try Data(text).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// What `PlanCheck` gave before this session: the loader without facts, the scheduler making its own.
  static func checkWithoutFacts(path: String, asOf: Day?) -> (
    plan: Plan?, schedule: Schedule?, diagnostics: [Diagnostic]
  ) {
    let loaded = PlanLoader().load(path: path)
    guard let plan = loaded.plan else { return (nil, nil, loaded.diagnostics) }
    var bag = DiagnosticBag()
    bag.add(contentsOf: loaded.diagnostics)
    var schedule: Schedule?
    var kept: Plan? = plan
    do throws(Scheduler.Failure) {
      let made = try Scheduler(plan: plan).schedule(asOf: asOf ?? plan.start, window: Schedule.defaultWindow)
      schedule = made
      for warning in PlanLinter.warnings(for: plan, schedule: made) { bag.add(warning) }
    } catch {
      bag.add(error.diagnostic(in: plan))
      kept = nil
    }
    return (kept, schedule, bag.sorted(fileOrder: plan.files))
  }

  static let groupsOverMinimum = AsOfThreads.minimumTasks / 11 + 20

  @Test(arguments: ["plan.json", "plan.yaml"])
  func aLargeRichPlansPreparedFactsChangeNothing(_ name: String) throws {
    let value = Self.richPlan(groups: Self.groupsOverMinimum)
    let text = name.hasSuffix(".json") ? Self.json(value) : Self.yaml(value)
    let path = try Self.write(Array(text.utf8), name: name)
    defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: path)) }
    var loader = PlanLoader()
    loader.preparesSchedule = true
    var loaded = loader.load(path: path)
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.prefix(3))")
    let plan = try #require(loaded.plan)
    #expect(plan.tasks.count >= AsOfThreads.minimumTasks)
    #expect(plan == PlanLoader().load(path: path).plan)
    let taken = loaded.scheduleFacts.take()
    let facts = try #require(taken, "the fast path takes this plan and makes its facts")
    for asOf in ["2018-01-02", "2018-04-15", "2018-07-01", "2019-03-01", "2021-01-01"] {
      let prepared = try Scheduler(plan: plan, facts: facts).schedule(asOf: day(asOf))
      let made = try Scheduler(plan: plan).schedule(asOf: day(asOf))
      #expect(prepared == made, "as of \(asOf)")
    }
    for asOf in [nil, day("2018-05-20")] {
      let check = PlanCheck(path: path, asOf: asOf)
      let before = Self.checkWithoutFacts(path: path, asOf: asOf)
      #expect(check.plan == before.plan)
      #expect(check.schedule == before.schedule)
      #expect(check.schedule != nil)
      #expect(check.diagnostics == before.diagnostics)
    }
  }

  /// Plans the fast path declines (targets, a calendar with working-day durations) or whose graph has a
  /// cycle: the full loader runs, no facts are made, and `check` says what it said.
  @Test(arguments: [
    Extras(targets: true), Extras(workingDays: true), Extras(cycle: true),
    Extras(targets: true, workingDays: true, cycle: true),
  ])
  func aLargePlanTheFastPathDeclinesIsCheckedAsBefore(_ extras: Extras) throws {
    let value = Self.richPlan(groups: Self.groupsOverMinimum, extras: extras)
    for (name, text) in [("plan.json", Self.json(value)), ("plan.yaml", Self.yaml(value))] {
      let path = try Self.write(Array(text.utf8), name: name)
      defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: path)) }
      var loader = PlanLoader()
      loader.preparesSchedule = true
      let loaded = loader.load(path: path)
      #expect(loaded.scheduleFacts == nil, "\(name) \(extras)")
      let check = PlanCheck(path: path, asOf: day("2018-05-20"))
      let before = Self.checkWithoutFacts(path: path, asOf: day("2018-05-20"))
      #expect(check.plan == before.plan, "\(name) \(extras)")
      #expect(check.schedule == before.schedule, "\(name) \(extras)")
      #expect(check.diagnostics == before.diagnostics, "\(name) \(extras)")
      if extras.cycle {
        #expect(check.plan == nil && check.diagnostics.contains { $0.severity == .error }, "\(name)")
      } else {
        #expect(check.schedule != nil, "\(name) \(extras): \(check.diagnostics.prefix(2))")
      }
    }
  }

  /// The rich plan of 3 groups (its JSON text is the third value) and the same text with `old` replaced by
  /// `new`: two plans of as many tasks that differ.
  private static func twoPlans(replacing old: String, with new: String) throws -> (Plan, Plan, String) {
    let a = json(richPlan(groups: 3))
    let planA = try #require(PlanLoader.load(text: a, path: "a.json").plan)
    let planB = try #require(PlanLoader.load(text: a.replacingOccurrences(of: old, with: new), path: "b.json").plan)
    #expect(planA.tasks.count == planB.tasks.count && planA != planB)
    return (planA, planB, a)
  }

  /// The scheduler takes only facts made from the plan's very tasks: facts made from another plan of as
  /// many tasks are not used (they gave that plan's schedule when only the count was checked).
  @Test func factsOfAnotherPlanOfAsManyTasksAreNotUsed() throws {
    let (planA, planB, a) = try Self.twoPlans(replacing: "\"duration\": \"5d\"", with: "\"duration\": \"50d\"")
    let asOf = day("2018-05-20")
    let own = try Scheduler(plan: planA).schedule(asOf: asOf)
    let withOther = try Scheduler(plan: planA, facts: ScheduleFacts(tasks: planB.tasks)).schedule(asOf: asOf)
    #expect(withOther == own)
    #expect(!ScheduleFacts(tasks: planB.tasks).areFacts(of: planA.tasks))
    #expect(ScheduleFacts(tasks: planA.tasks).areFacts(of: planA.tasks))
    // Through PlanCheck the facts always come from the plan it loaded.
    let path = try Self.write(Array(a.utf8), name: "plan.json")
    defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: path)) }
    #expect(PlanCheck(path: path, asOf: asOf).schedule == own)
  }

  /// Filling facts allocated beforehand (`TaskFacts(count:)`, then `read`) writes into those arrays,
  /// not into copies of them: the memory is not doubled. (A debug build keeps bindings alive longer than
  /// an optimized one; this is the test build's behaviour.)
  @Test func factsAreFilledWhereTheyWereAllocated() throws {
    let text = Self.json(Self.richPlan(groups: 40))
    let plan = try #require(PlanLoader.load(text: text, path: "p.json").plan)
    var blank = TaskFacts(count: plan.tasks.count)
    let before = blank.duration.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    blank.read(plan.tasks)
    let after = blank.duration.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    #expect(before == after, "read fills the arrays in place")
    let made = ScheduleFacts(tasks: plan.tasks)
    let fresh = TaskFacts(tasks: plan.tasks)
    #expect(made.facts.parent == fresh.parent && made.areFacts(of: plan.tasks))
    // Read twice: the same facts (read writes every field of every task).
    blank.read(plan.tasks)
    #expect(blank.duration == fresh.duration && blank.done == fresh.done && blank.isLeaf == fresh.isLeaf)
  }

  /// The facts made beside the graph are written into the arrays allocated for them
  /// (`ScheduleFacts(tasks:filling:)`): a copy there would double the facts' memory and put them in the
  /// filling thread's heap, which `finishPreparingFacts` allocates on the caller's thread to avoid.
  @Test func scheduleFactsFillTheArraysTheyWereGiven() throws {
    let text = Self.json(Self.richPlan(groups: 40))
    let plan = try #require(PlanLoader.load(text: text, path: "p.json").plan)
    var blank: TaskFacts? = TaskFacts(count: plan.tasks.count)
    func address<T>(_ array: [T]) -> UInt { array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } }
    let before = try #require(blank.map { (address($0.duration), address($0.parent), address($0.done)) })
    guard let taken = blank.take() else { return }
    let made = ScheduleFacts(tasks: plan.tasks, filling: consume taken)
    let after = (address(made.facts.duration), address(made.facts.parent), address(made.facts.done))
    // `consume blank` ends the binding's life before `read`, in a debug build too.
    #expect(before == after)
    #expect(made.facts.duration == TaskFacts(tasks: plan.tasks).duration)
  }

  /// `read` writes every field of every task, absent or not: reading a second plan of as many tasks into
  /// the same facts gives the second plan's facts (it kept the first plan's deadlines where the second
  /// had none when it wrote only what was there).
  @Test func readingFactsTwiceGivesTheSecondPlansValues() throws {
    let (planA, planB, _) = try Self.twoPlans(replacing: "\"deadline\": \"2018-06-30\", ", with: "")
    var facts = TaskFacts(count: planA.tasks.count)
    facts.read(planA.tasks)
    facts.read(planB.tasks)
    let fresh = TaskFacts(tasks: planB.tasks)
    #expect(facts.ownDeadline == fresh.ownDeadline && facts.ownStart == fresh.ownStart)
    #expect(facts.duration == fresh.duration && facts.done == fresh.done && facts.isWorkingDays == fresh.isWorkingDays)
  }

  /// Facts are made from `AsOfThreads.minimumTasks` tasks on, and give the same schedule on both sides.
  @Test(arguments: [AsOfThreads.minimumTasks - 1, AsOfThreads.minimumTasks])
  func factsStartAtTheMinimumTaskCount(_ count: Int) throws {
    let bytes = PlanGenerator(taskCount: count, seed: 77, dependencies: 1.5, format: .json).generate()
    let path = try Self.write(bytes, name: "plan.json")
    defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: path)) }
    var loader = PlanLoader()
    loader.preparesSchedule = true
    var loaded = loader.load(path: path)
    let plan = try #require(loaded.plan)
    #expect(plan.tasks.count == count)
    let taken = loaded.scheduleFacts.take()
    #expect((taken != nil) == (plan.tasks.count >= AsOfThreads.minimumTasks))
    let asOf = day("2021-02-01")
    #expect(try Scheduler(plan: plan, facts: taken).schedule(asOf: asOf) == Scheduler(plan: plan).schedule(asOf: asOf))
  }

  /// glibc's `mallopt` as `HeapPolicy` declares it (`int mallopt(int, int)`, `M_MMAP_THRESHOLD` -3)
  /// binds and returns glibc's 1. Whether the threshold takes effect can be seen only in a fresh
  /// process: in this one, blocks freed by the tests before (served again from the heap whatever the
  /// threshold) hide it. (In a lone run of this test, a 5 MiB block then came from the heap and a 9 MiB
  /// one was mapped, and with the arguments swapped the 5 MiB one was mapped.) This sets the test
  /// process's threshold to the command's 8 MiB; no test depends on how memory is allocated.
  @Test func malloptIsDeclaredAsGlibcDefinesIt() {
    #if canImport(Glibc)
      #expect(reviewMallopt(-3, 8 << 20) == 1)
    #endif
  }

  // MARK: - MappedFile's two-half read

  @Test(arguments: [
    (4 << 20) - 1, 4 << 20, (4 << 20) + 1, (4 << 20) + 4_095, (4 << 20) + 4_097, (6 << 20) + 3,
    (8 << 20) - 7, (9 << 20) + 12_345,
  ])
  func everyByteOfAFileAroundFourMebibytesIsInPlace(_ size: Int) throws {
    var random = SeededRandom(seed: UInt64(size))
    var bytes = [UInt8](repeating: 0, count: size)
    for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: random.below(256) ^ (i >> 12)) }
    let path = try Self.write(bytes, name: "bytes.json")
    defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: path)) }
    let mapped = try #require(MappedFile(path: path, minimumSize: 1))
    #expect(mapped.bytes.count == size)
    let same = bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, mapped.bytes.baseAddress!, size) == 0 }
    #expect(same)
    mapped.unmap()
  }

  /// A JSON plan read in two halves (over 4 MiB), with a byte-order mark, one the fast path declines near
  /// its end, and one with a cycle: what the full loader says, and `check` what it said before.
  @Test func aPlanReadInTwoHalvesIsTheFullLoadersInEveryCase() throws {
    var bytes = PlanGenerator(taskCount: 42_000, seed: 41, dependencies: 1.5, format: .json).generate()
    #expect(bytes.count > MappedFile.twoThreadReadMinimum)
    func check(_ text: [UInt8], _ label: String) throws {
      let path = try Self.write(text, name: "plan.json")
      defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: path)) }
      var loader = PlanLoader()
      loader.preparesSchedule = true
      let loaded = loader.load(path: path)
      let full = FastPathSupport.full(text, path: path)
      #expect(loaded.plan == full.plan, "\(label)")
      #expect(loaded.diagnostics == full.diagnostics, "\(label)")
      // The plan with a byte-order mark is taken by the fast path (with facts); the others are errors.
      #expect((loaded.scheduleFacts != nil) == (label == "byte-order mark"), "\(label)")
      #expect(loaded.hasErrors == (label != "byte-order mark"), "\(label)")
      let asOf = day("2021-05-01")
      let checked = PlanCheck(path: path, asOf: asOf)
      let before = Self.checkWithoutFacts(path: path, asOf: asOf)
      #expect(checked.schedule == before.schedule && checked.diagnostics == before.diagnostics, "\(label)")
    }
    try check([0xEF, 0xBB, 0xBF] + bytes, "byte-order mark")
    // A cycle: the last task after itself through its predecessor (the fast path declines, the full
    // loader reports it).
    let plan = try #require(FastPathSupport.full(bytes).plan)
    let last = try #require(plan.tasks.last { $0.isSummary == false && $0.recurrence == nil && !$0.after.isEmpty })
    let before = plan.tasks[last.after[0]]
    var cyclic = String(decoding: bytes, as: UTF8.self)
    let anchor = "\"id\": \"\(before.id)\""
    let range = try #require(cyclic.range(of: anchor, options: .backwards))
    cyclic.replaceSubrange(range, with: anchor + ", \"after\": [\"\(last.fullID)\"]")
    try check(Array(cyclic.utf8), "cycle")
    // A misspelt key in the last task: declined after both halves were read.
    let key = Array("\"name\"".utf8)
    let at = try #require((0...(bytes.count - key.count)).last { Array(bytes[$0..<$0 + key.count]) == key })
    bytes.replaceSubrange(at..<at + key.count, with: Array("\"nmae\"".utf8))
    try check(bytes, "misspelt key")
  }

  /// No tasks, one task, a task with an empty name: the full ids after the names are the full loader's.
  @Test(arguments: [
    #"{"plan": "空", "start": "2020-01-01", "tasks": []}"#,
    #"{"plan": "一", "start": "2020-01-01", "owners": [{"id": "o", "name": "单位"}], "tasks": [{"id": "a", "name": "甲", "owner": "o"}]}"#,
    #"{"plan": "一", "start": "2020-01-01", "owners": [{"id": "o", "name": "单位"}], "tasks": [{"id": "a", "name": "", "owner": "o", "tasks": [{"id": "b", "name": ""}]}]}"#,
    #"{"plan": "一", "start": "2020-01-01", "owners": [{"id": "o", "name": "单位"}], "tasks": [{"id": "任务", "name": "\u4e2d\t\"", "owner": "o", "tasks": [{"id": "子任务", "name": "名"}]}]}"#,
  ])
  func smallPlansFullIDsAreTheFullLoaders(_ text: String) {
    for split in [FastYAMLReader.Split.never, .guessed] {
      #expect(FastPathSupport.violation(Array(text.utf8), path: "plan.json", split: split).problem == nil)
    }
  }

  // MARK: - Full ids written after the names in place

  /// A chain `depth` deep of ids `idLength` long (with siblings at each level), names as `name` says:
  /// the full ids are many times the file's size, far past the room the scanner reserved.
  static func deepPlan(depth: Int, idLength: Int, siblings: Int, name: (Int, Int) -> String) -> Value {
    func level(_ d: Int) -> [Value] {
      var out: [Value] = []
      for s in 0..<siblings {
        let id = String(repeating: "abcdefghij", count: idLength / 10 + 1).prefix(idLength - 3) + "\(d % 10)\(s)x"
        var pairs: [(String, Value)] = [("id", .text(String(id))), ("name", .text(name(d, s)))]
        if d == 0 { pairs.append(("owner", .text("org"))) }
        if s == 0, d + 1 < depth {
          pairs.append(("tasks", .list(level(d + 1))))
        } else {
          pairs.append(("duration", .text("\(d % 5)d")))
          if s > 1 { pairs.append(("after", .list([.text(String(id).dropLast(2) + "\(s - 1)x")]))) }
        }
        out.append(.map(pairs))
      }
      return out
    }
    return .map([
      ("plan", .text("深层计划")), ("start", .text("2020-01-01")), Self.owners, ("tasks", .list(level(0))),
    ])
  }

  /// One owner, `org`.
  static let owners: (String, Value) = ("owners", .list([.map([("id", .text("org")), ("name", .text("单位"))])]))

  static let nameKinds: [(String, @Sendable (Int, Int) -> String)] = [
    ("short", { d, s in "\(d)" + "\(s)" }),
    ("empty", { _, _ in "" }),
    ("CJK", { d, s in "第\(d)层第\(s)项：推进“放管服”改革" }),
    ("escapes", { d, s in "tab\there \"q\" back\\slash \u{4E2D}\(d)\n\(s)" }),
  ]

  @Test(arguments: [(12, 40, 3), (60, 60, 2), (90, 120, 3)])
  func fullIDsFarPastTheReservedRoomGiveTheFullLoadersPlan(_ shape: (Int, Int, Int)) throws {
    let (depth, idLength, siblings) = shape
    for (kind, name) in Self.nameKinds {
      let value = Self.deepPlan(depth: depth, idLength: idLength, siblings: siblings, name: name)
      let json = Array(Self.json(value).utf8)
      let yaml = Array(Self.yaml(value).utf8)
      for split in [FastYAMLReader.Split.never, .guessed] {
        let (problem, accepted) = FastPathSupport.violation(json, path: "plan.json", split: split)
        #expect(problem == nil, "JSON \(kind) \(shape) \(split)")
        if kind != "empty" { #expect(accepted, "JSON \(kind) \(shape) \(split): the fast path takes it") }
      }
      let (problem, accepted) = FastPathSupport.violation(yaml, path: "plan.yaml", split: .never)
      #expect(problem == nil, "YAML \(kind) \(shape)")
      if kind != "empty" { #expect(accepted, "YAML \(kind) \(shape): the fast path takes it") }
      // Any YAML cut for two threads.
      for (offset, _) in FastPathSupport.itemLines(yaml).prefix(6) {
        let split = FastPathSupport.splitViolation(yaml, at: offset)
        #expect(split.problem == nil, "YAML \(kind) \(shape) cut at \(offset)")
      }
    }
  }

  static let deepGroups = 640

  /// A file large enough to be mapped and read on two threads (and in two halves), of deep groups with
  /// long ids: the loader's plan is the full loader's.
  @Test(arguments: ["plan.json", "plan.yaml"])
  func aLargeDeepPlanFromTheDiskIsTheFullLoadersPlan(_ fileName: String) throws {
    // Many copies of a deep group, side by side under the root.
    var groups: [Value] = []
    for g in 0..<Self.deepGroups {
      let inner = Self.deepPlan(depth: 24, idLength: 96, siblings: 2) { d, s in
        g % 2 == 0 ? "组\(g)层\(d)项\(s)" : "g\(g)\\\(d)\"\(s)"
      }
      guard case .map(let pairs) = inner, case .list(let tasks) = pairs[3].1 else { continue }
      groups.append(
        .map([("id", .text("grp\(g)")), ("name", .text("组\(g)")), ("owner", .text("org")), ("tasks", .list(tasks))]))
    }
    let value = Value.map([
      ("plan", .text("大而深")), ("start", .text("2020-01-01")), Self.owners, ("tasks", .list(groups)),
    ])
    let text = Array((fileName.hasSuffix(".json") ? Self.json(value) : Self.yaml(value)).utf8)
    #expect(text.count > MappedFile.twoThreadReadMinimum, "read in two halves, scanned on two threads")
    let path = try Self.write(text, name: fileName)
    defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: path)) }
    var loader = PlanLoader()
    loader.preparesSchedule = true
    let loaded = loader.load(path: path)
    let full = FastPathSupport.full(text, path: path)
    #expect(loaded.diagnostics.isEmpty && full.diagnostics.isEmpty, "\(full.diagnostics.prefix(2))")
    let plan = try #require(loaded.plan)
    let fullPlan = try #require(full.plan)
    #expect(plan == fullPlan, "\(FastPathSupport.difference(fullPlan, plan))")
    #expect(plan.tasks.count > AsOfThreads.minimumTasks)
    #expect(loaded.scheduleFacts != nil, "the fast path took it")
    #expect(plan.tasks.last?.fullID.hasPrefix("grp\(Self.deepGroups - 1).") == true)
  }
}
