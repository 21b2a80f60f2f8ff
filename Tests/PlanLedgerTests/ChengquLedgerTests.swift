import Foundation
import PlanGraph
import PlanLedger
import Testing

/// The bundled Chengqu plan's ledger: row counts read back by openpyxl, and a real conversion by LibreOffice.
@Suite struct ChengquLedgerTests {
  static let planPath = ExternalTools.packageRoot.appendingPathComponent("plans/chengqu-2017/plan.yaml").path

  func ledger() throws -> Ledger {
    let check = PlanCheck(path: Self.planPath, asOf: Day(ordinal: 17_546), lint: false)  // 2018-01-15
    let plan = try #require(check.plan)
    let schedule = try #require(check.schedule)
    return Ledger(plan: plan, schedule: schedule, rules: plan.warnings, selection: nil, language: .zh)
  }

  @Test func rowCountsPerOrganisation() throws {
    let ledger = try ledger()
    let plan = ledger.plan
    let book = try ExternalTools.readWithOpenpyxl(try XLSXFile.bytes(of: ledger.workbook()))
    let sheets = try #require(book["sheets"] as? [[String: Any]])
    // Every organisation that leads or supports a task has a sheet with one row per such task.
    var expected: [String: Int] = [:]
    for (index, owner) in plan.owners.enumerated() where owner.parent == nil {
      let units = plan.ownerSubtree(index)
      let count = plan.tasks.indices.filter { plan.isLedOrSupported($0, by: units) }.count
      if count > 0 { expected[owner.name] = count }
    }
    #expect(sheets.count == expected.count + 1)
    #expect(sheets.first?["name"] as? String == "总表")
    var total = 0
    for sheet in sheets.dropFirst() {
      let name = try #require(sheet["name"] as? String)
      let rows = try #require(sheet["maxRow"] as? Int)
      #expect(rows - 1 == expected[name], "\(name)")
      #expect(sheet["autofilter"] as? String == "A1:P\(rows)")
      total += rows - 1
    }
    let supportRows = plan.tasks.reduce(0) { sum, task in
      let organisations = Set(task.support.map(plan.organisation(of:)))
        .subtracting(task.owner.map { [plan.organisation(of: $0)] } ?? [])
      return sum + organisations.count
    }
    #expect(total == plan.tasks.count + supportRows, "every task once under its lead, and again under a supporter")
    #expect(supportRows == 3, "the three supporting units the Chengqu text names")
    // The summary's total row counts the contract's tasks: non-cancelled leaves and duties.
    let summary = try #require(book.sheet("总表"))
    let totalRow = try #require((summary["rows"] as? [[Any]])?.first { $0.first as? String == "合计" })
    let counted = plan.tasks.indices.filter {
      !plan.tasks[$0].isSummary && ledger.schedule.tasks[$0].status != .cancelled
    }.count
    #expect(totalRow[1] as? Int == counted)
  }

  @Test func libreOfficeConvertsItAndShowsTheTasks() throws {
    let ledger = try ledger()
    let folder = try ExternalTools.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let workbook = folder.appendingPathComponent("ledger.xlsx")
    try Data(try XLSXFile.bytes(of: ledger.workbook())).write(to: workbook)
    let converted = try ExternalTools.run(
      "/usr/bin/soffice",
      [
        "-env:UserInstallation=file://" + folder.appendingPathComponent("profile").path, "--headless",
        "--convert-to", "pdf", "--outdir", folder.path, workbook.path,
      ])
    #expect(converted.status == 0, "\(converted.err)")
    let pdf = folder.appendingPathComponent("ledger.pdf")
    try #require(FileManager.default.fileExists(atPath: pdf.path), "no PDF: \(converted.err)")
    let text = try ExternalTools.run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"])
    #expect(text.status == 0)
    // pdftotext breaks wrapped cells into lines: look for short names, and for the sheets' titles.
    let content = String(decoding: text.out, as: UTF8.self)
    let names = ledger.plan.tasks.map(\.name).filter { $0.count <= 8 }.prefix(20)
    #expect(names.count >= 5)
    for name in names { #expect(content.contains(name), "\(name)") }
    #expect(content.contains("督查督办台账"))
    #expect(content.contains("按期完成率排名"))
  }
}
