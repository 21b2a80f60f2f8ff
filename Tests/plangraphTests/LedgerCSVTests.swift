import Foundation
import Testing

/// The ledger CSV: the same columns from `schedule`, `overdue` and `export --format csv`, with what a
/// supervisor's ledger needs.
@Suite struct LedgerCSVTests {
  static let plan = "plans/chengqu-2017/plan.yaml"

  func records(_ arguments: [String], asOf: String = "2018-01-15") throws -> [[String]] {
    let result = try CommandRunner.run(arguments + ["--as-of", asOf, "--lang", "zh"])
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    return try CSV.parse(String(decoding: [UInt8](result.stdoutBytes).dropFirst(3), as: UTF8.self))
  }

  @Test func exportWritesTheWholePlanAsTheLedger() throws {
    let exported = try records(["export", Self.plan, "--format", "csv"])
    let schedule = try records(["schedule", Self.plan, "--format", "csv"])
    let overdue = try records(["overdue", Self.plan, "--format", "csv"])
    #expect(exported == schedule)
    #expect(exported.first == overdue.first)
    let header = try #require(exported.first)
    for column in [
      "编号", "名称", "责任单位", "依据条款", "截止", "计划完成", "预测完成", "状态", "受阻", "逾期天数", "进度", "最新测量值", "测量日期", "目标", "完成日期",
      "佐证材料", "备注",
    ] {
      #expect(header.contains(column), "\(column)")
    }
    // Every task, summaries and duties included.
    #expect(exported.count == 1 + 359, "the header and all 359 tasks")
    let column = { (name: String) in header.firstIndex(of: name) ?? 0 }
    // The nine tasks the plan gives evidence for carry it.
    #expect(exported.dropFirst().filter { !$0[column("佐证材料")].isEmpty }.count == 9)
    // Targets carry the target itself.
    #expect(exported.dropFirst().filter { !$0[column("目标")].isEmpty }.count == 28)
  }

  @Test func aBlockedTaskIsMarkedWithItsNote() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-ledger-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("plan.yaml")
    try Data(CountsAgreeTests.smallPlan.utf8).write(to: plan)
    // As of 2018-03-05 the blocked draft is 44 days past its deadline of 2018-01-20.
    let rows = try records(["overdue", plan.path, "--format", "csv"], asOf: "2018-03-05")
    let header = try #require(rows.first)
    let draft = try #require(rows.first { $0.first == "reform.draft" })
    let column = { (name: String) in header.firstIndex(of: name) ?? 0 }
    #expect(draft[column("状态")] == "逾期" && draft[column("受阻")] == "是" && draft[column("备注")] == "等待区委批复")
    // The table marks it too, with the note.
    let table = try CommandRunner.run(["overdue", plan.path, "--as-of", "2018-03-05", "--lang", "zh"])
    #expect(table.stdout.contains("逾期 · 受阻"))
    #expect(table.stdout.contains("受阻：等待区委批复"))
    // And the chart: the node says overdue and blocked; its summary shows the flag rolled up.
    let dot = folder.appendingPathComponent("chart.dot")
    _ = try CommandRunner.run(["render", plan.path, "-o", dot.path, "--as-of", "2018-03-05", "--lang", "zh"])
    let text = String(decoding: try Data(contentsOf: dot), as: UTF8.self)
    #expect(text.contains("× 逾期 44 天 · 受阻"))
  }
}
