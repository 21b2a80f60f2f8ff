import PlanGraph
import Testing

/// "Did you mean" wherever a name is looked up: owners by id and by name, `after` ids missing their
/// namespace, include paths. Each proposal is also a `suggestion` an editor can apply as it stands.
@Suite struct DidYouMeanTests {
  private static let owners = """
    plan: 找名字
    start: 2017-09-01
    owners:
      - id: gov
        name: 城区人民政府
        units:
          - { id: czj, name: 县财政局 }
          - { id: rsj, name: 县人社局 }

    """

  private func only(_ code: DiagnosticCode, _ result: PlanLoadResult) throws -> Diagnostic {
    let found = result.diagnostics.filter { $0.code == code }
    #expect(found.count == 1, "\(result.diagnostics.map(\.message))")
    return try #require(found.first)
  }

  @Test func anOwnerWrittenByItsNameProposesItsId() throws {
    let text = Self.owners + "tasks:\n  - { id: a, name: 甲, owner: 县财政局, duration: 1d }\n"
    let diagnostic = try only(.unknownOwner, PlanLoader.load(text: text))
    #expect(diagnostic.suggestions == ["gov.czj"])
    #expect(
      diagnostic.hint == "did you mean 'gov.czj' (县财政局)? a plan file names an owner by its id, not its name")
    #expect(diagnostic.hint(in: .zh) == "是否想写“gov.czj”（县财政局）？计划文件中责任单位要写编号，不写名称")
    #expect(diagnostic.message(in: .zh) == "未知的责任单位“县财政局”")
  }

  @Test func anOwnerNameMisspeltProposesTheNearestNamesOwner() throws {
    // 县财政厅 is one character off 县财政局: no id is near, the name is.
    let text = Self.owners + "tasks:\n  - { id: a, name: 甲, owner: 县财政厅, duration: 1d }\n"
    let diagnostic = try only(.unknownOwner, PlanLoader.load(text: text))
    #expect(diagnostic.suggestions == ["gov.czj"])
    #expect(diagnostic.hint == "did you mean 'gov.czj' (县财政局)?")
  }

  @Test func anOwnerWithoutItsParentProposesTheFullIdAndAMisspeltIdTheNearest() throws {
    let short = try only(
      .unknownOwner, PlanLoader.load(text: Self.owners + "tasks:\n  - { id: a, name: 甲, owner: czj, duration: 1d }\n"))
    #expect(short.suggestions == ["gov.czj"])
    #expect(short.hint == "did you mean 'gov.czj'? owners are named by their full dotted id")
    let typo = try only(
      .unknownOwner,
      PlanLoader.load(text: Self.owners + "tasks:\n  - { id: a, name: 甲, owner: gov.cjz, duration: 1d }\n"))
    #expect(typo.suggestions.first == "gov.czj")
    #expect(typo.hint?.hasPrefix("did you mean 'gov.czj'") == true)
  }

  @Test func anAfterIdMissingItsNamespaceProposesTheFullId() throws {
    let files: [String: [UInt8]] = [
      "plan.yaml": Array(
        """
        plan: 一件事
        start: 2017-09-01
        include: [reform.yaml]
        tasks:
          - { id: launch, name: 上线, duration: 1d, after: [one-thing.list] }

        """.utf8),
      "reform.yaml": Array(
        """
        id: reform
        tasks:
          - id: one-thing
            name: 一件事一次办
            tasks:
              - { id: list, name: 梳理事项清单, duration: 2w }

        """.utf8),
    ]
    let result = PlanLoader(fileSystem: MemoryFileSystem(files: files)).load(path: "plan.yaml")
    let diagnostic = try only(.unknownReference, result)
    #expect(diagnostic.suggestions == ["reform.one-thing.list"])
    #expect(diagnostic.hint?.hasPrefix("did you mean 'reform.one-thing.list' (reform.yaml:6)?") == true)
    #expect(diagnostic.hint(in: .zh)?.hasPrefix("是否想写“reform.one-thing.list”（reform.yaml:6）？") == true)
  }

  @Test func aNestedTaskNamedByItsLastIdProposesItsPath() throws {
    let text = """
      plan: 路径
      start: 2017-09-01
      tasks:
        - id: organ
          name: 机构
          tasks:
            - { id: staffing, name: 配备干部, duration: 1w }
        - { id: report, name: 报告, duration: 1d, after: [staffing] }

      """
    let diagnostic = try only(.unknownReference, PlanLoader.load(text: text))
    #expect(diagnostic.suggestions == ["organ.staffing"])
    #expect(
      diagnostic.hint
        == "did you mean 'organ.staffing' (plan.yaml:7)? a task that is not a sibling is named by its path from the top of the file, or its full id"
    )
  }

  @Test func aMisspeltReferenceStillGetsTheNearestName() throws {
    let text =
      "plan: 拼写\nstart: 2017-09-01\ntasks:\n  - { id: kickoff, name: 动员, duration: 1d }\n"
      + "  - { id: b, name: 乙, duration: 1d, after: [kickof] }\n"
    let diagnostic = try only(.unknownReference, PlanLoader.load(text: text))
    #expect(diagnostic.suggestions == ["kickoff"])
    #expect(diagnostic.hint == "did you mean 'kickoff' (plan.yaml:4)?")
  }

  @Test func aMisspeltIncludeProposesTheNearestPlanFileInItsFolder() throws {
    let files: [String: [UInt8]] = [
      "p/plan.yaml": Array("plan: 包含\nstart: 2017-09-01\ninclude: [youth.yml, sub/unoin.yaml]\n".utf8),
      "p/youth.yaml": Array("id: youth\ntasks: []\n".utf8),
      "p/youth.txt": Array("not a plan\n".utf8),
      "p/sub/union.yaml": Array("id: union\ntasks: []\n".utf8),
    ]
    let result = PlanLoader(fileSystem: MemoryFileSystem(files: files)).load(path: "p/plan.yaml")
    let missing = result.diagnostics.filter { $0.code == .includeMissing }
    #expect(missing.map(\.suggestions) == [["youth.yaml"], ["sub/union.yaml"]])
    #expect(missing.first?.hint == "did you mean 'youth.yaml'?")
    #expect(missing.first?.message(in: .zh) == "无法读取“p/youth.yml”：没有这个文件")
  }

  @Test func anIncludeNothingLikeAnyFileGetsNoGuess() throws {
    let files: [String: [UInt8]] = [
      "plan.yaml": Array("plan: 包含\nstart: 2017-09-01\ninclude: [women.yaml]\n".utf8),
      "youth.yaml": Array("id: youth\ntasks: []\n".utf8),
    ]
    let result = PlanLoader(fileSystem: MemoryFileSystem(files: files)).load(path: "plan.yaml")
    let diagnostic = try only(.includeMissing, result)
    #expect(diagnostic.hint == nil && diagnostic.suggestions.isEmpty)
  }

  @Test func aFileAlreadyInThePlanIsNoGuess() throws {
    // nowhere.yaml is near here.yaml, but here.yaml is included already, and plan.yaml is the root.
    let files: [String: [UInt8]] = [
      "plan.yaml": Array("plan: 包含\nstart: 2017-09-01\ninclude: [here.yaml, nowhere.yaml, plan.yml]\n".utf8),
      "here.yaml": Array("id: here\ntasks: []\n".utf8),
    ]
    let result = PlanLoader(fileSystem: MemoryFileSystem(files: files)).load(path: "plan.yaml")
    let missing = result.diagnostics.filter { $0.code == .includeMissing }
    #expect(missing.count == 2)
    #expect(missing.allSatisfy { $0.hint == nil && $0.suggestions.isEmpty })
  }

  @Test func aFileTheIncludesNameLaterIsNoGuessEither() throws {
    // phase4.yaml is nearest to phase3.yaml, which the same list includes next: proposing it would include
    // it twice. phase-2.yaml, which nothing includes yet, is the one to propose.
    let files: [String: [UInt8]] = [
      "plan.yaml": Array("plan: 包含\nstart: 2017-09-01\ninclude: [phase1.yaml, phase4.yaml, phase3.yaml]\n".utf8),
      "phase1.yaml": Array("id: p1\ntasks: []\n".utf8),
      "phase-2.yaml": Array("id: p2\ntasks: []\n".utf8),
      "phase3.yaml": Array("id: p3\ntasks: []\n".utf8),
    ]
    let result = PlanLoader(fileSystem: MemoryFileSystem(files: files)).load(path: "plan.yaml")
    let diagnostic = try only(.includeMissing, result)
    #expect(diagnostic.suggestions == ["phase-2.yaml"])
  }

  @Test func theCommandLinesOwnerLookupProposesByNameToo() throws {
    let plan = try #require(PlanLoader.load(text: Self.owners + "tasks: []\n").plan)
    do {
      _ = try plan.owner(named: "县财政厅")
      Issue.record("县财政厅 is no owner")
    } catch {
      #expect(error.candidates == ["gov.czj"])
      #expect(error.description(in: .zh) == "计划中没有责任单位“县财政厅”；是否想写“gov.czj”？")
    }
  }

  @Test func aDidYouMeanWrittenAsTextStillGivesItsNames() throws {
    let result = PlanLoader.load(text: "plan: 键\nstrat: 2017-09-01\n")
    let diagnostic = try #require(result.diagnostics.first { $0.code == .unknownKey })
    #expect(diagnostic.hint == "did you mean 'start'?")
    #expect(diagnostic.suggestions == ["start"])
  }
}
