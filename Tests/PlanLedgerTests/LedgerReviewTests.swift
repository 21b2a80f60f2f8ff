import Foundation
import PlanGraph
import Testing

@testable import PlanLedger

/// What a review of the ledger found: fills whose words were hard to read in grey, and cells longer than
/// Excel holds.
@Suite struct LedgerReviewTests {
  @Test func wordsOnAFillTakeTheColourWithMoreContrast() {
    // Orange and green print as mid greys: black words read on them, white ones hardly (2.7:1, 3.1:1).
    #expect(!TaskRows.isDark(0xF57C00), "orange")
    #expect(!TaskRows.isDark(0x34A853), "green")
    #expect(!TaskRows.isDark(0xF9C80E), "yellow")
    #expect(!TaskRows.isDark(0x9AA0A6), "grey")
    // Red and a dark blue keep white words.
    #expect(TaskRows.isDark(0xD93025), "red")
    #expect(TaskRows.isDark(0x1F3864), "dark blue")
    #expect(TaskRows.isDark(0x000000) && !TaskRows.isDark(0xFFFFFF))
  }

  @Test func aCellHoldsAtMostExcelsLimitInUTF16Units() {
    // 33,000 emoji are 66,000 UTF-16 units: Excel's 32,767-character limit counts those.
    let emoji = XLSXFile.cellText(String(repeating: "😀", count: 33_000))
    #expect(emoji.utf16.count <= 32_767)
    #expect(emoji.utf16.count == XLSXFile.maximumCellCharacters)
    #expect(emoji.unicodeScalars.allSatisfy { $0 == "😀" }, "no half pair")
    let chinese = XLSXFile.cellText(String(repeating: "长", count: 40_000))
    #expect(chinese.count == XLSXFile.maximumCellCharacters)
  }
}
