import Foundation
import PlanGraph
import PlanLedger
import Testing

/// A small plan whose every ledger cell is known: two organisations, a unit, a supporting unit, and one
/// task in each light as of 2024-02-01.
enum SmallPlan {
  static let text = """
    plan: "测试 & <计划>"
    start: 2024-01-01
    owners:
      - id: office
        name: 督查室
        units:
          - { id: a, name: 一科 }
      - id: bureau
        name: 财政局
    tasks:
      - id: big
        name: 总任务
        owner: office
        tasks:
          - id: late
            name: 逾期任务
            duration: 10d
            deadline: 2024-01-20
            source: 第一条
            evidence: 文件
            note: "=1+1"
          - id: behind
            name: 落后任务
            owner: office.a
            status: active
            progress: 5%
            duration: 20d
            deadline: 2024-03-31
            support: [bureau]
            after: late
          - id: fine
            name: 正常任务
            start: 2024-02-10
            duration: 10d
            deadline: 2024-06-30
          - id: finished
            name: 完成任务
            duration: 5d
            done: 2024-01-05
            deadline: 2024-01-10
      - id: other
        name: 财政任务
        owner: bureau
        duration: 5d
        start: 2024-02-01
        deadline: 2024-02-05

    """

  static let asOf = Day(ordinal: 19_754)  // 2024-02-01

  /// The plan and its schedule as of 2024-02-01.
  static func scheduled(_ source: String = text) throws -> (Plan, Schedule) {
    let loaded = PlanLoader.load(text: source)
    let plan = try #require(loaded.plan, "\(loaded.diagnostics)")
    return (plan, try Scheduler(plan: plan).schedule(asOf: asOf))
  }

  /// The ledger's bytes in Chinese.
  static func workbookBytes(owner: String? = nil) throws -> [UInt8] {
    let (plan, schedule) = try scheduled()
    let selection = try owner.map { plan.ownerSubtree(try plan.owner(named: $0)) }
    let ledger = Ledger(plan: plan, schedule: schedule, rules: plan.warnings, selection: selection, language: .zh)
    return try XLSXFile.bytes(of: ledger.workbook())
  }
}

/// Runs the tools that check a workbook independently of libxlsxwriter.
enum ExternalTools {
  static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-ledger-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs a program; returns its exit status, stdout and stderr.
  static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, out: Data, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()]
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let errURL = folder.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let errHandle = try FileHandle(forWritingTo: errURL)
    let out = Pipe()
    process.standardOutput = out
    process.standardError = errHandle
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errHandle.close()
    let err = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
    return (process.terminationStatus, data, err)
  }

  /// The workbook as openpyxl reads it (see Scripts/read_ledger.py).
  static func readWithOpenpyxl(_ bytes: [UInt8]) throws -> [String: Any] {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("ledger.xlsx")
    try Data(bytes).write(to: file)
    let result = try run(
      "/usr/bin/python3", [scripts.appendingPathComponent("read_ledger.py").path, file.path])
    try #require(result.status == 0, "read_ledger.py failed: \(result.err)")
    return try #require(try JSONSerialization.jsonObject(with: result.out) as? [String: Any])
  }
}

extension Dictionary where Key == String, Value == Any {
  /// The sheet called `name` in read_ledger.py's output.
  func sheet(_ name: String) -> [String: Any]? {
    (self["sheets"] as? [[String: Any]])?.first { $0["name"] as? String == name }
  }

  /// A row of values (NSNull for empty cells) of a sheet.
  func row(_ index: Int) -> [Any] {
    (self["rows"] as? [[Any]]).flatMap { $0.indices.contains(index) ? $0[index] : nil } ?? []
  }

  /// A per-cell table (fills, bold, types) of a sheet, at a row and column.
  func cell(_ table: String, _ row: Int, _ column: Int) -> Any? {
    guard let rows = self[table] as? [[Any]], rows.indices.contains(row), rows[row].indices.contains(column) else {
      return nil
    }
    return rows[row][column]
  }
}
