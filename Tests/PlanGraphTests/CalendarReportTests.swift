import PlanGraph
import Testing

/// Where a plan's calendar and its durations show: the reports say which calendar a plan that needs one
/// uses, and durations print as written.
@Suite struct CalendarReportTests {
  static let yaml =
    WorkingDaySchedulingTests.header("calendar: cn") + """
        - { id: a, name: 审批, duration: 15个工作日 }
        - { id: b, name: 公示, duration: 2w, after: [a] }
      """

  @Test func theScheduleAndTheHTMLReportSayWhichCalendar() throws {
    let s = try Scheduled(Self.yaml, asOf: "2019-02-01")
    let zh = ScheduleReport(plan: s.plan, schedule: s.schedule, language: .zh)
    #expect(zh.table(width: 120, style: .plain).contains("工作日：国家法定节假日安排（含调休，2004–2026 年）"))
    #expect(zh.markdown().contains("国家法定节假日安排"))
    let en = HTMLReport(plan: s.plan, schedule: s.schedule, language: .en).html()
    #expect(
      en.contains("working days: China&#39;s official calendar")
        || en.contains("working days: China's official calendar"))
    // A plan on calendar days says nothing about working days.
    let plain = try Scheduled(header + "  - { id: a, name: A, duration: 3d }\n")
    #expect(!plain.plan.showsCalendar)
    #expect(
      !ScheduleReport(plan: plain.plan, schedule: plain.schedule, language: .zh).table(width: 120, style: .plain)
        .contains("工作日"))
  }

  @Test func durationsPrintAsWrittenAndMermaidSpansTheWorkingDays() throws {
    let s = try Scheduled(Self.yaml, asOf: "2019-02-01")
    #expect(s.plan.tasks.map { $0.duration?.description } == ["15个工作日", "2w"])
    let mermaid = MermaidExport(plan: s.plan, schedule: s.schedule, language: .zh).markdown()
    // 15 working days from 2019-02-01 end on the 26th: 26 calendar days.
    #expect(mermaid.contains("2019-02-01, 26d"))
    let local = WorkCalendar(base: .weekdays, holidays: [day("2019-06-03")], workdays: [])
    #expect(local.label(.en) == "working days: Monday to Friday, with 1 local holiday and 0 extra working days")
  }
}
