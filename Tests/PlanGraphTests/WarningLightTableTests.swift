import PlanGraph
import Testing

/// `lightTable` computes every light in one pass over the tasks: it must give, task for task, what the
/// contract's definition gives (each task's `light(for:plan:schedule:)`, then each summary the most
/// severe light below it), for the default rules and for rules that try conditions in another order.
@Suite struct WarningLightTableTests {
  /// The definition, task by task.
  private func defined(_ rules: WarningRules, _ plan: Plan, _ schedule: Schedule) -> [WarningLight] {
    Self.rolledUp(plan.tasks.indices.map { rules.light(for: $0, plan: plan, schedule: schedule) }, plan: plan)
  }

  /// Each summary given the most severe light below it, as the contract defines it (shared with
  /// `SessionFiveReviewTests`).
  static func rolledUp(_ own: [WarningLight], plan: Plan) -> [WarningLight] {
    var lights = own
    for i in plan.tasks.indices.reversed() {
      guard case .level(let child) = lights[i], let parent = plan.tasks[i].parent else { continue }
      switch lights[parent] {
      case .level(let own): lights[parent] = .level(min(own, child))
      case .cancelled: continue
      default: lights[parent] = .level(child)
      }
    }
    return lights
  }

  static let rules: [WarningRules] = [
    .standard,
    WarningRules(levels: [
      WarningLevel(name: "紫", color: 0x800080, conditions: [.overdue(days: 30)]),
      WarningLevel(name: "红", color: 0xFF0000, conditions: [.behind(points: 20), .overdue(days: 1)]),
      WarningLevel(name: "橙", color: 0xFF8000, conditions: [.dueWithin(days: 3), .atRisk]),
    ]),
    WarningRules(levels: [
      WarningLevel(name: "黄", color: 0xFFFF00, conditions: [.dueWithin(days: 60)]),
      WarningLevel(name: "绿", color: 0x00FF00, conditions: []),
      WarningLevel(name: "蓝", color: 0x0000FF, conditions: [.overdue(days: 1)]),
    ]),
  ]

  @Test(arguments: 0..<3)
  func theTableIsTheDefinitionOnGeneratedPlans(_ rule: Int) throws {
    let rules = Self.rules[rule]
    let bytes = PlanGenerator(taskCount: 3_000, seed: 11 + UInt64(rule)).generate()
    let plan = try #require(
      PlanLoader(fileSystem: MemoryFileSystem(files: ["p.yaml": bytes])).load(path: "p.yaml").plan)
    let scheduler = try Scheduler(plan: plan)
    var seen = Set<String>()
    for (year, month) in [(2020, 3), (2021, 6), (2026, 6)] {
      let asOf = try #require(Day(year: year, month: month, day: 1))
      let schedule = try scheduler.schedule(asOf: asOf)
      let table = rules.lightTable(plan: plan, schedule: schedule)
      let expected = defined(rules, plan, schedule)
      #expect(Array(table) == expected, "as of \(asOf)")
      #expect(rules.lights(plan: plan, schedule: schedule) == expected)
      for light in expected { seen.insert(rules.word(light, .en)) }
    }
    // The plans reach several lights, done and (for the first rules) more than one level.
    #expect(seen.count >= 3, "\(seen)")
  }
}
