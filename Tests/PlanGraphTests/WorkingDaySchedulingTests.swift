import PlanGraph
import PropertyBased
import Testing

/// The working-day rules of the scheduling contract (v2), on plans worked out by hand around the 2019
/// Spring Festival (4–10 February off; Saturday 2 and Sunday 3 February worked), and random plans
/// checked against a naive day-by-day count for each kind of calendar.
@Suite struct WorkingDaySchedulingTests {
  /// A plan starting on Friday 2019-02-01 with `calendar`.
  static func header(_ calendar: String) -> String {
    """
    plan: 工作日
    start: 2019-02-01
    \(calendar)
    owner: org
    owners:
      - { id: org, name: 组织 }
    tasks:

    """
  }

  @Test func forwardAndBackwardAcrossTheSpringFestival() throws {
    let s = try Scheduled(
      Self.header("calendar: cn")
        + """
          - { id: a, name: A, duration: 3个工作日 }
          - { id: b, name: B, duration: 2wd, after: [a] }
          - { id: c, name: C, duration: 1d }
          - { id: m, name: M, duration: 0wd, after: [a] }
          - { id: d, name: D, duration: 2wd, deadline: 2019-02-10 }
        """, asOf: "2019-02-01")
    let a = try s.row("a")
    #expect(a.start == day("2019-02-01") && a.finish == day("2019-02-03"), "the make-up weekend is worked")
    #expect(a.latestStart == day("2019-02-01") && a.latestFinish == day("2019-02-03") && a.slack == 0)
    let b = try s.row("b")
    #expect(b.start == day("2019-02-11") && b.finish == day("2019-02-12"), "waits out the holiday")
    #expect(b.latestStart == day("2019-02-11") && b.latestFinish == day("2019-02-12"))
    #expect(s.criticalPathIDs.first == ["a", "b"], "a critical edge compares with ES, not the moved start")
    let m = try s.row("m")
    #expect(m.start == day("2019-02-04") && m.finish == day("2019-02-04"), "a 0wd milestone is not moved")
    // A deadline on a holiday: the latest finish moves back to the last working day before it.
    let d = try s.row("d")
    #expect(d.start == day("2019-02-01") && d.finish == day("2019-02-02"))
    #expect(d.latestFinish == day("2019-02-03") && d.latestStart == day("2019-02-02"))
    #expect(d.slack == 1, "slack in calendar days")
    #expect(try s.row("c").slack == 11)
    #expect(s.schedule.finish == day("2019-02-12"))
  }

  @Test func doneDatesAndTheForecastCountWorkingDays() throws {
    let s = try Scheduled(
      Self.header("calendar: cn")
        + """
          - { id: e, name: E, duration: 3wd, done: 2019-02-10 }
          - { id: z, name: Z, duration: 0wd, done: 2019-02-09 }
          - { id: f, name: F, duration: 10wd, status: active, progress: 50% }
          - { id: g, name: G, duration: 2wd }
        """, asOf: "2019-02-15")
    let e = try s.row("e")
    #expect(e.start == day("2019-02-01") && e.finish == day("2019-02-10"))
    #expect(try s.row("z").start == day("2019-02-09"))
    // Half of ten working days left on Friday the 15th: the 15th, 18th, 19th, 20th and 21st.
    let f = try s.row("f")
    #expect(f.finish == day("2019-02-19"))
    #expect(f.forecastFinish == day("2019-02-21"))
    // Not started: it cannot start before the as-of date.
    #expect(try s.row("g").forecastFinish == day("2019-02-18"))
  }

  @Test func theCalendarKindDecidesTheDays() throws {
    let task = "  - { id: a, name: A, duration: 3wd }\n  - { id: b, name: B, duration: 2wd, after: [a] }\n"
    let weekdays = try Scheduled(Self.header("") + task, asOf: "2019-02-01")
    #expect(try weekdays.row("a").finish == day("2019-02-05") && weekdays.plan.calendar == .weekdays)
    #expect(try weekdays.row("b").finish == day("2019-02-07"))
    let named = try Scheduled(Self.header("calendar: weekdays") + task, asOf: "2019-02-01")
    #expect(try named.row("a").finish == day("2019-02-05"))
    let local = try Scheduled(
      Self.header("calendar: { base: cn, holidays: [2019-02-11], workdays: [2019年2月9日] }") + task,
      asOf: "2019-02-01")
    #expect(try local.row("b").start == day("2019-02-09") && local.row("b").finish == day("2019-02-12"))
    // Calendar days are untouched by any calendar.
    let days = try Scheduled(Self.header("calendar: cn") + "  - { id: a, name: A, duration: 3d }\n", asOf: "2019-02-01")
    #expect(try days.row("a").finish == day("2019-02-03"))
  }

