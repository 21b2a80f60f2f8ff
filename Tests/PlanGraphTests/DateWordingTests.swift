import PlanGraph
import PropertyBased
import Testing

/// The v2 wordings of dates and durations (plan-format v2): each resolves to the day the contract says,
/// in deadlines and in starts, in YAML and JSON; near misses get a hint with the accepted wording.
@Suite struct DateWordingTests {
  @Test(arguments: ["date-forms-v2.yaml", "date-forms-v2-json"])
  func everyV2WordingMeansTheDayTheContractSays(_ fixture: String) throws {
    let result = PlanLoader().load(path: Fixtures.rootFile("valid/" + fixture))
    #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.map(\.message))")
    let plan = try #require(result.plan)
    #expect(plan.calendar == .cn)
    #expect(plan.tasks.count == 54)
    for task in plan.tasks {
      #expect((task.deadline ?? task.start)?.iso == task.note, "\(task.id)")
    }
  }

  @Test(arguments: [
    ("15个工作日", "15个工作日", 15, true), ("15工作日", "15工作日", 15, true), ("15wd", "15wd", 15, true),
    ("9个月", "9个月", 270, false), ("9月", "9月", 270, false), ("3天", "3天", 3, false), ("3日", "3日", 3, false),
    ("2周", "2周", 14, false), ("2年", "2年", 730, false), ("6w", "6w", 42, false), ("0wd", "0wd", 0, true),
  ])
  func durationsKeepTheirWordsAndLength(_ text: String, _ shown: String, _ days: Int, _ working: Bool) throws {
    let duration = try PlanDuration.parse(text).get()
    #expect(duration.description == shown)
    #expect(duration.days == days)
    #expect(duration.isWorkingDays == working)
  }

  @Test(arguments: [
    ("15个工作日内", "15个工作日"), ("15个星期", "15周"), ("3 个月", "3个月"), ("15工作天", "15个工作日"),
    ("10 days", "10d"), ("半年", "6个月"), ("2个年", "2年"), ("１０天", "10天"),
  ])
  func nearMissDurationsAreToldTheAcceptedWording(_ text: String, _ fixed: String) {
    #expect(throws: PlanDuration.ParseError.malformed) { try PlanDuration.parse(text).get() }
    #expect(DateWordingHint.forDuration(text) == "write '\(fixed)'")
  }

  @Test(arguments: [
    ("2025/6/30", "2025-06-30"), ("2025.6.30", "2025-06-30"), ("2025-6-30", "2025-06-30"), ("2025年6月30号", "2025年6月30日"),
    ("2025年六月底", "2025年6月底"), ("18月内", "18个月内"), ("15工作日内", "15个工作日内"), ("+2y前", "+2y"),
    ("2年以内", "2年内"), ("2025Q3", "2025-Q3"), ("2025年Q3", "2025-Q3"), ("2025年第三季", "2025年第三季度"),
    ("2025年6月份", "2025年6月"), ("2025年三季末", "2025年三季度末"), ("3个星期内", "3周内"), ("2025年 6月", "2025年6月"),
  ])
  func nearMissDatesAreToldTheAcceptedWording(_ text: String, _ fixed: String) throws {
    #expect(throws: DateParseError.self) { try DateExpression.parse(text).get() }
    #expect(DateWordingHint.forDate(text) == "write '\(fixed)'")
    _ = try DateExpression.parse(fixed).get()
  }

  @Test func otherwiseTheHintListsTheNearestForms() {
    #expect(DateWordingHint.forDate("6月底前").contains("2025年6月底前") == true)
    #expect(DateWordingHint.forDate("2025年第五季度").contains("2025年三季度") == true)
    #expect(DateWordingHint.forDate("明年").contains("2025年底") == true)
    #expect(DateWordingHint.forDate("下周").contains("2025-06-30") == true)
  }

  @Test(arguments: [
    ("2025年13月底前", DateParseError.impossible), ("2025年五季度", .malformed), ("2025年第5季度末", .impossible),
    ("2025年底前前", .malformed), ("+2y前", .byAfterRelative), ("2年内前", .byAfterRelative), ("18月内", .malformed),
    ("15工作日内", .malformed), ("2025年季度", .malformed), ("2025年6月底后", .malformed), ("1899年内", .yearOutOfRange(1899)),
    ("0025年内", .yearOutOfRange(25)), ("2025年内内", .malformed), ("+2wd前", .byAfterRelative),
    ("15个工作日内之前", .byAfterRelative),
    ("1000天内以前", .byAfterRelative),
  ])
  func wordingsOutsideTheContractAreRefused(_ text: String, _ error: DateParseError) {
    #expect(throws: error) { try DateExpression.parse(text).get() }
  }

  /// One generated wording: its text, and the day it means at the end and at the start of a period.
  struct Wording: CustomStringConvertible {
    var text: String
    var end: Day
    var start: Day
    var description: String { text }
  }

  /// Days in a month, computed apart from `Day`'s own table.
  static func length(_ month: Int, _ year: Int) -> Int {
    if month == 2 { return year % 400 == 0 || (year % 4 == 0 && year % 100 != 0) ? 29 : 28 }
    return [4, 6, 9, 11].contains(month) ? 30 : 31
  }

