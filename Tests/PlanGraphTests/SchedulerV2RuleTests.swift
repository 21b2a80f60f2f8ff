import Testing

@testable import PlanGraph

/// One test per rule that contract v2 adds or changes, each with dates worked out by hand.
@Suite struct SchedulerV2RuleTests {
  /// ⚠ Started: `progress` above 0% starts a task as `active` does; without either it waits for the as-of date.
  @Test func progressAboveZeroStartsATaskAsActiveDoes() throws {
    // 10 days from 09-01, as of 09-08. Started with 50%: ends no earlier than 09-08 + ⌈10 × 50 / 100⌉ = 09-13
    // (half-open), later than its planned end 09-11, so finishes 09-12, before the deadline 09-14: due soon.
    // Not started: 09-08 + 10 = 09-18, finishing 09-17, after the deadline: at risk.
    func row(_ extra: String) throws -> TaskSchedule {
      try Scheduled(
        header + "  - { id: a, name: A, duration: 10d, deadline: 2017-09-14\(extra) }\n", asOf: "2017-09-08"
      ).row("a")
    }
    let progressOnly = try row(", progress: 50%")
    let active = try row(", status: active, progress: 50%")
    let waiting = try row("")
    let zero = try row(", progress: 0%")
    #expect(progressOnly.forecastFinish == day("2017-09-12") && progressOnly.status == .dueSoon)
    #expect(active.forecastFinish == progressOnly.forecastFinish && active.status == progressOnly.status)
    #expect(waiting.forecastFinish == day("2017-09-17") && waiting.status == .atRisk)
    // 0% is not above 0%: the task has not started.
    #expect(zero.forecastFinish == waiting.forecastFinish)
  }

  /// ⚠ A target task's progress comes from its first and latest measurements, or from its own `progress`.
  @Test func aTargetsProgressComesFromItsMeasurements() throws {
    func row(_ target: String, _ measurements: String, progress: String = "") throws -> TaskSchedule {
      try Scheduled(
        header + """
            - id: t
              name: 指标
              duration: \(target.contains("<=") ? 40 : 30)d
              target: { metric: 比例, op: "\(target.contains("<=") ? "<=" : ">=")", value: \(target.split(separator: " ").last!) }
              measurements: [\(measurements)]\(progress)

          """, asOf: "2018-01-10"
      ).row("t")
    }
    // 80 → 93.2 of 95: ⌊100 × 13.2 / 15⌋ = 88%; remaining ⌈30 × 12 / 100⌉ = 4 days: ends 01-14, finishes 01-13
    // (v1 read no progress: 01-10 + 30, finishing 02-08).
    let rising = try row(
      ">= 95", "{ date: 2017-09-02, value: 80 }, { date: 2018-01-05, value: 93.2 }")
    #expect(rising.forecastFinish == day("2018-01-13"))
    // Its own progress overrides: ⌈30 × 50 / 100⌉ = 15 days, finishing 01-24.
    let given = try row(
      ">= 95", "{ date: 2017-09-02, value: 80 }, { date: 2018-01-05, value: 93.2 }", progress: "\n    progress: 50%")
    #expect(given.forecastFinish == day("2018-01-24"))
    // Falling towards <= 10: 50 → 20 is ⌊100 × −30 / −40⌋ = 75%; ⌈40 × 25 / 100⌉ = 10 days, finishing 01-19.
    let falling = try row("<= 10", "{ date: 2017-09-02, value: 50 }, { date: 2018-01-05, value: 20 }")
    #expect(falling.forecastFinish == day("2018-01-19"))
    // One measurement: started, 0%: the whole 40 days from 01-10, finishing 02-18.
    let single = try row("<= 10", "{ date: 2018-01-05, value: 20 }")
    #expect(single.forecastFinish == day("2018-02-18"))
    // Moving away from the target clamps to 0%: 01-10 + 30, finishing 02-08.
    let worse = try row(">= 95", "{ date: 2017-09-02, value: 80 }, { date: 2018-01-05, value: 70 }")
    #expect(worse.forecastFinish == day("2018-02-08"))
    // A measurement after the as-of date is not known yet: only the first counts, 0%.
    let later = try row(">= 95", "{ date: 2017-09-02, value: 80 }, { date: 2018-02-05, value: 94 }")
    #expect(later.forecastFinish == day("2018-02-08"))
  }

