import PlanGraph
import Testing

/// What `check` reports beyond the loader: warnings that need the schedule, under the same cap, and
/// plans the scheduler refuses.
@Suite struct PlanCheckTests {
  private func check(_ yaml: String, asOf: String = "2018-01-01", strict: Bool = false) -> PlanCheck {
    PlanCheck(
      path: "plan.yaml", asOf: day(asOf), strict: strict,
      fileSystem: MemoryFileSystem(files: ["plan.yaml": Array(yaml.utf8)]))
  }

  @Test func scheduleWarningsAreCappedWithTheLoadersAndCounted() {
    let tasks = (0..<1_200).map { "  - { id: t\($0), name: T, duration: 10d, deadline: 2017-09-02 }" }
    let result = check(header + tasks.joined(separator: "\n") + "\n")
    #expect(result.isValid && result.plan != nil && result.schedule != nil)
    #expect(result.diagnostics.count == PlanLimits.maximumDiagnostics + 1)
    #expect(result.diagnostics.dropLast().allSatisfy { $0.code == .deadlineBeforeFinish })
    #expect(result.diagnostics.last?.code == .tooManyProblems)
    #expect(Diagnostic.counts(result.diagnostics) == OmittedProblems(errors: 0, warnings: 1_200))
    // The warnings point into the plan file, whose text comes with them for printing.
    #expect(result.sources["plan.yaml"] != nil)
    let strict = check(header + tasks.joined(separator: "\n") + "\n", strict: true)
    #expect(!strict.isValid)
    #expect(Diagnostic.counts(strict.diagnostics) == OmittedProblems(errors: 1_200, warnings: 0))
  }

  @Test func aPlanWhoseDatesRunPastTheCalendarIsInvalidAtTheTask() {
    let tasks = (0..<30).map {
      "  - { id: t\($0), name: T, duration: 100000d\($0 > 0 ? ", after: [t\($0 - 1)]" : "") }"
    }
    let result = check(header + tasks.joined(separator: "\n") + "\n")
    #expect(!result.isValid && result.plan == nil && result.schedule == nil)
    let error = result.diagnostics.first { $0.severity == .error }
    #expect(error?.code == .dateOutOfRange)
    #expect(error?.message == "the schedule of 't29' falls outside the years 1–9999")
    #expect(error?.location.line == 7 + 29)
    // Twenty-nine such tasks still fit.
    #expect(check(header + tasks.prefix(29).joined(separator: "\n") + "\n").isValid)
  }

  /// Past a billion days the passes store day numbers clamped, so the latest dates worked back from a
  /// clamped project end are shifted: the chain's first task, whose own dates are fine, would be named.
  @Test func aChainLongEnoughToBeClampedStillNamesTheFirstTaskPastTheCalendar() {
    let tasks = (0..<10_050).map {
      "  - { id: t\($0), name: T, duration: 100000d\($0 > 0 ? ", after: [t\($0 - 1)]" : "") }"
    }
    let result = check(header + tasks.joined(separator: "\n") + "\n")
    #expect(!result.isValid)
    let error = result.diagnostics.first { $0.severity == .error }
    #expect(error?.code == .dateOutOfRange)
    #expect(error?.message == "the schedule of 't29' falls outside the years 1–9999")
  }

  /// A thousand warnings fill the list before the scheduler's one error: the error is kept and shown,
  /// a warning left out in its place, or the planner would read 1,000 warnings and not why check failed.
  @Test func anErrorIsNeverTheOneLeftOutForWarnings() {
    let ownerless = (0..<1_100).map { "  - { id: w\($0), name: W, duration: 1d }" }
    let chain = (0..<30).map {
      "  - { id: t\($0), name: T, duration: 100000d\($0 > 0 ? ", after: [t\($0 - 1)]" : "") }"
    }
    let text = "plan: 满\nstart: 2017-09-01\ntasks:\n" + (ownerless + chain).joined(separator: "\n") + "\n"
    let result = check(text)
    #expect(!result.isValid)
    #expect(result.diagnostics.count == PlanLimits.maximumDiagnostics + 1)
    let error = result.diagnostics.first { $0.severity == .error && $0.code != .tooManyProblems }
    #expect(error?.message == "the schedule of 't29' falls outside the years 1–9999")
    #expect(result.diagnostics.last?.code == .tooManyProblems)
    // Every problem is still counted: 1,130 warnings and the error.
    #expect(Diagnostic.counts(result.diagnostics) == OmittedProblems(errors: 1, warnings: 1_130))
  }

  @Test func latestDatesBeforeTheYearOneAreRefusedToo() {
    // A deadline early in the chain's last task pulls every latest date back by the chain's length.
    let tasks = (0..<9).map {
      "  - { id: t\($0), name: T, duration: 100000d\($0 > 0 ? ", after: [t\($0 - 1)]" : "")\($0 == 8 ? ", deadline: 1900-01-01" : "") }"
    }
    let result = check(header + tasks.joined(separator: "\n") + "\n")
    #expect(result.diagnostics.contains { $0.code == .dateOutOfRange && $0.severity == .error })
  }
}
