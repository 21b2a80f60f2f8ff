/// A file's lines, to turn the loader's columns (Unicode scalars) into the editor's and back.
///
/// LSP counts columns in UTF-16 code units unless client and server agree on another encoding; CJK text
/// is one unit a character, but anything beyond the Basic Multilingual Plane is two.
struct SourceText: Sendable {
  /// How the editor counts columns.
  enum Encoding: String, Sendable {
    case utf16 = "utf-16"
    case utf32 = "utf-32"
    case utf8 = "utf-8"
  }

  private let lines: [Substring]

  /// Splits `text` into lines.
  init(_ text: String) {
    // Split on the newline byte: splitting by Characters costs several times more on a large plan.
    var lines: [Substring] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var index = start
    while index != utf8.endIndex {
      if utf8[index] == 10 {
        var end = index
        if end > start, utf8[utf8.index(before: end)] == 13 { end = utf8.index(before: end) }
        lines.append(text[start..<end])
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    lines.append(text[start..<utf8.endIndex])
    self.lines = lines
  }

  /// The number of lines.
  var lineCount: Int { lines.count }

  /// The 0-based line `index`, empty past the end.
  func line(_ index: Int) -> Substring {
    lines.indices.contains(index) ? lines[index] : ""
  }

  /// The editor's 0-based position of a 1-based line and scalar column.
  func position(line: Int, column: Int, encoding: Encoding) -> JSON {
    let index = max(0, line - 1)
    let character = character(line: index, column: max(1, column), encoding: encoding)
    return ["line": JSON.int(index), "character": JSON.int(character)]
  }

  /// The editor's range of `length` scalars from a 1-based line and column.
  func range(line: Int, column: Int, length: Int, encoding: Encoding) -> JSON {
    [
      "start": position(line: line, column: column, encoding: encoding),
      "end": position(line: line, column: column + max(0, length), encoding: encoding),
    ]
  }

  /// The 0-based editor column of a 1-based scalar column on the 0-based line `index`.
  func character(line index: Int, column: Int, encoding: Encoding) -> Int {
    let scalars = line(index).unicodeScalars
    var count = 0
    var seen = 1
    for scalar in scalars {
      if seen >= column { break }
      count += width(scalar, encoding)
      seen += 1
    }
    return count + max(0, column - seen)
  }

  /// The 1-based scalar column of the editor's 0-based `character` on the 0-based line `index`.
  func column(line index: Int, character: Int, encoding: Encoding) -> Int {
    var units = 0
    var column = 1
    for scalar in line(index).unicodeScalars {
      if units >= character { break }
      units += width(scalar, encoding)
      column += 1
    }
    return column
  }

  private func width(_ scalar: Unicode.Scalar, _ encoding: Encoding) -> Int {
    switch encoding {
    case .utf32: return 1
    case .utf16: return scalar.value > 0xFFFF ? 2 : 1
    case .utf8: return UTF8.width(scalar)
    }
  }
}
