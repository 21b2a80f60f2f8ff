import Foundation
import PlanGraph
import Testing

/// Progress edits found wanting by an end-to-end review: an extension an ancestor's deadline makes
/// void, values shared through anchors, numbers JSON cannot read, comments between duty days, tasks
/// named by their names, hints that name the real plan.
@Suite struct ProgressEditReviewTests {
  static func day(_ text: String) -> Day { ProgressEditTests.day(text) }

  /// The edit of `change` on `name` in the one-file plan `text`, verified by loading when it succeeds.
  static func edit(
    _ change: ProgressChange, _ name: String, in text: String, path: String = "plan.yaml"
  ) throws -> Result<PlanFileEdit, ProgressRefusal> {
    let files = [path: Array(text.utf8)]
    let fileSystem = MemoryFileSystem(files: files)
    let plan = try #require(PlanLoader(fileSystem: fileSystem).load(path: path).plan)
    let index = try ProgressEditor.resolve(name, in: plan).get()
    let result = ProgressEditor.edit(
      change, task: index, of: plan, fileBytes: Array(text.utf8), planPath: "plans/my plan.yaml")
    if case .success(let edit) = result {
      _ = try ProgressEditor.verify(edit, rootPath: path, fileSystem: fileSystem).get()
    }
    return result
  }

  static func text(_ result: Result<PlanFileEdit, ProgressRefusal>) throws -> String {
    String(decoding: try result.get().edited, as: UTF8.self)
  }

  static let head = "plan: p\nstart: 2018-01-01\nowner: a\nowners: [{id: a, name: A}]\n"

  @Test func anExtensionPastAnAncestorsDeadlineIsRefusedNamingIt() throws {
    let plan =
      Self.head
      + "tasks:\n  - id: g\n    name: G\n    deadline: 2018-01-10\n    tasks:\n"
      + "      - id: c\n        name: C\n        duration: 3d\n        deadline: 2018-01-15\n"
    let change = ProgressChange.extend(
      to: Self.day("2018-03-01"), reason: "r", approvedBy: nil, on: Self.day("2018-01-05"))
    guard case .failure(let refusal) = try Self.edit(change, "c", in: plan) else {
      Issue.record("an extension the summary's deadline voids was written")
      return
    }
    #expect(refusal.message.contains("'g'"))
    #expect(refusal.message.contains("2018-01-10"))
    #expect(refusal.hint?.contains("plangraph extend 'plans/my plan.yaml' g --to 2018-03-01") == true)
    // Within the ancestor's deadline the extension applies and is written.
    let within = ProgressChange.extend(
      to: Self.day("2018-01-20"), reason: "r", approvedBy: nil, on: Self.day("2018-01-05"))
    let loose = plan.replacingOccurrences(of: "deadline: 2018-01-10", with: "deadline: 2018-02-10")
    #expect(try Self.text(Self.edit(within, "c", in: loose)).contains("        deadline: 2018-01-20\n"))
  }

  @Test func hintsNameThePlanAsGiven() throws {
    let plan = Self.head + "tasks:\n  - id: d\n    name: D\n    every: month\n"
    guard
      case .failure(let refusal) = try Self.edit(
        .done(on: Self.day("2018-02-01"), evidence: nil, verifiedBy: nil), "d", in: plan)
    else {
      Issue.record("done on a duty was written")
      return
    }
    #expect(refusal.hint == "record a day it was held: plangraph held 'plans/my plan.yaml' d --on 2018-02-01")
  }

