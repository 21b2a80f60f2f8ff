import PlanGraph
import PropertyBased
import Testing

/// The working-day index against a naive day-by-day count, and the hand-checked days of China's
/// calendar around the 2018 and 2019 Spring Festivals and National Days.
@Suite struct WorkingDaysTests {
  /// Working days the slow way: one day at a time, from the calendar's lists.
  struct Naive {
    let calendar: WorkCalendar

    func isWorking(_ day: Int) -> Bool {
      let d = Day(ordinal: day)
      if calendar.holidays.contains(d) { return false }
      if calendar.workdays.contains(d) { return true }
      if calendar.base == .cn {
        if ChinaCalendar.daysOff.contains(d) { return false }
        if ChinaCalendar.workdays.contains(d) { return true }
      }
      return d.isoWeekday <= 5
    }

    func addWork(_ e: Int, _ n: Int) -> Int {
      guard n > 0 else { return e }
      var day = e
      var counted = 0
      while true {
        if isWorking(day) { counted += 1 }
        if counted == n { return day + 1 }
        day += 1
      }
    }

    func placeBackward(_ latestEnd: Int, _ n: Int) -> (Int, Int) {
      guard n > 0 else { return (latestEnd, latestEnd) }
      var last = latestEnd - 1
      while !isWorking(last) { last -= 1 }
      var start = last
      var counted = 1
      while counted < n {
        start -= 1
        if isWorking(start) { counted += 1 }
      }
      return (last + 1, start)
    }
  }

  static let calendars: [WorkCalendar] = [
    .weekdays, .cn,
    WorkCalendar(base: .cn, holidays: [day("2019-02-11"), day("2019-02-02")], workdays: [day("2019-02-09")]),
    WorkCalendar(base: .weekdays, holidays: [day("2030-01-01"), day("2030-01-02")], workdays: [day("2030-01-05")]),
  ]

  @Test func theIndexAgreesWithTheNaiveCountEverywhere() async {
    // Days from 2003 to 2031: before, inside and after China's data and the local lists.
    await propertyCheck(
      count: 600, input: Gen.int(in: 0...3), Gen.int(in: 12_053...22_280), Gen.int(in: 0...60)
    ) { c, e, n in
      let calendar = Self.calendars[c]
      // With and without a window widened to a plan's span (2011–2013 here): the same days either way.
      let index = e % 2 == 0 ? WorkingDays(calendar: calendar) : WorkingDays(calendar: calendar, span: 15_000...16_000)
      let naive = Naive(calendar: calendar)
      #expect(index.isWorking(e) == naive.isWorking(e))
      #expect(index.addWork(e, n) == naive.addWork(e, n), "\(calendar.name) \(Day(ordinal: e)) \(n)")
      let (lf, ls) = index.placeBackward(latestEnd: e, n)
      #expect(lf == naive.placeBackward(e, n).0 && ls == naive.placeBackward(e, n).1)
      #expect(index.next(e) == naive.addWork(e, 1) - 1)
    }
  }

  @Test(arguments: [
    // 2018 Spring Festival: 15–21 February off, Sunday the 11th and Saturday the 24th worked.
    ("2018-02-15", 1, "2018-02-22"), ("2018-02-11", 1, "2018-02-11"), ("2018-02-23", 2, "2018-02-24"),
    ("2018-02-12", 6, "2018-02-24"),
    // 2018 National Day: 1–7 October off, 29 and 30 September (a weekend) worked.
    ("2018-09-28", 5, "2018-10-09"), ("2018-09-29", 2, "2018-09-30"),
    // 2019 Spring Festival: 4–10 February off, 2 and 3 February (a weekend) worked.
    ("2019-02-01", 15, "2019-02-26"), ("2019-02-02", 3, "2019-02-11"),
    // 2019 National Day: 1–7 October off, Sunday 29 September and Saturday 12 October worked.
    ("2019-09-27", 3, "2019-09-30"), ("2019-10-08", 5, "2019-10-12"), ("2019-09-28", 1, "2019-09-29"),
  ])
  func chinasCalendarAroundTheHolidays(_ from: String, _ n: Int, _ lastDay: String) {
    let cn = WorkingDays(calendar: .cn)
    #expect(Day(ordinal: cn.addWork(day(from).ordinal, n) - 1) == day(lastDay))
  }

  @Test func mondayToFridayIgnoresTheHolidays() {
    let weekdays = WorkingDays(calendar: .weekdays)
    #expect(Day(ordinal: weekdays.addWork(day("2019-02-01").ordinal, 15) - 1) == day("2019-02-21"))
    #expect(!weekdays.isWorking(day("2019-02-02").ordinal) && weekdays.isWorking(day("2019-02-04").ordinal))
  }

  @Test func localListsAmendTheBaseAndWinOverIt() {
    let calendar = Self.calendars[2]
    let index = WorkingDays(calendar: calendar)
    #expect(!index.isWorking(day("2019-02-02").ordinal), "a make-up Saturday given as a local holiday")
    #expect(index.isWorking(day("2019-02-09").ordinal), "a Spring Festival Saturday given as a local workday")
    #expect(!index.isWorking(day("2019-02-11").ordinal))
    #expect(calendar.name == "cn+")
  }

  @Test func yearsWithoutDataAreListedOnlyForChina() {
    #expect(WorkCalendar.cn.yearsWithoutData(in: 2025...2028) == [2027, 2028])
    #expect(WorkCalendar.weekdays.yearsWithoutData(in: 2025...2028).isEmpty)
    #expect(ChinaCalendar.coveredYears == 2004...2026)
  }
}
