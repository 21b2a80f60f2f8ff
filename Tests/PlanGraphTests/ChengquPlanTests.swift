import Foundation
import PlanGraph
import Testing

/// Pins the facts of `plans/chengqu-2017/` that the source notice states, so that a careless edit of the
/// plan (a changed value, a dropped dependency, an invented deadline) fails the build.
@Suite struct ChengquPlanTests {
  /// The root file of the plan, found from this file: three levels up is the package root.
  static let planPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("plans/chengqu-2017/plan.yaml").path

  /// The plan, loaded once for every test.
  static let loaded = PlanLoader().load(path: planPath)

  /// The as-of dates the plan must be clean at: the demo's, and a day long after every deadline.
  static let asOfDates = ["2018-01-15", "2026-11-29"]

  /// The text's one sentence that reports measures as already implemented (四、组织实施 / 把握推进节奏).
  static let implementedSentence =
    "继续做好团干部直接联系青年制度、“网上共青团”工程、团干部作风改革和挂、兼职副书记制度及工作模式改革等已落实的改革措施。"

  // MARK: - Validity

  @Test func loadsWithoutAnyDiagnostic() throws {
    let messages = Self.loaded.diagnostics.map { "\($0.location.file):\($0.location.line): \($0.message)" }
    #expect(messages.isEmpty, "diagnostics: \(messages)")
    let plan = try Self.plan()
    #expect(plan.start == (day("2017-09-01")))
    #expect(plan.files.count == 4)
  }

  @Test(arguments: asOfDates)
  func hasNoWarningsAsOf(_ asOf: String) throws {
    let plan = try Self.plan()
    let schedule = try Scheduler(plan: plan).schedule(asOf: day(asOf))
    let warnings = PlanLinter.warnings(for: plan, schedule: schedule)
    #expect(warnings.isEmpty, "warnings as of \(asOf): \(warnings.map(\.message))")
  }

  @Test func eachOrganisationHasItsOwnNamespace() throws {
    let plan = try Self.plan()
    let namespaces = plan.tasks.filter { $0.parent == nil }.map { $0.fullID.split(separator: ".").first ?? "" }
    #expect(Set(namespaces) == ["union", "league", "women"])
    let files = plan.files.map { ($0 as NSString).lastPathComponent }
    #expect(files == ["plan.yaml", "union.yaml", "league.yaml", "women.yaml"])
  }

  @Test func everyTaskCitesItsClause() throws {
    let plan = try Self.plan()
    let parts = ["二、", "三、", "四、", "五、"]
    for task in plan.tasks {
      let source = task.source ?? ""
      #expect(parts.contains { source.hasPrefix($0) }, "\(task.fullID) has no clause path: '\(source)'")
    }
  }

  // MARK: - Deadlines

  /// Every deadline the text states, on the task that carries it; `+2y` is the plan start plus 730 days.
  static let deadlines: [String: String] = [
    "union.steps.mobilise": "2017-10-20",
    "league.measures.org.organ": "2017-12-31",
    "league.measures.work-model": "2017-12-31",
    "league.measures.members.membership.development.junior-ratio": "2019-09-01",
    "league.measures.members.membership.development.senior-ratio": "2019-09-01",
    "league.measures.members.membership.development.overall-ratio": "2025-12-31",
    "league.measures.org.grassroots.workforce.social-workers": "2020-12-31",
  ]

  @Test func statedDeadlinesResolveToTheirDays() throws {
    let plan = try Self.plan()
    for (id, expected) in Self.deadlines.sorted(by: { $0.key < $1.key }) {
      let task = try Self.task(plan, id)
      #expect(task.deadline == (day(expected)), "\(id): deadline \(task.deadline?.iso ?? "none"), not \(expected)")
    }
    let twoYears = try Self.task(plan, "league.measures.members.membership.development.junior-ratio")
    #expect(twoYears.deadline == plan.start.adding(days: 730), "2年内 is the plan start plus 730 days")
  }

  @Test func noDeadlineBeyondTheStatedOnes() throws {
    let plan = try Self.plan()
    let withDeadline = Set(plan.tasks.filter { $0.deadline != nil }.map(\.fullID))
    #expect(withDeadline == Set(Self.deadlines.keys), "unexpected: \(withDeadline.subtracting(Self.deadlines.keys))")
  }