  @Test func valuesSharedThroughAnchorsAreRefusedByTheirLine() throws {
    let plan =
      Self.head
      + "tasks:\n  - id: a1\n    name: A1\n    duration: 3d\n    deadline: &dl 2018-03-01\n    note: &n 共用备注\n"
      + "  - id: a2\n    name: A2\n    duration: 3d\n    deadline: *dl\n    note: *n\n"
    let extend = ProgressChange.extend(
      to: Self.day("2018-04-01"), reason: "r", approvedBy: nil, on: Self.day("2018-01-05"))
    for (change, name, line) in [
      (extend, "a1", 9), (ProgressChange.block(note: "x"), "a1", 10), (ProgressChange.cancel(note: "x"), "a2", 15),
      (extend, "a2", 14),
    ] {
      guard case .failure(let refusal) = try Self.edit(change, name, in: plan) else {
        Issue.record("\(name): a shared value was edited")
        continue
      }
      #expect(refusal.message.hasPrefix("plan.yaml:\(line):"), "\(refusal.message)")
      #expect(refusal.message.contains("anchor or alias"))
      #expect(!(refusal.hint ?? "").contains("bug"))
    }
    // A key that is not shared is still edited.
    #expect(try Self.text(Self.edit(.progress(percent: 50), "a1", in: plan)).contains("    progress: 50%\n"))
  }

  @Test func aMeasuredValueLosesItsLeadingZeros() throws {
    let json = """
      {"plan": "p", "start": "2018-01-01", "owner": "a", "owners": [{"id": "a", "name": "A"}],
       "tasks": [{"id": "m", "name": "M", "deadline": "2018-12-31", "target": {"metric": "n", "op": ">=", "value": 10}}]}

      """
    let edited = try Self.text(
      Self.edit(.measure(value: "05", on: Self.day("2018-02-01")), "m", in: json, path: "p.json"))
    #expect(edited.contains("\"value\": 5}"), "\(edited)")
    let yaml =
      Self.head
      + "tasks:\n  - id: m\n    name: M\n    deadline: 2018-12-31\n    target: {metric: n, op: \">=\", value: 10}\n"
    let fraction = try Self.text(Self.edit(.measure(value: "-007.50", on: Self.day("2018-02-01")), "m", in: yaml))
    #expect(fraction.contains("value: -7.50 }"), "\(fraction)")
  }

  @Test func aHeldDayGoesAfterThePreviousDayNotUnderTheNextDaysComment() throws {
    let plan =
      Self.head
      + "tasks:\n  - id: d\n    name: 例会\n    every: month\n    done:\n      # 一月\n      - 2018-01-05\n"
      + "      # 三月\n      - 2018-03-05\n"
    let edited = try Self.text(Self.edit(.held(on: Self.day("2018-02-06")), "d", in: plan))
    #expect(edited.hasSuffix("      # 一月\n      - 2018-01-05\n      - 2018-02-06\n      # 三月\n      - 2018-03-05\n"))
    let first = try Self.text(Self.edit(.held(on: Self.day("2018-01-02")), "d", in: plan))
    #expect(first.hasSuffix("      # 一月\n      - 2018-01-02\n      - 2018-01-05\n      # 三月\n      - 2018-03-05\n"))
  }

  @Test func aTaskIsFoundByItsExactNameWhenOnlyOneHasIt() throws {
    let fileSystem = MemoryFileSystem(files: [
      "plan.yaml": Array(
        (Self.head
          + "tasks:\n  - id: a\n    name: 继续设立办公室\n    duration: 3d\n  - id: b\n    name: 同名\n    duration: 3d\n"
          + "  - id: c\n    name: 同名\n    duration: 3d\n").utf8)
    ])
    let plan = try #require(PlanLoader(fileSystem: fileSystem).load(path: "plan.yaml").plan)
    #expect(try ProgressEditor.resolve("继续设立办公室", in: plan).get() == 0)
    guard case .failure(let twice) = ProgressEditor.resolve("同名", in: plan) else {
      Issue.record("a name two tasks share resolved to one")
      return
    }
    #expect(twice.message.contains("p.b, p.c") || twice.message.contains("b, c"), "\(twice.message)")
    guard case .failure(let near) = ProgressEditor.resolve("继续设立办公", in: plan) else {
      Issue.record("a mistyped name resolved")
      return
    }
    #expect(near.hint?.contains("did you mean") == true, "\(near.hint ?? "")")
  }
}
