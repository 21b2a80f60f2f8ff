import PlanGraph
import PlanGraphviz
import Testing

/// The Gantt chart of a working-day plan shades weekends and holidays and marks make-up working days;
/// a plan on calendar days is drawn as before.
@Suite struct WorkingDayGanttTests {
  static let yaml = """
    plan: 春节前后
    start: 2019-01-21
    calendar: cn
    owner: org
    owners: [{ id: org, name: 审批局 }]
    tasks:
      - { id: a, name: 受理, duration: 5个工作日 }
      - { id: b, name: 审查, duration: 10个工作日, after: [a] }
    """

  func dot(_ text: String) throws -> String {
    let (plan, schedule) = try #require(TestPlans.load(text: text, asOf: TestPlans.day("2019-02-01")))
    return DOTEncoder().encode(
      Chart(.gantt, plan: plan, schedule: schedule, options: ChartOptions(language: .zh)).graph)
  }

  @Test func weekendsHolidaysAndMakeUpDaysAreDrawn() throws {
    let text = try dot(Self.yaml)
    // The tint of non-working days, and the two weekend days worked before the 2019 Spring Festival.
    #expect(text.contains("#EEF2F7"))
    #expect(text.components(separatedBy: "调休上班 2019-02-02").count == 2)
    #expect(text.components(separatedBy: "调休上班 2019-02-03").count == 2)
    #expect(!text.contains("调休上班 2019-01-26"), "an ordinary Saturday is not a working day")
    #expect(text.contains("休息日"))
  }

  @Test func aPlanOnCalendarDaysIsNotShaded() throws {
    let text = try dot(Self.yaml.replacingOccurrences(of: "个工作日", with: "天"))
    #expect(!text.contains("#EEF2F7") && !text.contains("休息日"))
  }
}