  /// The exact percentage of a target not yet met, floors and clamps included.
  @Test func targetPercentIsExact() {
    func n(_ text: String) -> DecimalNumber { DecimalNumber(text)! }
    #expect(TargetProgress.percent(from: n("80"), to: n("93.2"), target: n("95")) == 88)
    // Binary floating point makes 100 × 0.29 = 28.999…; exact arithmetic gives 29.
    #expect(TargetProgress.percent(from: n("0"), to: n("0.29"), target: n("1")) == 29)
    #expect(TargetProgress.percent(from: n("0"), to: n("1"), target: n("3")) == 33)
    #expect(TargetProgress.percent(from: n("0"), to: n("99.99"), target: n("100")) == 99)
    #expect(TargetProgress.percent(from: n("0"), to: n("150"), target: n("100")) == 99)
    #expect(TargetProgress.percent(from: n("5"), to: n("1"), target: n("10")) == 0)
    #expect(TargetProgress.percent(from: n("7"), to: n("9"), target: n("7")) == 0)
  }

  /// The blocked flag sits beside a time status and is what makes a task with no time status `blocked`.
  @Test func theBlockedFlagSurvivesATimeStatus() throws {
    let s = try Scheduled(
      header + """
          - { id: late, name: 逾期受阻, duration: 3d, deadline: 2017-09-05, status: blocked, note: 等待审批 }
          - { id: open, name: 无期受阻, duration: 3d, status: blocked }
          - { id: far, name: 远期受阻, duration: 3d, deadline: 2018-06-01, status: blocked }
          - { id: dropped, name: 已取消, duration: 3d, status: cancelled }
          - id: group
            name: 分组
            tasks:
              - { id: x, name: X, duration: 1d, status: blocked }
              - { id: y, name: Y, duration: 1d, done: 2017-09-02 }
          - id: gone
            name: 已撤销
            status: cancelled
            tasks:
              - { id: z, name: Z, duration: 1d, status: blocked }
        """, asOf: "2017-09-15")
    let late = try s.row("late")
    #expect(late.status == .overdue && late.isBlocked && late.daysOverdue == 10)
    #expect(try s.row("open").status == .blocked && s.row("open").isBlocked)
    #expect(try s.row("far").status == .blocked)
    #expect(try !s.row("dropped").isBlocked)
    #expect(try s.row("group").isBlocked && s.row("group").status == .blocked)
    // Cancelled by an ancestor it keeps its flag, but a cancelled summary does not take it up.
    #expect(try s.row("gone.z").isBlocked && s.row("gone.z").status == .cancelled && !s.row("gone").isBlocked)
    let list = OverdueList(plan: s.plan, schedule: s.schedule)
    // Overdue first; then the blocked leaves, deadline first and none last; summaries are not listed for it.
    #expect(list.items.map { s.plan.tasks[$0.task].fullID } == ["late", "far", "group.x", "open"])
    #expect(list.items.map(\.isBlocked) == [true, true, true, true])
    #expect(list.items.map(\.status) == [.overdue, .blocked, .blocked, .blocked])
    #expect(s.schedule.counts.markedBlocked == 4 && s.schedule.counts.blocked == 3)
  }

