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
        .missingKey, Phrase("the file is empty", "文件是空的"), at: cursor.location(file.position),
        hint: Phrase(
          "a plan file is a mapping with keys such as plan, start and tasks", "计划文件由“plan”、“start”、“tasks”等键和它们的值组成"))
      file.hasNoMapping = true
      return
    }
    let root = try cursor.next()
    file.position = cursor.position(root)
    if root.kind == .mappingStart {
      try parseFileMapping()
    } else {
      let shape = root.kind.nodeName
      bag.error(
        .invalidValue,
        Phrase(
          "a plan file must be a mapping of keys, not \(shape.english)", "计划文件须由键和值组成，不能是\(shape.chinese)"),
        at: cursor.location(root),
        hint: Phrase("start with keys such as 'plan:', 'start:' and 'tasks:'", "以“plan:”、“start:”、“tasks:”这样的键开头"))
      file.hasNoMapping = true
      try cursor.skipNode(startingWith: root)
    }
    _ = try cursor.next()  // document end
    let after = try cursor.next()
    if after.kind == .documentStart {
      bag.error(
        .syntax,
        Phrase("a plan file holds one YAML document; this one has more", "一个计划文件只能有一个 YAML 文档，这个文件有多个"),
        at: cursor.location(after), hint: Phrase("remove the '---' that starts the second document", "删去第二个文档开头的“---”"))
    }
  }

  private mutating func parseFileMapping() throws(YAMLSyntaxError) {
    var places = KeyPlaces<FileKey>()
    // Kept on a syntax error too: keys read before it still count (a root-only key in an included file).
    defer { file.places = places }
    while let key = try nextKey(&places) {
      let name = key.rawValue
      switch key {
      case .plan:
        file.title = try cursor.readText(for: name, into: &bag)
      case .start:
        file.start = try cursor.readText(for: name, into: &bag)
        if let start = file.start {
          file.startDate = DateExpression.parse(start.text, role: .start)
          // The root's start is the plan start: known from here on, relative dates resolve as they are read.
          if isRoot, case .success(.day(let day)) = file.startDate { builder.planStart = day }
        }
      case .calendar:
        file.calendar = try readCalendar()
      case .id:
        file.namespace = try readID(for: name)
      case .owner:
        file.owner = try cursor.readText(for: name, into: &bag)
      case .include:
        file.includes = try cursor.readScalarList(for: name, into: &bag)?.items.filter { !$0.isNull } ?? []
      case .owners:
        try parseOwnerTree()
      case .tasks:
        try parseTaskTree()
      case .warnings:
        file.warnings = try WarningRulesParser.parse(first: try cursor.next(), cursor: &cursor, bag: &bag)
      }
    }
  }

  /// Reads an id value and checks its characters.
  mutating func readID(for key: String) throws(YAMLSyntaxError) -> Scalar? {
    guard let scalar = try cursor.readText(for: key, into: &bag) else { return nil }
    guard IDSyntax.isValid(scalar.text) else {
      bag.error(
        .invalidID, Phrase("'\(scalar.text)' is not a valid id", "“\(scalar.text)”不能作编号"),
        at: cursor.location(scalar.position),
        hint: scalar.text.contains(".")
          ? Phrase(
            "dots join ids into paths; an id itself may not contain one", "点用来把编号连成路径，编号本身不能带点")
          : Phrase(
            "ids use letters of any script, digits, '_' and '-'", "编号只能用文字（汉字、字母等）、数字、“_”和“-”，不能有空格"))
      return nil
    }
    return scalar
  }

  /// Reads the start of a list-valued key's value: true when a list follows; false for a null (an empty
  /// list) and for any other shape, reported with `notAList` and skipped.
  mutating func listStarts(
    _ code: DiagnosticCode = .invalidValue, notAList: Phrase
  ) throws(YAMLSyntaxError) -> Bool {
    let start = try cursor.next()
    if start.isNull { return false }
    guard start.kind == .sequenceStart else {
      bag.error(code, notAList, at: cursor.location(start), hint: nil)
      try cursor.skipNode(startingWith: start)
      return false
    }
    return true
  }

  /// The next item of a list of mappings: its start event, or nil at the list's end. Items of another
  /// shape are reported with `notAMapping` and skipped.
  mutating func nextMapping(
    _ code: DiagnosticCode = .invalidValue, notAMapping: (YAMLEvent.Kind) -> Phrase, hint: Phrase? = nil
  ) throws(YAMLSyntaxError) -> YAMLEvent? {
    while true {
      let event = try cursor.next()
      switch event.kind {
      case .sequenceEnd, .streamEnd, .documentEnd:
        return nil
      case .mappingStart:
        return event
      default:
        bag.error(code, notAMapping(event.kind), at: cursor.location(event), hint: hint)
        try cursor.skipNode(startingWith: event)
      }
    }
  }

  /// Reads a list whose items are mappings: `item` reads each mapping's keys, from its start event on.
  mutating func readMappingList(
    notAList: Phrase, notAMapping: Phrase, hint: Phrase? = nil,
    _ item: (inout Self, YAMLEvent) throws(YAMLSyntaxError) -> Void
  ) throws(YAMLSyntaxError) {
    guard try listStarts(notAList: notAList) else { return }
    while let start = try nextMapping(notAMapping: { _ in notAMapping }, hint: hint) {
      try item(&self, start)
    }
  }
}
