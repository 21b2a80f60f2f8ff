/// Where a large JSON plan text may be cut in two, so that two `FastJSONScanner`s read it at once.
///
/// A cut is the start of a line whose first byte other than spaces and tabs is `{`: it is meant to be
/// the start of an item of the root object's `tasks` array, other than the first. Finding it is a
/// guess made on a few bytes around the middle; it is trusted only when both scans prove it
/// (`FastJSONReader`):
///
/// - the first part (the text before the cut) reads as the start of a plan whose root `tasks` array
///   has had at least one item and a comma after it, and then ends (white space only): the scanner
///   stands exactly between two items of the root `tasks` array, outside any string and at the
///   array's depth (`FastJSONScanner.endsAtCut`). Its title and start were read by then;
/// - the second part (from the cut to the end) reads as nothing but items of one array, its `]`, a `}`
///   and white space (`FastJSONScanner.scanItems`): the rest of the root `tasks` array, `tasks` being
///   the root object's last key.
///
/// The one-thread scan of the whole text reads the same tokens in the same order, so the rows are the
/// same: the second part's numbered after the first's and its lines the first's count later (the cut
/// is at a line start, so columns do not change).
enum FastJSONSplit {
  /// How far from the middle a cut is looked for: machine-written plans start a root item every few
  /// tens of kilobytes at most.
  static let window = 256 << 10

  /// A guessed cut near the middle of `text[textStart...]`, or nil: among the lines in the window after
  /// the middle (else before it) that start with `{` after a comma, the first of those after the most
  /// closing `]` (a root item follows its predecessor's deepest subtree), then of least indentation
  /// (where a plan is indented, root items are the least).
  static func candidate(in text: UnsafeBufferPointer<UInt8>, from textStart: Int) -> Int? {
    let middle = textStart + (text.count - textStart) / 2
    return best(in: text, from: max(middle, textStart + 1), to: min(middle + window, text.count))
      ?? best(in: text, from: max(middle - window, textStart + 1), to: middle)
  }

  /// The cut at the line starting at `offset` (of the whole text; after `textStart`), if its first byte
  /// other than spaces and tabs is `{` (for tests and the fuzzer).
  static func cut(in text: UnsafeBufferPointer<UInt8>, at offset: Int, from textStart: Int) -> Int? {
    guard offset > textStart, offset < text.count, text[offset - 1] == newline,
      indentation(text, at: offset) != nil
    else { return nil }
    return offset
  }

  // MARK: - Guessing on bytes

  private static let newline = UInt8(ascii: "\n")

  /// The best candidate line starting in `from ..< to` (see `candidate`).
  private static func best(in text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
    var found: (offset: Int, closers: Int, indent: Int)?
    var k = from
    while k < to {
      guard text[k - 1] == newline else {
        k += 1
        continue
      }
      if let indent = indentation(text, at: k), let closers = closersBefore(text, at: k),
        found.map({ closers > $0.closers || (closers == $0.closers && indent < $0.indent) }) ?? true
      {
        found = (k, closers, indent)
      }
      k += 1
    }
    return found?.offset
  }

  /// The spaces and tabs before a `{` starting the line at `start`, or nil when another byte comes first.
  private static func indentation(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
    var k = start
    while k < text.count, text[k] == UInt8(ascii: " ") || text[k] == UInt8(ascii: "\t") { k += 1 }
    return k < text.count && text[k] == UInt8(ascii: "{") ? k - start : nil
  }

  /// How many `]` close before the comma that ends the text before `start` (white space aside), or nil
  /// when it does not end with a comma.
  private static func closersBefore(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
    var k = start - 1
    while k > 0, isSpace(text[k]) { k -= 1 }
    guard k > 0, text[k] == UInt8(ascii: ",") else { return nil }
    k -= 1
    var closers = 0
    while k > 0 {
      let b = text[k]
      if b == UInt8(ascii: "]") {
        closers += 1
      } else if b != UInt8(ascii: "}") && !isSpace(b) {
        break
      }
      k -= 1
    }
    return closers
  }

  private static func isSpace(_ b: UInt8) -> Bool {
    b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") || b == newline
  }
}
