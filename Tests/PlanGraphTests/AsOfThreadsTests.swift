import Foundation
import PropertyBased
import Testing

@testable import PlanGraph

/// The as-of pass on two threads (the forecast beside the critical paths, then the rows in two ranges
/// either side of a cut, each range counting its own leaves) gives the very schedule one thread gives, at
/// every cut: rows, counts, finish, critical paths, missed occurrences.
@Suite struct AsOfThreadsTests {
  /// `plan` scheduled as of `asOf` on one thread, then on two at every cut from 0 to the task count.
  private func expectEveryCutAgrees(
    _ plan: Plan, asOf: Day, window: Int = 30, step: Int = 1, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let scheduler = try Scheduler(plan: plan)
    let one = try scheduler.schedule(asOf: asOf, window: window, threads: .one)
    for cut in stride(from: 0, through: plan.tasks.count, by: step) {
      let two = try scheduler.schedule(asOf: asOf, window: window, threads: .two(cut: cut))
      #expect(two == one, "cut at \(cut)", sourceLocation: sourceLocation)
      #expect(two.counts == one.counts, "counts, cut at \(cut)", sourceLocation: sourceLocation)
      #expect(two.finish == one.finish, "finish, cut at \(cut)", sourceLocation: sourceLocation)
      #expect(two.criticalPaths == one.criticalPaths, "paths, cut at \(cut)", sourceLocation: sourceLocation)
    }
    // The public call (one thread below `AsOfThreads.minimumTasks`) agrees too.
    #expect(try scheduler.schedule(asOf: asOf, window: window) == one, sourceLocation: sourceLocation)
  }

  /// Random plans with nested summaries, done, active, blocked and cancelled tasks, targets and duties.
  @Test func randomPlansGiveTheSameScheduleAtEveryCut() async {
    await propertyCheck(count: 60, input: Gen.int(in: 0...10_000).array(of: 40...120)) { numbers in
      let (yaml, asOf, window) = StatusPropertyTests.randomPlan(numbers)
      guard let plan = PlanLoader.load(text: yaml).plan else {
        Issue.record("plan did not load")
        return
      }
      do {
        try expectEveryCutAgrees(plan, asOf: day(asOf), window: window)
      } catch {
        // A forecast past the calendar is thrown on either path alike.
        #expect(throws: Scheduler.Failure.self) {
          try Scheduler(plan: plan).schedule(asOf: day(asOf), window: window, threads: .two(cut: 1))
        }
      }
    }
  }

  /// The bundled plan (duties with missed occurrences, summaries, critical paths) at every cut, on dates
  /// through its year.
  @Test(arguments: ["2017-09-01", "2018-03-31", "2018-06-01", "2018-12-31"])
  func theBundledPlanGivesTheSameScheduleAtEveryCut(_ asOf: String) throws {
    try expectEveryCutAgrees(try ChengquPlanTests.plan(), asOf: day(asOf))
  }

  /// A generated plan of a few thousand tasks, cut every 97 tasks.
  @Test func aGeneratedPlanGivesTheSameScheduleAtManyCuts() throws {
    let bytes = PlanGenerator(taskCount: 3_000, seed: 11, dependencies: 1.5, format: .json).generate()
    let plan = try #require(PlanLoader.load(text: String(decoding: bytes, as: UTF8.self), path: "plan.json").plan)
    try expectEveryCutAgrees(plan, asOf: day("2021-06-30"), step: 97)
  }

  /// Which plans use a second thread: from `minimumTasks` on, cut in the middle; never on `.one`.
  @Test func theCutFollowsTheSize() {
    #expect(AsOfThreads.automatic.cut(taskCount: AsOfThreads.minimumTasks - 1) == nil)
    #expect(AsOfThreads.automatic.cut(taskCount: AsOfThreads.minimumTasks) == AsOfThreads.minimumTasks / 2)
    #expect(AsOfThreads.one.cut(taskCount: 1_000_000) == nil)
    #expect(AsOfThreads.two(cut: 5).cut(taskCount: 3) == 3)
    #expect(AsOfThreads.two(cut: -1).cut(taskCount: 3) == 0)
  }

  /// A leaf on a critical path has no slack and is not cancelled in its row: the paths, found from the plan
  /// schedule beside the forecast, agree with the rows made after it.
  @Test(arguments: ["2017-09-01", "2018-06-01"])
  func criticalPathsAgreeWithTheRows(_ asOf: String) throws {
    let plan = try ChengquPlanTests.plan()
    let schedule = try Scheduler(plan: plan).schedule(asOf: day(asOf), threads: .two(cut: plan.tasks.count / 3))
    #expect(!schedule.criticalPaths.isEmpty)
    for path in schedule.criticalPaths {
      for task in path {
        #expect(plan.tasks[task].isLeaf)
        #expect(schedule.tasks[task].isCritical, "\(plan.tasks[task].fullID)")
        #expect(schedule.tasks[task].status != .cancelled)
      }
    }
  }
}
