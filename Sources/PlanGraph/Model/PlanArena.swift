/// The text and references of a loaded plan's tasks, kept once for the whole plan so that a task
/// needs no allocation of its own: each arena-backed `PlanTask` holds offsets into it.
///
/// Immutable once made (every property is a `let`), so tasks of one plan share it freely across
/// threads, and reading it costs no exclusivity check. Made by the loader's fast path; a task set
/// from code keeps its own values instead (see `PlanTask`).
package final class PlanArena: Sendable {
  /// UTF-8 of the tasks' names, ids and full ids, back to back (no separators, no terminators).
  package let text: [UInt8]
  /// Resolved `after` entries of all tasks, as task indices; a task's are one contiguous range.
  package let targets: [Int32]
  /// Where each entry of `targets` is written, parallel to it (8 bytes an entry, `PackedPositions`).
  package let positions: PackedPositions

  /// Creates an arena over the given text and references.
  package init(text: [UInt8], targets: [Int32], positions: PackedPositions) {
    precondition(targets.count == positions.count, "every reference needs its position")
    self.text = text
    self.targets = targets
    self.positions = positions
  }

  /// Creates an arena over the given text and references, their positions packed.
  package convenience init(text: [UInt8], targets: [Int32], positions: [SourcePosition]) {
    self.init(text: text, targets: targets, positions: PackedPositions(positions))
  }

  /// The text `text[start ..< start + length]` as a `String` (invalid UTF-8 repaired, as the loader
  /// would have when making the `String` itself).
  @inline(__always)
  func string(_ start: Int32, _ length: Int32) -> String {
    guard length > 0 else { return "" }
    return text.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(start + length)]), as: UTF8.self)
    }
  }

  /// Whether `text[start ..< start + length]` is exactly the UTF-8 of `other`.
  func bytesEqual(_ start: Int32, _ length: Int32, _ other: PlanArena, _ otherStart: Int32) -> Bool {
    if other === self && start == otherStart { return true }
    return text.withUnsafeBufferPointer { a in
      other.text.withUnsafeBufferPointer { b in
        a[Int(start)..<Int(start + length)].elementsEqual(b[Int(otherStart)..<Int(otherStart + length)])
      }
    }
  }
}
