internal import CYAML

/// Reads YAML parse events through libyaml's event API: the only code that touches libyaml.
///
/// A class because it owns the C parser and the input buffer for its lifetime.
final class LibYAMLEventReader: YAMLEventSource {
  private let parser: UnsafeMutablePointer<yaml_parser_t>
  private let input: UnsafeMutableBufferPointer<UInt8>
  private var finished = false
  /// Character (Unicode scalar) offsets of the last event's start and end marks, from the text's start:
  /// the plan editor turns them into byte spans.
  private(set) var lastMarks: (start: Int, end: Int) = (0, 0)

  /// Creates a reader over UTF-8 text; libyaml's byte offsets count from its start.
  init(text: ArraySlice<UInt8>) {
    // libyaml needs the input at a fixed address for the reader's lifetime: its own copy of the text.
    input = .allocate(capacity: max(1, text.count))
    _ = input.initialize(from: text)
    parser = .allocate(capacity: 1)
    yaml_parser_initialize(parser)
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(parser, input.baseAddress, text.count)
  }

  /// Creates a reader over UTF-8 bytes.
  convenience init(bytes: [UInt8]) {
    self.init(text: bytes[...])
  }

  deinit {
    yaml_parser_delete(parser)
    parser.deallocate()
    input.deallocate()
  }

  func next() throws(YAMLSyntaxError) -> YAMLEvent {
    if finished { return YAMLEvent(.streamEnd, line: 1, column: 1) }
    var event = yaml_event_t()
    guard yaml_parser_parse(parser, &event) == 1 else {
      finished = true
      throw syntaxError()
    }
    defer { yaml_event_delete(&event) }
    let start = event.start_mark
    let end = event.end_mark
    lastMarks = (Int(start.index), Int(end.index))
    let line = Int32(clamping: start.line + 1)
    let column = Int32(clamping: start.column + 1)
    let length = end.line == start.line ? Int32(clamping: max(1, Int(end.column) - Int(start.column))) : 1
    switch event.type {
    case YAML_STREAM_START_EVENT:
      return YAMLEvent(.streamStart, line: line, column: column)
    case YAML_STREAM_END_EVENT:
      finished = true
      return YAMLEvent(.streamEnd, line: line, column: column)
    case YAML_DOCUMENT_START_EVENT:
      return YAMLEvent(.documentStart, line: line, column: column)
    case YAML_DOCUMENT_END_EVENT:
      return YAMLEvent(.documentEnd, line: line, column: column)
    case YAML_SEQUENCE_START_EVENT:
      return YAMLEvent(
        .sequenceStart, line: line, column: column, length: length,
        anchor: string(event.data.sequence_start.anchor))
    case YAML_SEQUENCE_END_EVENT:
      return YAMLEvent(.sequenceEnd, line: line, column: column)
    case YAML_MAPPING_START_EVENT:
      return YAMLEvent(
        .mappingStart, line: line, column: column, length: length,
        anchor: string(event.data.mapping_start.anchor))
    case YAML_MAPPING_END_EVENT:
      return YAMLEvent(.mappingEnd, line: line, column: column)
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let text =
        scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) }
        ?? ""
      return YAMLEvent(
        .scalar, text: text, anchor: string(scalar.anchor), isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
        line: line, column: column, length: length)
    case YAML_ALIAS_EVENT:
      return YAMLEvent(
        .alias, text: string(event.data.alias.anchor) ?? "", isPlain: false, line: line, column: column,
        length: length)
    default:
      return YAMLEvent(.streamEnd, line: line, column: column)
    }
  }

  private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  private func syntaxError() -> YAMLSyntaxError {
    let p = parser.pointee
    let problem = p.problem.map { String(cString: $0) } ?? "malformed YAML"
    let context = p.context.map { String(cString: $0) }
    let mark = p.problem_mark
    // libyaml's own words are English; the Chinese says the known ones in Chinese, and quotes the rest.
    let said = context.map { "\($0): \(problem)" } ?? problem
    let message = Phrase(said, YAMLProblemWords.chinese(problem: problem, said: said))
    let hint: Phrase?
    if problem.contains("tab") || problem.contains("\\t") {
      hint = Phrase(
        "indent with spaces; YAML does not allow tabs for indentation", "用空格缩进：YAML 不允许用制表符（Tab）缩进")
    } else if p.error == YAML_READER_ERROR {
      hint = Phrase("plan files must be UTF-8 text", "计划文件必须是 UTF-8 文本")
    } else {
      hint = nil
    }
    if p.error == YAML_READER_ERROR {
      // Reader errors give a byte offset; the problem mark's line and column are not maintained.
      return YAMLSyntaxError(message: message, hint: hint, line: 0, column: 0, byteOffset: Int(p.problem_offset))
    }
    if let explained = YAMLSyntaxExplanation.explain(
      problem: problem, context: context, line: Int(mark.line), column: Int(mark.column),
      text: UnsafeBufferPointer(input))
    {
      return YAMLSyntaxError(
        message: explained.message, hint: explained.hint, line: Int32(clamping: explained.line),
        column: Int32(clamping: explained.column))
    }
    return YAMLSyntaxError(
      message: message, hint: hint, line: Int32(clamping: mark.line + 1), column: Int32(clamping: mark.column + 1))
  }
}
