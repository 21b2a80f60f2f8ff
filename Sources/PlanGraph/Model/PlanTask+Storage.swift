/// How a `PlanTask` keeps its text and references: offsets into the plan's shared `PlanArena` (the
/// fast path's tasks: no allocation per task), overridden field by field by values set from code.
extension PlanTask {
  /// Creates a task of the fast path: its parent and position only, nothing allocated; its name,
  /// ids and `after` come from `setName(start:length:)` and `attach(_:…)`.
  package init(parent: Int32, position: SourcePosition) {
    self.places = TaskPlaces(id: position)
    self.parent = parent >= 0 ? Int(parent) : nil
  }

  /// Sets the name to `text[start ..< start + length]` of the arena the task will be attached to.
  package mutating func setName(start: Int32, length: Int32) {
    slices.nameStart = start
    slices.nameLength = length
    if owned?.value.name != nil { updateOwned { $0.name = nil } }
  }

  /// Points the task at its plan's arena: its id and full id as ranges of the arena's text, its
  /// `after` entries and their positions as `targets[afterStart ..< afterStart + afterCount]`.
  package mutating func attach(
    _ arena: PlanArena, id: (start: Int32, length: Int32), fullID: (start: Int32, length: Int32),
    afterStart: Int32, afterCount: Int32
  ) {
    self.arena = arena
    slices.idStart = id.start
    slices.idLength = id.length
    slices.fullIDStart = fullID.start
    slices.fullIDLength = fullID.length
    slices.afterStart = afterStart
    slices.afterCount = afterCount
    if owned != nil {
      updateOwned {
        $0.id = nil
        $0.fullID = nil
        $0.after = nil
        $0.afterPositions = nil
      }
    }
  }

  /// How many `after` entries the task has, without making the array.
  package var afterCount: Int {
    if let after = owned?.value.after { return after.count }
    return arena == nil ? 0 : Int(slices.afterCount)
  }

  /// The target task of `after` entry `entry` (in `0 ..< afterCount`), without making the array; for
  /// hot loops, where a closure (`forEachAfter`) capturing the loop's arrays costs exclusivity checks.
  @inline(__always)
  package func afterTarget(_ entry: Int) -> Int {
    if let after = owned?.value.after { return after[entry] }
    return Int(arena?.targets[Int(slices.afterStart) + entry] ?? -1)
  }

  /// Calls `body` with each `after` entry's index and target task, without making the array.
  @inline(__always)
  package func forEachAfter(_ body: (_ entry: Int, _ target: Int) -> Void) {
    if let after = owned?.value.after {
      for (entry, target) in after.enumerated() { body(entry, target) }
      return
    }
    guard let arena, slices.afterCount > 0 else { return }
    arena.targets.withUnsafeBufferPointer { targets in
      let start = Int(slices.afterStart)
      for entry in 0..<Int(slices.afterCount) { body(entry, Int(targets[start + entry])) }
    }
  }

