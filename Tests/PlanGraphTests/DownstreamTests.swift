import Testing

@testable import PlanGraph

/// What late tasks hold up, worked out in shared sweeps of the plan's one graph: the same counts and
/// deadlines as a walk from each task on its own.
@Suite struct DownstreamTests {
  /// Two paths that meet again count the task where they meet once: a sum over successors gives 4.
  @Test func aTaskReachedTwoWaysCountsOnce() throws {
    let s = try Scheduled(
      header + """
          - { id: a, name: A, duration: 2d }
          - { id: b, name: B, duration: 2d, after: [a], deadline: 2017-12-31 }
          - { id: c, name: C, duration: 2d, after: [a], deadline: 2017-11-30 }
          - { id: d, name: D, duration: 2d, after: [b, c], deadline: 2017-10-31 }
        """)
    var downstream = Downstream(plan: s.plan, schedule: s.schedule, tasks: [0, 1, 2, 3])
    let a = downstream.blocks(of: 0)
    #expect(a.count == 3 && a.nearestDeadline == day("2017-10-31"))
    #expect(downstream.blocks(of: 1).count == 1)
    #expect(downstream.blocks(of: 3).count == 0 && downstream.blocks(of: 3).nearestDeadline == nil)
  }

  /// A summary does not hold up its own leaves, only what waits for it.
  @Test func aSummaryHoldsUpWhatWaitsForItNotItsOwnLeaves() throws {
    let s = try Scheduled(
      header + """
          - id: g
            name: 组
            tasks:
              - { id: x, name: X, duration: 2d }
              - { id: y, name: Y, duration: 2d, after: [x] }
          - { id: z, name: Z, duration: 2d, after: [g], deadline: 2017-12-01 }
        """)
    var downstream = Downstream(plan: s.plan, schedule: s.schedule)
    let g = try #require(s.plan.taskIndex("g"))
    let blocks = downstream.blocks(of: g)
    #expect(blocks.count == 1 && blocks.nearestDeadline == day("2017-12-01"))
    // x holds up y and, through its summary, z.
    #expect(downstream.blocks(of: try #require(s.plan.taskIndex("g.x"))).count == 2)
  }

  /// Thousands of tasks asked about at once (many sweeps of 256) against a breadth-first walk from each.
  @Test func sharedSweepsAgreeWithAWalkFromEachTask() throws {
    let text = String(decoding: PlanGenerator(taskCount: 3_000, seed: 7, format: .yaml).generate(), as: UTF8.self)
    let plan = try #require(PlanLoader.load(text: text).plan)
    let schedule = try Scheduler(plan: plan).schedule(asOf: Day(ordinal: 18_800))
    let asked = plan.tasks.indices.filter { !plan.tasks[$0].isDuty }
    #expect(asked.count > 4 * Downstream.lanes)
    var downstream = Downstream(plan: plan, schedule: schedule, tasks: asked.reversed())
    let graph = plan.dependencyGraph
    var mismatches = 0
    var sawOverlap = false
    for task in asked {
      // The reference: every node reached from the task, counted once.
      var seen = Set([task])
      var queue = [task]
      var count = 0
      var nearest: Day?
      var sumOfSuccessors = 0
      while let node = queue.popLast() {
        for next in graph.successors(of: node) where seen.insert(Int(next)).inserted {
          queue.append(Int(next))
          let index = Int(next)
          guard index < plan.tasks.count, plan.tasks[index].isLeaf, schedule.tasks[index].status != .cancelled
          else { continue }
          count += 1
          if let due = schedule.tasks[index].deadline { nearest = min(nearest ?? due, due) }
        }
      }
      for next in graph.successors(of: task) { sumOfSuccessors += Int(next) < plan.tasks.count ? 1 : 0 }
      if count > 0 && sumOfSuccessors > 1 { sawOverlap = true }
      let blocks = downstream.blocks(of: task)
      if blocks.count != count || blocks.nearestDeadline != nearest { mismatches += 1 }
    }
    #expect(mismatches == 0)
    #expect(sawOverlap)
  }

  /// The loader hands on the graph it built for the cycle check; changed tasks drop it.
  @Test func theLoadersGraphIsKeptUntilTheTasksChange() throws {
    let s = try Scheduled(
      header + """
          - { id: a, name: A, duration: 2d }
          - { id: b, name: B, duration: 2d, after: [a] }
        """)
    var plan = s.plan
    #expect(plan.builtGraph.graph != nil)
    #expect(plan.dependencyGraph.predecessors(of: 1) == [0])
    let loaded = plan
    plan.tasks[1].after = []
    #expect(plan.builtGraph.graph == nil)
    #expect(plan.dependencyGraph.predecessors(of: 1).isEmpty)
    // The graph takes no part in equality: the same tasks are the same plan, graph kept or not.
    plan.tasks[1].after = [0]
    #expect(plan == loaded)
  }
}