  @Test func midOctoberBindsTheLeadGroupThePlanAndTheMobilisation() throws {
    let plan = try Self.plan()
    let schedule = try Scheduler(plan: plan).schedule(asOf: day("2018-01-15"))
    for id in ["lead-group", "plan", "meeting"].map({ "union.steps.mobilise." + $0 }) {
      let index = try #require(plan.taskIndex(id), "no task \(id)")
      #expect(schedule.tasks[index].deadline == (day("2017-10-20")), "\(id) is not due by 2017-10-20")
    }
  }

  // MARK: - Targets

  /// A quantitative target the text states: the task that carries it, comparator, value and unit.
  struct ExpectedTarget: Sendable, CustomTestStringConvertible {
    var task: String
    var comparison: Target.Comparison
    var value: String
    var unit: String
    var testDescription: String { "\(task) \(comparison.rawValue) \(value) \(unit)" }

    init(_ task: String, _ comparison: Target.Comparison, _ value: String, _ unit: String) {
      self.task = task
      self.comparison = comparison
      self.value = value
      self.unit = unit
    }
  }

  static let targets: [ExpectedTarget] = [
    // League: grassroots share of congress, committee, standing committee (不低于80%、50%、25%).
    .init("league.measures.org.congress.representation.ratio-congress", .atLeast, "80", "%"),
    .init("league.measures.org.congress.representation.ratio-committee", .atLeast, "50", "%"),
    .init("league.measures.org.congress.representation.ratio-standing", .atLeast, "25", "%"),
    .init("league.measures.org.grassroots.workforce.town-secretary", .atLeast, "1", "人"),
    .init("league.measures.org.grassroots.workforce.social-workers", .atLeast, "100", "人"),
    // League: graduating-class and district-wide league/youth ratios (控制在30%、60%以内; 降到30%以内).
    .init("league.measures.members.membership.development.junior-ratio", .atMost, "30", "%"),
    .init("league.measures.members.membership.development.senior-ratio", .atMost, "60", "%"),
    .init("league.measures.members.membership.development.overall-ratio", .atMost, "30", "%"),
    .init("league.measures.members.cadres.team.vice-secretary-ratio", .atLeast, "3", "人"),
    // League: funding floors.
    .init("league.guarantees.government.school-funds", .atLeast, "10", "元/生/年"),
    .init("league.guarantees.government.soe-funds.large", .atLeast, "2", "元/人/月"),
    .init("league.guarantees.government.soe-funds.medium", .atLeast, "3", "元/人/月"),
    .init("league.guarantees.government.soe-funds.small", .atLeast, "5", "元/人/月"),
    // Women's federation: representatives among deputies, executive and standing committee (80%、40%、20%以上).
    .init("women.measures.leadership.representation.ratio-deputies", .atLeast, "80", "%"),
    .init("women.measures.leadership.representation.ratio-executive", .atLeast, "40", "%"),
    .init("women.measures.leadership.representation.ratio-standing", .atLeast, "20", "%"),
    .init("women.measures.leadership.representation.town-ratio-deputies", .atLeast, "80", "%"),
    .init("women.measures.leadership.representation.town-ratio-executive", .atLeast, "40", "%"),
    .init("women.measures.cadres.team.secondment.vice-chair", .equal, "1", "人"),
    .init("women.measures.cadres.team.secondment.ratio", .atLeast, "20", "%"),
    // 专兼职1:3、1:4: part-time vice-chairs per full-time member.
    .init("women.measures.cadres.team.part-time.district", .atLeast, "3", "倍"),
    .init("women.measures.cadres.team.part-time.town", .atLeast, "4", "倍"),
    .init("women.measures.cadres.team.training.coverage", .atLeast, "100", "%"),
    // Scan errors: "1 5人" is 15, "lOO%" is 100%.
    .init("women.measures.grassroots.village.executives", .atLeast, "15", "人"),
    .init("women.measures.grassroots.village.chairs", .atLeast, "100", "%"),
    .init("women.measures.grassroots.village.groups.coverage", .atLeast, "80", "%"),
    .init("women.measures.grassroots.workforce.town-vice-chairs", .atLeast, "4", "人"),
    .init("women.measures.grassroots.workforce.town-executives", .atLeast, "30", "人"),
  ]

  @Test(arguments: targets)
  func statedTargetIsPresent(_ expected: ExpectedTarget) throws {
    let plan = try Self.plan()
    let task = try Self.task(plan, expected.task)
    let target = try #require(task.target, "\(expected.task) has no target")
    let value = try #require(DecimalNumber(expected.value))
    #expect(target.comparison == expected.comparison, "\(expected.task): comparator \(target.comparison.rawValue)")
    #expect(target.value == value, "\(expected.task): value \(target.value)")
    #expect(target.unit == expected.unit, "\(expected.task): unit \(target.unit ?? "none")")
    #expect(task.measurements.isEmpty, "the text reports no measurement for \(expected.task)")
  }

