/// What a late task holds up: the tasks that wait for it, directly or through others, and the nearest
/// deadline among them. For the supervisors' report ("影响后续 3 项，最近截止 2018-03-31").
struct Downstream {
  private let graph: DependencyGraph
  /// Per task: a non-cancelled leaf, counted when reached.
  private let countable: [Bool]
  /// Per task: its effective deadline as a day number, `Int32.max` for none.
  private let deadline: [Int32]
  /// Per task: one past the last task of its subtree (tasks are in output order, subtrees contiguous).
  private let subtreeEnd: [Int32]
  private let isDuty: [Bool]
  private var stamp: [Int32]
  private var round: Int32 = 0

  /// Reads what the walks need into flat arrays once, so that a walk touches no task or row value.
  init(plan: Plan, schedule: Schedule) {
    graph = DependencyGraph(tasks: plan.tasks)
    let n = plan.tasks.count
    var countable = [Bool](repeating: false, count: n)
    var deadline = [Int32](repeating: .max, count: n)
    var subtreeEnd = (0..<n).map { Int32($0 + 1) }
    var isDuty = [Bool](repeating: false, count: n)
    var parent = [Int32](repeating: -1, count: n)
    for (i, task) in plan.tasks.enumerated() {
      let row = schedule.tasks[i]
      countable[i] = task.isLeaf && row.status != .cancelled
      if let day = row.deadline { deadline[i] = Int32(clamping: day.ordinal) }
      isDuty[i] = task.isDuty
      parent[i] = Int32(task.parent ?? -1)
    }
    for i in stride(from: n - 1, through: 0, by: -1) where parent[i] >= 0 {
      subtreeEnd[Int(parent[i])] = max(subtreeEnd[Int(parent[i])], subtreeEnd[i])
    }
    self.countable = countable
    self.deadline = deadline
    self.subtreeEnd = subtreeEnd
    self.isDuty = isDuty
    stamp = [Int32](repeating: 0, count: graph.nodeCount)
  }

  /// The non-cancelled leaves that wait for `task` (a leaf or a summary; its own leaves excluded) and
  /// the earliest effective deadline among them. Iterative: a breadth-first walk of successors.
  mutating func blocks(of task: Int) -> (count: Int, nearestDeadline: Day?) {
    guard task < graph.taskCount, !isDuty[task] else { return (0, nil) }
    round += 1
    var queue = [Int32(task)]
    stamp[task] = round
    var count = 0
    var nearest = Int32.max
    var head = 0
    let ownEnd = Int(subtreeEnd[task])
    while head < queue.count {
      let node = Int(queue[head])
      head += 1
      for next in graph.successors(of: node) where stamp[Int(next)] != round {
        stamp[Int(next)] = round
        queue.append(next)
        let index = Int(next)
        // Its own subtree is task ..< subtreeEnd[task].
        guard index < graph.taskCount, countable[index], index < task || index >= ownEnd else { continue }
        count += 1
        nearest = min(nearest, deadline[index])
      }
    }
    return (count, nearest == .max ? nil : Day(ordinal: Int(nearest)))
  }

  /// The words: "holds up 3 tasks, nearest deadline 2018-03-31" / "影响后续 3 项，最近截止 2018-03-31".
  static func words(_ blocks: (count: Int, nearestDeadline: Day?), _ language: Language) -> String? {
    guard blocks.count > 0 else { return nil }
    let words = language.words
    return words.report.holdsUp(blocks.count) + (blocks.nearestDeadline.map(words.report.nearestDeadline) ?? "")
  }
}
