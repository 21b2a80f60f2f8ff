import PlanGraph
import Testing

/// A duty whose `until` is before its `from` has no occurrences: a warning at `until`, and no current
/// occurrence, so it is never due soon and no report lists it.
@Suite struct EmptyDutyTests {
  static let plan =
    header + """
        - { id: q, name: 季度会, every: quarter, from: 2017-09-20, until: 2017-09-10 }
        - { id: w, name: 周报, every: week, until: 2017-08-01 }
        - { id: ok, name: 月报, every: month, from: 2017-09-20 }

      """

  @Test func untilBeforeFromIsAWarningAtUntil() {
    let result = PlanLoader.load(text: Self.plan)
    let warnings = result.diagnostics.filter { $0.code == .emptyDuty }
    #expect(warnings.allSatisfy { $0.severity == .warning })
    #expect(warnings.map(\.location.line) == [7, 8])
    #expect(warnings.map(\.location.column) == [66, 44])
    #expect(
      warnings.first?.message == "'until' (2017-09-10) is before 'from' (2017-09-20): the duty has no occurrences")
    #expect(
      warnings.last?.message
        == "'until' (2017-08-01) is before the plan start 2017-09-01: the duty has no occurrences")
    // A duty whose first period holds the as-of date but whose `from` is later is fine.
    #expect(result.plan != nil && warnings.count == 2)
  }

  @Test func anEmptyDutyHasNoCurrentOccurrenceAndIsNeverDueSoon() throws {
    // As of 2017-09-15, the quarter 07-01…09-30 overlaps [09-20, 09-10] at both ends: it used to be due soon.
    let s = try Scheduled(Self.plan, asOf: "2017-09-15")
    let q = try s.row("q")
    #expect(q.status == .onTrack && q.deadline == nil)
    #expect(q.occurrences?.total == 0 && q.occurrences?.due == 0)
    #expect(try s.row("w").status == .onTrack)
    // The non-empty duty starting later in this month is still due soon on 09-30.
    let ok = try s.row("ok")
    #expect(ok.status == .dueSoon && ok.deadline == day("2017-09-30"))
    let listed = OverdueList(plan: s.plan, schedule: s.schedule).items.map { s.plan.tasks[$0.task].id }
    #expect(listed == ["ok"])
  }
}