  @Test func noTargetBeyondTheStatedOnes() throws {
    let plan = try Self.plan()
    let withTarget = Set(plan.tasks.filter { $0.target != nil }.map(\.fullID))
    let expected = Set(Self.targets.map(\.task))
    #expect(withTarget == expected, "unexpected: \(withTarget.subtracting(expected))")
  }

  // MARK: - Recurring duties

  /// Every duty the text gives a period, with that period.
  static let duties: [String: Recurrence] = [
    "league.measures.org.congress.functions.standing-meetings": .quarter,
    "league.measures.members.membership.management.dues-inspection": .year,
    "league.measures.members.cadres.assessment.annual-review": .year,
    "league.guarantees.government.budget": .year,
    "women.measures.cadres.conduct.leaders-grassroots": .year,
    "women.measures.cadres.conduct.survey.month": .year,
    "women.guarantees.party.hearings": .year,
    "women.guarantees.finance.budget": .year,
  ]

  @Test func recurringDutiesHaveTheTextsPeriods() throws {
    let plan = try Self.plan()
    let found = Dictionary(
      plan.tasks.compactMap { task in task.recurrence.map { (task.fullID, $0) } }, uniquingKeysWith: { a, _ in a })
    #expect(found == Self.duties, "duties: \(found.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" })")
    for id in ["league.guarantees.government.budget", "women.guarantees.finance.budget"] {
      #expect(try Self.task(plan, id).recurrenceFrom == (day("2018-01-01")), "\(id) starts with the 2018 budget")
    }
  }

  /// The last day of the 19th Party Congress, which the league and women's texts cite: no duty of theirs can
  /// have applied before the day after it.
  static let congressClosed = "2017-10-24"

  /// Each duty's first occurrence: the first whole period after the text can have applied (Q1 2018 for the
  /// quarterly standing committee, 2018 for the yearly ones), never a period that began before the text.
  static let firstOccurrences: [String: ClosedRange<String>] = [
    "league.measures.org.congress.functions.standing-meetings": "2018-01-01"..."2018-03-31",
    "league.measures.members.membership.management.dues-inspection": "2018-01-01"..."2018-12-31",
    "league.measures.members.cadres.assessment.annual-review": "2018-01-01"..."2018-12-31",
    "league.guarantees.government.budget": "2018-01-01"..."2018-12-31",
    "women.measures.cadres.conduct.leaders-grassroots": "2018-01-01"..."2018-12-31",
    "women.measures.cadres.conduct.survey.month": "2018-01-01"..."2018-12-31",
    "women.guarantees.party.hearings": "2018-01-01"..."2018-12-31",
    "women.guarantees.finance.budget": "2018-01-01"..."2018-12-31",
  ]

  @Test func eachDutyStartsWithItsFirstWholePeriodAfterTheText() throws {
    let plan = try Self.plan()
    #expect(Set(Self.firstOccurrences.keys) == Set(Self.duties.keys))
    let schedule = try Scheduler(plan: plan).schedule(asOf: day("2026-11-29"))
    for (id, period) in Self.firstOccurrences.sorted(by: { $0.key < $1.key }) {
      let index = try #require(plan.taskIndex(id), "no task \(id)")
      let from = try #require(plan.tasks[index].recurrenceFrom, "\(id) has no from: and counts from the plan start")
      #expect(from > (day(Self.congressClosed)), "\(id) counts from \(from.iso), before the text can have applied")
      // Nothing is ever held in the plan, so the first missed occurrence is the first occurrence.
      let first = try #require(schedule.missedOccurrences.first { $0.task == index }, "\(id) has no occurrence")
      #expect(first.period == (day(period.lowerBound))...(day(period.upperBound)), "\(id): first \(first.period)")
    }
    // On the demo's date the first periods are still open: no duty is charged with a 2017 occurrence.
    let demo = try Scheduler(plan: plan).schedule(asOf: day("2018-01-15"))
    #expect(demo.missedOccurrences.isEmpty, "missed: \(demo.missedOccurrences.map { plan.tasks[$0.task].fullID })")
  }