  /// ⚠ A summary shows the worst status below it; its own (v1) status stays as `ownStatus`.
  @Test func summariesRollUpTheWorstStatusBelowThem() throws {
    let s = try Scheduled(
      header + """
          - id: top
            name: 总体
            tasks:
              - id: phase
                name: 阶段
                deadline: 2017-09-10
                tasks:
                  - { id: a, name: A, duration: 2d, deadline: 2017-09-05 }
                  - { id: b, name: B, duration: 2d, done: 2017-09-02 }
              - { id: c, name: C, duration: 2d, done: 2017-09-03 }
          - id: finished
            name: 已完成的阶段
            tasks:
              - { id: d, name: D, duration: 1d, done: 2017-09-02 }
              - { id: weekly, name: 周报, every: week, from: 2017-08-28, done: [2017-09-05] }
          - id: quiet
            name: 平稳
            deadline: 2018-06-30
            tasks:
              - { id: e, name: E, duration: 1d, done: 2017-09-02 }
              - { id: f, name: F, duration: 1d, status: cancelled, deadline: 2017-09-02 }
        """, asOf: "2017-09-15")
    // a: deadline 09-05, 10 days overdue. phase: own deadline 09-10 passed, own 5 days; shows 10.
    let phase = try s.row("top.phase")
    #expect(phase.ownStatus == .overdue && phase.status == .overdue && phase.daysOverdue == 10)
    // top has no deadline: its own status is on track; it shows phase's overdue and its 10 days.
    let top = try s.row("top")
    #expect(top.ownStatus == .onTrack && top.status == .overdue && top.daysOverdue == 10)
    // finished: every leaf done (own status done), but the week of 08-28, due 09-03, was missed: 12 days.
    let finished = try s.row("finished")
    #expect(finished.ownStatus == .done && finished.status == .overdue && finished.daysOverdue == 12)
    // A cancelled child does not roll up.
    let quiet = try s.row("quiet")
    #expect(quiet.ownStatus == .done && quiet.status == .done)
    // Leaves and duties: ownStatus is status.
    #expect(try s.row("top.phase.a").ownStatus == .overdue && s.row("finished.weekly").ownStatus == .overdue)
    // Summaries are listed by their own status and own days, never for what rolls up into them.
    let list = OverdueList(plan: s.plan, schedule: s.schedule)
    let items = list.items.map { (s.plan.tasks[$0.task].fullID, $0.status, $0.daysOverdue) }
    // The week of 09-04 was held; the current week (09-11 … 09-17) is not due, and an overdue duty gets no
    // item for it.
    #expect(items.map(\.0) == ["finished.weekly", "top.phase.a", "top.phase"])
    #expect(items.map(\.2) == [12, 10, 5])
    #expect(s.schedule.missedOccurrences.map(\.due) == [day("2017-09-03")])
  }

  /// ⚠ A duty's pending current occurrence is due soon when its due day is within the window.
  @Test func aDutysPendingCurrentOccurrenceIsDueSoon() throws {
    func row(_ duty: String, asOf: String) throws -> (TaskSchedule, [OverdueList.Item]) {
      let s = try Scheduled(header + "  - { id: d, name: 例会, \(duty) }\n", asOf: asOf)
      return (try s.row("d"), OverdueList(plan: s.plan, schedule: s.schedule).items)
    }
    // September's occurrence, due 09-30, pending on 09-15: due soon, deadline 09-30.
    let (monthly, items) = try row("every: month", asOf: "2017-09-15")
    #expect(monthly.status == .dueSoon && monthly.deadline == day("2017-09-30") && monthly.daysOverdue == nil)
    #expect(items.count == 1 && items.first?.deadline == day("2017-09-30") && items.first?.status == .dueSoon)
    #expect(items.first?.occurrence?.period == day("2017-09-01")...day("2017-09-30"))
    // Held on 09-03: on track; held only after the as-of date: still pending.
    #expect(try row("every: month, done: [2017-09-03]", asOf: "2017-09-15").0.status == .onTrack)
    #expect(try row("every: month, done: [2017-09-20]", asOf: "2017-09-15").0.status == .dueSoon)
    // A quarter due 09-30: 77 days away on 07-15 (beyond 30), 16 days on 09-14.
    #expect(try row("every: quarter, from: 2017-07-01", asOf: "2017-07-15").0.status == .onTrack)
    #expect(try row("every: quarter, from: 2017-07-01", asOf: "2017-09-14").0.status == .dueSoon)
    // From 09-20, as of 09-15: the period of the as-of date overlaps [from, until], so it is current.
    #expect(try row("every: month, from: 2017-09-20", asOf: "2017-09-15").0.status == .dueSoon)
    // Until 08-31: no current occurrence in September (August's was missed: overdue instead).
    let ended = try row("every: month, until: 2017-08-31, done: [2017-08-30]", asOf: "2017-09-15").0
    #expect(ended.status == .onTrack)
    // Blocked with nothing due: its own item, status blocked, no deadline.
    let (blocked, blockedItems) = try row("every: month, status: blocked, done: [2017-09-03]", asOf: "2017-09-15")
    #expect(blocked.status == .blocked && blocked.isBlocked)
    #expect(blockedItems.count == 1 && blockedItems.first?.deadline == nil && blockedItems.first?.status == .blocked)
    // Blocked and due soon: due soon, flagged.
    let (both, _) = try row("every: month, status: blocked", asOf: "2017-09-15")
    #expect(both.status == .dueSoon && both.isBlocked)
  }