  /// Calls `body` with the full id's UTF-8, without making a `String` when it is in the arena.
  @inline(__always)
  package func withFullIDUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if var fullID = owned?.value.fullID { return fullID.withUTF8(body) }
    guard let arena, slices.fullIDLength > 0 else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    let start = Int(slices.fullIDStart)
    return arena.text.withUnsafeBufferPointer {
      body(UnsafeBufferPointer(rebasing: $0[start..<start + Int(slices.fullIDLength)]))
    }
  }

  /// Calls `body` with the name's UTF-8, without making a `String` when it is in the arena: for reports
  /// that copy a million names straight into their output.
  @inline(__always)
  package func withNameUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if var name = owned?.value.name { return name.withUTF8(body) }
    guard let arena, slices.nameLength > 0 else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    let start = Int(slices.nameStart)
    return arena.text.withUnsafeBufferPointer {
      body(UnsafeBufferPointer(rebasing: $0[start..<start + Int(slices.nameLength)]))
    }
  }

  /// Whether `a`'s full id comes before `b`'s in code point order (as `ReportText.codePointLess`:
  /// UTF-8 bytes compare in code point order), without making `String`s: for sorting reports.
  package static func fullIDPrecedes(_ a: PlanTask, _ b: PlanTask) -> Bool {
    a.withFullIDUTF8 { x in b.withFullIDUTF8 { y in x.lexicographicallyPrecedes(y) } }
  }

  // MARK: - Reading and writing the storage

  func arenaString(_ start: Int32, _ length: Int32) -> String {
    arena?.string(start, length) ?? ""
  }

  func arenaAfter() -> [Int] {
    guard let arena, slices.afterCount > 0 else { return [] }
    let start = Int(slices.afterStart)
    return arena.targets[start..<start + Int(slices.afterCount)].map { Int($0) }
  }

  /// The positions of the `after` entries, taken out of a uniquely held box so that the caller can
  /// change them without a copy (and must `store` them back).
  mutating func takeAfterPlaces() -> AfterPlaces {
    guard owned?.value.afterPositions != nil else { return afterPlaces() }
    let box = uniqueOwned()
    let values = box.value.afterPositions ?? []
    box.value.afterPositions = []
    return .owned(values)
  }

  /// The positions of the `after` entries, wherever they are kept.
  func afterPlaces() -> AfterPlaces {
    if let positions = owned?.value.afterPositions { return .owned(positions) }
    guard let arena, slices.afterCount > 0 else { return .owned([]) }
    return .arena(arena, start: slices.afterStart, count: slices.afterCount)
  }

  /// Stores locations back: the task's own positions inline, the `after` positions left in the arena
  /// when they are still its range, else kept in the box.
  mutating func store(_ locations: TaskLocations) {
    places = locations.places
    let mine: AfterPlaces? =
      if let arena, slices.afterCount > 0 {
        .arena(arena, start: slices.afterStart, count: slices.afterCount)
      } else { nil }
    switch locations.afterPlaces {
    case .arena(let other, let start, let count):
      if case .arena(let arena, let s, let c)? = mine, arena === other, s == start, c == count {
        if owned?.value.afterPositions != nil { updateOwned { $0.afterPositions = nil } }
      } else {
        updateOwned { $0.afterPositions = locations.afterPlaces.values }
      }
    case .owned(let values):
      if values.isEmpty && mine == nil && owned?.value.afterPositions == nil { return }
      updateOwned { $0.afterPositions = values }
    }
  }

  /// Changes the values set from code, copying their box first when another task shares it.
  mutating func updateOwned(_ change: (inout OwnedFields) -> Void) {
    change(&uniqueOwned().value)
  }

  /// The box of values set from code, made one this task alone holds (a new one when there was none).
  mutating func uniqueOwned() -> OwnedBox {
    if isKnownUniquelyReferenced(&owned), let box = owned { return box }
    let box = OwnedBox(owned?.value ?? OwnedFields())
    owned = box
    return box
  }

  // MARK: - Equality and hashing by value

  /// Whether the text and references are the same, compared without making `String`s when both
  /// tasks read them from the same place.
  func sameStoredValues(as other: PlanTask) -> Bool {
    func same(_ a: String?, _ sa: Int32, _ la: Int32, _ b: String?, _ sb: Int32, _ lb: Int32) -> Bool {
      if a == nil, b == nil, let x = arena, let y = other.arena, la == lb {
        if x.bytesEqual(sa, la, y, sb) { return true }
      }
      return (a ?? arenaString(sa, la)) == (b ?? other.arenaString(sb, lb))
    }
    let mine = owned?.value ?? OwnedFields()
    let theirs = other.owned?.value ?? OwnedFields()
    return same(mine.id, slices.idStart, slices.idLength, theirs.id, other.slices.idStart, other.slices.idLength)
      && same(
        mine.fullID, slices.fullIDStart, slices.fullIDLength, theirs.fullID, other.slices.fullIDStart,
        other.slices.fullIDLength)
      && same(
        mine.name, slices.nameStart, slices.nameLength, theirs.name, other.slices.nameStart,
        other.slices.nameLength)
      && after == other.after && afterPlaces() == other.afterPlaces()
  }

  /// Hashes the text and references by value.
  func hashStoredValues(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(fullID)
    hasher.combine(name)
    hasher.combine(after)
    hasher.combine(afterPlaces())
    hasher.combine(places)
  }
}

/// Where an arena-backed task's values are in its `PlanArena`: offsets and lengths, 32 bytes.
struct ArenaSlices: Sendable {
  var nameStart: Int32 = 0
  var nameLength: Int32 = 0
  var idStart: Int32 = 0
  var idLength: Int32 = 0
  var fullIDStart: Int32 = 0
  var fullIDLength: Int32 = 0
  var afterStart: Int32 = 0
  var afterCount: Int32 = 0
}

/// The text and references set from code; nil fields come from the arena.
struct OwnedFields: Sendable {
  var id: String?
  var fullID: String?
  var name: String?
  var after: [Int]?
  var afterPositions: [SourcePosition]?
}

/// A box for `OwnedFields`, copied before any write while shared, so `PlanTask` keeps value semantics.
final class OwnedBox: @unchecked Sendable {
  var value: OwnedFields

  init(_ value: OwnedFields) {
    self.value = value
  }
}