  @Test func overdueReportIsNotDrownedByDuties() throws {
    let plan = try Self.plan()
    let schedule = try Scheduler(plan: plan).schedule(asOf: day("2026-11-29"))
    // Nine years of one quarterly and seven yearly duties; a weekly duty alone would add about 480.
    #expect(schedule.missedOccurrences.count <= 100, "\(schedule.missedOccurrences.count) missed occurrences")
  }

  // MARK: - Dependencies

  /// Every dependency: successor and predecessor, each stated by the text or implied by its ordering words.
  static let dependencies: [(String, String)] = [
    // 进行动员部署 → 认真组织实施; the supervision group runs alongside both (全程督导), see below.
    ("union.steps.implement", "union.steps.mobilise"),
    // A group is set up before it works: the leading group drafts the plan, the supervision group supervises.
    ("union.steps.mobilise.plan", "union.steps.mobilise.lead-group"),
    ("union.steps.supervise.oversee", "union.steps.supervise.group"),
    ("union.guarantees.leadership", "union.steps.mobilise.lead-group"),
    // League vice-secretaries: proposal → approval by 区委组织部 → appointment → term → review.
    (vice("approve"), vice("propose")),
    (vice("appoint"), vice("approve")),
    (vice("term"), vice("appoint")),
    (vice("review"), vice("term")),
    ("league.measures.members.cadres.team.vice-secretary-ratio", vice("appoint")),
    // League organ staff: departments set up before they are staffed; proposal → party group → appointment.
    ("league.measures.members.cadres.team.organ-staff", "league.measures.org.organ.departments"),
    // The district committee's staff is filled up to its establishment once the four departments exist.
    ("league.measures.org.grassroots.workforce.district-staff", "league.measures.org.organ.departments"),
    (staff("approve"), staff("propose")),
    (staff("appoint"), staff("approve")),
    (staff("term"), staff("appoint")),
    (staff("review"), staff("term")),
    ("league.implementation.pace", "league.implementation.leadership"),
    // Women's secondment: conditions and the new departments before selection; posts filled by selection.
    (secondment("selection"), secondment("conditions")),
    (secondment("selection"), "women.measures.leadership.departments"),
    (secondment("vice-chair"), secondment("selection")),
    (secondment("ratio"), secondment("selection")),
    // Village women's federations are rebuilt before their executives and chairs are in place.
    ("women.measures.grassroots.village.executives", "women.measures.grassroots.village.rebuild"),
    ("women.measures.grassroots.village.chairs", "women.measures.grassroots.village.rebuild"),
  ]

  static func vice(_ step: String) -> String { "league.measures.members.cadres.team.vice-secretaries." + step }
  static func staff(_ step: String) -> String { "league.measures.members.cadres.team.organ-staff." + step }
  static func secondment(_ step: String) -> String { "women.measures.cadres.team.secondment." + step }

  @Test func statedDependenciesAreThere() throws {
    let plan = try Self.plan()
    for (successor, predecessor) in Self.dependencies {
      let after = try Self.task(plan, successor).after.map { plan.tasks[$0].fullID }
      #expect(after.contains(predecessor), "\(successor) does not wait for \(predecessor)")
    }
    let steps = try ["mobilise", "implement", "supervise"].map { try Self.task(plan, "union.steps." + $0).name }
    #expect(steps == ["进行动员部署", "认真组织实施", "强化监督落实"])
  }

  /// 督导组"全程督导", above all the drafting of the plan and its rules due by mid-October: it is set up with
  /// the mobilisation and supervises until the implementation step ends, not after it.
  @Test func supervisionGroupRunsAlongsideTheMobilisationAndImplementation() throws {
    let plan = try Self.plan()
    let supervise = try Self.task(plan, "union.steps.supervise")
    #expect(supervise.after.isEmpty, "the supervision step waits for \(supervise.after.map { plan.tasks[$0].fullID })")
    #expect((supervise.note ?? "").contains("全程督导改革各项任务的落实"))
    let schedule = try Scheduler(plan: plan).schedule(asOf: day("2018-01-15"))
    func row(_ id: String) throws -> TaskSchedule { schedule.tasks[try #require(plan.taskIndex(id), "no task \(id)")] }
    let group = try row("union.steps.supervise.group")
    let oversee = try row("union.steps.supervise.oversee")
    let mobilise = try row("union.steps.mobilise")
    let implement = try row("union.steps.implement")
    #expect(group.start == (day("2017-09-01")) && group.start == mobilise.start, "set up with the mobilisation")
    let oversight = try #require(oversee.start)
    #expect(
      oversight <= (day("2017-10-20")), "oversight starts \(oversight.iso), after the plan it must supervise was due")
    let end = try #require(oversee.finish)
    let implemented = try #require(implement.finish)
    #expect(
      end >= implemented, "oversight ends \(end.iso), before the implementation it supervises (\(implemented.iso))")
  }