  @Test func workingDayDatesWaitForTheCalendarWrittenAfterThem() throws {
    let yaml = """
      plan: 工作日
      start: 2019-02-01
      owner: org
      owners:
        - { id: org, name: 组织 }
      tasks:
        - { id: a, name: A, duration: 1d, deadline: 15个工作日内 }
        - { id: b, name: B, duration: 1d, start: +1wd }
      calendar: cn
      """
    let s = try Scheduled(yaml, asOf: "2019-02-01")
    #expect(s.plan.tasks[0].deadline == day("2019-02-26"))
    #expect(s.plan.tasks[1].start == day("2019-02-01"))
  }

  /// Working days the naive way, for the property below.
  static func naive(_ calendar: WorkCalendar) -> WorkingDaysTests.Naive { WorkingDaysTests.Naive(calendar: calendar) }

  @Test func randomPlansAgreeWithANaiveCountUnderEveryCalendar() async throws {
    let calendars = [
      ("", WorkCalendar.weekdays), ("calendar: cn", .cn),
      (
        "calendar: { base: cn, holidays: [2019-03-01, 2019-05-06], workdays: [2019-02-09, 2019-03-09] }",
        WorkCalendar(
          base: .cn, holidays: [day("2019-03-01"), day("2019-05-06")], workdays: [day("2019-02-09"), day("2019-03-09")])
      ),
    ]
    await propertyCheck(
      count: 120, input: Gen.int(in: 0...2), Gen.int(in: 0...12).array(of: 1...25),
      Gen.int(in: 0...1000).array(of: 0...40), Gen.int(in: -10...40).array(of: 0...25)
    ) { c, durations, links, deadlines in
      let (line, calendar) = calendars[c]
      let n = durations.count
      var yaml = Self.header(line)
      for i in 0..<n {
        var after: [String] = []
        for pair in stride(from: 0, to: links.count - 1, by: 2) where links[pair + 1] % n == i && links[pair] % n < i {
          after.append("t\(links[pair] % n)")
        }
        yaml += "  - { id: t\(i), name: T\(i), duration: \(durations[i])wd"
        if !after.isEmpty { yaml += ", after: [\(Array(Set(after)).sorted().joined(separator: ", "))]" }
        if i < deadlines.count, deadlines[i] > 0 { yaml += ", deadline: +\(deadlines[i])d" }
        yaml += " }\n"
      }
      guard let s = try? Scheduled(yaml, asOf: "2019-02-01") else { return }
      let naive = Self.naive(calendar)
      func workingDays(_ from: Day, _ through: Day) -> Int {
        from > through ? 0 : (from.ordinal...through.ordinal).filter(naive.isWorking).count
      }
      for (i, task) in s.plan.tasks.enumerated() {
        let row = s.schedule.tasks[i]
        guard let start = row.start, let finish = row.finish, let lf = row.latestFinish, let ls = row.latestStart
        else { continue }
        let count = durations[i]
        let earliest =
          task.after.map { s.schedule.tasks[$0].finish!.ordinal + (durations[$0] == 0 ? 0 : 1) }
          .max().map { max($0, s.plan.start.ordinal) } ?? s.plan.start.ordinal
        if count == 0 {
          #expect(start.ordinal == earliest && finish == start)
          continue
        }
        // Starts on the first working day on or after ES; its n working days end on its finish.
        #expect(naive.isWorking(start.ordinal) && workingDays(Day(ordinal: earliest), start) == 1)
        #expect(naive.isWorking(finish.ordinal) && workingDays(start, finish) == count)
        // Backward: the latest finish is a working day; n working days from the latest start end on it.
        #expect(naive.isWorking(lf.ordinal) && workingDays(ls, lf) == count)
        #expect(row.slack == lf.ordinal - finish.ordinal)
      }
    }
  }
}
