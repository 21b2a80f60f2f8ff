/// Where a large YAML plan text may be cut in two, so that two libyaml parsers read it at once, and
/// the rule that proves a cut sound.
///
/// A cut is the start of a line that begins, after `column` spaces, with `- `: it is meant to be an
/// item of the root mapping's `tasks` block sequence. Finding it is a guess made on bytes; it is
/// trusted only when both parses prove it (`FastYAMLReader`):
///
/// - the first half (the text before the cut, which ends with a line break) reads as a whole plan
///   whose last root key is `tasks`, a block sequence whose first `-` is at `column`, the document
///   ending implicitly (no `...`, no second document), its last scalar not a literal or folded block
///   scalar. libyaml then ends that text by closing the open blocks at the end of input, so nothing
///   can be open across the cut: an unclosed quoted scalar or flow collection would have been a syntax
///   error, a plain scalar cannot continue on a line indented no more than its block, a block scalar
///   is refused, and a root key, comment or document marker after the sequence would have ended it
///   before the cut. The cut line's `-` at the sequence's column then closes exactly the blocks
///   deeper than the sequence and starts its next item, as the end of input closed them;
/// - the second half (from the cut to the end) reads as nothing but items of one block sequence whose
///   first `-` is at line 0, `column`: a line indented less (a root key after `tasks`), a second
///   document or anything else is a syntax error or another event there, and the cut is not taken.
///   Inside the items libyaml compares indentation only with the items' own blocks, which are the
///   same in both readings; its lines are the first half's line count later.
enum FastYAMLSplit {
  /// A candidate cut: the byte offset of the line's start and the column of its `-`.
  struct Cut: Equatable {
    var offset: Int
    var column: Int
  }

  /// The candidate cut nearest after the middle of `text` (else nearest before it), or nil: the
  /// column is that of the first item after a `tasks:` line at the left margin.
  static func candidate(in text: UnsafeBufferPointer<UInt8>) -> Cut? {
    let middle = text.count / 2
    guard let (tasksLine, column) = rootTasksColumn(in: text, before: middle) else { return nil }
    if let offset = itemLine(in: text, column: column, from: middle, to: text.count) {
      return Cut(offset: offset, column: column)
    }
    if let offset = lastItemLine(in: text, column: column, after: tasksLine, before: middle) {
      return Cut(offset: offset, column: column)
    }
    return nil
  }

  /// The cut at the line starting at `offset`, when it starts with spaces and `- ` (not the first line).
  static func cut(in text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Cut? {
    guard offset > 0, offset < text.count, text[offset - 1] == newline else { return nil }
    var k = offset
    while k < text.count, text[k] == space { k += 1 }
    return isItem(text, at: k) ? Cut(offset: offset, column: k - offset) : nil
  }

  /// Whether the first half's reading proves `cut` (see the type's rule).
  static func proves(_ ending: FastYAMLScanner.Ending, cut: Cut) -> Bool {
    ending.tasksLast && ending.tasksColumn == cut.column && ending.implicitEnd && !ending.lastScalarIsBlock
      && ending.endLine > 0
  }

  // MARK: - Guessing on bytes

  private static let newline = UInt8(ascii: "\n")
  private static let space = UInt8(ascii: " ")
  private static let dash = UInt8(ascii: "-")

  /// The end of the first line `tasks:` at the left margin that starts before `limit`, and the
  /// column of the first `- ` line after it (blank and comment lines skipped).
  private static func rootTasksColumn(in text: UnsafeBufferPointer<UInt8>, before limit: Int) -> (Int, Int)? {
    let key: [UInt8] = Array("tasks:".utf8)
    var line = 0
    while line < limit {
      if startsWith(text, at: line, key) {
        var k = line + key.count
        // Spaces and an optional comment up to the line's end: the value is on the lines below.
        while k < text.count, text[k] == space { k += 1 }
        if k < text.count, text[k] == UInt8(ascii: "\r") || text[k] == newline || text[k] == UInt8(ascii: "#") {
          let end = lineEnd(text, from: k)
          return firstItemColumn(in: text, from: end).map { (end, $0) }
        }
      }
      line = lineEnd(text, from: line)
    }
    return nil
  }

  /// The column of the first line from `start` that is not blank or a comment, when it starts with `- `.
  private static func firstItemColumn(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var line = start
    while line < text.count {
      var k = line
      while k < text.count, text[k] == space { k += 1 }
      guard k < text.count else { return nil }
      let b = text[k]
      if b == newline || b == UInt8(ascii: "\r") || b == UInt8(ascii: "#") {
        line = lineEnd(text, from: k)
        continue
      }
      return isItem(text, at: k) ? k - line : nil
    }
    return nil
  }

  /// The first line starting in `from ..< to` with exactly `column` spaces and `- `.
  private static func itemLine(in text: UnsafeBufferPointer<UInt8>, column: Int, from: Int, to: Int) -> Int? {
    var k = from
    while k < to {
      guard text[k] == newline else {
        k += 1
        continue
      }
      k += 1
      if k < to, isItemLine(text, at: k, column: column) { return k }
    }
    return nil
  }

  /// The last such line after `after` and before `before`.
  private static func lastItemLine(in text: UnsafeBufferPointer<UInt8>, column: Int, after: Int, before: Int) -> Int? {
    var k = before - 1
    while k > after {
      if text[k - 1] == newline, isItemLine(text, at: k, column: column) { return k }
      k -= 1
    }
    return nil
  }

  private static func isItemLine(_ text: UnsafeBufferPointer<UInt8>, at start: Int, column: Int) -> Bool {
    guard start + column + 1 < text.count else { return false }
    for k in start..<(start + column) where text[k] != space { return false }
    return isItem(text, at: start + column)
  }

  /// Whether `- ` is at `k`.
  private static func isItem(_ text: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
    k + 1 < text.count && text[k] == dash && text[k + 1] == space
  }

  private static func startsWith(_ text: UnsafeBufferPointer<UInt8>, at k: Int, _ key: [UInt8]) -> Bool {
    guard k + key.count <= text.count else { return false }
    for (i, b) in key.enumerated() where text[k + i] != b { return false }
    return true
  }

  /// The offset just after the line break ending the line that holds `k` (or the text's end).
  private static func lineEnd(_ text: UnsafeBufferPointer<UInt8>, from k: Int) -> Int {
    var i = k
    while i < text.count, text[i] != newline { i += 1 }
    return min(i + 1, text.count)
  }
}
