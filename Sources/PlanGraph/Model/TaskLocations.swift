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

/// A task's own positions: where it, its deadline and its done date are written (48 bytes, inline).
struct TaskPlaces: Hashable, Sendable {
  var id: SourcePosition
  private var deadlinePosition = SourcePosition(file: 0, line: 0, column: 0, length: 0)
  private var donePosition = SourcePosition(file: 0, line: 0, column: 0, length: 0)

  init(id: SourcePosition) {
    self.id = id
  }

  var deadline: SourcePosition? {
    get { deadlinePosition.line == 0 ? nil : deadlinePosition }
    set { deadlinePosition = newValue ?? SourcePosition(file: 0, line: 0, column: 0, length: 0) }
  }
  var done: SourcePosition? {
    get { donePosition.line == 0 ? nil : donePosition }
    set { donePosition = newValue ?? SourcePosition(file: 0, line: 0, column: 0, length: 0) }
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
