import PlanGraph
import Testing

/// The overdue report lists a supporting unit's items under it too, marked, and counts them once.
@Suite struct SupportingUnitReportTests {
  @Test func aSupportedItemIsListedUnderTheSupporterMarked() throws {
    let text = SmallPlan.text.replacingOccurrences(of: "source: 第一条", with: "source: 第一条\n        support: [bureau]")
    let (plan, schedule) = try SmallPlan.scheduled(text)
    let list = OverdueList(plan: plan, schedule: schedule)
    let report = OverdueReport(plan: plan, schedule: schedule, list: list, language: .zh)
    let table = report.table(width: 120, style: .plain)
    let lines = table.split(separator: "\n").map(String.init)
    let bureau = try #require(lines.firstIndex { $0.hasPrefix("财政局") })
    let office = try #require(lines.firstIndex { $0.hasPrefix("督查室") })
    #expect(office < bureau)
    // Under 财政局: its own due-soon task, then the overdue one it supports, marked.
    #expect(lines[(bureau + 1)...].contains { $0.contains("【配合】逾期任务") })
    #expect(!lines[office..<bureau].contains { $0.contains("【配合】") })
    // 财政局's count line and the total count the supported item once, under its lead unit.
    #expect(lines[bureau + 1] == "逾期 0 · 有风险 0 · 即将到期 1 · 受阻 0")
    #expect(lines.contains { $0.hasPrefix("合计：5 项具体任务：逾期 1 · 有风险 0 · 即将到期 1 · 受阻 0 ·") })
    // The JSON keeps the contract's one item per task.
    let json = String(decoding: report.json(), as: UTF8.self)
    #expect(json.components(separatedBy: "\"id\": \"big.late\"").count == 2)
  }
}
