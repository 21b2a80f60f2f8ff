import PlanGraph

/// The same plan as a TaskJuggler project: tasks nested as in the plan, durations in calendar days,
/// dependencies by full id. Deadlines, done dates and duties are left out: the comparison is scheduling.
enum TaskJugglerPlan {
  static func text(_ plan: Plan) -> String {
    var out = "project bench \"Bench\" \(plan.start.iso) +30y {\n  timezone \"UTC\"\n}\n"
    var depth = 0
    var open: [Int] = []
    func indent() -> String { String(repeating: "  ", count: depth) }
    for (i, task) in plan.tasks.enumerated() {
      while let last = open.last, task.parent != last {
        open.removeLast()
        depth -= 1
        out += indent() + "}\n"
      }
      guard !task.isDuty else { continue }
      out += indent() + "task \(task.id) \"\(task.id)\" {\n"
      depth += 1
      if !task.isSummary {
        let days = task.duration?.days ?? 0
        out += indent() + (days == 0 ? "milestone\n" : "duration \(days)d\n")
      }
      let dependencies = task.after.filter { !plan.tasks[$0].isDuty }.map { plan.tasks[$0].fullID }
      if !dependencies.isEmpty { out += indent() + "depends " + dependencies.joined(separator: ", ") + "\n" }
      if task.isSummary {
        open.append(i)
      } else {
        depth -= 1
        out += indent() + "}\n"
      }
    }
    while !open.isEmpty {
      open.removeLast()
      depth -= 1
      out += indent() + "}\n"
    }
    return out
  }
}
