#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a JSON plan file straight from its bytes into `FastPlanRows`, for the plans it fully
/// understands; nil ("decline") on anything else, from an unknown key or an unusual value to a syntax
/// error, so that the full reader runs and reports it. It never traps and never recurses: every byte is
/// read behind a bounds check and nesting is an explicit stack of bounded depth.
///
/// Lines and columns are counted as `JSONEventReader` counts them (lines at `\n` only, columns in
/// Unicode scalars from 1, a string's length in scalars of its source text with both quotes), only for
/// the values whose place a plan keeps.
struct FastJSONScanner {
  private let p: UnsafeBufferPointer<UInt8>
  private let end: Int
  private var pos: Int
  private let file: Int32
  private var columns: JSONColumns
  /// UTF-8 continuation bytes read so far (all inside strings: anything else outside them declines).
  private var continuation = 0
  /// The current line's start minus the continuation bytes before it: a column is `offset - lineBase
  /// + 1` less the continuation bytes since, counted as the strings are read instead of again per place.
  private var lineBase: Int
  /// The last task owner copied to `rows.idText`: plans name the same unit many times in a row.
  private var lastOwner: (start: Int32, length: Int32)?
  /// Told now and then of an offset before which the text will not be read again (the tasks are read
  /// front to back), so that a mapped file can give those pages back; nil: never.
  var releaseRead: ReadPagesRecycler?
  /// Where `releaseRead` is told next.
  private var nextRelease: Int
  /// How far the scan goes between tellings of `releaseRead` (tests make it small).
  var releaseStep = 1 << 20
  /// What has been read so far.
  var rows = FastPlanRows()
  /// Set when the text is the first part of a plan cut for two threads (`FastJSONReader`): it must
  /// end just after a comma between two items of the root `tasks` array (and white space), which
  /// `scan` then takes as the end of what it reads (`reachedCut`).
  var endsAtCut = false
  /// Whether the scan ended so (see `endsAtCut`): the cut is proved.
  private(set) var reachedCut = false
  /// The line the scan is at (1-based); after reaching a cut, the cut's line.
  var line: Int32 { columns.line }

  /// Nesting deeper than this declines: no plan needs it, and the full reader explains the limits.
  static let maximumDepth = 200

  /// A scanner of `bytes` from `start` on (past a byte-order mark), for the file numbered `file`.
  init(bytes: UnsafeBufferPointer<UInt8>, from start: Int, file: Int32) {
    p = bytes
    end = bytes.count
    pos = start
    columns = JSONColumns(start: start)
    lineBase = start
    nextRelease = start
    self.file = file
  }

  // MARK: - Bytes

  @inline(__always)
  private func byte(_ i: Int) -> UInt8 { i < end ? p[i] : 0 }

  @inline(__always)
  private mutating func skipSpace() {
    while pos < end {
      let b = p[pos]
      // Most often no space at all: one test for every byte that cannot be one.
      if b > 0x20 { return }
      if b == 0x20 || b == 0x09 || b == 0x0D {
        pos += 1
      } else if b == 0x0A {
        pos += 1
        columns.newLine(at: pos)
        lineBase = pos - continuation
      } else {
        return
      }
    }
  }

  /// Skips space, then takes `expected` if it is the next byte.
  @inline(__always)
  private mutating func take(_ expected: UInt8) -> Bool {
    skipSpace()
    guard pos < end, p[pos] == expected else { return false }
    pos += 1
    return true
  }

  /// The 1-based column of a token's opening quote on the current line, in Unicode scalars as
  /// `JSONColumns` counts them: its bytes from the line's start less the continuation bytes among them
  /// (only strings have any, and those before the token were all counted when it was read).
  @inline(__always)
  private func column(of token: StringToken) -> Int32 {
    Int32(truncatingIfNeeded: token.quote - token.continuationBefore - lineBase + 1)
  }

  // MARK: - Strings

  /// A string's content range, its length in source scalars with quotes, and whether it has escapes.
  struct StringToken {
    var quote: Int
    var start: Int
    var end: Int
    var length: Int32
    var escaped: Bool
    /// The continuation bytes read before the token (for its column).
    var continuationBefore: Int
  }

