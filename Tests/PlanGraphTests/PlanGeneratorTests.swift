import Foundation
import PlanGraph
import Testing

/// Generated plans are deterministic, valid, and the same plan in YAML and JSON.
@Suite struct PlanGeneratorTests {
  @Test func theSameArgumentsGiveTheSameBytes() {
    let a = PlanGenerator(taskCount: 3_000, seed: 42, dependencies: 1.5).generate()
    let b = PlanGenerator(taskCount: 3_000, seed: 42, dependencies: 1.5).generate()
    let c = PlanGenerator(taskCount: 3_000, seed: 43, dependencies: 1.5).generate()
    #expect(a == b)
    #expect(a != c)
  }

  @Test(arguments: PlanGenerator.Format.allCases)
  func theBytesAreTheRecordedOnes(_ format: PlanGenerator.Format) throws {
    // A small plan with summaries, chains, cross-links, deadlines, done dates and a duty, compared whole:
    // benchmarks and bug reports name plans by their arguments. Re-record (PLANGRAPH_RECORD=1) only
    // for a deliberate change of the generator.
    let bytes = PlanGenerator(taskCount: 150, seed: 7, dependencies: 1.5, format: format).generate()
    let url = URL(fileURLWithPath: Fixtures.path("generated/plan-150-seed-7." + format.rawValue))
    if ProcessInfo.processInfo.environment["PLANGRAPH_RECORD"] == "1" { try Data(bytes).write(to: url) }
    let recorded = try Data(contentsOf: url)
    #expect(Array(recorded) == bytes, "the generated \(format.rawValue) differs from \(url.lastPathComponent)")
  }

  @Test(arguments: [0, 1, 7, 1_000, 5_000])
  func generatedPlansAreValidWithExactlyTheTasksAskedFor(_ count: Int) throws {
    for format in PlanGenerator.Format.allCases {
      let bytes = PlanGenerator(taskCount: count, seed: 3, format: format).generate()
      let path = format == .json ? "plan.json" : "plan.yaml"
      let result = PlanLoader(fileSystem: MemoryFileSystem(files: [path: bytes])).load(path: path)
      #expect(!result.hasErrors, "\(result.diagnostics.prefix(3).map(\.message))")
      let plan = try #require(result.plan)
      #expect(plan.tasks.count == count)
    }
  }

  @Test func yamlAndJSONDescribeTheSamePlan() throws {
    func load(_ format: PlanGenerator.Format) throws -> Plan {
      let path = format == .json ? "plan.json" : "plan.yaml"
      let bytes = PlanGenerator(taskCount: 2_000, seed: 9, format: format).generate()
      return try #require(PlanLoader(fileSystem: MemoryFileSystem(files: [path: bytes])).load(path: path).plan)
    }
    let yaml = try load(.yaml)
    let json = try load(.json)
    #expect(yaml.tasks.map(\.fullID) == json.tasks.map(\.fullID))
    #expect(yaml.tasks.map(\.after) == json.tasks.map(\.after))
    #expect(yaml.tasks.map(\.deadline) == json.tasks.map(\.deadline))
    #expect(yaml.tasks.map(\.doneDate) == json.tasks.map(\.doneDate))
    #expect(yaml.owners.map(\.id) == json.owners.map(\.id))
  }

  @Test func generatedPlansLookLikeRealOnes() throws {
    let bytes = PlanGenerator(taskCount: 20_000, seed: 1).generate()
    let plan = try #require(
      PlanLoader(fileSystem: MemoryFileSystem(files: ["p.yaml": bytes])).load(path: "p.yaml").plan)
    let leaves = plan.tasks.filter(\.isLeaf)
    let withDeadline = leaves.filter { $0.deadline != nil }.count
    let done = leaves.filter { $0.status == .done }.count
    #expect(Double(withDeadline) / Double(leaves.count) > 0.08 && Double(withDeadline) / Double(leaves.count) < 0.12)
    #expect(Double(done) / Double(leaves.count) > 0.12 && Double(done) / Double(leaves.count) < 0.3)
    #expect(plan.tasks.contains { $0.isDuty })
    #expect(plan.tasks.filter(\.isSummary).count > 500)
    let schedule = try Scheduler(plan: plan).schedule(asOf: day("2021-01-01"))
    // A span of years, not decades.
    let years = (schedule.finish?.year ?? 0) - 2020
    #expect(years >= 2 && years <= 10)
  }
}
