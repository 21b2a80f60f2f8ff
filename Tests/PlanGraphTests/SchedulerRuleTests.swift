import PlanGraph
import Testing

/// One test per rule of the scheduling contract, on small plans whose dates were worked out by hand.
/// The plans start on Friday 2017-09-01.
@Suite struct SchedulerRuleTests {
  @Test func forwardAndBackwardPassOnAChain() throws {
    let s = try Scheduled(
      header + """
          - { id: a, name: A, duration: 10d }
          - { id: b, name: B, duration: 5d, after: [a] }
          - { id: c, name: C, duration: 3d }
        """)
    let a = try s.row("a")
    #expect(a.start == day("2017-09-01"))
    #expect(a.finish == day("2017-09-10"))
    #expect(a.latestFinish == day("2017-09-10"))
    #expect(a.slack == 0 && a.isCritical)
    let b = try s.row("b")
    #expect(b.start == day("2017-09-11"))
    #expect(b.finish == day("2017-09-15"))
    #expect(b.latestStart == day("2017-09-11"))
    #expect(b.slack == 0 && b.isCritical)
    let c = try s.row("c")
    #expect(c.finish == day("2017-09-03"))
    #expect(c.latestFinish == day("2017-09-15"))
    #expect(c.latestStart == day("2017-09-13"))
    #expect(c.slack == 12 && !c.isCritical)
    #expect(s.schedule.finish == day("2017-09-15"))
    #expect(s.criticalPathIDs == [["a", "b"]])
    #expect(
      CriticalReport(plan: s.plan, schedule: s.schedule, language: .en).length(of: s.schedule.criticalPaths[0]) == 15)
  }

  @Test func summaryDeadlinesAfterAndReferencesBindTheirLeaves() throws {
    let s = try Scheduled(
      header + """
          - id: s
            name: S
            deadline: 2017-09-12
            tasks:
              - { id: x, name: X, duration: 5d }
              - { id: y, name: Y, duration: 5d, after: [x] }
          - { id: t, name: T, duration: 2d, after: [s] }
          - { id: z, name: Z, duration: 7d }
          - id: g
            name: G
            after: [z]
            tasks:
              - { id: p, name: P, duration: 2d }
              - { id: q, name: Q, duration: 3d }
        """)
    // A reference to a summary waits for all its leaves.
    #expect(try s.row("t").start == day("2017-09-11"))
    // The summary's deadline binds its leaves, but the successor binds y harder.
    #expect(try s.row("s.y").deadline == day("2017-09-12"))
    #expect(try s.row("s.y").slack == 0)
    #expect(try s.row("s.x").slack == 0)
    // The summary's own `after` binds each of its leaves.
    #expect(try s.row("g.p").start == day("2017-09-08"))
    #expect(try s.row("g.q").start == day("2017-09-08"))
    #expect(try s.row("g.q").slack == 2)
    #expect(try s.row("g.p").slack == 3)
    #expect(try s.row("z").slack == 2)
    // Summaries span their leaves.
    let summary = try s.row("s")
    #expect(summary.start == day("2017-09-01"))
    #expect(summary.finish == day("2017-09-10"))
    #expect(summary.deadline == day("2017-09-12"))
    #expect(summary.slack == 0 && summary.isCritical)
    let g = try s.row("g")
    #expect(g.slack == 2 && !g.isCritical)
    #expect(g.latestFinish == day("2017-09-12"))
    #expect(s.criticalPathIDs == [["s.x", "s.y", "t"]])
  }

  @Test func startConstraintsAndMilestones() throws {
    let s = try Scheduled(
      header + """
          - { id: a, name: A, duration: 4d, start: 2017-09-10 }
          - id: s
            name: S
            start: 2017-09-20
            tasks:
              - { id: b, name: B, duration: 1d, start: 2017-09-15 }
          - { id: m, name: M, after: [a] }
        """)
    #expect(try s.row("a").start == day("2017-09-10"))
    #expect(try s.row("a").finish == day("2017-09-13"))
    // The later of its own and its summary's start constraint.
    #expect(try s.row("s.b").start == day("2017-09-20"))
    let m = try s.row("m")
    #expect(m.start == day("2017-09-14"))
    #expect(m.finish == day("2017-09-14"))
    #expect(m.latestStart == day("2017-09-21"))
    #expect(m.latestFinish == day("2017-09-21"))
    #expect(m.slack == 7)
    #expect(try s.row("a").slack == 7)
    #expect(s.criticalPathIDs == [["s.b"]])
  }

  @Test func doneDatesOverrideThePlanWhateverThePredecessorsSay() throws {
    let yaml =
      header + """
          - { id: a, name: A, duration: 10d, done: 2017-09-05 }
          - { id: b, name: B, duration: 5d, after: [a] }
          - { id: c, name: C, duration: 10d, done: 2017-09-20 }
          - { id: d, name: D, duration: 2d, after: [c] }
          - { id: m, name: M, done: 2017-09-03 }
        """
    let s = try Scheduled(yaml, asOf: "2017-09-25")
    #expect(try s.row("a").start == day("2017-09-01"))
    #expect(try s.row("a").finish == day("2017-09-05"))
    #expect(try s.row("b").start == day("2017-09-06"))
    #expect(try s.row("c").start == day("2017-09-11"))
    #expect(try s.row("c").finish == day("2017-09-20"))
    #expect(try s.row("d").start == day("2017-09-21"))
    #expect(try s.row("m").start == day("2017-09-03"))
    #expect(try s.row("m").finish == day("2017-09-03"))
    #expect(try s.row("a").status == .done)
    #expect(try s.row("a").finishedOn == day("2017-09-05"))
    // Not done: cannot start before the as-of date.
    #expect(try s.row("b").forecastFinish == day("2017-09-29"))
    #expect(try s.row("d").forecastFinish == day("2017-09-26"))

    // A done date after the as-of date is not yet known: not done, forecast from the as-of date,
    // while the plan schedule still uses it.
    let early = try Scheduled(yaml, asOf: "2017-09-04")
    let a = try early.row("a")
    #expect(a.status == .onTrack)
    #expect(a.finish == day("2017-09-05"))
    #expect(a.forecastFinish == day("2017-09-13"))
    // And the planner hears of each such date where it is written (a and c; m was done before);
    // on the later as-of date all is well.
    let warnings = PlanLinter.warnings(for: early.plan, schedule: early.schedule)
    #expect(warnings.map(\.code) == [.doneAfterAsOf, .doneAfterAsOf])
    #expect(warnings.map(\.location.line) == [7, 9])
    #expect(PlanLinter.warnings(for: s.plan, schedule: s.schedule).isEmpty)
  }

  @Test func negativeSlackMarksADeadlineThePlanCannotMeet() throws {
    let s = try Scheduled(
      header + """
          - { id: a, name: A, duration: 30d, deadline: 2017-09-20 }
          - { id: b, name: B, duration: 1d }
        """)
    let a = try s.row("a")
    #expect(a.finish == day("2017-09-30"))
    #expect(a.latestFinish == day("2017-09-20"))
    #expect(a.slack == -10 && a.isCritical)
    #expect(CriticalReport(plan: s.plan, schedule: s.schedule, language: .en).negativeSlack == [0])
    let warnings = PlanLinter.warnings(for: s.plan, schedule: s.schedule)
    #expect(warnings.map(\.code) == [.deadlineBeforeFinish])
  }

  @Test func aDoneTaskIsNoDeadlineThePlanCannotMeet() throws {
    // a, done on 09-10, ends 09-11; b's 30 days must start by 09-21 − 30 = 08-22, so a's slack is −20 and
    // b's −20 too. a is done: only b is a deadline the plan cannot meet.
    let s = try Scheduled(
      header + """
          - { id: a, name: A, duration: 5d, done: 2017-09-10 }
          - { id: b, name: B, duration: 30d, after: [a], deadline: 2017-09-20 }
        """, asOf: "2017-09-15")
    #expect(try s.row("a").slack == -20 && s.row("b").slack == -20)
    #expect(CriticalReport(plan: s.plan, schedule: s.schedule, language: .en).negativeSlack == [1])
  }

  @Test func everyStatusInTheContractsOrder() throws {
    let s = try Scheduled(
      header + """
          - { id: late, name: L, duration: 10d, deadline: 2017-09-15 }
          - { id: risky, name: R, duration: 20d, deadline: 2017-10-15 }
          - { id: soon, name: S, duration: 2d, deadline: 2017-10-20 }
          - { id: edge, name: E, duration: 0d, deadline: 2017-10-31 }
          - { id: today, name: T, duration: 0d, deadline: 2017-10-01 }
          - { id: blocked, name: B, duration: 2d, status: blocked, deadline: 2018-01-01 }
          - { id: blocked-soon, name: BS, duration: 2d, status: blocked, deadline: 2017-10-10 }
          - { id: fine, name: F, duration: 2d }
          - { id: finished, name: D, duration: 5d, done: 2017-09-30, deadline: 2017-09-20 }
          - { id: undated, name: U, duration: 5d, status: done }
          - { id: active, name: A, duration: 10d, status: active, progress: 30% }
          - { id: dropped, name: X, duration: 5d, status: cancelled, deadline: 2017-09-02 }
        """, asOf: "2017-10-01")
    let late = try s.row("late")
    #expect(late.status == .overdue && late.daysOverdue == 16)
    // Forecast from the as-of date: 2017-10-01 + 20 days.
    #expect(try s.row("risky").forecastFinish == day("2017-10-20"))
    #expect(try s.row("risky").status == .atRisk)
    #expect(try s.row("risky").daysOverdue == nil)
    #expect(try s.row("soon").status == .dueSoon)
    #expect(try s.row("edge").status == .dueSoon)
    #expect(try s.row("today").status == .dueSoon)
    #expect(try s.row("blocked").status == .blocked)
    #expect(try s.row("blocked-soon").status == .dueSoon)
    #expect(try s.row("fine").status == .onTrack)
    let finished = try s.row("finished")
    #expect(finished.status == .done && finished.isLate)
    #expect(try s.row("undated").status == .done)
    #expect(try s.row("undated").forecastFinish == day("2017-09-05"))
    // Active: from where the plan would start, ending no earlier than D + ⌈10 × 70%⌉.
    #expect(try s.row("active").forecastFinish == day("2017-10-07"))
    let dropped = try s.row("dropped")
    #expect(dropped.status == .cancelled && dropped.deadline == nil && !dropped.isCritical)
  }

  @Test func activeForecastRoundsRemainingWorkUp() throws {
    let yaml =
      header + """
          - { id: a, name: A, duration: 9d, status: active, progress: 50% }
        """
    // ⌈9 × 50 / 100⌉ = 5 days from the as-of date, but never before the planned end.
    #expect(try Scheduled(yaml, asOf: "2017-09-08").row("a").forecastFinish == day("2017-09-12"))
    #expect(try Scheduled(yaml, asOf: "2017-09-03").row("a").forecastFinish == day("2017-09-09"))
  }

  @Test func recurringOccurrencesAndMissedOnes() throws {
    let s = try Scheduled(
      header + """
          - id: meeting
            name: 常委会议
            every: quarter
            from: 2018-01-01
            done: [2018-03-20, 2018-06-28]
          - id: weekly
            name: 周报
            every: week
            from: 2018-10-01
            until: 2018-10-21
            done: [2018-10-03]
          - id: yearly
            name: 年度
            every: year
            status: cancelled
          - id: held
            name: 按期
            every: month
            from: 2018-09-01
            done: [2018-09-15]
        """, asOf: "2018-10-15")
    #expect(day("2018-10-01").isoWeekday == 1)
    let meeting = try s.row("meeting")
    #expect(meeting.status == .overdue)
    #expect(meeting.deadline == day("2018-09-30"))
    #expect(meeting.daysOverdue == 15)
    // Four quarters so far, the current one not yet due: three due, two held, one missed.
    #expect(meeting.occurrences?.total == 4 && meeting.occurrences?.due == 3 && meeting.occurrences?.missed == 1)
    #expect(meeting.start == nil && meeting.forecastFinish == nil && !meeting.isCritical)
    let weekly = try s.row("weekly")
    #expect(weekly.status == .overdue && weekly.deadline == day("2018-10-14") && weekly.daysOverdue == 1)
    #expect(weekly.occurrences?.total == 3 && weekly.occurrences?.due == 2 && weekly.occurrences?.missed == 1)
    #expect(try s.row("yearly").status == .cancelled)
    // September held; October's occurrence pending and due on 10-31, within the 30-day window (v2).
    #expect(try s.row("held").status == .dueSoon && s.row("held").deadline == day("2018-10-31"))
    #expect(try s.row("held").occurrences?.due == 1 && s.row("held").occurrences?.missed == 0)
    #expect(s.schedule.missedOccurrences.map(\.due) == [day("2018-09-30"), day("2018-10-14")])
    let list = OverdueList(plan: s.plan, schedule: s.schedule)
    // The overdue duties get no item for their pending current occurrence; the due-soon one gets one.
    #expect(list.items.map { s.plan.tasks[$0.task].fullID } == ["meeting", "weekly", "held"])
    #expect(list.items.map(\.daysOverdue) == [15, 1, nil])
    #expect(list.items.map(\.deadline) == [day("2018-09-30"), day("2018-10-14"), day("2018-10-31")])
  }

  @Test func targetsAreDoneWhenTheLatestMeasurementMeetsThem() throws {
    let yaml =
      header + """
          - id: workers
            name: 社工队伍
            duration: 2y
            deadline: 2020
            target: { metric: 社工人数, op: ">=", value: 100, unit: 人 }
            measurements:
              - { date: 2018-06-30, value: 35 }
              - { date: 2018-12-31, value: 100 }
              - { date: 2019-03-31, value: 120 }
          - id: ratio
            name: 团青比例
            target: { metric: 比例, op: "<=", value: 30, unit: "%" }
            measurements:
              - { date: 2018-01-01, value: 25 }
              - { date: 2018-06-01, value: 40 }
              - { date: 2018-06-01, value: 28 }
              - { date: 2018-09-01, value: 31 }
          - id: unmet
            name: 未达标
            deadline: 2018-12-31
            target: { metric: 人数, op: ">=", value: 10 }
            measurements:
              - { date: 2018-06-30, value: 4 }
        """
    let met = try Scheduled(yaml, asOf: "2019-06-01")
    let workers = try met.row("workers")
    #expect(workers.status == .done && workers.finishedOn == day("2018-12-31") && !workers.isLate)
    #expect(workers.forecastFinish == day("2018-12-31"))
    #expect(workers.latestMeasurement?.value == DecimalNumber("120"))
    #expect(try met.row("unmet").status == .overdue)
    #expect(try met.row("unmet").daysOverdue == 152)

    // Measured but not met: active from its planned start, at least a whole duration from the as-of date.
    let measured = try Scheduled(yaml, asOf: "2018-09-01")
    #expect(try measured.row("workers").status == .onTrack)
    #expect(try measured.row("workers").forecastFinish == day("2020-08-30"))
    // Not measured yet: cannot start before the as-of date.
    let unmeasured = try Scheduled(yaml, asOf: "2018-01-01")
    #expect(try unmeasured.row("workers").forecastFinish == day("2019-12-31"))

    // Of two measurements on one day, the later listed counts; met since the first of the run that meets.
    let ratio = try Scheduled(yaml, asOf: "2018-06-15").row("ratio")
    #expect(ratio.status == .done && ratio.finishedOn == day("2018-01-01"))
    #expect(ratio.latestMeasurement?.value == DecimalNumber("28"))
    // A milestone's forecast finish is its forecast end: the day after the meeting measurement.
    #expect(ratio.forecastFinish == day("2018-01-02"))
    // A later measurement that misses the target undoes it.
    let relapsed = try Scheduled(yaml, asOf: "2018-10-01").row("ratio")
    #expect(relapsed.status == .onTrack && relapsed.finishedOn == nil)
    #expect(relapsed.forecastFinish == day("2018-10-01"))
  }

  @Test func cancelledTasksTakeNoTimeAndBindNothing() throws {
    let s = try Scheduled(
      header + """
          - { id: a, name: A, duration: 5d }
          - { id: c, name: C, duration: 10d, after: [a], status: cancelled, start: 2017-12-01, deadline: 2017-09-02 }
          - { id: d, name: D, duration: 3d, after: [c] }
          - id: s
            name: S
            status: cancelled
            tasks:
              - { id: x, name: X, duration: 100d }
          - id: u
            name: U
            tasks:
              - { id: y, name: Y, duration: 50d, status: cancelled }
        """)
    let c = try s.row("c")
    #expect(c.status == .cancelled && c.deadline == nil && !c.isCritical)
    #expect(c.start == day("2017-09-06") && c.finish == day("2017-09-06"))
    #expect(try s.row("d").start == day("2017-09-06"))
    #expect(try s.row("s").status == .cancelled)
    #expect(try s.row("s.x").status == .cancelled)
    // All leaves cancelled: the summary is cancelled too, and shows no dates.
    #expect(try s.row("u").status == .cancelled)
    #expect(try s.row("u").start == nil)
    // Cancelled leaves are left out of the plan's finish.
    #expect(s.schedule.finish == day("2017-09-08"))
    // A cancelled task in between breaks the chain: no dependency links a and d directly.
    #expect(s.criticalPathIDs == [["a"], ["d"]])
  }

  @Test func criticalPathsAreListedInOutputOrderAndCapped() throws {
    let diamond = try Scheduled(
      header + """
          - { id: a, name: A, duration: 2d }
          - { id: c, name: C, duration: 3d, after: [a] }
          - { id: b, name: B, duration: 3d, after: [a] }
          - { id: d, name: D, duration: 1d, after: [b, c] }
        """)
    #expect(diamond.criticalPathIDs == [["a", "c", "d"], ["a", "b", "d"]])
    #expect(!diamond.schedule.hasMoreCriticalPaths)

    // Seven diamonds in a row: 2^7 = 128 paths, of which 100 are listed.
    var yaml = header + "  - { id: n0, name: N0, duration: 1d }\n"
    for k in 0..<7 {
      yaml += "  - { id: l\(k), name: L, duration: 1d, after: [n\(k)] }\n"
      yaml += "  - { id: r\(k), name: R, duration: 1d, after: [n\(k)] }\n"
      yaml += "  - { id: n\(k + 1), name: N, duration: 1d, after: [l\(k), r\(k)] }\n"
    }
    let ladder = try Scheduled(yaml)
    #expect(ladder.schedule.criticalPaths.count == Schedule.maximumCriticalPaths)
    #expect(ladder.schedule.hasMoreCriticalPaths)
    #expect(
      ladder.criticalPathIDs.first == [
        "n0", "l0", "n1", "l1", "n2", "l2", "n3", "l3", "n4", "l4", "n5", "l5", "n6", "l6", "n7",
      ])
  }

  @Test func summariesWithOnlyDutiesShowNoDatesAndAreNotCancelled() throws {
    let s = try Scheduled(
      header + """
          - id: routine
            name: 例行
            tasks:
              - { id: m, name: M, every: month }
          - { id: a, name: A, duration: 1d, after: [routine] }
        """, asOf: "2017-09-15")
    let routine = try s.row("routine")
    // Its own status is on track; the duty's September occurrence, pending and due 09-30, rolls up (v2).
    #expect(routine.ownStatus == .onTrack && routine.status == .dueSoon)
    #expect(routine.start == nil && routine.slack == nil)
    #expect(try s.row("a").start == day("2017-09-01"))
  }
}
