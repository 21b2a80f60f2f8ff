import Foundation
import PlanGraph
import Testing

/// The JSON reports copy ids and names straight from the plan's UTF-8 (`writeJSON(utf8:)`): the bytes
/// must be exactly what writing the same text as a `String` gives, escapes included.
@Suite struct ByteWriterUTF8Tests {
  private func written(_ body: (inout ByteWriter) -> Void) -> [UInt8] {
    var writer = ByteWriter()
    body(&writer)
    return writer.bytes
  }

  private func both(_ text: String) -> (fromString: [UInt8], fromUTF8: [UInt8]) {
    let fromString = written { $0.writeJSON(text) }
    var copy = text
    let fromUTF8 = copy.withUTF8 { utf8 in written { $0.writeJSON(utf8: utf8) } }
    return (fromString, fromUTF8)
  }

  @Test func plainAndEscapedTextsMatchTheStringWriter() {
    let texts = [
      "", "改革", "a\"b\\c", "line\nbreak", "\u{0}\u{1f}", "x\u{2028}y\u{2029}z", "“三双”—…",
      "a long plain name of more than eight bytes", "长长的中文名称超过八个字节",
    ]
    for text in texts {
      let (fromString, fromUTF8) = both(text)
      #expect(fromUTF8 == fromString, "\(text)")
    }
    // A wrong copy (no quotes, or no escapes) would differ here.
    #expect(both("a\"b").fromUTF8 == Array(#""a\"b""#.utf8))
  }

  @Test func randomTextsMatchTheStringWriter() {
    var random = SeededRandom(seed: 18)
    let alphabet: [Character] = ["a", "\"", "\\", "\n", "\u{1}", "\u{2028}", "改", "—", "😀", " "]
    for _ in 0..<300 {
      let text = String((0..<random.below(20)).map { _ in alphabet[random.below(alphabet.count)] })
      let (fromString, fromUTF8) = both(text)
      #expect(fromUTF8 == fromString, "\(text)")
    }
  }

  @Test func anEmptyBufferWithoutAddressIsAnEmptyString() {
    let bytes = written { $0.writeJSON(utf8: UnsafeBufferPointer(start: nil, count: 0)) }
    #expect(bytes == Array(#""""#.utf8))
  }
}
