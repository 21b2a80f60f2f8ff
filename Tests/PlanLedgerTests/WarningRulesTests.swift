import PlanGraph
import Testing

/// The warning rules (预警规则): each default level, custom levels, their order, and rules that cannot be read.
@Suite struct WarningRulesTests {
  let standard = WarningRules.standard

  func name(_ facts: WarningFacts, _ rules: WarningRules = .standard) -> String {
    rules.word(rules.light(for: facts), .zh)
  }

  func facts(overdue: Int? = nil, left: Int? = 60, behind: Int? = 0, atRisk: Bool = false) -> WarningFacts {
    WarningFacts(daysOverdue: overdue, daysUntilDeadline: left, pointsBehind: behind, isAtRisk: atRisk)
  }

  @Test func defaultLevels() {
    #expect(name(facts(overdue: 1, left: -1)) == "红")
    #expect(name(facts(overdue: 30, left: -30, behind: 100)) == "红")
    #expect(name(facts(atRisk: true)) == "黄")
    #expect(name(facts(behind: 10)) == "黄")
    #expect(name(facts(behind: 9)) == "绿", "9 points behind is still green")
    #expect(name(facts(left: 7)) == "黄")
    #expect(name(facts(left: 0)) == "黄")
    #expect(name(facts(left: 8)) == "绿")
    #expect(name(facts(left: nil, behind: nil)) == "绿")
  }

  @Test func doneAndCancelledHaveNoLight() throws {
    let (plan, schedule) = try SmallPlan.scheduled()
    let finished = try #require(plan.taskIndex("big.finished"))
    #expect(standard.light(for: finished, plan: plan, schedule: schedule) == .done)
    #expect(standard.word(.done, .zh) == "已完成")
    #expect(standard.color(.done) == nil)
  }

