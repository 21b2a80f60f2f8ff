/// What a late task holds up: the tasks that wait for it, directly or through others, and the nearest
/// deadline among them. For the supervisors' report ("影响后续 3 项，最近截止 2018-03-31").
struct Downstream {
  let plan: Plan
  let schedule: Schedule
  private let graph: DependencyGraph
  private var stamp: [Int32]
  private var round: Int32 = 0

  init(plan: Plan, schedule: Schedule) {
    self.plan = plan
    self.schedule = schedule
    graph = DependencyGraph(tasks: plan.tasks)
    stamp = [Int32](repeating: 0, count: graph.nodeCount)
  }

  /// The non-cancelled leaves that wait for `task` (a leaf or a summary; its own leaves excluded) and
  /// the earliest effective deadline among them. Iterative: a breadth-first walk of successors.
  mutating func blocks(of task: Int) -> (count: Int, nearestDeadline: Day?) {
    guard task < graph.taskCount, !plan.tasks[task].isDuty else { return (0, nil) }
    round += 1
    var queue = [Int32(task)]
    stamp[task] = round
    var count = 0
    var nearest: Day?
    var head = 0
    while head < queue.count {
      let node = Int(queue[head])
      head += 1
      for next in graph.successors(of: node) where stamp[Int(next)] != round {
        stamp[Int(next)] = round
        queue.append(next)
        let index = Int(next)
        guard index < graph.taskCount, plan.tasks[index].isLeaf, !isWithin(index, task) else { continue }
        let row = schedule.tasks[index]
        guard row.status != .cancelled else { continue }
        count += 1
        if let deadline = row.deadline, nearest.map({ deadline < $0 }) ?? true { nearest = deadline }
      }
    }
    return (count, nearest)
  }

  /// Whether `index` is `ancestor` or below it.
  private func isWithin(_ index: Int, _ ancestor: Int) -> Bool {
    var current: Int? = index
    while let c = current {
      if c == ancestor { return true }
      current = plan.tasks[c].parent
    }
    return false
  }

  /// The words: "holds up 3 tasks, nearest deadline 2018-03-31" / "影响后续 3 项，最近截止 2018-03-31".
  static func words(_ blocks: (count: Int, nearestDeadline: Day?), _ language: Language) -> String? {
    guard blocks.count > 0 else { return nil }
    let deadline =
      blocks.nearestDeadline.map {
        language.pick(", nearest deadline ", "，最近截止 ") + $0.iso
      } ?? ""
    return language.pick(
      "holds up \(blocks.count) \(blocks.count == 1 ? "task" : "tasks")", "影响后续 \(blocks.count) 项") + deadline
  }
}
