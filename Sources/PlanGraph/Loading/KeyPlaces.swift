/// Where each key of one mapping, and the start of its value, is written: what a draft remembers of
/// places, and the mapping reader's record of the keys already seen (a key with a place was read).
///
/// One flat array, two slots a key, a zero line meaning "not written": resetting it for the next task
/// writes into the same memory rather than allocating.
package struct KeyPlaces<Key: PlanKey>: Sendable {
  private var slots: [SourcePosition]

  private static var none: SourcePosition { SourcePosition(file: 0, line: 0, column: 0, length: 0) }

  /// Places with no key written.
  package init() {
    slots = Array(repeating: Self.none, count: 2 * Key.allCases.count)
  }

  /// Forgets every place, keeping the memory.
  package mutating func reset() {
    for i in slots.indices { slots[i] = Self.none }
  }

  /// Where `key` is written; nil when it is not.
  package func key(_ key: Key) -> SourcePosition? {
    let place = slots[2 * key.index]
    return place.line == 0 ? nil : place
  }

  /// Where the value of `key` starts; nil when the key is not written (or its value could not be read).
  package func value(_ key: Key) -> SourcePosition? {
    let place = slots[2 * key.index + 1]
    return place.line == 0 ? nil : place
  }

  /// Whether `key` is written.
  package func has(_ key: Key) -> Bool { slots[2 * key.index].line != 0 }

  mutating func setKey(_ key: Key, _ position: SourcePosition) { slots[2 * key.index] = position }
  mutating func setValue(_ key: Key, _ position: SourcePosition) { slots[2 * key.index + 1] = position }
}
