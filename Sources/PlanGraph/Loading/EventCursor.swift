/// Pulls events from one file with one event of look-ahead, and reads the small values of the format.
///
/// Every reader consumes exactly one node, reporting a diagnostic and skipping it when its shape is wrong,
/// so a bad value never derails the rest of the file.
struct EventCursor<Source: YAMLEventSource> {
  private var source: Source
  private var peeked: YAMLEvent?
  /// The file's path, for diagnostics.
  let path: String
  /// The file's index in the plan's file list.
  let fileIndex: Int32

  init(source: Source, path: String, fileIndex: Int32) {
    self.source = source
    self.path = path
    self.fileIndex = fileIndex
  }

  mutating func next() throws(YAMLSyntaxError) -> YAMLEvent {
    // Moved out, not copied: the mapping reader peeks at every value.
    if peeked != nil, let event = peeked.take() { return event }
    return try source.next()
  }

  mutating func peek() throws(YAMLSyntaxError) -> YAMLEvent {
    if let event = peeked { return event }
    let event = try source.next()
    peeked = event
    return event
  }

  /// Where the next event starts, without consuming it (nor copying it).
  mutating func peekPosition() throws(YAMLSyntaxError) -> SourcePosition {
    if let line = peeked?.line, let column = peeked?.column, let length = peeked?.length {
      return SourcePosition(file: fileIndex, line: line, column: column, length: length)
    }
    let event = try source.next()
    let place = position(event)
    peeked = consume event
    return place
  }

  /// The compact position of an event.
  func position(_ event: YAMLEvent) -> SourcePosition {
    SourcePosition(file: fileIndex, line: event.line, column: event.column, length: event.length)
  }

  /// The full location of a position in this file.
  func location(_ position: SourcePosition) -> FileLocation {
    FileLocation(
      file: path, line: Int(position.line), column: Int(position.column), length: Int(position.length))
  }

  /// The full location of an event.
  func location(_ event: YAMLEvent) -> FileLocation {
    location(position(event))
  }

  /// Skips the rest of the node that `first` starts, however deep, without recursion.
  mutating func skipNode(startingWith first: YAMLEvent) throws(YAMLSyntaxError) {
    guard first.kind == .sequenceStart || first.kind == .mappingStart else { return }
    var depth = 1
    while depth > 0 {
      let event = try next()
      switch event.kind {
      case .sequenceStart, .mappingStart: depth += 1
      case .sequenceEnd, .mappingEnd: depth -= 1
      case .streamEnd, .documentEnd: return
      default: break
      }
    }
  }

  /// Reads a node that must be a scalar; reports and skips anything else.
  mutating func readScalar(for key: String, into bag: inout DiagnosticBag) throws(YAMLSyntaxError) -> Scalar? {
    let event = try next()
    if event.kind == .scalar {
      return Scalar(text: event.text, position: position(event), isNull: event.isNull)
    }
    let shape = event.kind.nodeName
    bag.error(
      .invalidValue,
      Phrase("'\(key)' takes a single value, not \(shape.english)", "“\(key)”只能写一个值，不能写\(shape.chinese)"),
      at: location(event),
      hint: key == "after" || key == "tags"
        ? nil : Phrase("write it on one line: \(key): value", "写在一行上：“\(key): 值”"))
    try skipNode(startingWith: event)
    return nil
  }

  /// Reads a node that must be text (a non-null scalar).
  mutating func readText(for key: String, into bag: inout DiagnosticBag) throws(YAMLSyntaxError) -> Scalar? {
    guard let scalar = try readScalar(for: key, into: &bag) else { return nil }
    if scalar.isNull {
      bag.error(
        .invalidValue, Phrase("'\(key)' has no value", "“\(key)”后面没有写值"), at: location(scalar.position), hint: nil)
      return nil
    }
    return scalar
  }

  /// Reads a list of scalars; a single scalar counts as a list of one, a null as an empty list.
  mutating func readScalarList(for key: String, into bag: inout DiagnosticBag) throws(YAMLSyntaxError) -> (
    items: [Scalar], isList: Bool
  )? {
    let event = try next()
    switch event.kind {
    case .scalar:
      if event.isNull { return ([], true) }
      return ([Scalar(text: event.text, position: position(event), isNull: false)], false)
    case .sequenceStart:
      var items: [Scalar] = []
      while true {
        let item = try next()
        switch item.kind {
        case .sequenceEnd:
          return (items, true)
        case .scalar:
          items.append(Scalar(text: item.text, position: position(item), isNull: item.isNull))
        case .streamEnd, .documentEnd:
          return (items, true)
        default:
          let shape = item.kind.nodeName
          bag.error(
            .invalidValue,
            Phrase(
              "an entry of '\(key)' must be a single value, not \(shape.english)",
              "“\(key)”的每一项只能是单个值，不能是\(shape.chinese)"), at: location(item), hint: nil)
          try skipNode(startingWith: item)
        }
      }
    default:
      let shape = event.kind.nodeName
      bag.error(
        .invalidValue, Phrase("'\(key)' takes a list, not \(shape.english)", "“\(key)”要写一个列表，不能写\(shape.chinese)"),
        at: location(event), hint: nil)
      try skipNode(startingWith: event)
      return nil
    }
  }
}

extension YAMLEvent.Kind {
  /// How a node of this kind is called in English messages.
  var nodeDescription: String { nodeName.english }
}
