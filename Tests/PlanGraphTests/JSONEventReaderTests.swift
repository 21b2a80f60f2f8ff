import Testing

@testable import PlanGraph

/// The byte-level JSON reader gives the events libyaml gives for the same JSON, at the same places,
/// and refuses what is not JSON.
@Suite struct JSONEventReaderTests {
  struct Seen: Equatable, CustomStringConvertible {
    var kind: YAMLEvent.Kind
    var text: String
    var isPlain: Bool
    var line: Int32
    var column: Int32
    var length: Int32
    var description: String {
      "\(kind) '\(text)' \(isPlain ? "plain" : "quoted") \(line):\(column)+\(length)"
    }
  }

  /// Every event up to and including the stream end; a syntax error fails the test instead of ending
  /// the list, so that two readers failing at the same place do not pass as agreeing.
  func events<S: YAMLEventSource>(_ source: S) throws -> [Seen] {
    var source = source
    var result: [Seen] = []
    while result.last?.kind != .streamEnd {
      guard result.count < 1_000_000 else {
        Issue.record("no stream end after a million events")
        break
      }
      let event = try source.next()
      // Only node starts and scalars carry positions both readers agree on.
      let positioned = event.kind == .scalar || event.kind == .mappingStart || event.kind == .sequenceStart
      result.append(
        Seen(
          kind: event.kind, text: event.text, isPlain: event.isPlain, line: positioned ? event.line : 0,
          column: positioned ? event.column : 0, length: positioned ? event.length : 0))
    }
    return result
  }

  static let documents: [String] = [
    #"{"plan": "计划", "start": "2017-09-01", "tasks": []}"#,
    #"{"a":1,"b":[true,false,null,-2.5e3],"c":{"d":"e"},"f":[],"g":{}}"#,
    "{\n\t\"plan\": \"x\",\n  \"tasks\": [\n    {\"id\": \"a\", \"name\": \"中文名称\", \"after\": [\"b\", \"c\"]}\n  ]\n}\n",
    #"{"escaped": "quote \" backslash \\ slash \/ tab \t newline \n unicode \u4e2d"}"#,
    #"[1, [2, [3, [4]]], {"deep": [[], [[]]]}]"#,
    #"{"emoji": "😀", "mixed": "a中b", "after": "x"}"#,
  ]

  @Test(arguments: documents)
  func givesTheEventsLibYAMLGives(_ json: String) throws {
    let bytes = Array(json.utf8)
    let ours = try events(JSONEventReader(bytes: bytes))
    let theirs = try events(LibYAMLEventReader(bytes: bytes))
    #expect(ours == theirs)
  }

  @Test(arguments: documents)
  func readersStartedPastAByteOrderMarkReadAsIfItWereNotThere(_ json: String) throws {
    let bytes = Array(json.utf8)
    let marked = [0xEF, 0xBB, 0xBF] + bytes
    let plain = try events(JSONEventReader(bytes: bytes))
    #expect(try events(JSONEventReader(bytes: marked, from: 3)) == plain)
    #expect(try events(LibYAMLEventReader(text: marked[3...])) == plain)
  }

  @Test func surrogatePairsDecodeToOneCharacter() throws {
    // JSON spells characters beyond the BMP as surrogate pairs (libyaml, a YAML reader, does not join them).
    var reader = JSONEventReader(bytes: Array(#"["\ud83d\ude00 \u4e2d"]"#.utf8))
    var texts: [String] = []
    while case let event = try reader.next(), event.kind != .streamEnd {
      if event.kind == .scalar { texts.append(event.text) }
    }
    #expect(texts == ["😀 中"])
  }

  @Test func unicodeEscapesBecomeTheirUTF8() throws {
    // One to four UTF-8 bytes, at the edges of each width, and a pair at each end of the surrogates.
    let json = #"["\u0041\u007f\u0080\u07ff\u0800\ufffd\uffff\ud800\udc00\udbff\udfff", "a\u00e9b\u4e2dc"]"#
    var reader = JSONEventReader(bytes: Array(json.utf8))
    var texts: [String] = []
    while case let event = try reader.next(), event.kind != .streamEnd {
      if event.kind == .scalar { texts.append(event.text) }
    }
    #expect(texts == ["\u{41}\u{7f}\u{80}\u{7ff}\u{800}\u{fffd}\u{ffff}\u{10000}\u{10ffff}", "a\u{e9}b\u{4e2d}c"])
  }

  @Test func generatedPlansReadTheSameThroughBothReaders() throws {
    let bytes = PlanGenerator(taskCount: 500, seed: 5, format: .json).generate()
    #expect(try events(JSONEventReader(bytes: bytes)) == events(LibYAMLEventReader(bytes: bytes)))
  }

  @Test(arguments: [
    (#"{"a": 1,}"#, "expected a quoted key"), (#"{"a" 1}"#, "expected ':'"), (#"[1 2]"#, "expected ',' or ']'"),
    (#"{"a": "b"} x"#, "after the JSON document"), (#"{"a": tru}"#, "is not a JSON value"),
    (#"{"a": 01}"#, "is not a JSON value"), (#"{"a": "\x"}"#, "unknown escape"), (#"{"a": "\ud800"}"#, "surrogate"),
    ("{\"a\": \"line\nbreak\"}", "line break"), (#"{"a": "unterminated"#, "unterminated string"),
    (#"[1,]"#, "unexpected"),
    (#"{'a': 1}"#, "expected a quoted key"),
    (#"{"a": 1, 2}"#, "expected a quoted key after ','"), (#"{"a": 1,"#, "expected a quoted key after ','"),
    (#"{"a": 1, }"#, "expected a quoted key after ','"), ("{", "unexpected end of input inside an object"),
  ])
  func refusesWhatIsNotJSON(_ json: String, _ message: String) {
    var reader = JSONEventReader(bytes: Array(json.utf8))
    var thrown: YAMLSyntaxError?
    for _ in 0..<100 {
      do {
        if try reader.next().kind == .streamEnd { break }
      } catch {
        thrown = error
        break
      }
    }
    #expect(thrown?.message.english.contains(message) == true, "\(thrown?.message.english ?? "no error")")
  }

  @Test func invalidUTF8IsAnEncodingErrorAtItsByte() {
    var reader = JSONEventReader(bytes: Array(#"{"a": ""#.utf8) + [0xFF, 0x22, 0x7D])
    var thrown: YAMLSyntaxError?
    for _ in 0..<10 {
      do { _ = try reader.next() } catch {
        thrown = error
        break
      }
    }
    #expect(thrown?.byteOffset == 7)
  }
}
