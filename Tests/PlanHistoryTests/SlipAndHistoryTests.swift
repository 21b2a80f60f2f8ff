import Foundation
import PlanGraph
import Testing

@testable import PlanHistory

/// `slip` and `history` over the scripted history.
@Suite struct SlipAndHistoryTests {
  let scripted: ScriptedRepository
  static let march10 = isoDay("2018-03-10")

  init() throws { scripted = try ScriptedRepository() }

  func side(_ name: String, asOf: Day) throws -> PlanSide {
    let check = try scripted.planRepository().check(at: try scripted.gitCommit(name), revision: name, asOf: asOf)
    return PlanSide(plan: try #require(check.plan), schedule: try #require(check.schedule), label: name)
  }

  func slip(since: String = "c1", sinceDay: Day = isoDay("2018-01-05")) throws -> PlanSlip {
    let commits = try DeadlineLog.lastChanges(
      in: try scripted.planRepository(), after: try scripted.gitCommit(since), upTo: try scripted.gitCommit("readme"))
    let diff = PlanDiff(old: try side(since, asOf: sinceDay), new: try side("readme", asOf: Self.march10))
    return PlanSlip(diff: diff, sinceDay: sinceDay, deadlineCommits: commits)
  }

  @Test func theMonthlyViewByUnit() throws {
    let slip = try slip()
    #expect(slip.units == ["单位乙", "单位甲"])
    let b = slip.items.filter { $0.task.unit == "单位乙" }
    #expect(b.map(\.kind) == [.newlyOverdue, .newlyOverdue, .slipped, .slipped, .added, .added, .removed])
    #expect(b.map(\.task.id) == ["research", "train", "train", "research", "review", "bfile.extra", "old"])
    #expect(b[0].moved == 23)  // days past the deadline on the as-of date
    #expect(b[2].old == "2018-01-24" && b[2].new == "2018-05-18" && b[2].moved == 114)
    let a = slip.items.filter { $0.task.unit == "单位甲" }
    #expect(a.map(\.kind) == [.slipped, .extended, .closed])
    let extended = a[1]
    #expect(extended.old == "2018-03-31" && extended.new == "2018-04-30" && extended.moved == 30)
    #expect(extended.commit?.id == scripted.commits["c2"])
    #expect(extended.commit?.author == "王科长")
    #expect(a[2].task.evidence == "会议纪要")
    #expect(a[2].new == "2018-01-12")
    let report = SlipReport(slip, language: .en)
    #expect(report.unitLine("单位甲") == "1 slipped, 1 deadline extended, 1 newly done")
    #expect(report.unitLine("单位乙") == "2 newly overdue, 2 slipped, 2 added, 1 removed")
    #expect(SlipReport(slip, language: .zh).unitLine("单位甲") == "推迟 1 项，延期 1 项，新办结 1 项")
    let table = report.table(width: 80)
    for line in table.split(separator: "\n") { #expect(TextWidth.of(line) <= 80) }
    #expect(table.contains("build  2018-03-31 → 2018-04-30 (+30d)\n"))
    #expect(table.contains("— 王科长, 2018-02-01, \(try scripted.id("c2").short) “建设延期至4月底”\n"))
    #expect(table.contains("2018-01-12 — 会议纪要"))
  }

  @Test func cancelledTasksAndUncommittedExtensions() throws {
    var files = scripted.trees["readme"]!
    files["plans/demo/plan.yaml"] = files["plans/demo/plan.yaml"]!.replacingOccurrences(
      of: "id: review, name: 评估, owner: b, duration: 3d",
      with: "id: review, name: 评估, owner: b, duration: 3d, status: cancelled")
    try scripted.commit("cancel", files, "Review cancelled", author: "李主任", day: "2018-03-21", parents: ["readme"])
    let commits = try DeadlineLog.lastChanges(
      in: try scripted.planRepository(), after: try scripted.gitCommit("c3"), upTo: try scripted.gitCommit("cancel"))
    #expect(commits.isEmpty)  // no deadline changed after c3
    let slip = PlanSlip(
      diff: PlanDiff(old: try side("c3", asOf: Self.march10), new: try side("cancel", asOf: Self.march10)),
      sinceDay: Self.march10, deadlineCommits: commits)
    let cancelled = try #require(slip.items.first { $0.kind == .cancelled })
    #expect(cancelled.task.id == "review")
    #expect(cancelled.old == "planned")
    // An extension since c1 whose commit is not known reads as not yet committed.
    let uncommitted = PlanSlip(
      diff: PlanDiff(old: try side("c1", asOf: Self.march10), new: try side("c2", asOf: Self.march10)),
      sinceDay: Self.march10, deadlineCommits: [:])
    let extended = try #require(uncommitted.items.first { $0.kind == .extended })
    #expect(extended.commit == nil)
    #expect(SlipReport(uncommitted, language: .en).detail(extended).hasSuffix("not yet committed"))
  }

  @Test func slipFormats() throws {
    let report = SlipReport(try slip(), language: .en)
    let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
    let items = try #require(json?["items"] as? [[String: Any]])
    let extended = try #require(items.first { $0["kind"] as? String == "extended" })
    let commit = try #require(extended["commit"] as? [String: Any])
    #expect(commit["author"] as? String == "王科长")
    #expect(commit["date"] as? String == "2018-02-01")
    #expect((commit["message"] as? String)?.hasPrefix("建设延期至4月底") == true)
    let units = try #require(json?["units"] as? [[String: Any]])
    #expect((units[1]["counts"] as? [String: Int])?["closed"] == 1)
    let csv = report.csv()
    #expect(
      csv.contains(
        "单位甲,extended,build,建设,单位甲,2018-03-31,2018-04-30,30,\(scripted.commits["c2"]!),王科长,2018-02-01,建设延期至4月底,"))
    #expect(csv.contains("单位甲,closed,prepare,准备,单位甲,due-soon,2018-01-12,,,,,,会议纪要"))
    let html = report.htmlSection()
    #expect(html.hasPrefix("<section id=\"changes\" class=\"slip\">"))
    #expect(html.contains("<tr class=\"extended s-at-risk\">"))
    #expect(report.markdown().contains("### 单位乙"))
  }

  @Test func historyOfTasksPerCommit() throws {
    let log = try PlanHistoryLog(
      repository: try scripted.planRepository(), tip: try scripted.gitCommit("readme"), selection: ["build", "培训"])
    #expect(log.names == ["建设", "培训"])
    #expect(log.points.count == 9)
    #expect(log.points.first?.commit.id == scripted.commits["c1"])
    #expect(log.points.last?.commit.id == scripted.commits["c9"])
    #expect(log.points.map(\.reportDay.iso).first == "2018-01-05")
    let deadlines = log.points.map { $0.tasks[0]?.deadline?.iso ?? "" }
    #expect(deadlines == ["2018-03-31"] + Array(repeating: "2018-04-30", count: 8))
    let train = log.points.map { $0.tasks[1] }
    #expect(train[0]?.plannedFinish?.iso == "2018-01-20")
    #expect(train[0]?.forecastFinish?.iso == "2018-01-24")
    #expect(train[0]?.status == .onTrack)
    #expect(train[4]?.plannedFinish?.iso == "2018-03-11")
    #expect(train[4]?.status == .overdue)
    #expect(log.unknownTasks.isEmpty)
    let table = HistoryReport(log, language: .en).table(width: 100)
    #expect(table.contains("建设 (build)"))
    #expect(table.contains(scripted.commits["c2"]!.short + "  2018-02-01  2018-04-30"))
  }

  @Test func historyOfThePlanAndUnknownTasks() throws {
    let log = try PlanHistoryLog(
      repository: try scripted.planRepository(), tip: try scripted.gitCommit("readme"), selection: [],
      asOf: Self.march10)
    #expect(log.points.allSatisfy { $0.reportDay == Self.march10 && $0.isValid })
    #expect(log.points.first?.finish?.iso == "2018-02-09")
    #expect(log.points.last?.finish?.iso == "2018-03-11")
    #expect(log.points.first?.counts.overdue == 4)
    #expect(log.points.last?.counts.done == 1)
    let csv = HistoryReport(log, language: .en).csv()
    #expect(csv.split(separator: "\r\n").count == 10)
    let unknown = try PlanHistoryLog(
      repository: try scripted.planRepository(), tip: try scripted.gitCommit("readme"), selection: ["nothing"])
    #expect(unknown.unknownTasks == ["nothing"])
    let json = try JSONSerialization.jsonObject(with: Data(HistoryReport(log, language: .en).json().utf8))
    #expect(((json as? [String: Any])?["commits"] as? [Any])?.count == 9)
  }
}
