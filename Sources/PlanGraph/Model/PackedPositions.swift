/// Source positions kept in 8 bytes each instead of 16, for the `after` entries of a plan's arena (a
/// million-task plan has about 1.5 million of them: 23 MiB as `SourcePosition`s, 11 as these).
///
/// An entry is the line's 32 bits, the column's low 16 and the length's low 16; the file is kept once,
/// for all. A position that does not fit — another file, a column or length below 0 or from 65,535 on
/// (a minified JSON plan is one long line) — is kept whole in a table of exceptions, sorted by index,
/// and its entry's column is 65,535 to say so. Every position reads back exactly as it was appended.
package struct PackedPositions: Sendable {
  /// The file of every entry that is not an exception.
  package let file: Int32
  private var packed: [UInt64] = []
  /// The indices of the entries kept whole, in increasing order, and those positions, parallel.
  private var exceptionIndices: [Int32] = []
  private var exceptionValues: [SourcePosition] = []

  /// The column value that marks an entry kept in the table of exceptions.
  private static let marker: UInt64 = 0xFFFF

  /// No positions, for entries in `file`.
  package init(file: Int32 = 0) {
    self.file = file
  }

  /// The given positions, packed (the file is the first position's, else 0).
  package init(_ positions: [SourcePosition]) {
    self.init(file: positions.first?.file ?? 0)
    reserveCapacity(positions.count)
    for position in positions { append(position) }
  }

  /// How many positions there are.
  package var count: Int { packed.count }

  /// Makes room for `count` positions in all, so that appending does not copy.
  package mutating func reserveCapacity(_ count: Int) {
    packed.reserveCapacity(count)
  }

  /// Adds a position at the end.
  @inline(__always)
  package mutating func append(_ position: SourcePosition) {
    let line = UInt64(UInt32(bitPattern: position.line))
    if position.file == file, position.column >= 0, UInt64(position.column) < Self.marker, position.length >= 0,
      position.length < 0xFFFF
    {
      packed.append(line | UInt64(position.column) << 32 | UInt64(position.length) << 48)
    } else {
      exceptionIndices.append(Int32(truncatingIfNeeded: packed.count))
      exceptionValues.append(position)
      packed.append(Self.marker << 32)
    }
  }

  /// The position at `index` (in `0 ..< count`), exactly as appended.
  package subscript(index: Int) -> SourcePosition {
    let entry = packed[index]
    let column = (entry >> 32) & 0xFFFF
    guard column != Self.marker else { return exception(at: index) }
    return SourcePosition(
      file: file, line: Int32(bitPattern: UInt32(truncatingIfNeeded: entry)), column: Int32(column),
      length: Int32(truncatingIfNeeded: entry >> 48))
  }

  /// The positions at `start ..< start + count`, as an array.
  package func values(_ start: Int, _ count: Int) -> [SourcePosition] {
    (start..<start + count).map { self[$0] }
  }

  /// The exception kept for entry `index` (binary search: there are few).
  private func exception(at index: Int) -> SourcePosition {
    var (low, high) = (0, exceptionIndices.count)
    while low < high {
      let middle = (low + high) / 2
      if Int(exceptionIndices[middle]) < index { low = middle + 1 } else { high = middle }
    }
    precondition(
      low < exceptionIndices.count && Int(exceptionIndices[low]) == index, "a marked entry has its exception")
    return exceptionValues[low]
  }
}
