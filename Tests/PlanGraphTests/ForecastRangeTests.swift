import PlanGraph
import Testing

/// The forecast obeys the schedule's calendar, years 1–9999, as the plan schedule does: a chain that fits
/// from the plan start but not from a late as-of date is an error at the first task past 9999-12-31.
@Suite struct ForecastRangeTests {
  /// 21 tasks of 100,000 working days (about 383 years each) in a chain from 1900-01-01: the plan
  /// schedule ends in 9949, but from an as-of date in 2200 the last one would end in 10250.
  static let yaml: String = {
    var text = "plan: 远\nstart: 1900-01-01\nowner: o\nowners: [{ id: o, name: 办 }]\ntasks:\n"
    for i in 1...21 {
      text += "  - { id: t\(i), name: T\(i), duration: 100000wd\(i > 1 ? ", after: [t\(i - 1)]" : "") }\n"
    }
    return text
  }()

  @Test func aForecastAfterTheYear9999IsAnErrorAtItsTask() throws {
    let plan = try #require(PlanLoader.load(text: Self.yaml).plan)
    let scheduler = try Scheduler(plan: plan)
    let late = day("2200-12-31")
    #expect(throws: Scheduler.Failure.forecastOutOfRange(task: 20, asOf: late)) {
      try scheduler.schedule(asOf: late)
    }
    let diagnostic = Scheduler.Failure.forecastOutOfRange(task: 20, asOf: late).diagnostic(in: plan)
    #expect(diagnostic.severity == .error && diagnostic.code == .dateOutOfRange)
    #expect(diagnostic.message == "the forecast of 't21' as of 2200-12-31 falls after the year 9999")
    #expect(diagnostic.location.line == 26)
  }

  @Test func theSameChainForecastFromItsStartStaysInRange() throws {
    let plan = try #require(PlanLoader.load(text: Self.yaml).plan)
    let schedule = try Scheduler(plan: plan).schedule(asOf: day("1900-01-01"))
    let last = try #require(schedule.tasks.last?.forecastFinish)
    #expect(last.year == 9949)
  }

  @Test func checkReportsItWithTheLoadersDiagnostics() {
    let check = PlanCheck(
      path: "plan.yaml", asOf: day("2200-12-31"),
      fileSystem: MemoryFileSystem(files: ["plan.yaml": Array(Self.yaml.utf8)]))
    #expect(!check.isValid && check.plan == nil && check.schedule == nil)
    #expect(check.diagnostics.contains { $0.code == .dateOutOfRange && $0.message.contains("'t21'") })
  }
}
