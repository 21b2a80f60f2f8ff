/// What a late task holds up: the tasks that wait for it, directly or through others, and the nearest
/// deadline among them. For the supervisors' report ("影响后续 3 项，最近截止 2018-03-31").
///
/// Counting the distinct tasks downstream of many tasks is not a sum over successors (two paths may
/// meet again), so instead of one walk per task, the tasks asked about share sweeps of the plan's graph
/// in topological order, 256 neighbours in output order to a sweep: each node the sweep's tasks reach
/// carries one bit per task saying which of them it waits for, the OR of its predecessors' bits, and
/// each countable leaf adds itself to the tasks whose bits it has. Neighbours mostly hold up the same
/// tasks, so a sweep covers little more than what one of them reaches.
struct Downstream {
  /// Tasks to a sweep: the bits of one `SIMD4<UInt64>` per node.
  static let lanes = 256

  private let graph: DependencyGraph
  /// Per task: a non-cancelled leaf, counted when reached.
  private let countable: [Bool]
  /// Per task: its effective deadline as a day number, `Int32.max` for none.
  private let deadline: [Int32]
  /// Per task: one past the last task of its subtree (tasks are in output order, subtrees contiguous).
  private let subtreeEnd: [Int32]
  private let isDuty: [Bool]
  /// Per node: its place in the graph's topological order.
  private let position: [Int32]
  /// The tasks worked out so far: how many leaves each holds up, and the nearest deadline (`Int32.max`).
  private var found: [Int: (count: Int, nearest: Int32)] = [:]

  /// Reads what the sweeps need into flat arrays once, then works out, in shared sweeps, every task the
  /// supervisors' list can hold: those overdue, at risk, due soon or blocked, by their shown or own status.
  init(plan: Plan, schedule: Schedule) {
    self.init(plan: plan, schedule: schedule, tasks: Self.listable(plan: plan, schedule: schedule))
  }

  /// Reads what the sweeps need into flat arrays once, then works out `tasks` in shared sweeps.
  init(plan: Plan, schedule: Schedule, tasks: [Int]) {
    graph = plan.dependencyGraph
    let n = plan.tasks.count
    var countable = [Bool](repeating: false, count: n)
    var deadline = [Int32](repeating: .max, count: n)
    var subtreeEnd = (0..<n).map { Int32($0 + 1) }
    var isDuty = [Bool](repeating: false, count: n)
    var parent = [Int32](repeating: -1, count: n)
    // By index: a copy of each `PlanTask` or `TaskSchedule` costs a retain and a release per task.
    let planTasks = plan.tasks
    let rows = schedule.tasks
    for i in planTasks.indices {
      countable[i] = planTasks[i].isLeaf && rows[i].status != .cancelled
      if let day = rows[i].deadline { deadline[i] = Int32(clamping: day.ordinal) }
      isDuty[i] = planTasks[i].isDuty
      parent[i] = Int32(planTasks[i].parent ?? -1)
    }
    for i in stride(from: n - 1, through: 0, by: -1) where parent[i] >= 0 {
      subtreeEnd[Int(parent[i])] = max(subtreeEnd[Int(parent[i])], subtreeEnd[i])
    }
    var position = [Int32](repeating: 0, count: graph.nodeCount)
    for (place, node) in graph.order.enumerated() { position[Int(node)] = Int32(place) }
    self.countable = countable
    self.deadline = deadline
    self.subtreeEnd = subtreeEnd
    self.isDuty = isDuty
    self.position = position
    work(tasks)
  }

  /// The tasks the supervisors' list can hold (`OverdueList`), duties aside.
  private static func listable(plan: Plan, schedule: Schedule) -> [Int] {
    let listed: Set<ScheduleStatus> = [.overdue, .atRisk, .dueSoon, .blocked]
    return plan.tasks.indices.filter { i in
      !plan.tasks[i].isDuty
        && (listed.contains(schedule.tasks[i].status) || listed.contains(schedule.tasks[i].ownStatus))
    }
  }

  /// The non-cancelled leaves that wait for `task` (a leaf or a summary; its own leaves excluded) and
  /// the earliest effective deadline among them; a task not worked out yet gets a sweep of its own.
  mutating func blocks(of task: Int) -> (count: Int, nearestDeadline: Day?) {
    guard task >= 0, task < graph.taskCount, !isDuty[task] else { return (0, nil) }
    if found[task] == nil { work([task]) }
    guard let (count, nearest) = found[task] else { return (0, nil) }
    return (count, nearest == .max ? nil : Day(ordinal: Int(nearest)))
  }

