import PlanGraph

/// Levels and ancestors of a plan's tasks, computed once without recursion.
struct TaskTree {
  /// Each task's level: 1 for a task at the top of its file.
  let level: [Int]
  private let parent: [Int?]

  init(_ plan: Plan) {
    parent = plan.tasks.map(\.parent)
    var level = [Int](repeating: 0, count: plan.tasks.count)
    // Output order is a pre-order walk, so a parent comes before its children; walk up otherwise.
    for i in plan.tasks.indices {
      guard let p = parent[i] else {
        level[i] = 1
        continue
      }
      if p < i && level[p] > 0 {
        level[i] = level[p] + 1
      } else {
        var steps = 1
        var current = p
        while let next = parent[current], steps <= plan.tasks.count {
          current = next
          steps += 1
        }
        level[i] = steps + 1
      }
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
