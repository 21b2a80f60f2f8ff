import Testing

@testable import PlanGraph

/// What late tasks hold up, on random plans of nested summaries, references to summaries and from them,
/// cancelled tasks and deadlines, against the format's rules walked task by task with no graph at all.
@Suite struct DownstreamRandomPlanTests {
  /// A random plan: a tree of summaries and leaves, each `after` naming an earlier task (sometimes a
  /// summary, sometimes from a summary), some tasks cancelled, some deadlines.
  private static func plan(seed: UInt64, size: Int) -> String {
    var random = SplitMix(seed: seed &* 0x9E37_79B9_7F4A_7C15)
    var lines = [String(header.dropLast())]
    var ids: [String] = []  // full ids of the tasks written so far
    var index = 0
    func write(_ indent: Int, _ path: String) {
      while index < size {
        if indent > 0 && random.below(5) == 0 { return }  // close this summary
        let id = "t\(index)"
        let fullID = path.isEmpty ? id : path + "." + id
        index += 1
        let pad = String(repeating: "  ", count: indent + 1)
        let summary = indent < 3 && random.below(4) == 0
        lines.append("\(pad)- id: \(id)")
        lines.append("\(pad)  name: T")
        // Earlier tasks, never an ancestor (a task waiting for its own summary is a cycle).
        let earlier = ids.filter { !fullID.hasPrefix($0 + ".") }
        if !earlier.isEmpty && random.below(3) == 0 {
          let targets = (0..<1 + random.below(3)).map { _ in earlier[random.below(earlier.count)] }
          lines.append("\(pad)  after: [\(Set(targets).sorted().joined(separator: ", "))]")
        }
        if random.below(12) == 0 { lines.append("\(pad)  status: cancelled") }
        if random.below(4) == 0 {
          lines.append("\(pad)  deadline: 2018-0\(1 + random.below(9))-1\(random.below(10))")
        }
        ids.append(fullID)
        guard summary else {
          lines.append("\(pad)  duration: \(1 + random.below(9))d")
          continue
        }
        lines.append("\(pad)  tasks:")
        let before = index
        write(indent + 1, fullID)
        if index == before {
          // A summary needs a child: a leaf.
          lines.append("\(pad)    - { id: t\(index), name: L, duration: 2d }")
          ids.append(fullID + ".t\(index)")
          index += 1
        }
      }
    }
    write(0, "")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The format's rules, task by task: what finishing `task` lets go. A task's summary finishes once its
  /// leaves have; a task naming a task (or its summary) in `after` waits for it, and a summary's `after`
  /// holds every task under it.
  private static func reference(_ plan: Plan, _ schedule: Schedule, _ task: Int) -> (Int, Day?) {
    let tasks = plan.tasks
    var waiting = [[Int]](repeating: [], count: tasks.count)
    for (i, t) in tasks.enumerated() { for a in t.after { waiting[a].append(i) } }
    var under = [[Int]](repeating: [], count: tasks.count)
    for (i, t) in tasks.enumerated() {
      var p = t.parent
      while let q = p {
        under[q].append(i)
        p = tasks[q].parent
      }
    }
    var seen = Set([task])
    var queue = [task]
    while let t = queue.popLast() {
      var next = waiting[t].flatMap { [$0] + under[$0] }
      if let parent = tasks[t].parent { next.append(parent) }
      for n in next where seen.insert(n).inserted { queue.append(n) }
    }
    let own = Set([task] + under[task])
    let counted = seen.filter {
      !own.contains($0) && tasks[$0].isLeaf && schedule.tasks[$0].status != .cancelled
    }
    return (counted.count, counted.compactMap { schedule.tasks[$0].deadline }.min())
  }

  @Test(arguments: 1...12)
  func sweepsAgreeWithTheRulesWalkedTaskByTask(_ seed: Int) throws {
    let text = Self.plan(seed: UInt64(seed), size: 60 + 40 * seed)
    let result = PlanLoader.load(text: text)
    // A random plan may wait for itself through its summaries: those are the loader's to refuse.
    guard let plan = result.plan else {
      #expect(result.diagnostics.contains { $0.code == .dependencyCycle }, "\(result.diagnostics.map(\.message))")
      return
    }
    let schedule = try Scheduler(plan: plan).schedule(asOf: Day(ordinal: 17_600))
    let all = Array(plan.tasks.indices)
    var downstream = Downstream(plan: plan, schedule: schedule, tasks: all.filter { $0 % 3 != 0 })
    var mismatches: [String] = []
    for task in all {
      let (count, nearest) = Self.reference(plan, schedule, task)
      let found = downstream.blocks(of: task)
      if found.count != count || found.nearestDeadline != nearest {
        mismatches.append("\(plan.tasks[task].fullID): \(found) != \((count, nearest))")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))\n\(text)")
  }
}