  @Test func noDependencyBeyondTheStatedOnes() throws {
    let plan = try Self.plan()
    var found: [String] = []
    for task in plan.tasks {
      found += task.after.map { "\(task.fullID) ← \(plan.tasks[$0].fullID)" }
    }
    let expected = Self.dependencies.map { "\($0.0) ← \($0.1)" }
    #expect(Set(found) == Set(expected), "unexpected: \(Set(found).subtracting(expected))")
    #expect(found.count == expected.count)
  }

  @Test func everyDependencyQuotesTheWordsItRestsOn() throws {
    let plan = try Self.plan()
    for task in plan.tasks where !task.after.isEmpty {
      let note = task.note ?? ""
      #expect(note.contains("\"") || note.contains("“"), "\(task.fullID) has a dependency without a quoting note")
    }
  }

  // MARK: - Owners

  /// Units the text names or makes responsible, and outside bodies it charges with work: id and name.
  static let owners: [String: String] = [
    "union": "总工会",
    "union.lead-group": "改革工作领导组",
    "union.supervision": "改革工作督导组",
    "league": "共青团晋城市城区委员会",
    "league.office": "办公室",
    "league.org-school": "组织学校部",
    "league.publicity": "宣传部",
    "league.youth-dev": "青年发展部",
    "league.info-centre": "青少年信息中心",
    "league.party-group": "团区委党组",
    "women": "妇女联合会",
    "women.office-family": "办公室和家庭儿童部",
    "women.org-publicity": "组宣网络部",
    "women.rights": "发展权益部",
    "women.centre": "妇女儿童服务中心",
    "district-party": "区委",
    "district-party.org": "区委组织部",
    "district-gov": "区政府",
    "district-gov.finance": "区财政",
    "town-party": "镇党委",
    "unit-party": "所在单位党组织",
  ]

  @Test func ownersNamedByTheTextExist() throws {
    let plan = try Self.plan()
    for (id, name) in Self.owners.sorted(by: { $0.key < $1.key }) {
      let index = try #require(plan.ownerIndex(id), "no owner \(id)")
      #expect(plan.owners[index].name.contains(name), "owner \(id) is '\(plan.owners[index].name)', not \(name)")
    }
  }

  @Test func outsideBodiesOwnTheWorkTheTextChargesThemWith() throws {
    let plan = try Self.plan()
    let charged: [String: String] = [
      "league.measures.members.cadres.team.vice-secretaries.approve": "district-party.org",
      // "经党组研究同意后办理任职手续": the league's party group decides, not 组织学校部.
      "league.measures.members.cadres.team.organ-staff.approve": "league.party-group",
      // "建团工作由所在单位党组织负责".
      "league.measures.org.grassroots.workforce.organ-cells": "unit-party",
      "league.guarantees.party.hearings": "district-party",
      "league.guarantees.government.council": "district-gov",
      "league.measures.content.online.fund": "district-gov.finance",
      "league.guarantees.government.budget": "district-gov.finance",
      "women.guarantees.party.hearings": "district-party",
      "women.guarantees.party.town-meetings": "town-party",
      "women.guarantees.finance.budget": "district-gov",
      "women.guarantees.finance.support": "district-gov",
      "union.steps.mobilise.plan": "union.lead-group",
      "union.steps.supervise.oversee": "union.supervision",
    ]
    for (id, owner) in charged.sorted(by: { $0.key < $1.key }) {
      let task = try Self.task(plan, id)
      #expect(task.owner.map { plan.owners[$0].id } == owner, "\(id) is not owned by \(owner)")
    }
    for task in plan.tasks where !task.isSummary {
      #expect(task.owner != nil, "\(task.fullID) has no owner")
    }
  }

  // MARK: - Obligations

  /// An obligation the text states, the task that carries it, words of the text its name must contain and
  /// the clause its `source` must cite.
  struct Obligation: Sendable, CustomTestStringConvertible {
    var task: String
    var words: String
    var clause: String
    var testDescription: String { "\(task): \(words)" }

    init(_ task: String, _ words: String, _ clause: String) {
      self.task = task
      self.words = words
      self.clause = clause
    }
  }

