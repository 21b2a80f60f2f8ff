import Foundation
import PlanGraph
import Testing

/// Progress commands edit only the task's own lines: goldens for every command on block and flow
/// tasks, comments, a file without a final newline, CRLF and an included file; random edits of
/// generated plans; refusals; a concurrent change.
@Suite struct ProgressEditTests {
  static let folder = Fixtures.path("editing")

  static func files(crlf: Bool = false) throws -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    for name in ["plan.yaml", "inc.yaml"] {
      var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
      if crlf {
        bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
      }
      files[name] = bytes
    }
    return files
  }

  static func day(_ text: String) -> Day {
    guard case .success(.day(let day)) = DateExpression.parse(text) else { fatalError(text) }
    return day
  }

  /// Applies a change through the library as the command does, checking the edited plan loads.
  static func apply(_ change: ProgressChange, to name: String, files: [String: [UInt8]]) throws -> PlanFileEdit {
    let fileSystem = MemoryFileSystem(files: files)
    let plan = try #require(PlanLoader(fileSystem: fileSystem).load(path: "plan.yaml").plan)
    let index = try ProgressEditor.resolve(name, in: plan).get()
    let edit = try ProgressEditor.edit(
      change, task: index, of: plan, fileBytes: try #require(files[plan.location(plan.tasks[index].locations.id).file])
    ).get()
    _ = try ProgressEditor.verify(edit, rootPath: "plan.yaml", fileSystem: fileSystem).get()
    #expect(edit.edited.prefix(edit.taskLines.lowerBound) == edit.original.prefix(edit.taskLines.lowerBound))
    #expect(
      edit.edited.suffix(edit.original.count - edit.taskLines.upperBound)
        == edit.original.suffix(edit.original.count - edit.taskLines.upperBound))
    return edit
  }

  static let cases: [(String, String, ProgressChange)] = [
    ("done-block-comments", "a", .done(on: day("2018-02-01"), evidence: "2018-01-10", verifiedBy: "王")),
    ("done-flow", "b", .done(on: day("2018-02-01"), evidence: "#1: x", verifiedBy: nil)),
    ("done-no-final-newline-include", "inc.x", .done(on: day("2018-04-01"), evidence: "城团发〔2018〕1号", verifiedBy: nil)),
    ("progress-flow", "b", .progress(percent: 60)),
    ("progress-include", "x", .progress(percent: 0)),
    ("measure-flow-items-inside-comment", "c", .measure(value: "30", on: day("2018-02-01"))),
    ("measure-block-items", "f", .measure(value: "30.5", on: day("2018-02-01"))),
    ("held-block", "d", .held(on: day("2018-06-20"))),
    ("held-flow-in-order", "e", .held(on: day("2018-02-28"))),
    ("block-block", "a", .block(note: "缺经费: 待批")),
    ("block-flow", "b", .block(note: "缺经费")),
    ("unblock", "g", .unblock),
    ("cancel-keeps-note", "g", .cancel(note: "撤销")),
    ("extend-flow", "b", .extend(to: day("2018-04-01"), reason: "人手不足", approvedBy: "区委办", on: day("2018-01-20"))),
    (
      "extend-comment-beside-block-list", "h",
      .extend(to: Self.day("2018-04-01"), reason: "再次延期", approvedBy: "区委办", on: Self.day("2018-02-20"))
    ),
    ("done-comment-beside-and-below", "h", .done(on: Self.day("2018-02-20"), evidence: nil, verifiedBy: "李")),
    (
      "extend-summary-above-its-tasks", "s",
      .extend(to: Self.day("2018-07-31"), reason: "子任务推迟", approvedBy: nil, on: Self.day("2018-06-01"))
    ),
    ("cancel-summary", "s", .cancel(note: "合并到其他任务")),
    ("done-flow-child", "s.s1", .done(on: Self.day("2018-02-01"), evidence: nil, verifiedBy: nil)),
    ("progress-after-literal-block-scalar", "k", .progress(percent: 20)),
    ("progress-after-folded-block-scalar", "l", .progress(percent: 30)),
    ("block-replaces-block-scalar-note", "k", .block(note: "待定")),
    ("extend-include", "x", .extend(to: day("2018-06-01"), reason: "人手不足", approvedBy: nil, on: day("2018-01-20"))),
  ]

  @Test(arguments: [false, true])
  func everyCommandMatchesItsGolden(crlf: Bool) throws {
    let files = try Self.files(crlf: crlf)
    for (name, task, change) in Self.cases {
      let edit = try Self.apply(change, to: task, files: files)
      let url = URL(fileURLWithPath: Self.folder + "/golden/" + name + ".diff")
      let diff = UnifiedDiff.text(old: edit.original, new: edit.edited, path: edit.path)
      if crlf {
        // The same edit, with every line end (old and new) CRLF: no lone LF appears.
        let text = String(decoding: edit.edited, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(name): a lone LF in a CRLF file")
        let lf = try Self.apply(change, to: task, files: Self.files())
        #expect(
          text == String(decoding: lf.edited, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n"), "\(name)")
        continue
      }
      if ProcessInfo.processInfo.environment["PLANGRAPH_RECORD"] == "1" { try Data(diff.utf8).write(to: url) }
      let recorded = String(decoding: try Data(contentsOf: url), as: UTF8.self)
      #expect(diff == recorded, "\(name) differs from its golden")
    }
  }

  @Test func aByteOrderMarkStays() throws {
    var files = try Self.files()
    files["plan.yaml"] = [0xEF, 0xBB, 0xBF] + (try #require(files["plan.yaml"]))
    let edit = try Self.apply(.done(on: Self.day("2018-02-01"), evidence: nil, verifiedBy: nil), to: "b", files: files)
    #expect(edit.edited.starts(with: [0xEF, 0xBB, 0xBF]))
    #expect(String(decoding: edit.edited, as: UTF8.self).contains("deadline: 2018-02-01, done: 2018-02-01 }"))
  }

  @Test func refusalsSayWhyAndChangeNothing() throws {
    let files = try Self.files()
    let plan = try #require(PlanLoader(fileSystem: MemoryFileSystem(files: files)).load(path: "plan.yaml").plan)
    func refusal(_ change: ProgressChange, _ name: String) throws -> ProgressRefusal? {
      let index = try ProgressEditor.resolve(name, in: plan).get()
      if case .failure(let refusal) = ProgressEditor.edit(
        change, task: index, of: plan, fileBytes: try #require(files["plan.yaml"]))
      {
        return refusal
      }
      return nil
    }
    let on = Self.day("2018-02-01")
    #expect(try refusal(.done(on: on, evidence: nil, verifiedBy: nil), "c")?.hint?.contains("measure") == true)
    #expect(try refusal(.done(on: on, evidence: nil, verifiedBy: nil), "d")?.hint?.contains("held") == true)
    #expect(try refusal(.progress(percent: 101), "a") != nil)
    #expect(try refusal(.progress(percent: -1), "a") != nil)
    #expect(try refusal(.done(on: Self.day("2081-02-01"), evidence: nil, verifiedBy: nil), "a") != nil)
    #expect(try refusal(.done(on: Self.day("2017-12-31"), evidence: nil, verifiedBy: nil), "a") != nil)
    #expect(try refusal(.extend(to: Self.day("2018-02-01"), reason: "x", approvedBy: nil, on: on), "a") != nil)
    #expect(try refusal(.extend(to: Self.day("2018-03-01"), reason: "x", approvedBy: nil, on: on), "a") != nil)
    #expect(try refusal(.held(on: on), "a") != nil)
    #expect(try refusal(.held(on: Self.day("2018-03-20")), "d") != nil)
    #expect(try refusal(.unblock, "a") != nil)
    #expect(try refusal(.measure(value: "三十", on: on), "c") != nil)
    #expect(try refusal(.done(on: on, evidence: nil, verifiedBy: nil), "a") == nil)
  }

  @Test func extensionsAreReadAndCheckedByTheLoader() throws {
    let good = PlanLoader.load(
      text: """
        plan: p
        start: 2018-01-01
        tasks:
          - id: a
            name: A
            deadline: 2018-06-30
            verified-by: 王
            extensions:
              - { from: 2018-03-31, to: 2018-04-30, on: 2018-03-20, reason: 一, approved-by: 区委办 }
              - from: 2018-04-30
                to: 2018-06-30
        """)
    let task = try #require(good.plan?.tasks.first)
    #expect(task.verifiedBy == "王")
    #expect(
      task.extensions == [
        DeadlineExtension(
          from: Self.day("2018-03-31"), to: Self.day("2018-04-30"), on: Self.day("2018-03-20"), reason: "一",
          approvedBy: "区委办"),
        DeadlineExtension(from: Self.day("2018-04-30"), to: Self.day("2018-06-30")),
      ])
    let bad = PlanLoader.load(
      text: """
        plan: p
        start: 2018-01-01
        tasks:
          - id: a
            name: A
            extensions:
              - { from: 明天, to: 2018-04-30, reson: x }
              - { to: 2018-04-30 }
        """)
    #expect(bad.plan == nil)
    let errors = bad.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [.invalidDate, .unknownKey, .missingKey])
    #expect(errors.count == 3 && errors[1].hint?.contains("reason") == true)
  }

  @Test func namesResolveBySuffixWithDidYouMean() throws {
    let plan = try #require(
      PlanLoader(fileSystem: MemoryFileSystem(files: try Self.files())).load(path: "plan.yaml").plan)
    #expect(try ProgressEditor.resolve("x", in: plan).get() == plan.taskIndex("inc.x"))
    guard case .failure(let refusal) = ProgressEditor.resolve("inc.y", in: plan) else {
      Issue.record("inc.y resolved")
      return
    }
    #expect(refusal.hint?.contains("inc.x") == true)
  }

  @Test func aConcurrentChangeIsDetectedAndNothingIsWritten() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-edit-\(getpid())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (name, bytes) in try Self.files() { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name)) }
    let root = folder + "/plan.yaml"
    let plan = try #require(PlanLoader().load(path: root).plan)
    let index = try ProgressEditor.resolve("a", in: plan).get()
    let original = Array(try Data(contentsOf: URL(fileURLWithPath: root)))
    let edit = try ProgressEditor.edit(.progress(percent: 50), task: index, of: plan, fileBytes: original).get()
    // Someone else saves the file in between.
    let theirs = original + Array("# 另一人的修改\n".utf8)
    try Data(theirs).write(to: URL(fileURLWithPath: root))
    guard case .failure(let refusal) = ProgressEditor.write(edit, fileSystem: DiskFileSystem()) else {
      Issue.record("the write went ahead over a concurrent change")
      return
    }
    #expect(refusal.message.contains("changed on disk"))
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: root))) == theirs)
    // Unchanged: the write goes through.
    try Data(original).write(to: URL(fileURLWithPath: root))
    _ = try ProgressEditor.write(edit, fileSystem: DiskFileSystem()).get()
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: root))) == edit.edited)
  }

  @Test(arguments: PlanGenerator.Format.allCases)
  func randomEditsOfGeneratedPlansLoadAndTouchOnlyTheirTask(_ format: PlanGenerator.Format) throws {
    let path = format == .json ? "plan.json" : "plan.yaml"
    for seed in UInt64(1)...4 {
      let bytes = PlanGenerator(taskCount: 120, seed: seed, dependencies: 1.2, format: format).generate()
      let fileSystem = MemoryFileSystem(files: [path: bytes])
      let plan = try #require(PlanLoader(fileSystem: fileSystem).load(path: path).plan)
      var random = SplitMix(seed: seed)
      var edits = 0
      for _ in 0..<40 {
        let index = Int(random.next() % UInt64(plan.tasks.count))
        let task = plan.tasks[index]
        let on = plan.start.adding(days: Int(random.next() % 300))
        let change: ProgressChange
        switch random.next() % 5 {
        case 0:
          change = .done(
            on: on, evidence: ["城团发〔2020〕\(index)号", "2020-01-01", "a: b # c", "\"引号\""][index % 4], verifiedBy: "王")
        case 1: change = .progress(percent: Int(random.next() % 101))
        case 2: change = task.isDuty ? .held(on: on) : .measure(value: "\(random.next() % 1000)", on: on)
        case 3: change = .block(note: "等待, 经费 [x]")
        default:
          change = .extend(to: (task.deadline ?? on).adding(days: 10), reason: "人手不足", approvedBy: nil, on: on)
        }
        guard case .success(let edit) = ProgressEditor.edit(change, task: index, of: plan, fileBytes: bytes) else {
          continue
        }
        edits += 1
        let edited = try ProgressEditor.verify(edit, rootPath: path, fileSystem: fileSystem).get()
        #expect(edit.edited.prefix(edit.taskLines.lowerBound) == bytes.prefix(edit.taskLines.lowerBound))
        #expect(
          edit.edited.suffix(bytes.count - edit.taskLines.upperBound)
            == bytes.suffix(bytes.count - edit.taskLines.upperBound))
        let after = try #require(edited.tasks.first { $0.fullID == task.fullID })
        switch change {
        case .done(let day, let evidence, _):
          #expect(after.doneDate == day && after.evidence == evidence && after.status == .done)
          #expect(after.verifiedBy == "王")
        case .progress(let percent): #expect(after.progress == percent)
        case .held(let day): #expect(after.heldDates.contains(day) && after.heldDates == after.heldDates.sorted())
        case .measure(let value, let day):
          #expect(after.measurements.contains { $0.date == day && $0.value == DecimalNumber(value) })
          #expect(after.measurements.map(\.date) == after.measurements.map(\.date).sorted())
        case .block(let note): #expect(after.status == .blocked && after.note?.hasSuffix(note) == true)
        case .extend(let to, let reason, _, let on):
          #expect(after.deadline == to)
          #expect(after.extensions.last == DeadlineExtension(from: task.deadline ?? to, to: to, on: on, reason: reason))
        default: break
        }
        // Every other task is as it was.
        #expect(edited.tasks.count == plan.tasks.count)
      }
      #expect(edits > 10, "too few edits were possible to test anything")
    }
  }
}

/// A small seeded generator (SplitMix64) for the random edits and the reviews' random plans.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in 0..<n.
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