  static func ymd(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d) ?? Day(ordinal: .min) }

  /// Every absolute form, built from a year, month, day, quarter and a choice of wording.
  static func wording(year: Int, month: Int, dayOfMonth: Int, quarter: Int, form: Int, by: Int) -> Wording {
    let d = min(dayOfMonth, length(month, year))
    let mm = month < 10 ? "0\(month)" : "\(month)"
    let dd = d < 10 ? "0\(d)" : "\(d)"
    let qWords = ["一", "二", "三", "四"]
    let monthSpan = (ymd(year, month, 1), ymd(year, month, length(month, year)))
    let quarterSpan = (ymd(year, quarter * 3 - 2, 1), ymd(year, quarter * 3, length(quarter * 3, year)))
    let yearSpan = (ymd(year, 1, 1), ymd(year, 12, 31))
    let point = { (day: Day) in (day, day) }
    let forms: [(String, (Day, Day))] = [
      ("\(year)-\(mm)-\(dd)", point(ymd(year, month, d))),
      ("\(year)-\(mm)", monthSpan),
      ("\(year)", yearSpan),
      ("\(year)-Q\(quarter)", quarterSpan),
      (
        "\(year)-H\(month <= 6 ? 1 : 2)",
        month <= 6 ? (ymd(year, 1, 1), ymd(year, 6, 30)) : (ymd(year, 7, 1), yearSpan.1)
      ),
      ("\(year)年\(month)月\(d)日", point(ymd(year, month, d))),
      ("\(year)年\(month)月", monthSpan),
      ("\(year)年\(month)月底", point(monthSpan.1)),
      ("\(year)年\(month)月末", point(monthSpan.1)),
      ("\(year)年\(month)月上旬", (ymd(year, month, 1), ymd(year, month, 10))),
      ("\(year)年\(month)月中旬", (ymd(year, month, 11), ymd(year, month, 20))),
      ("\(year)年\(month)月下旬", (ymd(year, month, 21), monthSpan.1)),
      ("\(year)年", yearSpan),
      ("\(year)年底", point(yearSpan.1)),
      ("\(year)年末", point(yearSpan.1)),
      ("\(year)年年底", point(yearSpan.1)),
      ("\(year)年年末", point(yearSpan.1)),
      ("\(year)年内", yearSpan),
      ("\(year)年度", yearSpan),
      ("\(year)年中", point(ymd(year, 6, 30))),
      ("\(year)年上半年", (ymd(year, 1, 1), ymd(year, 6, 30))),
      ("\(year)年下半年", (ymd(year, 7, 1), yearSpan.1)),
      ("\(year)年第\(qWords[quarter - 1])季度", quarterSpan),
      ("\(year)年第\(quarter)季度", quarterSpan),
      ("\(year)年\(qWords[quarter - 1])季度", quarterSpan),
      ("\(year)年\(quarter)季度", quarterSpan),
      ("\(year)年\(qWords[quarter - 1])季度末", point(quarterSpan.1)),
      ("\(year)年第\(quarter)季度末", point(quarterSpan.1)),
    ]
    let (text, span) = forms[form % forms.count]
    let suffix = ["", "前", "以前", "之前"][by % 4]
    return Wording(text: text + suffix, end: span.1, start: span.0)
  }

  @Test func everyGeneratedWordingResolvesAsComputedApart() async {
    await propertyCheck(
      count: 2_000,
      input: Gen.int(in: 1900...2200), Gen.int(in: 1...12), Gen.int(in: 1...31), Gen.int(in: 1...4),
      Gen.int(in: 0...27),
      Gen.int(in: 0...3)
    ) { year, month, dayOfMonth, quarter, form, by in
      let wording = Self.wording(
        year: year, month: month, dayOfMonth: dayOfMonth, quarter: quarter, form: form, by: by)
      #expect((try? DateExpression.parse(wording.text).get()) == .day(wording.end), "\(wording.text)")
      #expect((try? DateExpression.parse(wording.text, role: .start).get()) == .day(wording.start), "\(wording.text)")
    }
  }

  @Test func everyRelativeWordingCountsFromThePlanStart() async {
    let units: [(String, String, Int)] = [
      ("年内", "y", 365), ("个月内", "m", 30), ("周内", "w", 7), ("天内", "d", 1), ("日内", "d", 1),
    ]
    await propertyCheck(input: Gen.int(in: 0...273), Gen.int(in: 0...4)) { n, u in
      let (word, letter, per) = units[u]
      let start = Self.ymd(2017, 9, 1)
      let chinese = try? DateExpression.parse("\(n)\(word)").get()
      let ascii = try? DateExpression.parse("+\(n)\(letter)").get()
      #expect(chinese == .relative(days: n * per) && ascii == chinese)
      #expect(chinese?.resolved(planStart: start) == start.adding(days: n * per))
      let working = try? DateExpression.parse("\(n)个工作日内").get()
      #expect(working == .relativeWorkingDays(n) && (try? DateExpression.parse("+\(n)wd").get()) == working)
    }
  }
}