  /// Reads the string at `pos` (after space); nil when there is none or it is anything but valid.
  ///
  /// Plain ASCII bytes (no quote, backslash or control byte) are passed eight at a time, and a
  /// three-byte sequence (most CJK) is checked inline; anything else goes the general way
  /// (`UTF8Sequence.width`).
  private mutating func string() -> StringToken? {
    skipSpace()
    guard pos < end, p[pos] == UInt8(ascii: "\"") else { return nil }
    let quote = pos
    pos += 1
    let start = pos
    var length: Int32 = 2
    var escaped = false
    guard let base = p.baseAddress.map(UnsafeRawPointer.init) else { return nil }
    while true {
      // The plain ASCII bytes before the next other one, eight at a time.
      if pos + 8 <= end {
        let special = Self.special(base.loadUnaligned(fromByteOffset: pos, as: UInt64.self))
        if special == 0 {
          pos += 8
          length += 8
          continue
        }
        let plain = special.trailingZeroBitCount >> 3
        pos += plain
        length += Int32(truncatingIfNeeded: plain)
      }
      guard pos < end else { return nil }
      let b = p[pos]
      if b >= 0x80 {
        // A run of multi-byte sequences (a CJK name is one).
        repeat {
          let c = p[pos]
          if c & 0xF0 == 0xE0, pos + 2 < end, p[pos + 1] & 0xC0 == 0x80, p[pos + 2] & 0xC0 == 0x80,
            c != 0xE0 || p[pos + 1] >= 0xA0, c != 0xED || p[pos + 1] < 0xA0
          {
            // Three bytes, not overlong (E0 80–9F), not a surrogate (ED A0–BF): as `UTF8Sequence.width`.
            pos += 3
          } else {
            guard let width = UTF8Sequence.width(at: pos, in: p) else { return nil }
            pos += width
          }
          length += 1
        } while pos < end && p[pos] >= 0x80
        continue
      }
      if b == UInt8(ascii: "\"") { break }
      if b < 0x20 { return nil }
      if b == UInt8(ascii: "\\") {
        escaped = true
        // The escape's bytes are checked when it is decoded; here only skipped (all ASCII).
        guard pos + 1 < end else { return nil }
        if p[pos + 1] == UInt8(ascii: "u") {
          guard pos + 6 <= end else { return nil }
          pos += 6
          length += 6
        } else {
          pos += 2
          length += 2
        }
        continue
      }
      // A plain byte within the last eight of the text.
      pos += 1
      length += 1
    }
    let before = continuation
    // The bytes that are not the first of a scalar: all but the scalars (escapes are ASCII).
    continuation += (pos - start) - Int(length - 2)
    let token = StringToken(
      quote: quote, start: start, end: pos, length: length, escaped: escaped, continuationBefore: before)
    pos += 1
    return token
  }

  /// The high bit of each of the eight bytes of `x` (little-endian) that is not plain ASCII inside a
  /// string: at or above 0x80, below 0x20, a quote or a backslash (the usual "has a zero byte" tests,
  /// in parallel). Bytes above the first such byte may be marked falsely, never the ones below it, so
  /// the trailing zero bits count the plain bytes before it.
  @inline(__always)
  private static func special(_ x: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let quote = x ^ (ones &* 0x22)
    let backslash = x ^ (ones &* 0x5C)
    let below = (x &- ones &* 0x20) & ~x
    let hasQuote = (quote &- ones) & ~quote
    let hasBackslash = (backslash &- ones) & ~backslash
    return (x | below | hasQuote | hasBackslash) & high
  }

