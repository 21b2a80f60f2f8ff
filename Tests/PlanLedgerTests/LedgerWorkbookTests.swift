import Foundation
import PlanGraph
import PlanLedger
import Testing

/// The workbook read back by openpyxl, cell by cell, on a plan where every cell is known.
@Suite struct LedgerWorkbookTests {
  @Test func sameInputGivesSameBytes() throws {
    let first = try SmallPlan.workbookBytes()
    let second = try SmallPlan.workbookBytes()
    #expect(first == second)
    #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]), "an xlsx is a zip file")
  }

  @Test func propertiesCarryTheTitleAndTheAsOfDate() throws {
    let book = try ExternalTools.readWithOpenpyxl(try SmallPlan.workbookBytes())
    #expect(book["title"] as? String == "测试 & <计划> 督查督办台账")
    #expect(book["subject"] as? String == "截至 2024-02-01")
    // The creation time is the as-of date, not the clock: the same input gives the same file.
    #expect(book["created"] as? String == "2024-02-01T00:00:00")
    #expect((book["sheets"] as? [[String: Any]])?.map { $0["name"] as? String } == ["总表", "督查室", "财政局"])
  }

  @Test func taskSheetCellByCell() throws {
    let book = try ExternalTools.readWithOpenpyxl(try SmallPlan.workbookBytes())
    let sheet = try #require(book.sheet("督查室"))
    #expect(
      sheet.row(0) as? [String] == [
        "序号", "任务", "依据条款", "牵头单位", "配合单位", "时限", "计划完成", "预测完成", "进度", "目标/最新测量", "状态", "预警",
        "逾期天数", "影响后续", "佐证材料", "备注",
      ])
    #expect(sheet["maxRow"] as? Int == 6)
    let late = sheet.row(2)
    #expect(late[0] as? Int == 2)
    #expect(late[1] as? String == "逾期任务")
    #expect(late[2] as? String == "第一条")
    #expect(late[3] as? String == "督查室")
    #expect(late[5] as? String == "2024-01-20 00:00:00")
    #expect(late[6] as? String == "2024-01-10 00:00:00")
    #expect(late[10] as? String == "逾期")
    #expect(late[11] as? String == "红")
    #expect(late[12] as? Int == 12)
    #expect(late[13] as? String == "1 项：落后任务")
    #expect(late[14] as? String == "文件")
    // Plan text is data: "=1+1" is stored as a string, and no cell anywhere is a formula.
    #expect(late[15] as? String == "=1+1")
    #expect(sheet.cell("types", 2, 15) as? String == "s")
    #expect(book["formulas"] as? Int == 0)
    // The light is a filled cell and a word; the overdue one red, the behind one yellow, the rest green.
    #expect(sheet.cell("fills", 2, 11) as? String == "FFD93025")
    #expect(sheet.row(3)[11] as? String == "黄")
    #expect(sheet.cell("fills", 3, 11) as? String == "FFF9C80E")
    #expect(sheet.row(4)[11] as? String == "绿")
    #expect(sheet.cell("fills", 4, 11) as? String == "FF34A853")
    #expect(sheet.row(5)[11] as? String == "已完成")
    #expect(sheet.cell("fills", 5, 11) == nil || sheet.cell("fills", 5, 11) is NSNull)
    // The summary is red for its overdue task and, as in every output since the v2 statuses, its status
    // rolls up from it (逾期) though its own dates are on track; it is bold, its tasks indented.
    #expect(sheet.row(1)[10] as? String == "逾期")
    #expect(sheet.row(1)[11] as? String == "红")
    #expect(sheet.cell("bold", 1, 1) as? Bool == true)
    #expect(sheet.cell("bold", 2, 1) as? Bool == false)
    #expect(sheet.cell("indent", 1, 1) as? Int == 0)
    #expect(sheet.cell("indent", 2, 1) as? Int == 1)
    #expect(sheet.row(3)[8] as? Double == 0.05)
    #expect(sheet.cell("formats", 3, 8) as? String == "0%")
    #expect(sheet.row(5)[8] as? Int == 1)
  }

  @Test func viewAndPrintSettings() throws {
    let book = try ExternalTools.readWithOpenpyxl(try SmallPlan.workbookBytes())
    let sheet = try #require(book.sheet("督查室"))
    #expect(sheet["freeze"] as? String == "C2")
    #expect(sheet["autofilter"] as? String == "A1:P6")
    #expect(sheet["printTitleRows"] as? String == "$1:$1")
    #expect(sheet["orientation"] as? String == "landscape")
    #expect(sheet["paperSize"] as? Int == 9)
    #expect(sheet["fitToPage"] as? Bool == true)
    #expect(sheet["fitToWidth"] as? Int == 1)
    #expect(sheet["fitToHeight"] as? Int == 0)
    // `&` is doubled in Excel's header syntax, so the title prints as written.
    #expect(sheet["headerLeft"] as? String == "测试 && <计划> · 督查室")
    #expect(sheet["headerRight"] as? String == "截至 2024-02-01")
    let summary = try #require(book.sheet("总表"))
    #expect(summary["freeze"] as? String == "B5")
    #expect(summary["autofilter"] as? String == "A4:Q8")
    #expect(summary["printTitleRows"] as? String == "$4:$4")
  }

  @Test func emptyTaskCellsAreNotWrittenAndTheGridIsPrinted() throws {
    let book = try ExternalTools.readWithOpenpyxl(try SmallPlan.workbookBytes())
    let sheet = try #require(book.sheet("督查室"))
    #expect(sheet["printGridLines"] as? Bool == true, "body cells have no border: the gridlines are the grid")
    let rows = try #require(sheet["rows"] as? [[Any]])
    let filled = rows.reduce(0) { $0 + $1.filter { !($0 is NSNull) }.count }
    let written = try #require(sheet["writtenCells"] as? Int)
    // Every cell with a value is written, and few more: only empty cells with a fill or border.
    #expect(written >= filled)
    #expect(written < rows.count * 16, "an empty plain cell is not written: \(written) of \(rows.count * 16)")
    let summary = try #require(book.sheet("总表"))
    #expect(summary["printGridLines"] as? Bool == false, "the 总表 keeps its bordered cells")
  }

  @Test func theStreamedWorkbookIsTheSameFile() throws {
    let (plan, schedule) = try SmallPlan.scheduled()
    let ledger = Ledger(plan: plan, schedule: schedule, rules: plan.warnings, selection: nil, language: .zh)
    let (book, later) = ledger.streamedWorkbook()
    #expect(!later.isEmpty)
    #expect(try XLSXFile.bytes(of: book, thenSheets: later) == (try XLSXFile.bytes(of: ledger.workbook())))
  }

  @Test func supportingUnitSeesTheTaskMarked() throws {
    let book = try ExternalTools.readWithOpenpyxl(try SmallPlan.workbookBytes())
    let lead = try #require(book.sheet("督查室"))
    #expect(lead.row(3)[4] as? String == "财政局")
    let supporting = try #require(book.sheet("财政局"))
    #expect(supporting["maxRow"] as? Int == 3)
    #expect(supporting.row(1)[1] as? String == "落后任务")
    #expect(supporting.row(1)[4] as? String == "【配合】财政局")
    #expect(supporting.row(2)[1] as? String == "财政任务")
    #expect(supporting.row(2)[10] as? String == "即将到期")
    #expect(supporting.row(2)[11] as? String == "黄")
  }

  @Test func ownerSelectsWhatAUnitLeadsOrSupports() throws {
    let book = try ExternalTools.readWithOpenpyxl(try SmallPlan.workbookBytes(owner: "bureau"))
    #expect((book["sheets"] as? [[String: Any]])?.map { $0["name"] as? String } == ["总表", "财政局"])
    let sheet = try #require(book.sheet("财政局"))
    #expect(sheet.row(1)[1] as? String == "落后任务")
    #expect(sheet.row(1)[4] as? String == "【配合】财政局")
    #expect(sheet.row(2)[1] as? String == "财政任务")
  }

  @Test func summaryCountsRatesAndRankings() throws {
    let book = try ExternalTools.readWithOpenpyxl(try SmallPlan.workbookBytes())
    let sheet = try #require(book.sheet("总表"))
    #expect(
      sheet.row(3) as? [String] == [
        "单位", "任务数", "已完成", "逾期", "有风险", "即将到期", "受阻", "正常", "已取消", "标记受阻", "未按期开展次数", "红", "黄", "绿",
        "配合任务", "按期完成率", "逾期占比",
      ])
    // 督查室 with its unit 一科: four leaves, one done on time, one overdue; two of them due by the date.
    #expect(sheet.row(4).prefix(15).compactMap { $0 as? Int } == [4, 1, 1, 0, 0, 0, 2, 0, 0, 0, 1, 1, 1, 0])
    #expect(sheet.row(4)[0] as? String == "督查室")
    #expect(sheet.row(4)[15] as? Double == 0.5)
    #expect(sheet.row(4)[16] as? Double == 0.25)
    #expect(sheet.row(5)[0] as? String == "一科")
    #expect(sheet.row(5)[15] as? String == "—")
    #expect(sheet.row(6)[0] as? String == "财政局")
    #expect(sheet.row(6)[14] as? Int == 1, "财政局 supports one task")
    #expect(sheet.row(7)[0] as? String == "合计")
    #expect(sheet.row(7)[1] as? Int == 5)
    #expect(sheet.cell("fills", 3, 11) as? String == "FFD93025")
    // Ranked by on-time rate (best first, no rate last) and by overdue share (smallest first), ties shared.
    #expect(sheet.row(9)[0] as? String == "按期完成率排名")
    #expect(sheet.row(10)[0] as? String == "督查室")
    #expect(sheet.row(10)[1] as? Int == 1)
    #expect(sheet.row(11)[1] as? Int == 2)
    #expect(sheet.row(12)[1] as? Int == 2)
    #expect(sheet.row(14)[0] as? String == "逾期占比排名")
    #expect(sheet.row(15)[1] as? Int == 1)
    #expect(sheet.row(16)[1] as? Int == 1)
    #expect(sheet.row(17)[0] as? String == "督查室")
    #expect(sheet.row(17)[1] as? Int == 3)
    // How each number is computed is written under the tables.
    let notes = (sheet["rows"] as? [[Any]] ?? []).compactMap { $0.first as? String }
    #expect(notes.contains { $0.hasPrefix("按期完成率 = ") })
    #expect(notes.contains { $0.hasPrefix("逾期占比 = ") })
  }

  @Test func hostileTextStaysInert() throws {
    let text = SmallPlan.text.replacingOccurrences(
      of: "name: 正常任务", with: "name: \"=HYPERLINK(\\\"http://x\\\")\\u0001\""
    )
    .replacingOccurrences(of: "plan: \"测试 & <计划>\"", with: "plan: \"&P &[Page] <b>\"")
    let (plan, schedule) = try SmallPlan.scheduled(text)
    let ledger = Ledger(plan: plan, schedule: schedule, rules: plan.warnings, selection: nil, language: .zh)
    let book = try ExternalTools.readWithOpenpyxl(try XLSXFile.bytes(of: ledger.workbook()))
    let sheet = try #require(book.sheet("督查室"))
    #expect(sheet.row(4)[1] as? String == "=HYPERLINK(\"http://x\")", "the control character is dropped")
    #expect(sheet.cell("types", 4, 1) as? String == "s")
    #expect(book["formulas"] as? Int == 0)
    #expect(sheet["headerLeft"] as? String == "&&P &&[Page] <b> · 督查室")
  }

  @Test func sheetNamesAreMadeValidAndUnique() throws {
    let text = SmallPlan.text.replacingOccurrences(
      of: "name: 督查室", with: "name: \"督查室/第[一]组:很长很长很长很长很长很长很长很长很长很长很长的名字\""
    )
    .replacingOccurrences(of: "name: 财政局", with: "name: \"督查室/第[一]组:很长很长很长很长很长很长很长很长很长很长很长的名字\"")
    let (plan, schedule) = try SmallPlan.scheduled(text)
    let ledger = Ledger(plan: plan, schedule: schedule, rules: plan.warnings, selection: nil, language: .zh)
    let names = ledger.workbook().sheets.map(\.name)
    #expect(names.count == 3)
    #expect(Set(names.map { $0.lowercased() }).count == 3)
    for name in names {
      #expect(name.utf16.count <= 31)
      #expect(!name.contains { "[]:*?/\\".contains($0) })
    }
    _ = try XLSXFile.bytes(of: ledger.workbook())
  }
}
