/// One parse event of a YAML (or JSON) document, with its place in the file.
///
/// The loader builds the plan straight from these, without a document tree in between.
struct YAMLEvent: Sendable {
  /// What kind of event this is.
  enum Kind: UInt8, Sendable {
    case streamStart, streamEnd, documentStart, documentEnd
    case sequenceStart, sequenceEnd, mappingStart, mappingEnd
    case scalar, alias
  }

  var kind: Kind
  /// The scalar's text, or the alias's anchor name.
  var text: String
  /// The anchor defined on this node (`&name`), if any.
  var anchor: String?
  /// Whether a scalar is plain (unquoted): an empty plain scalar is YAML's null.
  var isPlain: Bool
  /// 1-based line of the event's start.
  var line: Int32
  /// 1-based column, in Unicode scalars.
  var column: Int32
  /// Scalars spanned on the start line.
  var length: Int32

  /// A structural event without text.
  init(_ kind: Kind, line: Int32, column: Int32, length: Int32 = 1, anchor: String? = nil) {
    self.kind = kind
    self.text = ""
    self.anchor = anchor
    self.isPlain = false
    self.line = line
    self.column = column
    self.length = length
  }

  /// A scalar or alias event.
  init(
    _ kind: Kind, text: String, anchor: String? = nil, isPlain: Bool, line: Int32, column: Int32, length: Int32
  ) {
    self.kind = kind
    self.text = text
    self.anchor = anchor
    self.isPlain = isPlain
    self.line = line
    self.column = column
    self.length = length
  }

  /// Whether this is a null scalar: plain and empty, `~` or `null` (YAML's core schema; JSON's `null`).
  var isNull: Bool {
    guard kind == .scalar, isPlain else { return false }
    switch text {
    case "", "~", "null", "Null", "NULL": return true
    default: return false
    }
  }

  /// Whether this starts a node (a scalar, alias, sequence or mapping).
  var isNodeStart: Bool {
    switch kind {
    case .scalar, .alias, .sequenceStart, .mappingStart: return true
    default: return false
    }
  }
}

/// A syntax problem that stops reading a file: malformed YAML or JSON, bad UTF-8, an alias over budget.
struct YAMLSyntaxError: Error, Sendable {
  var code: DiagnosticCode = .syntax
  var message: String
  var hint: String?
  var line: Int32
  var column: Int32
  /// For encoding errors, the byte offset of the bad byte (line and column are then computed from it).
  var byteOffset: Int?
}

/// A source of parse events for one file.
protocol YAMLEventSource {
  /// The next event; throws at the first syntax error.
  mutating func next() throws(YAMLSyntaxError) -> YAMLEvent
}
