import Testing

@testable import PlanGraph

/// The value types of the model: days, date expressions, durations, decimals, periods.
@Suite struct ModelTests {
  @Test func dayOrdinalsRoundTripThroughEveryDayFrom1900To2200() {
    var expected = (year: 1900, month: 1, day: 1)
    var ordinal = Day(year: 1900, month: 1, day: 1)?.ordinal ?? 0
    #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
    while expected.year <= 2200 {
      let day = Day(ordinal: ordinal)
      let c = day.components
      if c.year != expected.year || c.month != expected.month || c.day != expected.day {
        Issue.record("ordinal \(ordinal) gave \(c), expected \(expected)")
        return
      }
      // Advance the expectation by the calendar's own rules.
      expected.day += 1
      if expected.day > Day.daysIn(month: expected.month, year: expected.year) {
        expected.day = 1
        expected.month += 1
        if expected.month > 12 {
          expected.month = 1
          expected.year += 1
        }
      }
      ordinal += 1
    }
  }

  @Test func impossibleDaysDoNotExist() {
    #expect(Day(year: 2017, month: 2, day: 29) == nil)
    #expect(Day(year: 2016, month: 2, day: 29) != nil)
    #expect(Day(year: 1900, month: 2, day: 29) == nil)
    #expect(Day(year: 2000, month: 2, day: 29) != nil)
    #expect(Day(year: 2017, month: 4, day: 31) == nil)
    #expect(Day(year: 2017, month: 13, day: 1) == nil)
    #expect(Day(year: 2017, month: 0, day: 1) == nil)
  }

  @Test func isoWeekdaysAndFormatting() {
    #expect(day("2017-09-01").isoWeekday == 5)
    #expect(day("2018-10-01").isoWeekday == 1)
    #expect(day("1969-12-31").isoWeekday == 3)
    #expect(Day(ordinal: -1).iso == "1969-12-31")
    #expect(day("2017-01-05").iso == "2017-01-05")
  }

  @Test(arguments: [
    ("2017-02-30", DateParseError.impossible), ("2017-13", .impossible), ("2017-Q5", .impossible),
    ("2017-H3", .impossible), ("2017年第五季度", .malformed), ("1899", .yearOutOfRange(1899)),
    ("2201-01-01", .yearOutOfRange(2201)), ("0", .yearOutOfRange(0)), ("99999", .yearOutOfRange(99999)),
    ("2017-1-5", .malformed), ("17-10-20", .yearOutOfRange(17)), ("2017/10/20", .malformed), ("", .malformed),
    ("2017年10月32日", .impossible), ("2017年2月29日", .impossible), ("next week", .malformed),
    ("+2", .malformed), ("+y", .malformed), ("2017-10-20 ", .malformed),
    ("+9999999999999999999999d", .tooFar),
  ])
  func malformedAndImpossibleDatesAreRefused(_ text: String, _ error: DateParseError) {
    #expect(throws: error) { try DateExpression.parse(text).get() }
  }

  @Test func relativeDatesResolveFromThePlanStart() throws {
    let expression = try DateExpression.parse("+2y").get()
    #expect(expression == .relative(days: 730))
    #expect(expression.resolved(planStart: day("2017-09-01")) == day("2019-09-01"))
  }

  @Test func aTaskCopyKeepsItsOwnRarelyUsedFields() {
    // Those fields share one box between copies until one of them writes: the write must not show through.
    var original = PlanTask(
      id: "a", fullID: "a", name: "A", parent: nil,
      locations: TaskLocations(id: SourcePosition(file: 0, line: 1, column: 1, length: 1)))
    original.tags = ["x"]
    original.note = "n"
    var copy = original
    copy.tags.append("y")
    copy.note = "m"
    copy.heldDates = [day("2018-03-20")]
    #expect(original.tags == ["x"] && original.note == "n" && original.heldDates.isEmpty)
    #expect(copy.tags == ["x", "y"] && copy.note == "m" && copy.heldDates == [day("2018-03-20")])
    // And the other way round, once the copy holds a box of its own.
    let before = copy
    original.evidence = "e"
    original.tags = []
    #expect(copy == before && copy.evidence == nil)
    // A task alone with its box keeps every earlier write, and clearing the last field leaves a plain task.
    var alone = PlanTask(id: "b", fullID: "b", name: "B", parent: nil, locations: original.locations)
    let plain = alone
    alone.source = "s"
    alone.tags = ["t"]
    alone.recurrenceFrom = day("2018-01-01")
    #expect(alone.source == "s" && alone.tags == ["t"] && alone.recurrenceFrom == day("2018-01-01"))
    #expect(plain.source == nil && plain.tags.isEmpty)
    alone.source = nil
    alone.tags = []
    alone.recurrenceFrom = nil
    #expect(alone == plain)
  }

