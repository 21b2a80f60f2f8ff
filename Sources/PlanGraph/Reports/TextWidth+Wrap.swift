extension TextWidth {
  /// `text` as lines of at most `width` columns, broken only after one of `breaks` (" · ", "；", "; "
  /// …), so that a sentence of counts folds between its items instead of mid-word; the breaking text
  /// stays at the end of its line, without trailing spaces. A piece longer than `width` stands alone
  /// on its line, uncut.
  package static func wrap(_ text: String, width: Int, after breaks: [String]) -> [String] {
    guard width > 0, of(text) > width else { return [text] }
    var pieces: [String] = []
    var rest = Substring(text)
    while !rest.isEmpty {
      let next = breaks.compactMap { rest.firstRange(of: $0) }.min { $0.upperBound < $1.upperBound }
      let end = next?.upperBound ?? rest.endIndex
      pieces.append(String(rest[..<end]))
      rest = rest[end...]
    }
    var lines: [String] = []
    var line = ""
    for piece in pieces {
      if !line.isEmpty, of(line + piece.trimmingTrailingSpaces) > width {
        lines.append(line.trimmingTrailingSpaces)
        line = ""
      }
      line += piece
    }
    if !line.isEmpty { lines.append(line.trimmingTrailingSpaces) }
    return lines
  }
}

extension String {
  /// The text without spaces at its end: a wrapped line's, a table cell's.
  package var trimmingTrailingSpaces: String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
