/// The lines and columns of a JSON text, counted one way for both JSON readers (`JSONEventReader` and
/// the fast path's `FastJSONScanner`), so that the places the fast path keeps cannot drift from the full
/// reader's: lines end at `\n` only, columns count Unicode scalars from 1, and a column is counted on
/// from the last one asked for on the same line, so a plan written on one long line costs no more than
/// a short one.
struct JSONColumns {
  /// The 1-based line at `lineStart`.
  private(set) var line: Int32 = 1
  /// Byte offset where the current line starts.
  private var lineStart: Int
  /// Where the column was last counted, and that column.
  private var columnMark: Int
  private var columnAtMark: Int32 = 1

  /// Counts from byte `start` (past a byte-order mark, say): line 1, column 1.
  init(start: Int) {
    lineStart = start
    columnMark = start
  }

  /// A new line starts at byte `offset`, just past a `\n`.
  @inline(__always)
  mutating func newLine(at offset: Int) {
    line += 1
    lineStart = offset
    columnMark = offset
    columnAtMark = 1
  }

  /// The 1-based column of byte `offset` of the current line of `bytes`.
  mutating func column<Bytes: RandomAccessCollection>(at offset: Int, in bytes: Bytes) -> Int32
  where Bytes.Element == UInt8, Bytes.Index == Int {
    if offset < columnMark || columnMark < lineStart {
      columnMark = lineStart
      columnAtMark = 1
    }
    var count = columnAtMark
    var i = columnMark
    while i < offset {
      if bytes[i] & 0xC0 != 0x80 { count += 1 }
      i += 1
    }
    columnMark = offset
    columnAtMark = count
    return count
  }
}
