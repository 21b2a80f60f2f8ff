import Foundation
import PlanGraph
import Testing

@testable import PlanGraph

/// Budgets on what a plan multiplies (issue 13, D6, D8): a duty's note is not repeated per occurrence,
/// listings are summarised within a budget, and the counts stay exact whatever is summarised.
struct BudgetTests {
  static func duties(_ count: Int, every: String, from: String, until: String? = nil, note: String? = nil) -> String {
    var yaml = "plan: T\nstart: \(from)\nowner: org\nowners:\n  - { id: org, name: O }\ntasks:\n"
    if let note { yaml += "  - { id: anchor, name: A, duration: 1d, note: &n \"\(note)\" }\n" }
    for i in 0..<count {
      yaml += "  - { id: d\(i), name: 例会\(i), every: \(every), from: \(from)"
      yaml += (until.map { ", until: \($0)" } ?? "") + (note != nil ? ", note: *n" : "") + " }\n"
    }
    return yaml
  }

  @Test func aLongNoteIsWrittenOnceInTheFeedNotPerOccurrence() throws {
    let note = "备注" + String(repeating: "长", count: 3_000) + "完"
    let s = try Scheduled(
      Self.duties(1, every: "week", from: "2017-01-01", until: "2200-01-01", note: note), asOf: "2026-12-01")
    let ics = CalendarExport(plan: s.plan, schedule: s.schedule, language: .zh).ics()
    // Folded lines keep the note's last characters together with its end marker.
    #expect(ics.components(separatedBy: "完").count - 1 == 1)  // the duty's own item only
    #expect(ics.utf8.count < 400_000, "\(ics.utf8.count) bytes")
    let occurrences = ics.components(separatedBy: "RELATED-TO;RELTYPE=PARENT:d0@plangraph").count - 1
    // From its start to a year past the as-of date, not to 2200.
    #expect(occurrences >= 560 && occurrences <= 580, "\(occurrences)")
    #expect(!ics.contains("DUE;VALUE=DATE:2028"))
  }

  @Test func theFeedIsBoundedAndSharedAmongDuties() throws {
    let s = try Scheduled(
      Self.duties(1_000, every: "week", from: "1900-01-01", until: "2200-01-01"), asOf: "2026-12-01")
    let ics = CalendarExport(plan: s.plan, schedule: s.schedule, language: .en).ics()
    let todos = ics.components(separatedBy: "BEGIN:VTODO").count - 1
    #expect(todos <= CalendarExport.maximumOccurrences + 1_000)
    #expect(todos > CalendarExport.maximumOccurrences * 9 / 10)
    // Every duty has its share.
    for i in [0, 999] { #expect(ics.contains("UID:d\(i)/")) }
  }

  @Test func fairSharesFitTheBudget() {
    #expect(RecurringDuties.fairShare(of: 100, among: [1, 1000, 1000]) == 49)
    #expect(RecurringDuties.fairShare(of: 100, among: [10, 20]) == .max)
    #expect(RecurringDuties.fairShare(of: 10, among: Array(repeating: 50, count: 100)) == 2)
  }

  @Test func pastTheBudgetEveryDutyIsListedWithItsFirstAndLastMiss() throws {
    // 200 weekly duties since 1900: 1.3 million missed occurrences, more than any listing holds.
    let s = try Scheduled(Self.duties(200, every: "week", from: "1900-01-01"), asOf: "2026-12-01")
    #expect(s.schedule.hasMoreMissedOccurrences)
    #expect(s.schedule.missedOccurrences.count <= RecurringDuties.maximumListed)
    var byTask: [Int: [Occurrence]] = [:]
    for occurrence in s.schedule.missedOccurrences { byTask[occurrence.task, default: []].append(occurrence) }
    #expect(byTask.count == 200)
    for (task, listed) in byTask {
      let row = s.schedule.tasks[task]
      #expect(listed.first?.due == row.deadline)
      #expect(listed.last?.due == listed.map(\.due).max())
      #expect((listed.last?.due ?? Day(ordinal: 0)) > Day(year: 2026, month: 11, day: 20) ?? Day(ordinal: 0))
      #expect((row.occurrences?.missed ?? 0) > 6_000)
    }
    let report = OverdueReport(
      plan: s.plan, schedule: s.schedule, list: OverdueList(plan: s.plan, schedule: s.schedule), language: .en)
    let table = report.table(width: 200, style: .plain)
    #expect(table.contains("Total: 0 tasks and 200 recurring duties: 200 overdue"), "\(table.suffix(300))")
    // The HTML's cards count the same duties as the table's total.
    let html = HTMLReport(plan: s.plan, schedule: s.schedule, language: .en).html()
    #expect(html.contains("class=\"n\">200</span> overdue"))
    let missed = try #require(s.schedule.tasks[s.plan.tasks.firstIndex { $0.id == "d0" } ?? 0].occurrences?.missed)
    #expect(table.contains("×\(missed) 例会0"))
    #expect(table.contains("missed \(missed) times: due 1900-01-"))
  }

  @Test func aDutyWithALongNameListsFewerOccurrences() throws {
    let name = String(repeating: "名", count: 20_000)
    var yaml = Self.duties(30, every: "week", from: "1900-01-01")
    yaml = yaml.replacingOccurrences(of: "name: 例会0,", with: "name: \(name),")
    let s = try Scheduled(yaml, asOf: "2026-12-01")
    let long = s.schedule.missedOccurrences.filter { s.plan.tasks[$0.task].id == "d0" }.count
    #expect(long >= 2 && long * 60_000 < 20_000_000)
    let csv = OverdueReport(
      plan: s.plan, schedule: s.schedule, list: OverdueList(plan: s.plan, schedule: s.schedule), language: .en
    ).csv()
    #expect(csv.utf8.count < 40_000_000)
  }
}