  /// The obligations the fidelity review found no task carrying (M1–M6), each now carried by a task.
  static let obligations: [Obligation] = [
    // M1: the union's seasonal services (13).
    .init("union.measures.mechanism.rights.seasonal-help", "春送岗位、夏送清凉、金秋助学、冬送温暖、大病互助", "三、（标题缺失） / 健全运行机制 / 13"),
    // M2: the union party group's 述责述纪述廉述法 and integrity classes in training (16).
    .init("union.measures.safeguards.party-group.accountability", "坚持述责述纪述廉述法制度", "三、（标题缺失） / 强化综合保障 / 16"),
    .init("union.measures.safeguards.party-group.integrity", "在工会干部日常培训中安排党风廉政建设教育课程", "三、（标题缺失） / 强化综合保障 / 16"),
    // M3: the workers' service centre and services for all (12).
    .init(
      "union.measures.part-a.mass-line.activities.service-centre", "发挥职工服务中心的职能作用，推行职工服务普惠化",
      "三、（标题缺失） / （小标题缺失） / 12 / 建立健全“以职工为主”的活动方式"),
    // M4: mediation and legal aid for unpaid wages and safety violations (15).
    .init(
      "union.measures.mechanism.migrant-workers.campaign", "加大对拖欠农民工工资、违反安全生产规定等违法事件的调处参与和法律援助力度",
      "三、（标题缺失） / 健全运行机制 / 15"),
    // M5: outstanding Young Pioneers of 13 may join the league and keep their membership.
    .init(
      "league.measures.members.membership.development.pioneers", "年满13周岁特别优秀的少先队员可以入团并保留队籍",
      "二、改革措施 / 改革团员团干部队伍 / 1 / 严格团员发展"),
    // M6: reporting major matters, and shared venues.
    .init("league.guarantees.party.reporting", "对重大事项及时向当地党组织和上级团委请示报告", "三、改革保障 / 落实党建带团建制度"),
    .init("league.guarantees.government.venues", "推动基层群团组织工作和服务阵地共建共享", "三、改革保障 / 健全政府协调工作机制"),
  ]

  @Test(arguments: obligations)
  func obligationIsCarriedByATask(_ expected: Obligation) throws {
    let plan = try Self.plan()
    let task = try Self.task(plan, expected.task)
    #expect(task.name.contains(expected.words), "\(expected.task) is '\(task.name)'")
    #expect(task.source == expected.clause, "\(expected.task) cites '\(task.source ?? "")'")
    #expect(!task.isSummary && task.recurrence == nil, "\(expected.task) is not a leaf task")
  }

  // MARK: - Status

  /// The league measures 把握推进节奏 names as already implemented, and nothing else.
  static let done: Set<String> = [
    "league.measures.members.cadres.team.vice-secretaries.propose",
    "league.measures.members.cadres.team.vice-secretaries.approve",
    "league.measures.members.cadres.team.vice-secretaries.appoint",
    "league.measures.members.cadres.conduct",
    "league.measures.work-model.grassroots.mechanism",
    "league.measures.work-model.flat",
    "league.measures.work-model.projects",
    "league.measures.work-model.professional",
    "league.measures.content.online.online-league",
  ]

  @Test func onlyTheImplementedLeagueMeasuresAreDone() throws {
    let plan = try Self.plan()
    let marked = Set(plan.tasks.filter { $0.status != .planned || $0.doneDate != nil }.map(\.fullID))
    #expect(
      marked == Self.done, "unexpected: \(marked.subtracting(Self.done)), missing: \(Self.done.subtracting(marked))")
    for id in Self.done.sorted() {
      let task = try Self.task(plan, id)
      #expect(task.status == .done, "\(id) is \(task.status)")
      #expect(task.doneDate == nil, "the text gives no day for \(id)")
      let evidence = task.evidence ?? ""
      #expect(evidence.contains("把握推进节奏") && evidence.contains(Self.implementedSentence), "\(id) evidence")
    }
  }

  // MARK: - Helpers

  static func plan() throws -> Plan {
    let plan = loaded.plan
    let problems = loaded.diagnostics.map(\.message)
    return try #require(plan, "plans/chengqu-2017/plan.yaml does not load: \(problems)")
  }

  static func task(_ plan: Plan, _ id: String) throws -> PlanTask {
    let index = try #require(plan.taskIndex(id), "no task \(id)")
    return plan.tasks[index]
  }
}
