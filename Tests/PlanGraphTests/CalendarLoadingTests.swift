import PlanGraph
import Testing

/// `calendar:` in YAML and JSON, the warnings of plan-format v2 (implicit milestones, years the `cn`
/// calendar has no data for) and percentages as measured values.
@Suite struct CalendarLoadingTests {
  @Test func theThreeShapesOfCalendarInYAMLAndJSON() throws {
    let yaml = PlanLoader.load(
      text: """
        plan: P
        start: 2019-02-01
        calendar: { base: cn, holidays: [2019-06-03, 2019年6月], workdays: [2019-06-08] }
        tasks: []
        """)
    #expect(
      yaml.plan?.calendar
        == WorkCalendar(base: .cn, holidays: [day("2019-06-03"), day("2019-06-30")], workdays: [day("2019-06-08")]))
    let json = PlanLoader.load(
      text: #"{"plan": "P", "start": "2019-02-01", "calendar": {"holidays": ["2019-06-03"]}, "tasks": []}"#,
      path: "plan.json")
    #expect(json.plan?.calendar == WorkCalendar(base: .weekdays, holidays: [day("2019-06-03")]))
    let named = PlanLoader.load(text: #"{"plan": "P", "start": "2019-02-01", "calendar": "cn"}"#, path: "plan.json")
    #expect(named.plan?.calendar == .cn)
    #expect(PlanLoader.load(text: "plan: P\nstart: 2019-02-01\n").plan?.calendar == .weekdays)
  }

  @Test func aLeafWithNothingToTimeItIsAMilestoneAndCheckSaysSo() {
    let result = PlanLoader.load(
      text: header + """
          - { id: a, name: A }
          - { id: b, name: B, duration: 0d }
          - { id: c, name: C, done: 2017-09-05 }
          - { id: d, name: D, status: cancelled }
          - { id: e, name: E, target: { metric: M, op: ">=", value: 1 } }
          - { id: s, name: S, tasks: [{ id: f, name: F, duration: 1d }] }
          - { id: g, name: G, every: month }
        """)
    let warnings = result.diagnostics.filter { $0.code == .implicitMilestone }
    #expect(warnings.map(\.location.line) == [7])
    #expect(warnings.first?.message.contains("'a'") == true)
    #expect(result.plan?.tasks[0].isMilestone == true)
  }

  @Test func yearsWithoutChinasDataAreWarnedOncePerYear() throws {
    let s = try Scheduled(
      """
      plan: P
      start: 2026-06-01
      calendar: cn
      owner: org
      owners: [{ id: org, name: O }]
      tasks:
        - { id: a, name: A, duration: 400wd }
        - { id: b, name: B, duration: 1d, deadline: 2029-01-01 }
      """, asOf: "2026-06-01")
    let warnings = PlanLinter.warnings(for: s.plan, schedule: s.schedule).filter { $0.code == .calendarWithoutData }
    #expect(
      warnings.map(\.message).map { $0.contains("2027") || $0.contains("2028") || $0.contains("2029") } == [
        true, true, true,
      ])
    #expect(warnings.allSatisfy { $0.location.line == 3 })
    let weekdays = try Scheduled(header + "  - { id: a, name: A, duration: 4000d }\n")
    #expect(PlanLinter.warnings(for: weekdays.plan, schedule: weekdays.schedule).isEmpty)
  }

  @Test func aPercentageIsAMeasuredValueWhenTheTargetIsInPercent() throws {
    let result = PlanLoader.load(
      text: header + """
          - id: a
            name: A
            target: { metric: 覆盖率, op: ">=", value: 95, unit: "%" }
            measurements:
              - { date: 2017-12-31, value: 90.5% }
        """)
    #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
    #expect(result.plan?.tasks[0].measurements.first?.value == DecimalNumber("90.5"))
  }
}
