import PlanGraph
import Testing

/// A summary cancelled because its leaves all are still passes its live duties' status up (contract v2:
/// blocked "when a non-cancelled leaf or duty anywhere below it has it"; a summary shows the worst inside it).
@Suite struct CancelledSummaryRollUpTests {
  static let plan =
    header + """
        - id: top
          name: 总
          tasks:
            - id: t2
              name: 分项
              tasks:
                - { id: x, name: 已取消, duration: 5d, status: cancelled }
                - { id: wb, name: 月报, every: month, from: 2017-12-01, status: blocked }
            - { id: y, name: 已完成, duration: 5d, done: 2017-09-03 }

      """

  @Test func aLiveDutyUnderAnAllCancelledSummaryRollsUpPastIt() throws {
    // As of 2018-02-10 the December and January reports are missed: overdue since 2017-12-31, 41 days.
    let s = try Scheduled(Self.plan, asOf: "2018-02-10")
    let duty = try s.row("top.t2.wb")
    #expect(duty.status == .overdue && duty.isBlocked && duty.daysOverdue == 41)
    // t2 stays cancelled by the contract's letter: all its leaves are.
    let t2 = try s.row("top.t2")
    #expect(t2.status == .cancelled)
    // top's only live leaf is done, but the duty below it is overdue and blocked (was: done, not blocked).
    let top = try s.row("top")
    #expect(top.ownStatus == .done)
    #expect(top.status == .overdue)
    #expect(top.isBlocked)
    #expect(top.daysOverdue == 41)
  }

  @Test func aCancelledSummaryHidesNothingWhenItsDutyIsCancelledToo() throws {
    let s = try Scheduled(
      Self.plan.replacingOccurrences(of: "status: blocked", with: "status: cancelled"), asOf: "2018-02-10")
    let top = try s.row("top")
    #expect(top.status == .done && !top.isBlocked && top.daysOverdue == nil)
  }
}
