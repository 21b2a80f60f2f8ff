internal import CYAML

/// libyaml's parser and the one event `FastYAMLScanner` reads into, over UTF-8 text the caller keeps
/// alive: the text is given to libyaml where it lies (`yaml_parser_set_input_string`), never copied.
struct FastYAMLParser {
  let parser: UnsafeMutablePointer<yaml_parser_t>
  let event: UnsafeMutablePointer<yaml_event_t>

  /// Runs `body` with a parser of `text` (not empty, valid while `body` runs), and frees the parser,
  /// its last event and their buffers afterwards.
  static func with<R>(_ text: UnsafeBufferPointer<UInt8>, _ body: (FastYAMLParser) -> R) -> R {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    // A zeroed event is "no event": deleting it frees nothing, so every read can delete the last one.
    UnsafeMutableRawPointer(event).initializeMemory(
      as: UInt8.self, repeating: 0, count: MemoryLayout<yaml_event_t>.size)
    yaml_parser_initialize(parser)
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(parser, text.baseAddress, text.count)
    defer {
      yaml_event_delete(event)
      yaml_parser_delete(parser)
      event.deallocate()
      parser.deallocate()
    }
    return body(FastYAMLParser(parser: parser, event: event))
  }
}
