import Foundation
import PlanGraph
import Testing

/// The byte writer under the JSON reports: numbers, dates and escapes must come out exactly right,
/// since every JSON the tool writes goes through it.
@Suite struct ByteWriterTests {
  private func written(_ body: (inout ByteWriter) -> Void) -> String {
    var writer = ByteWriter()
    body(&writer)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  @Test(arguments: [0, 7, 10, 99, 100, -1, -10, 2_017, 1_000_000, Int.max, Int.min])
  func wholeNumbersAreWrittenAsSwiftWritesThem(_ number: Int) {
    #expect(written { $0.write(number) } == String(number))
  }

  @Test func daysAreZeroPaddedISODates() throws {
    for (y, m, d) in [(1900, 1, 1), (2017, 10, 20), (2017, 9, 1), (2024, 2, 29), (2200, 12, 31)] {
      let day = try #require(Day(year: y, month: m, day: d))
      let text = day.iso
      #expect(written { $0.write(day) } == text)
      #expect(written { $0.writeJSON(Optional(day)) } == "\"\(text)\"")
    }
    #expect(written { $0.writeJSON(Day?.none) } == "null")
  }

  @Test func jsonStringsEscapeExactlyWhatJSONAndJavaScriptNeed() throws {
    let cases: [(String, String)] = [
      ("改革", "\"改革\""),
      ("“三双”—…", "\"“三双”—…\""),  // E2 80 9C, E2 80 94, E2 80 A6: not separators, kept
      ("a\"b\\c", "\"a\\\"b\\\\c\""),
      ("line\nbreak\r\ttab", "\"line\\nbreak\\r\\ttab\""),
      ("\u{0}\u{1f}", "\"\\u0000\\u001f\""),
      ("x\u{2028}y\u{2029}z", "\"x\\u2028y\\u2029z\""),
      ("\u{2028}", "\"\\u2028\""),
      ("", "\"\""),
    ]
    for (text, expected) in cases {
      let json = written { $0.writeJSON(text) }
      #expect(json == expected)
      // And a JSON parser reads back the text as written.
      let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
      #expect(decoded as? String == text)
    }
  }

  @Test func manyTextsRoundTripThroughAJSONParser() throws {
    // A fixed seed: the same 500 texts on every run.
    var random = SeededRandom(seed: 2017)
    let alphabet: [Character] = [
      "a", "\"", "\\", "\n", "\u{1}", "\u{2028}", "\u{2029}", "改", "“", "—", "😀", " ", "\u{7f}",
    ]
    for _ in 0..<500 {
      let text = String((0..<random.below(13)).map { _ in alphabet[random.below(alphabet.count)] })
      let json = written { $0.writeJSON(text) }
      let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
      #expect(decoded as? String == text, "\(json)")
      #expect(json == JSONText.string(text))
    }
  }
}
