/// Reads one plan file's events into a `ParsedFile`, reporting every problem it can see locally.
///
/// Nested tasks and owner units are read with an explicit stack, never recursion, so a tree
/// a hundred thousand levels deep is read like a flat one.
struct PlanFileParser<Source: YAMLEventSource> {
  var cursor: EventCursor<Source>
  var bag = DiagnosticBag()
  var file: ParsedFile
  /// The plan under construction: this file's tasks are appended to it.
  var builder: PlanBuilder
  /// Whether this is the root file (its `start` is the plan start).
  let isRoot: Bool
  /// Measured values written with a `%` in the task being read, checked against its target's unit when
  /// the task ends.
  var percentValues: [Scalar] = []
  /// The file's text (after any byte-order mark), to place encoding errors reported as byte offsets into it.
  private let text: ArraySlice<UInt8>

  init(cursor: EventCursor<Source>, text: ArraySlice<UInt8>, builder: PlanBuilder, isRoot: Bool) {
    self.cursor = cursor
    self.text = text
    self.builder = builder
    self.isRoot = isRoot
    self.file = ParsedFile(position: SourcePosition(file: cursor.fileIndex, line: 1, column: 1, length: 1))
  }

  /// Reads the whole file; a syntax error ends reading with a diagnostic at its place.
  mutating func parse() -> (ParsedFile, DiagnosticBag) {
    let first = builder.tasks.count
    // A generous guess of the tasks to come (machine-written plans take about 110 bytes a task), so
    // that the arrays never grow by copying; reserved memory costs nothing until it is written.
    builder.reserve(text.count / 64)
    do {
      try parseDocument()
    } catch {
      file.stoppedBySyntaxError = true
      // The keys after the error were never read: "no duration" may only mean the duration was past it.
      bag.removeWarnings(.implicitMilestone)
      var (line, column) = (error.line, error.column)
      if let offset = error.byteOffset { (line, column) = Self.lineAndColumn(ofByte: offset, in: text) }
      bag.error(
        error.code, error.message,
        at: cursor.location(SourcePosition(file: cursor.fileIndex, line: line, column: column, length: 1)),
        hint: error.hint)
    }
    file.tasks = first..<builder.tasks.count
    return (file, bag)
  }

