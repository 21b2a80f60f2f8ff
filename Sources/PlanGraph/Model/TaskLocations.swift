/// Where a task and the values later stages may complain about are written.
public struct TaskLocations: Hashable, Sendable {
  /// The task's own positions, as a `PlanTask` stores them.
  var places: TaskPlaces
  /// The `after` entries' positions: a range of a plan's arena, or an array of their own.
  private var afterStorage: AfterPlaces

  /// Creates locations with only the task's own.
  public init(id: SourcePosition) {
    self.places = TaskPlaces(id: id)
    self.afterStorage = .owned([])
  }

  init(places: TaskPlaces, after: AfterPlaces) {
    self.places = places
    self.afterStorage = after
  }

  /// The task's `id` value (or the task's mapping when it has none).
  public var id: SourcePosition {
    get { places.id }
    set { places.id = newValue }
  }
  /// Each `after` entry, parallel to `PlanTask.after`.
  public var after: [SourcePosition] {
    get { afterStorage.values }
    set { afterStorage = .owned(newValue) }
    _modify {
      var value = afterStorage.values
      afterStorage = .owned([])
      defer { afterStorage = .owned(value) }
      yield &value
    }
  }
  /// The `deadline` value.
  public var deadline: SourcePosition? {
    get { places.deadline }
    set { places.deadline = newValue }
  }
  /// The `done` value.
  public var done: SourcePosition? {
    get { places.done }
    set { places.done = newValue }
  }

  /// Where the `after` entries are kept, for `PlanTask` to store them back.
  var afterPlaces: AfterPlaces { afterStorage }

  /// Whether two have the same positions, wherever each keeps them.
  public static func == (lhs: TaskLocations, rhs: TaskLocations) -> Bool {
    lhs.places == rhs.places && lhs.afterStorage == rhs.afterStorage
  }

  /// Hashes the positions by value.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(places)
    hasher.combine(afterStorage)
  }
}

/// A task's own positions: where it, its deadline and its done date are written; 32 bytes inline
/// (three `PlacePacking` words and a box), not three 16-byte `SourcePosition`s: 16 MiB less at a
/// million tasks.
///
/// A position that fits neither of the packing's two forms (see `PlacePacking`) is kept whole in an
/// immutable box shared by copies and replaced on change, so the value reads back exactly as set.
struct TaskPlaces: Hashable, Sendable {
  private var packedID: UInt64
  private var packedDeadline = PlacePacking.none
  private var packedDone = PlacePacking.none
  /// The positions that did not pack (their words are `PlacePacking.boxed`); nil when all did.
  private var box: PlacesBox?

  init(id: SourcePosition) {
    packedID = PlacePacking.none
    self.id = id
  }

  var id: SourcePosition {
    get { packedID == PlacePacking.boxed ? (box?.values.id ?? PlacePacking.zero) : PlacePacking.unpack(packedID) }
    set {
      let wasBoxed = packedID == PlacePacking.boxed
      packedID = PlacePacking.pack(newValue) ?? PlacePacking.boxed
      if wasBoxed || packedID == PlacePacking.boxed { updateBox { $0.id = newValue } }
    }
  }
  var deadline: SourcePosition? {
    get {
      present(
        packedDeadline == PlacePacking.boxed
          ? (box?.values.deadline ?? PlacePacking.zero) : PlacePacking.unpack(packedDeadline))
    }
    set {
      // Absent is line 0, stored as the zero position, so that equal places have equal words.
      let position = newValue.flatMap(present) ?? PlacePacking.zero
      let wasBoxed = packedDeadline == PlacePacking.boxed
      packedDeadline = PlacePacking.pack(position) ?? PlacePacking.boxed
      if wasBoxed || packedDeadline == PlacePacking.boxed { updateBox { $0.deadline = position } }
    }
  }
  var done: SourcePosition? {
    get {
      present(
        packedDone == PlacePacking.boxed ? (box?.values.done ?? PlacePacking.zero) : PlacePacking.unpack(packedDone))
    }
    set {
      // Absent is line 0, stored as the zero position, so that equal places have equal words.
      let position = newValue.flatMap(present) ?? PlacePacking.zero
      let wasBoxed = packedDone == PlacePacking.boxed
      packedDone = PlacePacking.pack(position) ?? PlacePacking.boxed
      if wasBoxed || packedDone == PlacePacking.boxed { updateBox { $0.done = position } }
    }
  }

  /// A deadline or done date's position, nil when absent (line 0).
  @inline(__always)
  private func present(_ position: SourcePosition) -> SourcePosition? {
    position.line == 0 ? nil : position
  }

