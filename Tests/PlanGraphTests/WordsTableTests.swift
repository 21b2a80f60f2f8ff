import Foundation
import PlanGraph
import Testing

/// The one table of words per language: every output takes its wording from it, so the same thing is
/// said the same way, and a language is one table.
@Suite struct WordsTableTests {
  /// The folders whose wording must come from the table, and the file allowed an inline
  /// `language.pick`: the diagnostics' formatter, whose words are `Phrase`s with both languages, and
  /// the messages on stderr worded like diagnostics (a chart's advice on a page too small to read).
  static let folders = [
    "PlanGraph/Reports", "PlanGraphviz", "PlanHistory", "PlanLedger", "PlanLanguageServer/Features",
  ]
  static let allowed: Set<String> = ["DiagnosticFormatter.swift", "CodeActions.swift", "PageFit.swift"]

  @Test func noReportChartHistoryOrLedgerFileWordsThingsInline() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources")
    var offenders: [String] = []
    var scanned = 0
    for folder in Self.folders {
      let root = sources.appendingPathComponent(folder)
      let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
      for case let file as URL in files where file.pathExtension == "swift" {
        scanned += 1
        guard !Self.allowed.contains(file.lastPathComponent) else { continue }
        let text = try String(contentsOf: file, encoding: .utf8)
        if text.contains(".pick(") || text.contains("language == .zh ?") {
          offenders.append(folder + "/" + file.lastPathComponent)
        }
      }
    }
    #expect(scanned > 40)
    #expect(offenders == [], "words belong in Sources/PlanGraph/Reports/Words")
  }

  @Test func everyLanguageHasTheSameLedgerColumnsAndEveryStatus() {
    let columns = Language.allCases.map { $0.words.report.ledgerColumns.count }
    #expect(Set(columns).count == 1)
    // A status missing from a table would be shown as its code (`at-risk`).
    for status in ScheduleStatus.allCases {
      #expect(status.label(.zh) != status.rawValue)
      #expect(!status.label(.en).contains("-"))
    }
  }

  @Test func aTaskWithoutAnOwnerIsFiledUnderTheSameWordsEverywhere() throws {
    let text = """
      plan: 无主任务
      start: 2018-01-01
      tasks:
        - id: a
          name: 没有责任单位的任务
          duration: 5d
      """
    let s = try Scheduled(text, asOf: "2018-03-01")
    let mermaid = MermaidExport(plan: s.plan, schedule: s.schedule, language: .zh).markdown()
    #expect(mermaid.contains("section " + Language.zh.words.noOwner + "\n"))
    #expect(Language.zh.words.noOwner == "未指定责任单位")
  }
}