  /// The 1-based line and column (in scalars) of a byte offset from the start of `text`.
  static func lineAndColumn(ofByte offset: Int, in text: ArraySlice<UInt8>) -> (Int32, Int32) {
    var line = 1
    var column = 1
    for byte in text.prefix(max(0, offset)) {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (Int32(clamping: line), Int32(clamping: column))
  }

  private mutating func parseDocument() throws(YAMLSyntaxError) {
    _ = try cursor.next()  // stream start
    let documentStart = try cursor.next()
    guard documentStart.kind == .documentStart else {
      bag.error(
        .missingKey, "the file is empty", at: cursor.location(file.position),
        hint: "a plan file is a mapping with keys such as plan, start and tasks")
      file.hasNoMapping = true
      return
    }
    let root = try cursor.next()
    file.position = cursor.position(root)
    if root.kind == .mappingStart {
      try parseFileMapping()
    } else {
      bag.error(
        .invalidValue, "a plan file must be a mapping of keys, not \(root.kind.nodeDescription)",
        at: cursor.location(root), hint: "start with keys such as 'plan:', 'start:' and 'tasks:'")
      file.hasNoMapping = true
      try cursor.skipNode(startingWith: root)
    }
    _ = try cursor.next()  // document end
    let after = try cursor.next()
    if after.kind == .documentStart {
      bag.error(
        .syntax, "a plan file holds one YAML document; this one has more", at: cursor.location(after),
        hint: "remove the '---' that starts the second document")
    }
  }

  private mutating func parseFileMapping() throws(YAMLSyntaxError) {
    var seen = Set<FileKey>()
    while true {
      let keyEvent = try cursor.next()
      if keyEvent.kind == .mappingEnd || keyEvent.kind == .streamEnd { return }
      guard let key = try mappingKey(keyEvent, known: FileKey.allCases.map(\.rawValue), context: "a plan file")
      else { continue }
      guard let fileKey = FileKey(rawValue: key) else { continue }
      if seen.contains(fileKey) {
        try duplicateKey(keyEvent)
        continue
      }
      seen.insert(fileKey)
      let keyPosition = cursor.position(keyEvent)
      switch fileKey {
      case .plan:
        file.title = try cursor.readText(for: key, into: &bag)
        file.rootOnlyKeys.append((key, keyPosition))
      case .start:
        file.start = try cursor.readText(for: key, into: &bag)
        file.rootOnlyKeys.append((key, keyPosition))
        if let start = file.start {
          file.startDate = DateExpression.parse(start.text, role: .start)
          // The root's start is the plan start: known from here on, relative dates resolve as they are read.
          if isRoot, case .success(.day(let day)) = file.startDate { builder.planStart = day }
        }
      case .calendar:
        file.rootOnlyKeys.append((key, keyPosition))
        file.calendarPosition = keyPosition
        file.calendar = try readCalendar()
      case .id:
        file.namespace = try readID(for: key)
      case .owner:
        file.owner = try cursor.readText(for: key, into: &bag)
      case .include:
        file.includes = try cursor.readScalarList(for: key, into: &bag)?.items.filter { !$0.isNull } ?? []
      case .owners:
        try parseOwnerTree()
      case .tasks:
        try parseTaskTree()
      case .warnings:
        file.rootOnlyKeys.append((key, keyPosition))
        file.warnings = try WarningRulesParser.parse(first: try cursor.next(), cursor: &cursor, bag: &bag)
      }
    }
  }

  /// Reads a mapping key; reports non-scalar and unknown keys (skipping their values) and returns nil for them.
  mutating func mappingKey(_ event: YAMLEvent, known: [String], context: String) throws(YAMLSyntaxError) -> String? {
    guard event.kind == .scalar else {
      bag.error(
        .invalidValue, "a key must be a plain word, not \(event.kind.nodeDescription)", at: cursor.location(event))
      try cursor.skipNode(startingWith: event)
      try cursor.skipNode(startingWith: try cursor.next())
      return nil
    }
    guard known.contains(event.text) else {
      bag.error(
        .unknownKey, "unknown key '\(event.text)' in \(context)", at: cursor.location(event),
        hint: NearestNames.hint(for: event.text, in: known) ?? "known keys: " + known.joined(separator: ", "))
      try cursor.skipNode(startingWith: try cursor.next())
      return nil
    }
    return event.text
  }

  /// Reports a key given twice and skips its value.
  mutating func duplicateKey(_ event: YAMLEvent) throws(YAMLSyntaxError) {
    bag.error(
      .duplicateKey, "'\(event.text)' is given twice in this mapping", at: cursor.location(event),
      hint: "keep one of them")
    try cursor.skipNode(startingWith: try cursor.next())
  }

  /// Reads an id value and checks its characters.
  mutating func readID(for key: String) throws(YAMLSyntaxError) -> Scalar? {
    guard let scalar = try cursor.readText(for: key, into: &bag) else { return nil }
    guard IDSyntax.isValid(scalar.text) else {
      bag.error(
        .invalidID, "'\(scalar.text)' is not a valid id", at: cursor.location(scalar.position),
        hint: scalar.text.contains(".")
          ? "dots join ids into paths; an id itself may not contain one"
          : "ids use letters of any script, digits, '_' and '-'")
      return nil
    }
    return scalar
  }

  // MARK: - Owners

  private enum OwnerFrame {
    case list(parent: Int?)
    case owner(index: Int, seen: Set<OwnerKey>)
  }

  private mutating func parseOwnerTree() throws(YAMLSyntaxError) {
    let first = try cursor.next()
    if first.isNull { return }
    guard first.kind == .sequenceStart else {
      bag.error(.invalidValue, "'owners' takes a list of owners", at: cursor.location(first))
      try cursor.skipNode(startingWith: first)
      return
    }
    var stack: [OwnerFrame] = [.list(parent: nil)]
    while let top = stack.last {
      switch top {
      case .list(let parent):
        let event = try cursor.next()
        switch event.kind {
        case .sequenceEnd, .streamEnd, .documentEnd:
          stack.removeLast()
        case .mappingStart:
          file.owners.append(OwnerDraft(parent: parent, position: cursor.position(event)))
          stack.append(.owner(index: file.owners.count - 1, seen: []))
        default:
          bag.error(
            .invalidValue, "an owner must be a mapping with 'id' and 'name', not \(event.kind.nodeDescription)",
            at: cursor.location(event))
          try cursor.skipNode(startingWith: event)
        }
      case .owner(let index, var seen):
        let event = try cursor.next()
        if event.kind == .mappingEnd || event.kind == .streamEnd {
          // An id that was written but refused has had its own diagnostic: one problem, one diagnostic.
          if file.owners[index].id == nil && !seen.contains(.id) {
            bag.error(
              .missingKey, "an owner needs an 'id'", at: cursor.location(file.owners[index].position),
              hint: "add 'id: short-name'")
          }
          stack.removeLast()
          continue
        }
        guard let key = try mappingKey(event, known: OwnerKey.allCases.map(\.rawValue), context: "an owner"),
          let ownerKey = OwnerKey(rawValue: key)
        else { continue }
        if seen.contains(ownerKey) {
          try duplicateKey(event)
          continue
        }
        seen.insert(ownerKey)
        stack[stack.count - 1] = .owner(index: index, seen: seen)
        switch ownerKey {
        case .id:
          file.owners[index].id = try readID(for: key)
        case .name:
          file.owners[index].name = try cursor.readText(for: key, into: &bag)?.text
        case .units:
          let value = try cursor.next()
          if value.kind == .sequenceStart {
            stack.append(.list(parent: index))
          } else if !value.isNull {
            bag.error(.invalidValue, "'units' takes a list of owners", at: cursor.location(value))
            try cursor.skipNode(startingWith: value)
          }
        }
      }
    }
  }
}
