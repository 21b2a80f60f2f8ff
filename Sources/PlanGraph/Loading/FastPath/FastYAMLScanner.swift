internal import CYAML

/// Reads a YAML plan file's libyaml events straight into `FastPlanRows`, for the plans it fully
/// understands; false ("decline") on anything else — an alias, an anchor, a tag, an unknown or repeated
/// key, a null or a collection where a value is expected, a syntax error — so that the full reader runs
/// and reports it. Scalars are read as libyaml's byte buffers: only the texts a plan keeps become
/// `String`s, and ids, owners and `after` entries are copied into one arena the rows point into.
///
/// Positions are `LibYAMLEventReader`'s: libyaml's start mark, one-based, and the length on its line,
/// plus `lineOffset` lines (the lines before the text, when it is the second half of a split file).
///
/// A value type over libyaml's parser and one event, both behind pointers (`FastYAMLParser` owns
/// them): no class property is touched per event, so nothing pays a runtime exclusivity check.
struct FastYAMLScanner {
  private let parser: UnsafeMutablePointer<yaml_parser_t>
  private let event: UnsafeMutablePointer<yaml_event_t>
  private let file: Int32
  private let lineOffset: Int32
  /// What has been read so far.
  var rows = FastPlanRows()
  /// The bytes of ids, owners and `after` entries, which the rows' ranges point into.
  var arena: [UInt8] = []
  /// What `scan` saw of the file's end, for `FastYAMLSplit` to prove a split sound.
  var ending = Ending()

  /// How a whole file's events ended, read by `scan`.
  struct Ending {
    /// Whether `tasks` was the root mapping's last key.
    var tasksLast = false
    /// The column (0-based) of the root `tasks` sequence's first `-`; -1 when it was not a block sequence.
    var tasksColumn = -1
    /// Whether the document ended without `...`.
    var implicitEnd = false
    /// The line (0-based) of the end of the stream.
    var endLine = -1
    /// Whether the last scalar was a literal or folded block scalar (`|`, `>`).
    var lastScalarIsBlock = false
  }

  /// A scanner reading from `parser` (through `FastYAMLParser.with`), the file numbered `file`, its
  /// lines counted from `lineOffset`.
  init(parser: FastYAMLParser, file: Int32, lineOffset: Int32 = 0) {
    self.parser = parser.parser
    self.event = parser.event
    self.file = file
    self.lineOffset = lineOffset
  }

  // MARK: - Events

  private enum Kind {
    case streamStart, streamEnd, documentStart, documentEnd, mappingStart, mappingEnd, sequenceStart
    case sequenceEnd, scalar
  }

  /// The next event's kind; nil on a syntax error, an alias, an anchor or a tag.
  @inline(__always)
  private mutating func next() -> Kind? {
    // The previous event's buffers are freed here; a deleted or failed event is all zeros.
    yaml_event_delete(event)
    guard yaml_parser_parse(parser, event) == 1 else { return nil }
    switch event.pointee.type {
    case YAML_SCALAR_EVENT:
      let scalar = event.pointee.data.scalar
      ending.lastScalarIsBlock = scalar.style == YAML_LITERAL_SCALAR_STYLE || scalar.style == YAML_FOLDED_SCALAR_STYLE
      return scalar.anchor == nil && scalar.tag == nil ? .scalar : nil
    case YAML_MAPPING_START_EVENT:
      let start = event.pointee.data.mapping_start
      return start.anchor == nil && start.tag == nil ? .mappingStart : nil
    case YAML_MAPPING_END_EVENT: return .mappingEnd
    case YAML_SEQUENCE_START_EVENT:
      let start = event.pointee.data.sequence_start
      return start.anchor == nil && start.tag == nil ? .sequenceStart : nil
    case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
    case YAML_STREAM_START_EVENT: return .streamStart
    case YAML_STREAM_END_EVENT: return .streamEnd
    case YAML_DOCUMENT_START_EVENT: return .documentStart
    case YAML_DOCUMENT_END_EVENT: return .documentEnd
    default: return nil
    }
  }

  /// The current scalar's bytes (valid until the next event).
  @inline(__always)
  private var value: UnsafeBufferPointer<UInt8> {
    let scalar = event.pointee.data.scalar
    return UnsafeBufferPointer(start: scalar.value, count: scalar.value == nil ? 0 : scalar.length)
  }

  /// Whether the current scalar is null: plain and empty, `~` or `null`.
  @inline(__always)
  private var isNull: Bool {
    let scalar = event.pointee.data.scalar
    guard scalar.style == YAML_PLAIN_SCALAR_STYLE else { return false }
    switch scalar.length {
    case 0: return true
    case 1: return scalar.value[0] == UInt8(ascii: "~")
    case 4:
      let v = value
      return (v[0] == UInt8(ascii: "n") || v[0] == UInt8(ascii: "N"))
        && (FastValues.equals(v, "null") || FastValues.equals(v, "Null") || FastValues.equals(v, "NULL"))
    default: return false
    }
  }