  @Test func durationsHaveUnits() throws {
    #expect(try PlanDuration.parse("0d").get().days == 0)
    #expect(try PlanDuration.parse("6w").get().days == 42)
    #expect(try PlanDuration.parse("3m").get().days == 90)
    #expect(try PlanDuration.parse("2y").get().days == 730)
    #expect(throws: PlanDuration.ParseError.bareNumber) { try PlanDuration.parse("30").get() }
    #expect(throws: PlanDuration.ParseError.malformed) { try PlanDuration.parse("6 weeks").get() }
    #expect(throws: PlanDuration.ParseError.malformed) { try PlanDuration.parse("-3d").get() }
    #expect(throws: PlanDuration.ParseError.malformed) { try PlanDuration.parse("3h").get() }
    #expect(throws: PlanDuration.ParseError.tooLong) { try PlanDuration.parse("274y").get() }
    #expect(throws: PlanDuration.ParseError.tooLong) { try PlanDuration.parse("9223372036854775807d").get() }
    #expect(throws: PlanDuration.ParseError.tooLong) { try PlanDuration.parse("99999999999999999999999y").get() }
    #expect(try PlanDuration.parse("100000d").get().days == 100_000)
  }

  @Test func decimalsCompareExactly() {
    func d(_ text: String) -> DecimalNumber? { DecimalNumber(text) }
    #expect(d("80") == d("80.0"))
    #expect(d("0.1")! < d("0.10000000000000000001")!)
    #expect(d("-0") == d("0"))
    #expect(d("-3.5")! < d("-3.25")!)
    #expect(d("100")! > d("99.999")!)
    #expect(d("007.50")?.description == "7.5")
    #expect(d("123456789012345678901234567890")! > d("123456789012345678901234567889")!)
    for bad in ["", "1e3", "+1", "1.", ".5", "1,5", "一百", " 1", "0x10", "--1"] {
      #expect(d(bad) == nil, "\(bad)")
    }
  }

  @Test func periodsContainingADay() {
    let d = day("2018-08-15")
    #expect(Recurrence.week.period(containing: d) == day("2018-08-13")...day("2018-08-19"))
    #expect(Recurrence.month.period(containing: d) == day("2018-08-01")...day("2018-08-31"))
    #expect(Recurrence.quarter.period(containing: d) == day("2018-07-01")...day("2018-09-30"))
    #expect(Recurrence.halfYear.period(containing: d) == day("2018-07-01")...day("2018-12-31"))
    #expect(Recurrence.year.period(containing: d) == day("2018-01-01")...day("2018-12-31"))
    #expect(Recurrence.month.period(containing: day("2020-02-10")).upperBound == day("2020-02-29"))
  }
}

/// The fast key lookup knows every key, and only them.
@Suite struct PlanKeyTests {
  @Test func everyTaskKeyIsFoundByItsText() {
    for key in TaskKey.allCases {
      #expect(TaskKey(key: key.rawValue) == key)
      #expect(TaskKey.allCases[key.index] == key)
    }
    for text in ["", "i", "ID", "names", "dead", "duratio", "measurement", "tasks ", "目标"] {
      #expect(TaskKey(key: text) == nil)
    }
  }
}

/// Owners found from what a user types.
@Suite struct OwnerLookupTests {
  @Test func byFullIDLastPartOrNameAndOtherwiseAHint() throws {
    let result = PlanLoader.load(
      text: """
        plan: x
        start: 2017-09-01
        owners:
          - { id: league, name: 团区委, units: [{ id: office, name: 办公室 }] }
          - { id: women, name: 区妇联, units: [{ id: office, name: 办公室和家庭儿童部 }, { id: rights, name: 发展权益部 }] }
        """)
    let plan = try #require(result.plan)
    #expect(try plan.owner(named: "league.office") == 1)
    #expect(try plan.owner(named: "rights") == 4)
    #expect(try plan.owner(named: "发展权益部") == 4)
    #expect(
      throws: Plan.OwnerLookupError(name: "office", candidates: ["league.office", "women.office"], isAmbiguous: true)
    ) {
      try plan.owner(named: "office")
    }
    #expect(throws: Plan.OwnerLookupError(name: "leage", candidates: ["league"], isAmbiguous: false)) {
      try plan.owner(named: "leage")
    }
  }
}

/// Periods by number: the same periods as walking the calendar, in order, with no gaps.
@Suite struct PeriodIndexTests {
  @Test(arguments: Recurrence.allCases)
  func numbersAndPeriodsAgreeWithTheCalendar(_ every: Recurrence) {
    var day = Day(year: 1899, month: 12, day: 1) ?? Day(ordinal: 0)
    let end = Day(year: 2201, month: 1, day: 31) ?? Day(ordinal: 0)
    var previous: (index: Int, period: ClosedRange<Day>)?
    while day <= end {
      let index = every.index(of: day)
      let period = every.period(at: index)
      #expect(period == every.period(containing: day))
      if let previous, previous.index != index {
        #expect(index == previous.index + 1)
        #expect(period.lowerBound == previous.period.upperBound.adding(days: 1))
      }
      previous = (index, period)
      day = day.adding(days: every == .week ? 1 : 5)
    }
  }
}
