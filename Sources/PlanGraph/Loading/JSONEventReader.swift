/// Reads a JSON document straight from its UTF-8 bytes into the same parse events libyaml gives,
/// with the same lines and columns, several times faster than libyaml on large machine-written plans.
///
/// Strings become quoted scalars, numbers and `true`, `false`, `null` plain ones (every scalar is text).
/// Nesting is tracked with an explicit stack, so depth costs no call stack.
struct JSONEventReader: YAMLEventSource {
  private let bytes: [UInt8]
  /// Where the text starts in `bytes` (after a byte-order mark): line 1, column 1, byte offset 0.
  private let textStart: Int
  private var position: Int
  private var columns: JSONColumns
  /// Open containers: true for an object, false for an array.
  private var containers: [Bool] = []
  /// What the grammar expects next.
  private var state = State.streamStart

  private enum State {
    case streamStart, documentStart, value, afterValue, key, colon, documentEnd, streamEnd, finished
  }

  /// Creates a reader of the JSON text in `bytes` from offset `start` on (past a byte-order mark, say),
  /// so that skipping a prefix costs no copy of the file.
  init(bytes: [UInt8], from start: Int = 0) {
    self.bytes = bytes
    textStart = min(max(0, start), bytes.count)
    position = textStart
    columns = JSONColumns(start: textStart)
  }