  /// The next event as a non-null scalar's bytes; nil (decline) for anything else.
  @inline(__always)
  private mutating func text() -> UnsafeBufferPointer<UInt8>? {
    guard next() == .scalar, !isNull else { return nil }
    return value
  }

  /// The next event as a non-null scalar's text.
  private mutating func string() -> String? {
    text().map { String(decoding: $0, as: UTF8.self) }
  }

  /// The current event's position, as `LibYAMLEventReader` gives it.
  @inline(__always)
  private var position: SourcePosition {
    let start = event.pointee.start_mark
    let end = event.pointee.end_mark
    let length = end.line == start.line ? Int32(clamping: max(1, Int(end.column) - Int(start.column))) : 1
    return SourcePosition(
      file: file, line: Int32(clamping: start.line + 1) &+ lineOffset, column: Int32(clamping: start.column + 1),
      length: length)
  }

  /// Copies `bytes` into the arena; their range there.
  @inline(__always)
  private mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int32, Int32)? {
    guard arena.count + bytes.count < Int(Int32.max) else { return nil }
    let start = Int32(truncatingIfNeeded: arena.count)
    arena.append(contentsOf: bytes)
    return (start, Int32(truncatingIfNeeded: bytes.count))
  }

  // MARK: - The file

  /// Reads the whole file; false to decline.
  mutating func scan() -> Bool {
    guard next() == .streamStart, next() == .documentStart, next() == .mappingStart else { return false }
    var seen: UInt32 = 0
    var bit: UInt32 = 0
    while true {
      guard let kind = next() else { return false }
      if kind == .mappingEnd { break }
      guard kind == .scalar else { return false }
      let key = value
      if FastValues.equals(key, "plan") {
        bit = 1
        guard let title = string() else { return false }
        rows.title = title
      } else if FastValues.equals(key, "start") {
        bit = 2
        guard let text = text(), let day = FastValues.day(text, role: .start) else { return false }
        rows.planStart = day
      } else if FastValues.equals(key, "owner") {
        bit = 4
        guard let text = text(), let range = keep(text) else { return false }
        rows.fileOwner = (range.0, range.1)
      } else if FastValues.equals(key, "owners") {
        bit = 8
        guard scanOwners() else { return false }
      } else if FastValues.equals(key, "tasks") {
        bit = 16
        guard next() == .sequenceStart else { return false }
        // Only a block sequence's items can be cut between: a flow one followed by item lines is a
        // syntax error that the second half alone would not see (the split's proof needs -1 here).
        if event.pointee.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE {
          ending.tasksColumn = Int(event.pointee.start_mark.column)
        }
        guard scanTasks() else { return false }
      } else {
        return false
      }
      guard seen & bit == 0 else { return false }
      seen |= bit
    }
    ending.tasksLast = bit == 16
    guard next() == .documentEnd else { return false }
    ending.implicitEnd = event.pointee.data.document_end.implicit != 0
    guard next() == .streamEnd else { return false }
    ending.endLine = Int(event.pointee.start_mark.line)
    return rows.title != nil && rows.planStart != nil
  }

  /// Reads a text that is nothing but items of one block sequence, the root `tasks` items of the
  /// second half of a split file: its first `-` at line 0, `column`; false to decline.
  mutating func scanItems(column: Int) -> Bool {
    guard next() == .streamStart, next() == .documentStart,
      event.pointee.data.document_start.implicit != 0, next() == .sequenceStart,
      event.pointee.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE,
      event.pointee.start_mark.line == 0, Int(event.pointee.start_mark.column) == column,
      scanTasks(), next() == .documentEnd, next() == .streamEnd
    else { return false }
    return true
  }

  // MARK: - Owners

  private mutating func scanOwners() -> Bool {
    guard next() == .sequenceStart else { return false }
    var open: [Int32] = []
    var seen: [UInt8] = []
    var readingKeys = false
    while true {
      if !readingKeys {
        // An item of a list of owners, or the list's end.
        guard let kind = next() else { return false }
        if kind == .sequenceEnd {
          if open.isEmpty { return true }
          readingKeys = true  // the units of the innermost owner ended: its next key
          continue
        }
        guard kind == .mappingStart, open.count < FastJSONScanner.maximumDepth else { return false }
        rows.owners.append(FastPlanRows.OwnerRow(parent: open.last ?? -1, position: position))
        open.append(Int32(rows.owners.count - 1))
        seen.append(0)
        readingKeys = true
        continue
      }
      guard let kind = next() else { return false }
      let index = Int(open[open.count - 1])
      if kind == .mappingEnd {
        guard rows.owners[index].hasID else { return false }
        open.removeLast()
        seen.removeLast()
        readingKeys = false
        continue
      }
      guard kind == .scalar else { return false }
      let key = value
      let bit: UInt8
      if FastValues.equals(key, "id") {
        bit = 1
        guard let text = text(), FastValues.isID(text) else { return false }
        rows.owners[index].position = position
        rows.owners[index].id = String(decoding: text, as: UTF8.self)
        rows.owners[index].hasID = true
      } else if FastValues.equals(key, "name") {
        bit = 2
        guard let name = string() else { return false }
        rows.owners[index].name = name
      } else if FastValues.equals(key, "units") {
        bit = 4
        guard next() == .sequenceStart else { return false }
        readingKeys = false
      } else {
        return false
      }
      guard seen[seen.count - 1] & bit == 0 else { return false }
      seen[seen.count - 1] |= bit
    }
  }

  // MARK: - Tasks

  /// Reads the items of a `tasks` sequence whose start was just read, and those of every nested one.
  private mutating func scanTasks() -> Bool {
    var open: [Int32] = []
    var readingKeys = false
    while true {
      if !readingKeys {
        guard let kind = next() else { return false }
        if kind == .sequenceEnd {
          if open.isEmpty { return true }
          readingKeys = true
          continue
        }
        guard kind == .mappingStart, open.count < FastJSONScanner.maximumDepth else { return false }
        let row = rows.openTask(parent: open.last ?? -1, position: position)
        open.append(row)
        readingKeys = true
        continue
      }
      guard let kind = next() else { return false }
      let row = Int(open[open.count - 1])
      if kind == .mappingEnd {
        guard rows.finishTask(row) else { return false }
        open.removeLast()
        readingKeys = false
        continue
      }
      guard kind == .scalar, let key = FastValues.taskKey(value) else { return false }
      let bit = FastPlanRows.bit(key)
      guard rows.tasks[row].keys & bit == 0 else { return false }
      rows.tasks[row].keys |= bit
      if key == .tasks {
        guard next() == .sequenceStart else { return false }
        readingKeys = false
      } else {
        guard readValue(key, of: row) else { return false }
      }
    }
  }

  /// Reads the value of `key` into task `row`; false to decline.
  private mutating func readValue(_ key: TaskKey, of row: Int) -> Bool {
    switch key {
    case .id:
      guard let text = text(), FastValues.isID(text), let range = keep(text) else { return false }
      rows.tasks[row].idStart = range.0
      rows.tasks[row].idLength = range.1
      rows.planTasks[row].places.id = position
    case .name:
      guard let name = text(), let start = Int32(exactly: rows.text.count) else { return false }
      rows.text.append(contentsOf: name)
      guard let length = Int32(exactly: rows.text.count - Int(start)) else { return false }
      rows.planTasks[row].setName(start: start, length: length)
    case .owner:
      guard let text = text(), let range = keep(text) else { return false }
      rows.tasks[row].ownerStart = range.0
      rows.tasks[row].ownerLength = range.1
    case .duration:
      guard let text = text(), let duration = FastValues.duration(text) else { return false }
      rows.planTasks[row].duration = duration
    case .start:
      guard let text = text(), let day = FastValues.day(text, role: .start) else { return false }
      rows.planTasks[row].start = day
    case .deadline:
      guard let text = text(), let day = FastValues.day(text, role: .end) else { return false }
      rows.planTasks[row].deadline = day
      rows.planTasks[row].places.deadline = position
    case .done:
      guard let kind = next() else { return false }
      if kind == .sequenceStart {
        rows.tasks[row].doneIsList = true
        var held: [Day] = []
        while true {
          guard let item = next() else { return false }
          if item == .sequenceEnd { break }
          guard item == .scalar, !isNull, let day = FastValues.day(value, role: .end) else { return false }
          if held.isEmpty { rows.planTasks[row].places.done = position }
          held.append(day)
        }
        guard !held.isEmpty else { return false }
        rows.planTasks[row].heldDates = held
      } else {
        guard kind == .scalar, !isNull, let day = FastValues.day(value, role: .end) else { return false }
        rows.planTasks[row].doneDate = day
        rows.planTasks[row].places.done = position
      }
    case .after:
      guard next() == .sequenceStart else { return false }
      var count: Int32 = 0
      while true {
        guard let item = next() else { return false }
        if item == .sequenceEnd { break }
        guard item == .scalar, !isNull, let range = keep(value) else { return false }
        rows.references.append(FastPlanRows.Reference(start: range.0, length: range.1, position: position))
        count += 1
      }
      rows.tasks[row].afterCount = count
    case .every:
      guard let text = string(), let period = Recurrence(rawValue: text),
        let index = Recurrence.allCases.firstIndex(of: period)
      else { return false }
      rows.tasks[row].every = Int8(index)
      rows.planTasks[row].recurrence = period
    case .status:
      guard let text = string(), let status = TaskStatus(rawValue: text),
        let index = TaskStatus.allCases.firstIndex(of: status)
      else { return false }
      rows.tasks[row].status = Int8(index)
      rows.planTasks[row].status = status
    case .progress:
      guard let text = text(), let percent = FastValues.progress(text) else { return false }
      rows.planTasks[row].progress = percent
    case .note:
      guard let text = string() else { return false }
      rows.planTasks[row].note = text
    case .source:
      guard let text = string() else { return false }
      rows.planTasks[row].source = text
    case .evidence:
      guard let text = string() else { return false }
      rows.planTasks[row].evidence = text
    default:
      return false
    }
    return true
  }
}
