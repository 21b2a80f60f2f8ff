import PlanGraph
import Testing

/// The calendar feed's occurrences of a recurring duty: held, missed, and still to come.
@Suite struct CalendarExportTests {
  @Test func eachOccurrenceIsCompletedOnItsHeldDayOrMissedOrToCome() throws {
    let s = try Scheduled(
      header + """
          - id: report
            name: 月报
            every: month
            from: 2018-01-01
            until: 2018-05-31
            done: [2018-01-20, 2018-01-05, 2018-03-31, 2018-05-02]
        """, asOf: "2018-04-15")
    let ics = CalendarExport(plan: s.plan, schedule: s.schedule, language: .en).ics()
    let todos = ics.components(separatedBy: "BEGIN:VTODO").dropFirst().map { $0.components(separatedBy: "\r\n") }
    func todo(_ due: String) throws -> [String] {
      try #require(todos.first { $0.contains("DUE;VALUE=DATE:" + due) }, "no to-do due \(due)")
    }
    // Five occurrences and the duty's own item, which they refer to.
    #expect(todos.count == 6)
    #expect(todos.filter { $0.contains("RELATED-TO;RELTYPE=PARENT:report@plangraph") }.count == 5)
    // January: held twice; the first date listed is the one kept.
    #expect(try todo("20180131").contains("COMPLETED:20180120T000000Z"))
    #expect(try todo("20180131").contains("STATUS:COMPLETED"))
    // February: missed, and flagged.
    #expect(try todo("20180228").contains("STATUS:NEEDS-ACTION"))
    #expect(try todo("20180228").contains("SUMMARY:[overdue] 月报"))
    // March: held on its last day.
    #expect(try todo("20180331").contains("COMPLETED:20180331T000000Z"))
    // April: due later this month, not missed; May: its done date is after the as-of date, not yet known.
    #expect(try todo("20180430").contains("SUMMARY:月报"))
    #expect(try todo("20180531").contains("STATUS:NEEDS-ACTION"))
    #expect(try !todo("20180531").contains { $0.hasPrefix("COMPLETED:") })
  }
}