  /// The text of a string, escapes decoded as `JSONEventReader` decodes them; nil for a bad escape.
  private func text(_ token: StringToken) -> String? {
    let raw = UnsafeBufferPointer(rebasing: p[token.start..<token.end])
    guard token.escaped else { return String(decoding: raw, as: UTF8.self) }
    var decoded: [UInt8] = []
    decoded.reserveCapacity(raw.count)
    var i = 0
    while i < raw.count {
      let b = raw[i]
      guard b == UInt8(ascii: "\\") else {
        decoded.append(b)
        i += 1
        continue
      }
      guard i + 1 < raw.count else { return nil }
      let c = raw[i + 1]
      i += 2
      switch c {
      case UInt8(ascii: "\""): decoded.append(0x22)
      case UInt8(ascii: "\\"): decoded.append(0x5C)
      case UInt8(ascii: "/"): decoded.append(0x2F)
      case UInt8(ascii: "b"): decoded.append(0x08)
      case UInt8(ascii: "f"): decoded.append(0x0C)
      case UInt8(ascii: "n"): decoded.append(0x0A)
      case UInt8(ascii: "r"): decoded.append(0x0D)
      case UInt8(ascii: "t"): decoded.append(0x09)
      case UInt8(ascii: "u"):
        guard var value = Self.hex4(raw, at: i) else { return nil }
        i += 4
        if (0xD800...0xDBFF).contains(value) {
          guard i + 1 < raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u"),
            let low = Self.hex4(raw, at: i + 2), (0xDC00...0xDFFF).contains(low)
          else { return nil }
          i += 6
          value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(value) {
          return nil
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        UTF8.encode(scalar) { decoded.append($0) }
      default:
        return nil
      }
    }
    return String(decoding: decoded, as: UTF8.self)
  }

  private static func hex4(_ raw: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
    guard i + 4 <= raw.count else { return nil }
    var value: UInt32 = 0
    for k in i..<i + 4 {
      let h = raw[k]
      let digit: UInt32
      switch h {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(h - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(h - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(h - UInt8(ascii: "A") + 10)
      default: return nil
      }
      value = value << 4 | digit
    }
    return value
  }

  /// The position of a string token, as the full reader gives it.
  private func position(_ token: StringToken) -> SourcePosition {
    SourcePosition(file: file, line: columns.line, column: column(of: token), length: token.length)
  }

  /// Whether the token's bytes are exactly `word`.
  @inline(__always)
  private func equals(_ token: StringToken, _ word: StaticString) -> Bool {
    let count = token.end - token.start
    guard !token.escaped, count == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    for k in 0..<count where p[token.start + k] != w[k] { return false }
    return true
  }

  // MARK: - Values

  /// Copies the token's bytes to the end of `rows.idText` and gives their range there: the ids,
  /// owners and `after` names the assembler compares, kept apart so that the file can be let go as
  /// it is read. An owner written as the one before reuses its copy (`last`).
  @inline(__always)
  private mutating func copyID(_ token: StringToken, sameAs last: (start: Int32, length: Int32)? = nil) -> (
    start: Int32, length: Int32
  ) {
    let count = token.end - token.start
    if let last, Int(last.length) == count,
      rows.idText.withUnsafeBufferPointer({ copied in
        guard let a = copied.baseAddress, let b = p.baseAddress else { return false }
        return memcmp(a + Int(last.start), b + token.start, count) == 0
      })
    {
      return last
    }
    let start = Int32(truncatingIfNeeded: rows.idText.count)
    rows.idText.append(contentsOf: UnsafeBufferPointer(rebasing: p[token.start..<token.end]))
    return (start, Int32(truncatingIfNeeded: count))
  }

  /// A valid id, unescaped (`FastValues.isID`).
  private func isID(_ token: StringToken) -> Bool {
    guard !token.escaped, token.end > token.start else { return false }
    return FastValues.isID(UnsafeBufferPointer(rebasing: p[token.start..<token.end]))
  }

  /// A date that is one day: `YYYY-MM-DD` read here, other forms by `DateExpression`; nil for a relative
  /// date or anything the full reader would report.
  private func day(_ token: StringToken, role: DateRole) -> Int32? {
    guard !token.escaped,
      let day = FastValues.day(UnsafeBufferPointer(rebasing: p[token.start..<token.end]), role: role)
    else { return nil }
    return Int32(clamping: day.ordinal)
  }

  /// A duration: `Nd` read here, other forms by `PlanDuration`; nil for anything the full reader reports.
  private func duration(_ token: StringToken) -> PlanDuration? {
    guard !token.escaped else { return nil }
    let count = token.end - token.start
    if count >= 2, count <= 7, p[token.end - 1] == UInt8(ascii: "d") {
      var value = 0
      var digits = true
      for k in token.start..<token.end - 1 {
        let d = p[k] &- UInt8(ascii: "0")
        if d > 9 { digits = false }
        value = value * 10 + Int(d)
      }
      if digits {
        guard value <= PlanLimits.maximumDurationDays else { return nil }
        return PlanDuration(count: value, spelling: .d)
      }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: p[token.start..<token.end]), as: UTF8.self)
    guard case .success(let duration) = PlanDuration.parse(text) else { return nil }
    return duration
  }

  // MARK: - The file

  /// Reads the whole file; false to decline.
  mutating func scan() -> Bool {
    guard take(UInt8(ascii: "{")) else { return false }
    var seen: UInt32 = 0
    if take(UInt8(ascii: "}")) { return false }  // no title, no start: the full reader says so
    repeat {
      guard let key = string(), take(UInt8(ascii: ":")) else { return false }
      let bit: UInt32
      if equals(key, "plan") {
        bit = 1
        guard let value = string(), let title = text(value) else { return false }
        rows.title = title
      } else if equals(key, "start") {
        bit = 2
        guard let value = string(), let day = self.day(value, role: .start) else { return false }
        rows.planStart = Day(ordinal: Int(day))
      } else if equals(key, "owner") {
        bit = 4
        guard let value = string(), !value.escaped, value.end > value.start else { return false }
        rows.fileOwner = copyID(value)
      } else if equals(key, "owners") {
        bit = 8
        guard scanOwners() else { return false }
      } else if equals(key, "tasks") {
        bit = 16
        guard scanTasks() else { return false }
      } else {
        return false
      }
      guard seen & bit == 0 else { return false }
      seen |= bit
      // The rest of the root `tasks` array, and the root object's end, are another part's.
      if reachedCut { return rows.title != nil && rows.planStart != nil }
    } while take(UInt8(ascii: ","))
    guard take(UInt8(ascii: "}")) else { return false }
    skipSpace()
    return pos == end && rows.title != nil && rows.planStart != nil
  }

  // MARK: - Owners

  private mutating func scanOwners() -> Bool {
    guard take(UInt8(ascii: "[")) else { return false }
    if take(UInt8(ascii: "]")) { return true }
    // Open owners, innermost last; each is read key by key until it ends.
    var open: [Int32] = []
    var seen: [UInt8] = []
    while true {
      // At an owner's start.
      guard open.count < Self.maximumDepth, take(UInt8(ascii: "{")) else { return false }
      rows.owners.append(
        FastPlanRows.OwnerRow(
          parent: open.last ?? -1, position: SourcePosition(file: file, line: columns.line, column: 0, length: 1)))
      open.append(Int32(rows.owners.count - 1))
      seen.append(0)
      var startsUnits = false
      if take(UInt8(ascii: "}")) { return false }  // an owner needs an id
      // Keys of the innermost open owner, until a `units` list opens or the owner ends.
      ownerKeys: while true {
        let index = Int(open[open.count - 1])
        guard let key = string(), take(UInt8(ascii: ":")) else { return false }
        let bit: UInt8
        if equals(key, "id") {
          bit = 1
          guard let value = string(), isID(value) else { return false }
          rows.owners[index].position = position(value)
          rows.owners[index].id = String(
            decoding: UnsafeBufferPointer(rebasing: p[value.start..<value.end]), as: UTF8.self)
          rows.owners[index].hasID = true
        } else if equals(key, "name") {
          bit = 2
          guard let value = string(), let name = text(value) else { return false }
          rows.owners[index].name = name
        } else if equals(key, "units") {
          bit = 4
          guard take(UInt8(ascii: "[")) else { return false }
          if !take(UInt8(ascii: "]")) { startsUnits = true }
        } else {
          return false
        }
        guard seen[seen.count - 1] & bit == 0 else { return false }
        seen[seen.count - 1] |= bit
        if startsUnits { break ownerKeys }
        // After a value: another key, or the end of this owner and of any lists that end with it.
        while true {
          if take(UInt8(ascii: ",")) { continue ownerKeys }
          guard take(UInt8(ascii: "}")) else { return false }
          guard rows.owners[Int(open[open.count - 1])].hasID else { return false }
          open.removeLast()
          seen.removeLast()
          if take(UInt8(ascii: ",")) { break ownerKeys }  // the next owner of the same list
          guard take(UInt8(ascii: "]")) else { return false }
          if open.isEmpty { return true }
          // The units list of the owner now innermost ended: read on after its value.
        }
      }
    }
  }

  // MARK: - Tasks

  /// Reads the tasks. The innermost open task's row and `PlanTask` are built in locals and stored
  /// once: appended when the task ends, or when its children start (before theirs, so that rows stay
  /// in file order) and then read back when they end and stored again, so a key's value costs no
  /// access to the growing arrays.
  private mutating func scanTasks() -> Bool {
    guard take(UInt8(ascii: "[")) else { return false }
    if take(UInt8(ascii: "]")) { return true }
    return scanTaskItems()
  }

  /// Reads the second part of a plan cut for two threads: items of the root `tasks` array from the
  /// first on, the array's `]`, the root object's `}`, then only white space (so `tasks` must be the
  /// root object's last key). The items' rows are numbered from 0 and their lines counted from the
  /// cut (`FastPlanRows.append` moves them); false to decline.
  mutating func scanItems() -> Bool {
    guard scanTaskItems(), take(UInt8(ascii: "}")) else { return false }
    skipSpace()
    return pos == end
  }

  /// Reads task items from the first one's `{` to the `]` that ends the array they are in.
  private mutating func scanTaskItems() -> Bool {
    var open: [Int32] = []
    var row = rows.tasks.count
    var task = FastPlanRows.Task(parent: -1)
    var planTask = PlanTask(parent: -1, position: SourcePosition(file: file, line: 0, column: 0, length: 0))
    // Whether the innermost open task is stored already (it has children).
    var stored = false
    while true {
      // At a task's start: every task before it is stored.
      guard open.count < Self.maximumDepth, rows.tasks.count < Int(Int32.max) else { return false }
      if pos >= nextRelease, let releaseRead {
        // Everything before this task is read and copied; a step back for safety's sake.
        releaseRead.passed(pos - releaseStep / 4, filling: &rows.planTasks)
        nextRelease = pos + releaseStep
      }
      skipSpace()
      guard pos < end, p[pos] == UInt8(ascii: "{") else { return false }
      let mapping = SourcePosition(file: file, line: columns.line, column: 0, length: 1)
      pos += 1
      let parent = open.last ?? -1
      row = rows.tasks.count
      if parent >= 0 {
        rows.tasks[Int(parent)].childCount += 1
        rows.planTasks[Int(parent)].children.append(row)
      }
      task = FastPlanRows.Task(parent: parent, afterStart: Int32(rows.references.count))
      planTask = PlanTask(parent: parent, position: mapping)
      stored = false
      open.append(Int32(row))
      if take(UInt8(ascii: "}")) { return false }  // a task needs an id and a name
      taskKeys: while true {
        guard let key = string(), take(UInt8(ascii: ":")) else { return false }
        guard let taskKey = taskKey(key) else { return false }
        let bit = FastPlanRows.bit(taskKey)
        guard task.keys & bit == 0 else { return false }
        task.keys |= bit
        if taskKey == .tasks {
          guard take(UInt8(ascii: "[")) else { return false }
          if !take(UInt8(ascii: "]")) {
            // The first child starts: this task is stored before it.
            rows.tasks.append(task)
            rows.planTasks.append(planTask)
            break taskKeys
          }
        } else {
          guard readValue(taskKey, into: &task, &planTask) else { return false }
        }
        while true {
          if take(UInt8(ascii: ",")) { continue taskKeys }
          guard take(UInt8(ascii: "}")) else { return false }
          guard FastPlanRows.finish(task, &planTask) else { return false }
          if stored {
            rows.tasks[row] = task
            rows.planTasks[row] = planTask
          } else {
            rows.tasks.append(task)
            rows.planTasks.append(consume planTask)
          }
          open.removeLast()
          if take(UInt8(ascii: ",")) {
            // A sibling follows, or, in the first part of a cut text, the cut: just after a comma
            // between two root items (the text before was read as JSON, so not inside a string).
            if endsAtCut, open.isEmpty {
              skipSpace()
              if pos == end {
                reachedCut = true
                return true
              }
            }
            break taskKeys
          }
          guard take(UInt8(ascii: "]")) else { return false }
          guard let outer = open.last else { return true }
          // The children of the task now innermost ended: read on after its value.
          row = Int(outer)
          task = rows.tasks[row]
          planTask = rows.planTasks[row]
          stored = true
        }
      }
    }
  }

  private func taskKey(_ key: StringToken) -> TaskKey? {
    guard !key.escaped, key.end > key.start else { return nil }
    return FastValues.taskKey(UnsafeBufferPointer(rebasing: p[key.start..<key.end]))
  }

  /// Reads the value of `key` into task `row`; false to decline.
  private mutating func readValue(
    _ key: TaskKey, into task: inout FastPlanRows.Task, _ planTask: inout PlanTask
  ) -> Bool {
    switch key {
    case .id:
      guard let value = string(), isID(value) else { return false }
      (task.idStart, task.idLength) = copyID(value)
      planTask.places.id = position(value)
    case .name:
      guard let value = string(), let start = Int32(exactly: rows.text.count) else { return false }
      if value.escaped {
        guard let name = text(value) else { return false }
        rows.text.append(contentsOf: name.utf8)
      } else {
        rows.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[value.start..<value.end]))
      }
      guard let length = Int32(exactly: rows.text.count - Int(start)) else { return false }
      planTask.setName(start: start, length: length)
    case .owner:
      guard let value = string(), !value.escaped, value.end > value.start else { return false }
      let owner = copyID(value, sameAs: lastOwner)
      (task.ownerStart, task.ownerLength) = owner
      lastOwner = owner
    case .duration:
      guard let value = string(), let duration = duration(value) else { return false }
      planTask.duration = duration
    case .start:
      guard let value = string(), let day = day(value, role: .start) else { return false }
      planTask.start = Day(ordinal: Int(day))
    case .deadline:
      guard let value = string(), let day = day(value, role: .end) else { return false }
      planTask.deadline = Day(ordinal: Int(day))
      planTask.places.deadline = position(value)
    case .done:
      if take(UInt8(ascii: "[")) {
        // A list of days: only a duty's (checked when the task ends).
        task.doneIsList = true
        var held: [Day] = []
        repeat {
          guard let value = string(), let day = day(value, role: .end) else { return false }
          if held.isEmpty { planTask.places.done = position(value) }
          held.append(Day(ordinal: Int(day)))
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { return false }
        planTask.heldDates = held
      } else {
        guard let value = string(), let day = day(value, role: .end) else { return false }
        // A leaf's done date, or the one day a duty was held: told apart when the task ends.
        planTask.doneDate = Day(ordinal: Int(day))
        planTask.places.done = position(value)
      }
    case .after:
      guard take(UInt8(ascii: "[")) else { return false }
      if take(UInt8(ascii: "]")) { return true }
      var count: Int32 = 0
      repeat {
        guard let value = string(), !value.escaped else { return false }
        rows.references.append(
          FastPlanRows.Reference(
            start: copyID(value).start, length: Int32(value.end - value.start), position: position(value)))
        count += 1
      } while take(UInt8(ascii: ","))
      guard take(UInt8(ascii: "]")) else { return false }
      task.afterCount = count
    case .every:
      guard let value = string(), !value.escaped else { return false }
      let text = String(decoding: UnsafeBufferPointer(rebasing: p[value.start..<value.end]), as: UTF8.self)
      guard let period = Recurrence(rawValue: text), let index = Recurrence.allCases.firstIndex(of: period) else {
        return false
      }
      task.every = Int8(index)
      planTask.recurrence = period
    case .status:
      guard let value = string(), !value.escaped else { return false }
      let text = String(decoding: UnsafeBufferPointer(rebasing: p[value.start..<value.end]), as: UTF8.self)
      guard let status = TaskStatus(rawValue: text), let index = TaskStatus.allCases.firstIndex(of: status) else {
        return false
      }
      task.status = Int8(index)
      planTask.status = status
    case .progress:
      guard let value = string(), !value.escaped, let percent = progress(value) else { return false }
      planTask.progress = Int(percent)
    case .note:
      guard let value = string(), let text = text(value) else { return false }
      planTask.note = text
    case .source:
      guard let value = string(), let text = text(value) else { return false }
      planTask.source = text
    case .evidence:
      guard let value = string(), let text = text(value) else { return false }
      planTask.evidence = text
    default:
      return false
    }
    return true
  }

  /// A whole percent `N%` within 0…100, as `parseProgress` accepts it.
  private func progress(_ token: StringToken) -> Int8? {
    guard token.end - token.start >= 2, p[token.end - 1] == UInt8(ascii: "%") else { return nil }
    var start = token.start
    var negative = false
    if p[start] == UInt8(ascii: "-") {
      negative = true
      start += 1
    }
    guard start < token.end - 1 else { return nil }
    var value = 0
    var significant = 0
    for k in start..<token.end - 1 {
      let d = p[k] &- UInt8(ascii: "0")
      guard d <= 9 else { return nil }
      if value > 0 || d > 0 { significant += 1 }
      guard significant <= 3 else { return nil }
      value = value * 10 + Int(d)
    }
    guard !negative || value == 0, value <= 100 else { return nil }
    return Int8(value)
  }
}
