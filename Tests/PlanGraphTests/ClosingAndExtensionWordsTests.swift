import PlanGraph
import Testing

/// What the progress commands record shows in the reports: 已销号 for a verified closing (not 已完成),
/// and 已延期 with the original deadline for an extended one, in the table, the Markdown and the CSV.
@Suite struct ClosingAndExtensionWordsTests {
  static let plan = """
    plan: 销号与延期
    start: 2018-01-01
    owners: [{ id: o, name: 办公室 }]
    owner: o
    tasks:
      - { id: closed, name: 设立办公室, duration: 5d, done: 2018-01-10, evidence: 城团发〔2018〕1号, verified-by: 李四 }
      - { id: plain, name: 制定细则, duration: 5d, done: 2018-01-10 }
      - id: moved
        name: 配备干部
        duration: 60d
        deadline: 2018-06-30
        extensions:
          - { from: 2018-01-31, to: 2018-06-30, on: 2018-01-20, reason: 编制未批, approved-by: 区委办 }
    """

  @Test func theScheduleSaysClosedAndExtendedInEveryFormat() throws {
    let s = try Scheduled(Self.plan, asOf: "2018-02-01")
    let report = ScheduleReport(plan: s.plan, schedule: s.schedule, language: .zh)
    let table = report.table(width: 200, style: .plain)
    let lines = table.split(separator: "\n")
    #expect(lines.contains { $0.contains("设立办公室") && $0.contains("已销号") })
    #expect(lines.contains { $0.contains("制定细则") && $0.contains("已完成") && !$0.contains("已销号") })
    #expect(lines.contains { $0.contains("配备干部") && $0.contains("正常（已延期，原定 2018-01-31）") })
    let markdown = report.markdown()
    #expect(markdown.contains("已销号") && markdown.contains("已延期，原定 2018-01-31"))
    let csv = report.csv()
    // RFC 4180 records end in CRLF, one Character in Swift.
    #expect(csv.split(separator: "\r\n").contains { $0.hasPrefix("closed,") && $0.contains(",已销号,") })
    let english = ScheduleReport(plan: s.plan, schedule: s.schedule, language: .en).table(width: 200, style: .plain)
    #expect(english.contains("closed (verified)") && english.contains("(extended, originally 2018-01-31)"))
  }

  @Test func anOverdueExtendedTaskSaysItsOriginalDeadline() throws {
    let s = try Scheduled(Self.plan, asOf: "2018-07-15")
    let report = OverdueReport(
      plan: s.plan, schedule: s.schedule, list: OverdueList(plan: s.plan, schedule: s.schedule), language: .zh)
    #expect(report.table(width: 200, style: .plain).contains("逾期（已延期，原定 2018-01-31）"))
  }
}
