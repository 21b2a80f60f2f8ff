import PlanGraph
import Testing

/// Valid plans load without a problem, and every key and date form means what the contract says.
@Suite struct ValidFixtureTests {
  static let cases = ["date-forms.yaml", "every-key", "json", "bom-crlf.yaml", "anchors.yaml", "empty-lists.yaml"]

  func load(_ fixture: String) throws -> Plan {
    let result = PlanLoader().load(path: Fixtures.rootFile("valid/" + fixture))
    #expect(
      result.diagnostics.isEmpty,
      "\(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" })")
    return try #require(result.plan)
  }

  @Test(arguments: cases)
  func loadsWithoutAnyDiagnostic(_ fixture: String) throws {
    let plan = try load(fixture)
    #expect(!plan.tasks.isEmpty)
  }

  @Test func everyDateFormMeansTheDayTheContractSays() throws {
    let plan = try load("date-forms.yaml")
    #expect(plan.tasks.count == 34)
    for task in plan.tasks {
      #expect(task.deadline?.iso == task.note, "\(task.id)")
    }
  }

  @Test func everyKeyIsReadIntoTheModel() throws {
    let plan = try load("every-key")
    #expect(plan.title == "晋城市城区群团工作改革")
    #expect(plan.start == day("2017-09-01"))
    #expect(plan.files.map { $0.split(separator: "/").last.map(String.init) ?? "" } == ["plan.yaml", "league.yaml"])
    #expect(
      plan.owners.map(\.id) == [
        "league", "league.office", "league.org-school", "league.org-school.school-team", "district",
      ])
    #expect(plan.owners[3].name == "学校工作组" && plan.owners[3].parent == 2)
    // Output order: the root's tasks, then the included file's, each depth first.
    #expect(
      plan.tasks.map(\.fullID) == [
        "root.动员部署", "league.restructure", "league.restructure.departments", "league.restructure.staffing",
        "league.social-workers", "league.standing-committee", "league.old", "league.planned",
      ])
    func task(_ id: String) throws -> PlanTask { try #require(plan.tasks.first { $0.fullID == id }) }
    let start = try task("root.动员部署")
    #expect(start.owner.map { plan.owners[$0].id } == "league.office")
    #expect(start.duration?.days == 14)
    #expect(start.start == day("2017-09-04"))
    #expect(start.deadline == day("2017-10-20"))
    #expect(start.status == .active && start.progress == 30)
    #expect(start.source == "四、组织实施 / 把握推进节奏")
    #expect(start.tags == ["启动", "2017"])
    let restructure = try task("league.restructure")
    #expect(restructure.after == [0])
    #expect(restructure.children.count == 2 && restructure.isSummary)
    // Owner: a child inherits its parent's; a top-level task the file's.
    let departments = try task("league.restructure.departments")
    #expect(departments.owner.map { plan.owners[$0].id } == "league.office")
    #expect(departments.status == .done && departments.doneDate == day("2017-10-30"))
    #expect(departments.evidence == "城团发〔2017〕12号")
    let staffing = try task("league.restructure.staffing")
    #expect(staffing.after == [2] && staffing.status == .blocked)
    let workers = try task("league.social-workers")
    #expect(workers.owner.map { plan.owners[$0].id } == "league.org-school.school-team")
    let target = try #require(workers.target)
    #expect(target.metric == "社工人数" && target.comparison == .atLeast && target.unit == "人")
    #expect(target.value == DecimalNumber("100"))
    #expect(workers.measurements.map(\.value) == [DecimalNumber("35"), DecimalNumber("80.5")])
    #expect(workers.deadline == day("2020-12-31"))
    let committee = try task("league.standing-committee")
    #expect(committee.recurrence == .quarter && committee.isDuty && !committee.isLeaf)
    #expect(committee.recurrenceFrom == day("2018-01-01") && committee.recurrenceUntil == day("2019-12-31"))
    #expect(committee.heldDates == [day("2018-03-20"), day("2018-06-28")])
    #expect(committee.owner.map { plan.owners[$0].id } == "league.org-school")
    #expect(try task("league.old").status == .cancelled)
    // A dotted path inside the file, without the namespace.
    #expect(try task("league.planned").after == [3])
  }

  @Test func jsonPlansReadLikeYAML() throws {
    let plan = try load("json")
    #expect(plan.tasks.map(\.fullID) == ["a", "b", "s", "s.m", "d"])
    #expect(plan.tasks[0].deadline == day("2017-12-31"))
    #expect(plan.tasks[3].target?.value == DecimalNumber("30.5"))
    #expect(plan.tasks[3].isMilestone)
    #expect(plan.tasks[4].heldDates == [day("2017-09-15")])
  }

  @Test func aliasesRepeatTheAnchoredValue() throws {
    let plan = try load("anchors.yaml")
    #expect(plan.tasks[1].tags == ["重点", "2017"])
    #expect(plan.tasks[2].target?.value == DecimalNumber("10"))
  }
}