  /// Works out `tasks` not yet found, `lanes` to a sweep. Tasks near each other in output order mostly
  /// hold up the same tasks, so each sweep takes neighbours and covers only what they reach.
  private mutating func work(_ tasks: [Int]) {
    let sources = Set(tasks.filter { $0 >= 0 && $0 < graph.taskCount && !isDuty[$0] && found[$0] == nil }).sorted()
    guard !sources.isEmpty else { return }
    var bits = [SIMD4<UInt64>](repeating: .zero, count: graph.nodeCount)
    var lane = [Int16](repeating: -1, count: graph.nodeCount)
    var stamp = [Int32](repeating: 0, count: graph.nodeCount)
    var round: Int32 = 0
    var chunkStart = 0
    while chunkStart < sources.count {
      let chunk = Array(sources[chunkStart..<min(sources.count, chunkStart + Self.lanes)])
      chunkStart += chunk.count
      round += 1
      let region = reached(from: chunk, stamp: &stamp, round: round)
      for (j, task) in chunk.enumerated() { lane[task] = Int16(j) }
      let (counts, nearest) = sweep(region, chunk: chunk, lane: lane, bits: &bits)
      for (j, task) in chunk.enumerated() {
        lane[task] = -1
        found[task] = (Int(counts[j]), nearest[j])
      }
      // Every bit is zero again outside the next sweep's region.
      for node in region { bits[Int(node)] = .zero }
    }
  }

  /// The nodes `chunk` reaches (its own nodes included), in topological order: a breadth-first walk of
  /// successors from all of them at once, then sorted by place in the graph's order.
  private func reached(from chunk: [Int], stamp: inout [Int32], round: Int32) -> [Int32] {
    var region: [Int32] = []
    for task in chunk where stamp[task] != round {
      stamp[task] = round
      region.append(Int32(task))
    }
    var head = 0
    graph.successorStart.withUnsafeBufferPointer { successorStart in
      graph.successors.withUnsafeBufferPointer { successors in
        while head < region.count {
          let node = Int(region[head])
          head += 1
          for slot in Int(successorStart[node])..<Int(successorStart[node + 1]) {
            let next = successors[slot]
            if stamp[Int(next)] != round {
              stamp[Int(next)] = round
              region.append(next)
            }
          }
        }
      }
    }
    position.withUnsafeBufferPointer { position in
      region.sort { position[Int($0)] < position[Int($1)] }
    }
    return region
  }

  /// One sweep over `region` in topological order: each node's bits are the OR of its predecessors'
  /// (those outside the region have none); a countable leaf outside a task's own subtree counts for each
  /// task whose bit it has; a task of the chunk then sets its own bit for the nodes after it.
  private func sweep(
    _ region: [Int32], chunk: [Int], lane: [Int16], bits: inout [SIMD4<UInt64>]
  ) -> ([Int32], [Int32]) {
    var counts = [Int32](repeating: 0, count: chunk.count)
    var nearest = [Int32](repeating: .max, count: chunk.count)
    let taskCount = graph.taskCount
    let ownEnd = chunk.map { subtreeEnd[$0] }
    graph.predecessorStart.withUnsafeBufferPointer { predecessorStart in
      graph.predecessors.withUnsafeBufferPointer { predecessors in
        countable.withUnsafeBufferPointer { countable in
          bits.withUnsafeMutableBufferPointer { bits in
            for node32 in region {
              let node = Int(node32)
              var reached = SIMD4<UInt64>.zero
              for slot in Int(predecessorStart[node])..<Int(predecessorStart[node + 1]) {
                reached |= bits[Int(predecessors[slot])]
              }
              if node < taskCount, countable[node], reached != .zero {
                let day = deadline[node]
                for word in 0..<4 {
                  var set = reached[word]
                  while set != 0 {
                    let j = word * 64 + set.trailingZeroBitCount
                    set &= set - 1
                    // A task's own leaves do not count (an acyclic graph never reaches them anyway).
                    guard node < chunk[j] || node >= Int(ownEnd[j]) else { continue }
                    counts[j] += 1
                    nearest[j] = min(nearest[j], day)
                  }
                }
              }
              if node < taskCount, lane[node] >= 0 {
                let j = Int(lane[node])
                reached[j / 64] |= 1 << UInt64(j % 64)
              }
              bits[node] = reached
            }
          }
        }
      }
    }
    return (counts, nearest)
  }

  /// The words: "holds up 3 tasks, nearest deadline 2018-03-31" / "影响后续 3 项，最近截止 2018-03-31".
  static func words(_ blocks: (count: Int, nearestDeadline: Day?), _ language: Language) -> String? {
    guard blocks.count > 0 else { return nil }
    let words = language.words
    return words.report.holdsUp(blocks.count) + (blocks.nearestDeadline.map(words.report.nearestDeadline) ?? "")
  }
}
