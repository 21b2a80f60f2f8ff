import Foundation
import Testing

@testable import PlanGraph

/// The scheduler's facts made by the loader beside the dependency graph (`PlanLoader.preparesSchedule`)
/// give the schedule the scheduler gives when it makes them itself; facts that do not fit the plan are
/// not used.
@Suite struct ScheduleFactsTests {
  /// A generated JSON plan of `taskCount` tasks in a fresh folder.
  private static func plan(taskCount: Int, seed: UInt64) throws -> String {
    let bytes = PlanGenerator(taskCount: taskCount, seed: seed, dependencies: 1.5, format: .json).generate()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("plan.json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  private static func load(_ path: String, preparing: Bool) -> PlanLoadResult {
    var loader = PlanLoader()
    loader.preparesSchedule = preparing
    return loader.load(path: path)
  }

  @Test(arguments: ["2021-03-01", "2021-06-30", "2022-01-01"])
  func aLargePlansPreparedFactsGiveTheSameSchedule(_ asOf: String) throws {
    let path = try Self.plan(taskCount: AsOfThreads.minimumTasks + 500, seed: 23)
    defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: path)) }
    var loaded = Self.load(path, preparing: true)
    let plan = try #require(loaded.plan)
    let taken = loaded.scheduleFacts.take()
    let facts = try #require(taken, "a plan this large has its facts made beside the graph")
    // Made from the very tasks of the plan the loader returned, so the scheduler takes them.
    #expect(facts.areFacts(of: plan.tasks))
    let asOfDay = day(asOf)
    let prepared = try Scheduler(plan: plan, facts: facts).schedule(asOf: asOfDay)
    let made = try Scheduler(plan: plan).schedule(asOf: asOfDay)
    #expect(prepared == made)
    // The plan is the one loaded without facts.
    #expect(Self.load(path, preparing: false).plan == plan)
  }

  @Test func aSmallPlanOrALoaderNotAskedGetsNoFacts() throws {
    let small = try Self.plan(taskCount: 500, seed: 3)
    defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: small)) }
    let loadedSmall = Self.load(small, preparing: true)
    #expect(loadedSmall.plan != nil && loadedSmall.scheduleFacts == nil)
    let large = try Self.plan(taskCount: AsOfThreads.minimumTasks, seed: 4)
    defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: large)) }
    let loadedLarge = Self.load(large, preparing: false)
    #expect(loadedLarge.plan != nil && loadedLarge.scheduleFacts == nil)
  }

  @Test func factsOfAnotherPlanAreNotUsed() throws {
    let bytes = PlanGenerator(taskCount: 800, seed: 9, dependencies: 1.5, format: .json).generate()
    let plan = try #require(PlanLoader.load(text: String(decoding: bytes, as: UTF8.self), path: "a.json").plan)
    let otherBytes = PlanGenerator(taskCount: 300, seed: 10, format: .json).generate()
    let other = try #require(PlanLoader.load(text: String(decoding: otherBytes, as: UTF8.self), path: "b.json").plan)
    let asOfDay = day("2021-06-30")
    let withOther = try Scheduler(plan: plan, facts: ScheduleFacts(tasks: other.tasks)).schedule(asOf: asOfDay)
    #expect(withOther == (try Scheduler(plan: plan).schedule(asOf: asOfDay)))
  }

  @Test func checkingALargePlanGivesTheScheduleOfItsPlan() throws {
    let path = try Self.plan(taskCount: AsOfThreads.minimumTasks + 1, seed: 31)
    defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: path)) }
    let asOfDay = day("2021-06-30")
    let check = PlanCheck(path: path, asOf: asOfDay, lint: false)
    let plan = try #require(check.plan)
    #expect(check.schedule == (try Scheduler(plan: plan).schedule(asOf: asOfDay)))
  }
}