  /// One set of counts: over non-cancelled leaves and duties, never summaries.
  @Test func countsAreOverLeavesAndDuties() throws {
    let s = try Scheduled(
      header + """
          - id: group
            name: 分组
            tasks:
              - { id: a, name: A, duration: 2d, done: 2017-09-02 }
              - { id: b, name: B, duration: 2d, deadline: 2017-09-05 }
              - { id: c, name: C, duration: 2d, deadline: 2017-09-05, status: blocked }
              - { id: x, name: X, duration: 2d, status: cancelled }
          - { id: soon, name: S, duration: 2d, deadline: 2017-09-30 }
          - { id: risk, name: R, duration: 40d, deadline: 2017-09-30 }
          - { id: free, name: F, duration: 2d }
          - { id: held, name: H, duration: 2d, status: blocked }
          - { id: weekly, name: W, every: week, from: 2017-08-28 }
          - { id: gone, name: G, every: week, status: cancelled }
        """, asOf: "2017-09-15")
    let c = s.schedule.counts
    // Weeks from 08-28: 08-28 … 09-03 and 09-04 … 09-10 missed; the week of 09-15 not yet due.
    #expect(c.tasks == 8 && c.leaves == 7 && c.duties == 1)
    #expect(c.done == 1 && c.overdue == 3 && c.atRisk == 1 && c.dueSoon == 1 && c.blocked == 1 && c.onTrack == 1)
    #expect(c.done + c.overdue + c.atRisk + c.dueSoon + c.blocked + c.onTrack == c.tasks)
    #expect(c.cancelled == 2 && c.markedBlocked == 2 && c.missedOccurrences == 2)
    // Restricted to a selection, the same rule over fewer tasks.
    let group = try #require(s.plan.taskIndex("group"))
    let inGroup = StatusCounts(plan: s.plan, schedule: s.schedule) { s.plan.tasks[$0].parent == group }
    #expect(inGroup.tasks == 3 && inGroup.overdue == 2 && inGroup.cancelled == 1)
  }

  /// What a late task holds up: every non-cancelled leaf downstream, through summaries and their `after`.
  @Test func aLateTaskHoldsUpEverythingDownstreamOfIt() throws {
    let s = try Scheduled(
      header + """
          - { id: a, name: A, duration: 2d, deadline: 2017-09-05 }
          - { id: b, name: B, duration: 2d, after: [a], deadline: 2017-12-31 }
          - { id: c, name: C, duration: 2d, after: [b], deadline: 2017-11-30 }
          - { id: x, name: X, duration: 2d, after: [a], status: cancelled }
          - id: later
            name: 后续阶段
            after: [a]
            tasks:
              - { id: d, name: D, duration: 2d, deadline: 2018-03-31 }
              - { id: e, name: E, duration: 2d }
          - { id: free, name: F, duration: 2d }
        """, asOf: "2017-09-15")
    var downstream = Downstream(plan: s.plan, schedule: s.schedule)
    // b, c, later.d, later.e (x is cancelled); the nearest deadline is c's.
    let a = try #require(s.plan.taskIndex("a"))
    let blocks = downstream.blocks(of: a)
    #expect(blocks.count == 4 && blocks.nearestDeadline == day("2017-11-30"))
    #expect(Downstream.words(blocks, .zh) == "影响后续 4 项，最近截止 2017-11-30")
    #expect(downstream.blocks(of: try #require(s.plan.taskIndex("free"))).count == 0)
    #expect(downstream.blocks(of: try #require(s.plan.taskIndex("b"))).count == 1)
  }
}
