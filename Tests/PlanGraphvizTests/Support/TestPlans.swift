import Foundation
import PlanGraph
import PlanGraphviz
import Testing

/// The plans the chart tests draw: the small fixture, the Chengqu plan, and generated ones.
enum TestPlans {
  /// This test target's folder.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

  /// The small fixture: every status, a summary, a milestone, a critical chain, duties, awkward names.
  static let smallPath = folder.appendingPathComponent("Fixtures/small/plan.yaml").path
  /// The small fixture's as-of date.
  static let smallAsOf = day("2018-02-15")

  /// The bundled Chengqu plan.
  static let chengquPath = folder.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("plans/chengqu-2017/plan.yaml").path
  /// The demo's as-of date.
  static let chengquAsOf = day("2018-01-15")

  /// A day from its ISO form.
  static func day(_ iso: String) -> Day {
    guard case .success(.day(let day)) = DateExpression.parse(iso) else {
      preconditionFailure("not a date: \(iso)")
    }
    return day
  }

  /// A plan loaded from `path`, scheduled as of `asOf`; records an issue and returns nil when invalid.
  static func load(_ path: String, asOf: Day) -> (Plan, Schedule)? {
    let result = PlanLoader().load(path: path)
    return scheduled(result, asOf: asOf)
  }

  /// A plan loaded from text, scheduled as of `asOf`.
  static func load(text: String, asOf: Day) -> (Plan, Schedule)? {
    scheduled(PlanLoader.load(text: text), asOf: asOf)
  }

  private static func scheduled(_ result: PlanLoadResult, asOf: Day) -> (Plan, Schedule)? {
    guard let plan = result.plan else {
      Issue.record("plan did not load: \(result.diagnostics.map(\.message))")
      return nil
    }
    guard let scheduler = try? Scheduler(plan: plan) else {
      Issue.record("plan could not be scheduled")
      return nil
    }
    guard let schedule = try? scheduler.schedule(asOf: asOf) else {
      Issue.record("the forecast could not be made")
      return nil
    }
    return (plan, schedule)
  }

  /// The small fixture, scheduled.
  static var small: (Plan, Schedule)? { load(smallPath, asOf: smallAsOf) }
  /// The Chengqu plan, scheduled as of the demo's date.
  static var chengqu: (Plan, Schedule)? { load(chengquPath, asOf: chengquAsOf) }

  /// A generated plan of `leaves` leaf tasks: four organisations with two units each, areas of five
  /// groups, groups of ten leaves chained one after another, every third group after the group before
  /// it, every eleventh leaf after a leaf 37 before it, a deadline on every seventh leaf.
  static func generatedYAML(leaves: Int) -> String {
    var text = "plan: 生成的计划（\(leaves) 项任务）\nstart: 2020-01-01\nowners:\n"
    let organisations = 4
    for o in 0..<organisations {
      text += "  - id: org\(o)\n    name: 组织\(o)\n    units:\n"
      text += "      - { id: a, name: 组织\(o)甲部 }\n      - { id: b, name: 组织\(o)乙部 }\n"
    }
    text += "tasks:\n"
    let groupSize = 10
    let groupsPerArea = 5
    var made = 0
    var group = 0
    while made < leaves {
      let area = group / groupsPerArea
      if group % groupsPerArea == 0 {
        text += "  - id: area\(area)\n    name: 工作领域\(area)\n    owner: org\(area % organisations)\n    tasks:\n"
      }
      let unit = group % 2 == 0 ? "a" : "b"
      text += "      - id: group\(group)\n        name: 工作组\(group)：推进第\(group)组措施\n"
      text += "        owner: org\(area % organisations).\(unit)\n"
      if group > 0 && group % 3 == 0 {
        text += "        after: [area\((group - 1) / groupsPerArea).group\(group - 1)]\n"
      }
      text += "        tasks:\n"
      for k in 0..<groupSize where made < leaves {
        text += "          - id: t\(made)\n            name: 任务\(made)：落实第\(made)项具体措施\n"
        text += "            duration: \(1 + made % 4)w\n"
        var after = k > 0 ? ["t\(made - 1)"] : []
        if made % 11 == 5 && made >= 37 {
          let earlier = made - 37
          after.append("area\(earlier / groupSize / groupsPerArea).group\(earlier / groupSize).t\(earlier)")
        }
        if !after.isEmpty { text += "            after: [\(after.joined(separator: ", "))]\n" }
        if made % 7 == 3 { text += "            deadline: 2020-0\(1 + made % 9)-28\n" }
        made += 1
      }
      group += 1
    }
    return text
  }
}
