import Testing

@testable import PlanGraph

/// Counts of days, weeks, months and working days may have any number of digits; only before 年 do four
/// digits make a year (`2026年内` is the year 2026, `2年内` two years from the plan start).
@Suite struct RelativeDateCountTests {
  @Test(arguments: [
    ("1000天内", DateExpression.relative(days: 1000)), ("1000日内", .relative(days: 1000)),
    ("1000周内", .relative(days: 7000)), ("1000个月内", .relative(days: 30_000)),
    ("1000个工作日内", .relativeWorkingDays(1000)), ("00010天内", .relative(days: 10)),
  ])
  func fourDigitCountsAreRelative(_ text: String, _ expected: DateExpression) throws {
    #expect(try DateExpression.parse(text).get() == expected)
  }

  @Test func fourDigitsBefore年内AreStillAYear() throws {
    #expect(try DateExpression.parse("2026年内").get() == .day(Day(year: 2026, month: 12, day: 31)!))
    #expect(try DateExpression.parse("99年内").get() == .relative(days: 99 * 365))
    #expect(throws: DateParseError.yearOutOfRange(1000)) { try DateExpression.parse("1000年内").get() }
  }

  @Test func theRangeCheckStillAppliesOnceResolved() {
    // 80,000 days from 2017-09-01 is in 2236: out of range, told at the date (the loader resolves it).
    let result = PlanLoader.load(
      text: header + "  - { id: a, name: A, duration: 1d, deadline: 80000天内 }\n")
    #expect(result.diagnostics.contains { $0.code == .dateOutOfRange && $0.location.line == 7 })
    let ok = PlanLoader.load(text: header + "  - { id: a, name: A, duration: 1d, deadline: 1000天内 }\n")
    #expect(ok.diagnostics.isEmpty)
    #expect(ok.plan?.tasks.first?.deadline == Day(year: 2020, month: 5, day: 28))
  }

  @Test func byAfterARelativeDateIsToldAsSuch() throws {
    let result = PlanLoader.load(
      text: header + "  - { id: a, name: A, duration: 1d, deadline: 2年内前 }\n")
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.code == .invalidDate)
    #expect(diagnostic.message == "'2年内前': 前, 以前 or 之前 cannot follow a relative date")
    #expect(diagnostic.hint == "write '2年内': a relative date already means 'by'")
    #expect(!diagnostic.message.contains("year 2"))
  }
}
