import Testing

@testable import PlanGraph

/// The overdue report's title and count sentence fold between items on a narrow terminal, never in
/// the middle of a word or a number, and stay one line when there is room (a file, a pipe).
@Suite struct CountLineWrapTests {
  @Test func foldsAfterABreakAndKeepsEveryPiece() {
    let text = "Total: 257 tasks and 8 recurring duties: 9 overdue · 0 at risk · 0 due soon · 0 blocked"
    let lines = TextWidth.wrap(text, width: 40, after: OverdueReport.countBreaks)
    #expect(lines == ["Total: 257 tasks and 8 recurring duties:", "9 overdue · 0 at risk · 0 due soon ·", "0 blocked"])
    #expect(lines.allSatisfy { TextWidth.of($0) <= 40 })
  }

  @Test func chineseFoldsByDisplayWidth() {
    let text = "合计：257 项具体任务：逾期 9 · 有风险 0 · 即将到期 0"
    let lines = TextWidth.wrap(text, width: 30, after: OverdueReport.countBreaks)
    #expect(lines == ["合计：257 项具体任务：逾期 9 ·", "有风险 0 · 即将到期 0"])
    #expect(lines.allSatisfy { TextWidth.of($0) <= 30 })
  }

  @Test func roomEnoughOrNothingToBreakAtStaysWhole() {
    #expect(TextWidth.wrap("逾期 9 · 正常 3", width: 80, after: OverdueReport.countBreaks) == ["逾期 9 · 正常 3"])
    let long = String(repeating: "长", count: 50)
    #expect(TextWidth.wrap(long, width: 20, after: OverdueReport.countBreaks) == [long])
  }

  @Test func theChengquReportFitsEightyColumnsOutsideItsTable() throws {
    let check = PlanCheck(path: "plans/chengqu-2017/plan.yaml", asOf: Day(year: 2018, month: 1, day: 15))
    let plan = try #require(check.plan)
    let schedule = try #require(check.schedule)
    for language in Language.allCases {
      let report = OverdueReport(
        plan: plan, schedule: schedule, list: OverdueList(plan: plan, schedule: schedule), language: language)
      let text = report.table(width: 80, style: .plain)
      let wide = text.split(separator: "\n").filter { TextWidth.of($0) > 80 }
      #expect(wide.isEmpty, "\(wide)")
    }
  }
}