  @Test func lightsOfTheSmallPlan() throws {
    let (plan, schedule) = try SmallPlan.scheduled()
    let lights = standard.lights(plan: plan, schedule: schedule)
    func word(_ id: String) throws -> String { standard.word(lights[try #require(plan.taskIndex(id))], .zh) }
    #expect(try word("big.late") == "红")
    #expect(try word("big.behind") == "黄", "95 points behind its expected 100 %")
    #expect(try word("big.fine") == "绿")
    #expect(try word("other") == "黄", "due in 4 days")
    #expect(try word("big") == "红", "a summary shows the worst light below it")
  }

  @Test func expectedProgressIsTheElapsedShareOfThePlannedSpan() throws {
    let (plan, schedule) = try SmallPlan.scheduled()
    // big.behind is planned 2024-01-11 to 2024-01-30 and 5 % done: on 2024-02-01 it is 95 points behind.
    let behind = try #require(plan.taskIndex("big.behind"))
    #expect(WarningRules.facts(for: behind, plan: plan, schedule: schedule).pointsBehind == 95)
    // big.fine starts 2024-02-10: nothing is expected of it yet.
    let fine = try #require(plan.taskIndex("big.fine"))
    #expect(WarningRules.facts(for: fine, plan: plan, schedule: schedule).pointsBehind == 0)
    let late = try #require(plan.taskIndex("big.late"))
    #expect(WarningRules.facts(for: late, plan: plan, schedule: schedule).daysOverdue == 12)
  }

  @Test func customLevelsByDaysLate() throws {
    let text =
      SmallPlan.text + """
        warnings:
          - {name: 红, color: red, overdue: 15}
          - {name: 橙, color: orange, overdue: 7}
          - {name: 黄, color: "#FFEE00", overdue: 1}
          - {name: 绿, color: green}

        """
    let (plan, _) = try SmallPlan.scheduled(text)
    let rules = plan.warnings
    #expect(rules.levels.map(\.name) == ["红", "橙", "黄", "绿"])
    #expect(rules.levels[2].color == 0xFFEE00)
    #expect(name(facts(overdue: 15), rules) == "红")
    #expect(name(facts(overdue: 14), rules) == "橙")
    #expect(name(facts(overdue: 7), rules) == "橙")
    #expect(name(facts(overdue: 6), rules) == "黄")
    #expect(name(facts(left: 1, behind: 50, atRisk: true), rules) == "绿", "these rules look at days late only")
  }

  @Test func theFirstMatchingLevelWins() throws {
    let text =
      SmallPlan.text + """
        warnings:
          - {name: 关注, color: blue, due-within: 30}
          - {name: 红, color: red, overdue: 1}
          - {name: 落后, color: "#ff8800", behind: 20, at-risk: true}

        """
    let (plan, _) = try SmallPlan.scheduled(text)
    let rules = plan.warnings
    #expect(name(facts(left: 3, behind: 50), rules) == "关注", "listed first, it wins over 落后")
    #expect(name(facts(overdue: 2, left: -2), rules) == "红", "due-within never holds once overdue")
    #expect(name(facts(atRisk: true), rules) == "落后")
    #expect(rules.light(for: facts()) == WarningLight.none, "no catch-all: an open task may have no level")
  }

  func diagnostics(_ warnings: String) -> [String] {
    let loaded = PlanLoader.load(text: SmallPlan.text + warnings)
    #expect(loaded.plan == nil)
    return loaded.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
  }

  @Test func badRulesAreDiagnosedAtTheirPlace() {
    let lines = SmallPlan.text.split(separator: "\n", omittingEmptySubsequences: false).count
    let found = diagnostics(
      """
      warnings:
        - {name: 红, color: crimson, overdue: 1}
        - {name: 黄, colour: yellow}
        - {name: 绿, color: green, behind: lots}
        - {color: blue}
        - {name: 红, color: red, at-risk: maybe}
        - just-a-word

      """)
    #expect(
      found == [
        "\(lines + 1):22: 'crimson' is not a colour",
        "\(lines + 2):5: a warning level needs 'color'",
        "\(lines + 2):15: unknown key 'colour' in a warning level",
        "\(lines + 3):37: 'behind' takes a whole number of percentage points, not 'lots'",
        "\(lines + 4):5: a warning level needs 'name'",
        "\(lines + 5):36: 'at-risk' takes true or false, not 'maybe'",
        "\(lines + 6):5: a warning level is a mapping with 'name' and 'color', not a single value",
      ])
  }

  @Test func repeatedNamesAndEmptyListsAreErrors() {
    let repeated = diagnostics(
      """
      warnings:
        - {name: 红, color: red, overdue: 1}
        - {name: 红, color: red}

      """)
    #expect(repeated.count == 1)
    #expect(repeated.first?.hasSuffix("the warning level '红' is given twice") == true)
    let empty = diagnostics("warnings: []\n")
    #expect(empty.first?.hasSuffix("'warnings' lists no levels") == true)
    let scalar = diagnostics("warnings: red\n")
    #expect(scalar.first?.hasSuffix("'warnings' takes a list of levels, not a single value") == true)
  }

  @Test func rulesBelongInTheRootFile() {
    let files: [String: [UInt8]] = [
      "plan.yaml": Array("plan: P\nstart: 2024-01-01\ninclude: [part.yaml]\n".utf8),
      "part.yaml": Array("id: part\nwarnings:\n  - {name: 红, color: red}\ntasks: []\n".utf8),
    ]
    let loaded = PlanLoader(fileSystem: MemoryFileSystem(files: files)).load(path: "plan.yaml")
    #expect(loaded.plan == nil)
    #expect(loaded.diagnostics.contains { $0.message == "'warnings' belongs in the root plan file only" })
  }

  @Test func aRulesFileOfItsOwn() {
    let good: [String: [UInt8]] = ["rules.yaml": Array("warnings:\n  - {name: 红, color: red, overdue: 3}\n".utf8)]
    let loaded = WarningRulesLoader.load(path: "rules.yaml", fileSystem: MemoryFileSystem(files: good))
    #expect(loaded.rules?.levels == [WarningLevel(name: "红", color: 0xD93025, conditions: [.overdue(days: 3)])])
    #expect(loaded.diagnostics.isEmpty)

    let bad: [String: [UInt8]] = ["rules.yaml": Array("levels: []\nwarnings:\n  - {name: 红, color: 12}\n".utf8)]
    let failed = WarningRulesLoader.load(path: "rules.yaml", fileSystem: MemoryFileSystem(files: bad))
    #expect(failed.rules == nil)
    #expect(
      failed.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column): \($0.message)" } == [
        "rules.yaml:1:1: unknown key 'levels' in a rules file",
        "rules.yaml:3:22: '12' is not a colour",
      ])
    #expect(failed.sources["rules.yaml"] != nil, "the excerpt needs the file's text")

    let missing = WarningRulesLoader.load(path: "none.yaml", fileSystem: MemoryFileSystem(files: [:]))
    #expect(missing.rules == nil)
    #expect(missing.diagnostics.first?.message.hasPrefix("cannot read 'none.yaml'") == true)
  }

  @Test func supportEntriesAreResolvedLikeOwners() {
    let text = SmallPlan.text.replacingOccurrences(of: "support: [bureau]", with: "support: [bureau, nobody, office.a]")
    let loaded = PlanLoader.load(text: text)
    #expect(loaded.plan == nil)
    let messages = loaded.diagnostics.map(\.message)
    #expect(messages.contains("unknown owner 'nobody'"))
    #expect(messages.contains("'office.a' already leads this task"))
  }
}
