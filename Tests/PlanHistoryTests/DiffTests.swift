import Foundation
import PlanGraph
import Testing

@testable import PlanHistory

/// `PlanDiff` over the scripted history: every field, the schedule's movement, renames and the exit rule.
@Suite struct DiffTests {
  let scripted: ScriptedRepository
  static let march10 = isoDay("2018-03-10")

  init() throws { scripted = try ScriptedRepository() }

  func side(_ name: String, asOf: Day) throws -> PlanSide {
    let check = try scripted.planRepository().check(at: try scripted.gitCommit(name), revision: name, asOf: asOf)
    return PlanSide(plan: try #require(check.plan), schedule: try #require(check.schedule), label: name)
  }

  func day(_ text: String) -> Day? { DateExpression.parseDay(text) }

  @Test func addedRemovedAndRenamed() throws {
    let diff = PlanDiff(old: try side("c1", asOf: Self.march10), new: try side("readme", asOf: Self.march10))
    #expect(diff.added.map(\.id) == ["review", "bfile.extra"])
    #expect(diff.added.map(\.unit) == ["单位乙", "单位乙"])
    #expect(diff.removed.map(\.id) == ["old"])
    #expect(diff.removed.first?.name == "旧任务")
    let renamed = try #require(diff.changed.first { $0.task.id == "research" })
    #expect(renamed.oldID == "survey")
    #expect(renamed.fields == [FieldChange(field: "id", old: "survey", new: "research")])
  }

  @Test func everyChangedFieldAndMovement() throws {
    let diff = PlanDiff(old: try side("c1", asOf: Self.march10), new: try side("readme", asOf: Self.march10))
    #expect(diff.from == "c1")
    #expect(diff.to == "readme")
    #expect(diff.asOf == Self.march10)
    // Biggest forecast slips first.
    #expect(diff.changed.map(\.task.id) == ["train", "research", "build", "prepare"])
    let train = diff.changed[0]
    #expect(train.fields == [FieldChange(field: "duration", old: "20d", new: "70d")])
    #expect(train.plannedFinish.old == day("2018-01-20"))
    #expect(train.plannedFinish.new == day("2018-03-11"))
    #expect(train.plannedMoved == 50)
    #expect(train.forecastMoved == 50)
    #expect(train.status.old == .overdue && train.status.new == .overdue)
    #expect(!train.movedPastDeadline)  // already late before
    let build = diff.changed[2]
    #expect(
      build.fields == [
        FieldChange(field: "deadline", old: "2018-03-31", new: "2018-04-30"),
        FieldChange(field: "source", old: "第一条", new: "第二条"),
      ])
    #expect(build.deadline.old == day("2018-03-31"))
    #expect(build.deadline.new == day("2018-04-30"))
    #expect(build.status.old == .atRisk && build.status.new == .onTrack)
    #expect(build.forecastMoved == -10)
    let prepare = diff.changed[3]
    #expect(
      prepare.fields == [
        FieldChange(field: "status", old: "planned", new: "done"),
        FieldChange(field: "done", old: "", new: "2018-01-12"),
        FieldChange(field: "evidence", old: "", new: "会议纪要"),
      ])
    #expect(prepare.status.new == .done)
    #expect(prepare.forecastFinish.new == day("2018-01-12"))
    #expect(diff.finish.old == day("2018-02-09"))
    #expect(diff.finish.new == day("2018-03-11"))
    #expect(diff.finishMoved == 30)
    #expect(diff.criticalPath.old == ["prepare", "build"])
    #expect(diff.criticalPath.new == ["train"])
    #expect(!diff.hasNewlyLate)
  }

  @Test func otherFieldsAreCompared() throws {
    let plan = """
      plan: p
      start: 2018-01-01
      owners: [{ id: a, name: 甲 }, { id: b, name: 乙 }]
      tasks:
        - { id: x, name: 甲项, owner: a, duration: 5d }
        - { id: y, name: 乙项, owner: a, start: 2018-01-03, duration: 5d, status: active, progress: 10%,
            target: { metric: 人数, op: ">=", value: 10, unit: 人 }, measurements: [{ date: 2018-01-02, value: 3 }] }

      """
    let changed = plan.replacingOccurrences(of: "name: 甲项, owner: a", with: "name: 甲项改, owner: b")
      .replacingOccurrences(of: "start: 2018-01-03, duration: 5d", with: "start: 2018-01-04, duration: 5d, after: [x]")
      .replacingOccurrences(of: "progress: 10%", with: "progress: 40%")
      .replacingOccurrences(of: "value: 10, unit: 人", with: "value: 12, unit: 人")
      .replacingOccurrences(of: "value: 3 }", with: "value: 3 }, { date: 2018-01-05, value: 6 }")
    let asOf = day("2018-01-06")!
    func load(_ text: String) throws -> PlanSide {
      let plan = try #require(PlanLoader.load(text: text).plan)
      return PlanSide(plan: plan, schedule: try Scheduler(plan: plan).schedule(asOf: asOf), label: "")
    }
    let diff = PlanDiff(old: try load(plan), new: try load(changed))
    let x = try #require(diff.changed.first { $0.task.id == "x" })
    #expect(
      x.fields == [FieldChange(field: "name", old: "甲项", new: "甲项改"), FieldChange(field: "owner", old: "甲", new: "乙")])
    let y = try #require(diff.changed.first { $0.task.id == "y" })
    #expect(
      y.fields.map(\.field) == ["start", "after", "progress", "target", "measurements"])
    #expect(y.old("start") == "2018-01-03")
    #expect(y.new("after") == "x")
    #expect(y.new("progress") == "40%")
    #expect(y.old("target") == "人数 >= 10 人")
    #expect(y.new("target") == "人数 >= 12 人")
    #expect(y.new("measurements") == "2018-01-02=3, 2018-01-05=6")
  }

  @Test func aForecastMovedPastItsDeadlineIsTheFinding() throws {
    let early = day("2018-01-10")!
    let diff = PlanDiff(old: try side("c4", asOf: early), new: try side("c5", asOf: early))
    let train = try #require(diff.changed.first { $0.task.id == "train" })
    #expect(train.forecastFinish.old! <= train.deadline.old!)
    #expect(train.forecastFinish.new! > train.deadline.new!)
    #expect(train.movedPastDeadline)
    #expect(diff.hasNewlyLate)
    #expect(!PlanDiff(old: try side("c5", asOf: early), new: try side("c6", asOf: early)).hasNewlyLate)
  }

  @Test func noChangeMeansAnEmptyDiff() throws {
    let diff = PlanDiff(old: try side("c9", asOf: Self.march10), new: try side("readme", asOf: Self.march10))
    #expect(diff.changed.isEmpty && diff.added.isEmpty && diff.removed.isEmpty)
    #expect(DiffReport(diff, language: .en).table().hasSuffix("No changes.\n"))
  }

  @Test func theFormats() throws {
    let diff = PlanDiff(old: try side("c1", asOf: Self.march10), new: try side("readme", asOf: Self.march10))
    let table = DiffReport(diff, language: .zh).table(width: 80)
    for line in table.split(separator: "\n") { #expect(TextWidth.of(line) <= 80) }
    // Grouped by unit, the unit of the biggest slip first.
    let unitB = try #require(table.range(of: "【单位乙】"))
    let unitA = try #require(table.range(of: "【单位甲】"))
    #expect(unitB.lowerBound < unitA.lowerBound)
    #expect(table.contains("截止日期: 2018-03-31 → 2018-04-30"))
    #expect(table.contains("+ review  评估  (单位乙)"))
    #expect(table.contains("- old  旧任务  (单位乙)"))
    #expect(table.contains("计划完成：2018-02-09 → 2018-03-11 (+30天)"))
    let json =
      try JSONSerialization.jsonObject(with: Data(DiffReport(diff, language: .en).json())) as? [String: Any]
    let changed = try #require(json?["changed"] as? [[String: Any]])
    #expect(changed.map { $0["id"] as? String } == ["train", "research", "build", "prepare"])
    #expect(changed[1]["renamedFrom"] as? String == "survey")
    #expect((changed[0]["forecastFinish"] as? [String: Any])?["moved"] as? Int == 50)
    #expect((json?["finish"] as? [String: Any])?["moved"] as? Int == 30)
    let csv = DiffReport(diff, language: .en).csv()
    #expect(csv.hasPrefix("\u{FEFF}change,id,old_id,name"))
    #expect(csv.contains("changed,research,survey,调研,单位乙,单位乙,"))
    #expect(csv.contains("removed,old,,旧任务,单位乙,单位乙,"))
    #expect(csv.split(separator: "\r\n").count == 1 + 4 + 2 + 1)
    let markdown = DiffReport(diff, language: .en).markdown()
    #expect(markdown.contains("### 单位甲"))
    #expect(markdown.contains("deadline: 2018-03-31 → 2018-04-30"))
  }
}