  mutating func next() throws(YAMLSyntaxError) -> YAMLEvent {
    switch state {
    case .streamStart:
      state = .documentStart
      return YAMLEvent(.streamStart, line: 1, column: 1)
    case .documentStart:
      skipSpace()
      if position >= bytes.count {
        state = .finished
        return YAMLEvent(.streamEnd, line: columns.line, column: column(at: position))
      }
      state = .value
      return YAMLEvent(.documentStart, line: columns.line, column: column(at: position))
    case .documentEnd:
      skipSpace()
      guard position >= bytes.count else {
        throw error(Phrase("unexpected text after the JSON document", "JSON 文档之后还有多余的内容"), at: position)
      }
      state = .streamEnd
      return YAMLEvent(.documentEnd, line: columns.line, column: column(at: position))
    case .streamEnd, .finished:
      state = .finished
      return YAMLEvent(.streamEnd, line: columns.line, column: column(at: position))
    case .value:
      return try value()
    case .key:
      return try key(afterComma: false)
    case .colon:
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw error(Phrase("expected ':' after a key", "键后面应是“:”"), at: position)
      }
      position += 1
      state = .value
      return try value()
    case .afterValue:
      skipSpace()
      guard let inObject = containers.last else {
        state = .documentEnd
        return try next()
      }
      guard position < bytes.count else { throw error(Phrase("unexpected end of input", "内容意外结束"), at: position) }
      let byte = bytes[position]
      if byte == UInt8(ascii: ",") {
        position += 1
        if inObject { return try key(afterComma: true) }
        state = .value
        return try value()
      }
      if byte == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) { return closeContainer() }
      throw error(
        inObject ? Phrase("expected ',' or '}'", "这里应是“,”或“}”") : Phrase("expected ',' or ']'", "这里应是“,”或“]”"),
        at: position)
    }
  }

  /// An object's key, after its `{` or after a `,`: only the first may instead close an empty object.
  /// Inlined as the two copies it replaced were: called for every key, outlined it cost 0.5% of the
  /// instructions of `overdue` on a generated 100,000-task JSON plan (cachegrind).
  @inline(__always)
  private mutating func key(afterComma: Bool) throws(YAMLSyntaxError) -> YAMLEvent {
    skipSpace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
      if afterComma { throw error(Phrase("expected a quoted key after ','", "“,”之后应是带引号的键"), at: position) }
      guard position < bytes.count else {
        throw error(Phrase("unexpected end of input inside an object", "对象尚未结束，内容就结束了"), at: position)
      }
      if bytes[position] == UInt8(ascii: "}") { return closeContainer() }
      throw error(Phrase("expected a quoted key", "这里应是带引号的键"), at: position)
    }
    let key = try string()
    state = .colon
    return key
  }

  private mutating func value() throws(YAMLSyntaxError) -> YAMLEvent {
    skipSpace()
    guard position < bytes.count else { throw error(Phrase("unexpected end of input", "内容意外结束"), at: position) }
    let start = position
    switch bytes[position] {
    case UInt8(ascii: "{"):
      try checkDepth(at: start)
      position += 1
      containers.append(true)
      state = .key
      return YAMLEvent(.mappingStart, line: columns.line, column: column(at: start))
    case UInt8(ascii: "["):
      try checkDepth(at: start)
      let event = YAMLEvent(.sequenceStart, line: columns.line, column: column(at: start))
      position += 1
      containers.append(false)
      skipSpace()
      state = .value
      // An empty array closes at once.
      if position < bytes.count, bytes[position] == UInt8(ascii: "]") { state = .afterValue }
      return event
    case UInt8(ascii: "\""):
      let scalar = try string()
      state = .afterValue
      return scalar
    default:
      // Numbers and literals: a run of the characters they are made of, kept as text.
      while position < bytes.count {
        let b = bytes[position]
        let isWordByte =
          (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
          || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "E")
        guard isWordByte else { break }
        position += 1
      }
      guard position > start else { throw error(Phrase("unexpected character", "意外的字符"), at: start) }
      let text = String(decoding: bytes[start..<position], as: UTF8.self)
      guard Self.isLiteral(text) else {
        throw error(Phrase("'\(text)' is not a JSON value", "“\(text)”不是 JSON 值"), at: start)
      }
      state = .afterValue
      let col = column(at: start)
      return YAMLEvent(
        .scalar, text: text, isPlain: true, line: columns.line, column: col, length: Int32(clamping: position - start))
    }
  }

  private mutating func checkDepth(at offset: Int) throws(YAMLSyntaxError) {
    guard containers.count < PlanLimits.maximumNesting else {
      throw .nestingTooDeep(line: columns.line, column: column(at: offset))
    }
  }

  private mutating func closeContainer() -> YAMLEvent {
    let isObject = containers.removeLast()
    let event = YAMLEvent(isObject ? .mappingEnd : .sequenceEnd, line: columns.line, column: column(at: position))
    position += 1
    state = .afterValue
    return event
  }

  /// A quoted string: the fast path copies bytes without escapes; escapes are decoded.
  private mutating func string() throws(YAMLSyntaxError) -> YAMLEvent {
    let start = position
    let startLine = columns.line
    let startColumn = column(at: start)
    position += 1
    var scalarCount: Int32 = 2
    // The text with escapes decoded, built only once an escape is met (nothing is allocated until then).
    var decoded: [UInt8] = []
    var hasEscape = false
    var runStart = position
    while true {
      guard position < bytes.count else { throw error(Phrase("unterminated string", "字符串没有结束引号"), at: start) }
      let b = bytes[position]
      if b == UInt8(ascii: "\"") { break }
      if b < 0x20 {
        throw error(
          b == 0x0A
            ? Phrase("a line break inside a string", "字符串里有换行")
            : Phrase("a control character inside a string", "字符串里有控制字符"), at: position)
      }
      if b == UInt8(ascii: "\\") {
        hasEscape = true
        decoded.append(contentsOf: bytes[runStart..<position])
        let before = position
        try escape(into: &decoded)
        scalarCount += Int32(position - before)
        runStart = position
        continue
      }
      if b < 0x80 {
        position += 1
      } else {
        let width = try utf8Sequence(at: position)
        position += width
      }
      scalarCount += 1
    }
    let text: String
    if hasEscape {
      decoded.append(contentsOf: bytes[runStart..<position])
      text = String(decoding: decoded, as: UTF8.self)
    } else {
      text = String(decoding: bytes[start + 1..<position], as: UTF8.self)
    }
    position += 1
    return YAMLEvent(.scalar, text: text, isPlain: false, line: startLine, column: startColumn, length: scalarCount)
  }

  /// Decodes the escape at `position` onto `decoded`.
  private mutating func escape(into decoded: inout [UInt8]) throws(YAMLSyntaxError) {
    let at = position
    position += 1
    guard position < bytes.count else { throw error(Phrase("unterminated escape", "转义序列不完整"), at: at) }
    let c = bytes[position]
    position += 1
    let simple: UInt8?
    switch c {
    case UInt8(ascii: "\""): simple = 0x22
    case UInt8(ascii: "\\"): simple = 0x5C
    case UInt8(ascii: "/"): simple = 0x2F
    case UInt8(ascii: "b"): simple = 0x08
    case UInt8(ascii: "f"): simple = 0x0C
    case UInt8(ascii: "n"): simple = 0x0A
    case UInt8(ascii: "r"): simple = 0x0D
    case UInt8(ascii: "t"): simple = 0x09
    case UInt8(ascii: "u"): simple = nil
    default:
      throw error(
        Phrase("unknown escape '\\\(Character(Unicode.Scalar(c)))'", "未知的转义“\\\(Character(Unicode.Scalar(c)))”"),
        at: at)
    }
    if let simple {
      decoded.append(simple)
      return
    }
    var value = try hex4(at: at)
    if (0xD800...0xDBFF).contains(value) {
      // A high surrogate must be followed by an escaped low one.
      guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
      else { throw error(Phrase("a lone surrogate in \\u escape", "\\u 转义中有落单的代理项"), at: at) }
      position += 2
      let low = try hex4(at: at)
      guard (0xDC00...0xDFFF).contains(low) else {
        throw error(Phrase("a lone surrogate in \\u escape", "\\u 转义中有落单的代理项"), at: at)
      }
      value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
    } else if (0xDC00...0xDFFF).contains(value) {
      throw error(Phrase("a lone surrogate in \\u escape", "\\u 转义中有落单的代理项"), at: at)
    }
    guard let scalar = Unicode.Scalar(value) else { throw error(Phrase("an invalid \\u escape", "无效的 \\u 转义"), at: at) }
    UTF8.encode(scalar) { decoded.append($0) }
  }

  private mutating func hex4(at: Int) throws(YAMLSyntaxError) -> UInt32 {
    guard position + 4 <= bytes.count else { throw error(Phrase("a short \\u escape", "\\u 转义位数不足"), at: at) }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let h = bytes[position]
      let digit: UInt32
      switch h {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(h - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(h - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(h - UInt8(ascii: "A") + 10)
      default: throw error(Phrase("a \\u escape needs four hex digits", "\\u 转义需要四位十六进制数字"), at: at)
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }

  /// The length of a valid multi-byte UTF-8 sequence at `offset` (`UTF8Sequence`), or a syntax error.
  private func utf8Sequence(at offset: Int) throws(YAMLSyntaxError) -> Int {
    guard let width = UTF8Sequence.width(at: offset, in: bytes) else { throw encodingError(at: offset) }
    return width
  }

  private static func isLiteral(_ text: String) -> Bool {
    if text == "true" || text == "false" || text == "null" { return true }
    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    var s = Substring(text)
    if s.hasPrefix("-") { s = s.dropFirst() }
    let intPart = s.prefix { $0.isASCII && $0.isNumber }
    guard !intPart.isEmpty, intPart == "0" || !intPart.hasPrefix("0") else { return false }
    s = s.dropFirst(intPart.count)
    if s.hasPrefix(".") {
      s = s.dropFirst()
      let frac = s.prefix { $0.isASCII && $0.isNumber }
      guard !frac.isEmpty else { return false }
      s = s.dropFirst(frac.count)
    }
    if s.hasPrefix("e") || s.hasPrefix("E") {
      s = s.dropFirst()
      if s.hasPrefix("+") || s.hasPrefix("-") { s = s.dropFirst() }
      let exp = s.prefix { $0.isASCII && $0.isNumber }
      guard !exp.isEmpty else { return false }
      s = s.dropFirst(exp.count)
    }
    return s.isEmpty
  }

  private mutating func skipSpace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0D:
        position += 1
      case 0x0A:
        position += 1
        columns.newLine(at: position)
      default:
        return
      }
    }
  }

  /// The 1-based column (in Unicode scalars) of a byte offset on the current line.
  private mutating func column(at offset: Int) -> Int32 {
    columns.column(at: offset, in: bytes)
  }

  private mutating func error(_ message: Phrase, at offset: Int) -> YAMLSyntaxError {
    YAMLSyntaxError(
      message: Phrase("JSON: " + message.english, "JSON 语法错误：" + message.chinese), hint: nil, line: columns.line,
      column: column(at: min(offset, bytes.count)))
  }

  private func encodingError(at offset: Int) -> YAMLSyntaxError {
    YAMLSyntaxError(
      message: Phrase("invalid UTF-8", "不是有效的 UTF-8"),
      hint: Phrase("plan files must be UTF-8 text", "计划文件必须是 UTF-8 文本"), line: 0, column: 0,
      byteOffset: offset - textStart)
  }
}