  /// Replaces the box with a changed copy (never changed in place: copies of the places share it);
  /// dropped when no word points into it any more.
  private mutating func updateBox(_ change: (inout PlacesBox.Values) -> Void) {
    var values = box?.values ?? PlacesBox.Values()
    change(&values)
    let used = [packedID, packedDeadline, packedDone].contains(PlacePacking.boxed)
    box = used ? PlacesBox(values) : nil
  }

  /// The three positions as stored (an absent deadline or done date is the zero position).
  private var all: (SourcePosition, SourcePosition, SourcePosition) {
    (id, deadline ?? PlacePacking.zero, done ?? PlacePacking.zero)
  }

  static func == (lhs: TaskPlaces, rhs: TaskPlaces) -> Bool {
    if lhs.box == nil && rhs.box == nil {
      return lhs.packedID == rhs.packedID && lhs.packedDeadline == rhs.packedDeadline
        && lhs.packedDone == rhs.packedDone
    }
    return lhs.all == rhs.all
  }

  func hash(into hasher: inout Hasher) {
    let (id, deadline, done) = all
    hasher.combine(id)
    hasher.combine(deadline)
    hasher.combine(done)
  }
}

/// The positions of a `TaskPlaces` that did not pack; immutable.
final class PlacesBox: Sendable {
  struct Values {
    var id = PlacePacking.zero
    var deadline = PlacePacking.zero
    var done = PlacePacking.zero
  }
  let values: Values

  init(_ values: Values) {
    self.values = values
  }
}

/// A `SourcePosition` in one 64-bit word, in one of two forms, for `TaskPlaces`:
///
/// - bit 63 clear: the line's 32 bits, the column's 16 (below 65,535), the length's 11 (below 2,048)
///   and the file's 4 (below 16): any position of an ordinary plan file;
/// - bit 63 set: the line's 20 bits (below 2^20), the column's 31 and the length's 12 (below 4,096),
///   file 0: a minified JSON plan, written on one long line.
///
/// Anything else does not pack (`pack` is nil) and the word is `boxed`, a form-0 word with column 65,535.
enum PlacePacking {
  /// The zero position, which `deadline` and `done` keep when absent.
  static let zero = SourcePosition(file: 0, line: 0, column: 0, length: 0)
  /// The word of the zero position.
  static let none: UInt64 = 0
  /// The word of a position kept in the box.
  static let boxed: UInt64 = 0xFFFF << 32

  @inline(__always)
  static func pack(_ p: SourcePosition) -> UInt64? {
    if p.column >= 0 && p.column < 0xFFFF && p.length >= 0 && p.length < 1 << 11 && p.file >= 0 && p.file < 16 {
      return UInt64(UInt32(bitPattern: p.line)) | UInt64(p.column) << 32 | UInt64(p.length) << 48
        | UInt64(p.file) << 59
    }
    if p.file == 0 && p.line >= 0 && p.line < 1 << 20 && p.column >= 0 && p.length >= 0 && p.length < 1 << 12 {
      return 1 << 63 | UInt64(p.line) | UInt64(p.column) << 20 | UInt64(p.length) << 51
    }
    return nil
  }

  @inline(__always)
  static func unpack(_ w: UInt64) -> SourcePosition {
    if w >> 63 == 0 {
      return SourcePosition(
        file: Int32(w >> 59), line: Int32(bitPattern: UInt32(truncatingIfNeeded: w)),
        column: Int32((w >> 32) & 0xFFFF), length: Int32((w >> 48) & 0x7FF))
    }
    return SourcePosition(
      file: 0, line: Int32(w & 0xF_FFFF), column: Int32((w >> 20) & 0x7FFF_FFFF), length: Int32((w >> 51) & 0xFFF))
  }
}

/// The positions of a task's `after` entries: a range of a plan's arena, or an array of their own;
/// equal and hashed by the positions themselves.
enum AfterPlaces: Hashable, Sendable {
  case arena(PlanArena, start: Int32, count: Int32)
  case owned([SourcePosition])

  /// The positions, made into an array when kept in an arena.
  var values: [SourcePosition] {
    switch self {
    case .owned(let values): return values
    case .arena(let arena, let start, let count):
      return arena.positions.values(Int(start), Int(count))
    }
  }

  var isEmpty: Bool {
    switch self {
    case .owned(let values): return values.isEmpty
    case .arena(_, _, let count): return count == 0
    }
  }

  static func == (lhs: AfterPlaces, rhs: AfterPlaces) -> Bool {
    if case .arena(let a, let s, let c) = lhs, case .arena(let b, let t, let d) = rhs, a === b, s == t, c == d {
      return true
    }
    return lhs.values == rhs.values
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(values)
  }
}
