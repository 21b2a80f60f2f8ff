import PlanLanguageServer
import Testing

/// The base protocol's framing: messages split across reads, several in one read, and headers that lie.
@Suite struct MessageFramingTests {
  @Test func aMessageArrivingInPiecesComesOutWhole() {
    var framer = MessageFramer()
    let bytes = MessageFramer.frame(Array(#"{"jsonrpc":"2.0","method":"initialized"}"#.utf8))
    framer.append(bytes[0..<10])
    #expect(framer.next() == nil)
    framer.append(bytes[10..<30])
    #expect(framer.next() == nil)
    framer.append(bytes[30...])
    #expect(framer.next() == .message(Array(#"{"jsonrpc":"2.0","method":"initialized"}"#.utf8)))
    #expect(framer.next() == nil)
  }

  @Test func twoMessagesInOneReadComeOutInOrderAndLengthsCountBytesNotCharacters() {
    var framer = MessageFramer()
    let chinese = Array(#"{"text":"动员部署"}"#.utf8)
    framer.append(MessageFramer.frame(chinese) + MessageFramer.frame(Array("{}".utf8)))
    #expect(framer.next() == .message(chinese))
    #expect(framer.next() == .message(Array("{}".utf8)))
  }

  @Test func aHeaderWithoutALengthIsDroppedAndTheNextMessageStillReads() {
    var framer = MessageFramer()
    framer.append(Array("Content-Type: x\r\n\r\n".utf8) + Array("Content-Length: -5\r\n\r\n".utf8))
    framer.append(Array("content-length: 2\r\nContent-Type: utf-8\r\n\r\n{}".utf8))
    guard case .badHeader = framer.next() else {
      Issue.record("a header without Content-Length was accepted")
      return
    }
    guard case .badHeader = framer.next() else {
      Issue.record("a negative length was accepted")
      return
    }
    #expect(framer.next() == .message(Array("{}".utf8)), "header names are case-insensitive")
  }
}

/// The hand-written JSON writer: what Foundation's decoder reads back is what was written.
@Suite struct JSONTextTests {
  @Test func textWithQuotesControlCharactersAndChineseRoundTrips() throws {
    let value: JSON = [
      "text": "他说\"好\"\\\n\t\u{01}end", "list": [1, .double(2.5), true, nil, [:], []],
      "nested": ["b": 1, "a": "x"],
    ]
    let text = String(decoding: value.encoded, as: UTF8.self)
    #expect(text.hasPrefix(#"{"list":[1,2.5,true,null,{},[]],"nested":{"a":"x","b":1},"text":"#))
    #expect(text.contains(#"\u0001"#))
    #expect(JSON.parse(value.encoded) == value)
  }
}
