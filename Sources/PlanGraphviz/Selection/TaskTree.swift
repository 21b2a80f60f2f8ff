import PlanGraph

/// Levels and ancestors of a plan's tasks, computed once without recursion.
struct TaskTree {
  /// Each task's level: 1 for a task at the top of its file.
  let level: [Int]
  private let parent: [Int?]

  init(_ plan: Plan) {
    parent = plan.tasks.map(\.parent)
    var level = [Int](repeating: 0, count: plan.tasks.count)
    // `Plan.tasks` is a pre-order walk: a parent's level is known before its children's.
    for i in plan.tasks.indices {
      level[i] = parent[i].map { level[$0] + 1 } ?? 1
    }
    self.level = level
  }

  /// The ancestor of `task` that is `steps` levels above it (the task itself for 0).
  func ancestor(of task: Int, steps: Int) -> Int {
    var current = task
    var left = steps
    while left > 0, let next = parent[current] {
      current = next
      left -= 1
    }
    return current
  }

  /// Whether `task` is `root` or below it.
  func isWithin(_ task: Int, root: Int) -> Bool {
    guard level[task] >= level[root] else { return false }
    return ancestor(of: task, steps: level[task] - level[root]) == root
  }
}
