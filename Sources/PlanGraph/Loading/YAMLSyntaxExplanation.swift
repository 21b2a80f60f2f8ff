/// libyaml's syntax errors told as what the planner did: a tab in the indentation, a `: ` inside an
/// unquoted value, a line indented to no level of the blocks above it, a key without its colon.
///
/// libyaml reports what its grammar expected (`did not find expected key`); a planner needs to hear which
/// line to change and how. Reads the lines around the error; nil leaves libyaml's own words.
struct YAMLSyntaxExplanation {
  /// The message.
  var message: Phrase
  /// The fix.
  var hint: Phrase
  /// 1-based line the error is shown at.
  var line: Int
  /// 1-based column (Unicode scalars).
  var column: Int

  /// The explanation of libyaml's `problem` (in `context`) at the 0-based `line` and `column` of `text`.
  static func explain(
    problem: String, context: String?, line: Int, column: Int, text: UnsafeBufferPointer<UInt8>
  ) -> YAMLSyntaxExplanation? {
    let lines = IndentedLines(text: text, through: line)
    guard line < lines.count else { return nil }
    let current = lines[line]
    let indentation = current.prefix { $0 == " " || $0 == "\t" }
    if let tab = indentation.firstIndex(of: "\t") {
      let offset = indentation.distance(from: indentation.startIndex, to: tab)
      let above = lines.previousContent(before: line).map {
        Phrase(
          " (line \($0 + 1) is indented by \(lines.indentation(of: $0)) spaces)",
          "（第 \($0 + 1) 行缩进了 \(lines.indentation(of: $0)) 个空格）")
      }
      return YAMLSyntaxExplanation(
        message: Phrase("a tab in the indentation of line \(line + 1)", "第 \(line + 1) 行的缩进里有制表符（Tab）"),
        hint: Phrase(
          "YAML indents with spaces only: replace the tab with spaces\(above?.english ?? "")",
          "YAML 只能用空格缩进：把制表符换成空格\(above?.chinese ?? "")"), line: line + 1, column: offset + 1)
    }
    let contentColumn = indentation.count + 1
    if problem.hasPrefix("mapping values are not allowed") {
      if let (key, value, colon) = keyAndValue(current), colon < column, !value.isEmpty {
        let quoted = value.replacing("\"", with: "\\\"")
        let what = key == "name" ? "名称" : "值"
        return YAMLSyntaxExplanation(
          message: Phrase(
            "the value of '\(key)' contains ': ', which YAML reads as the start of another key",
            "“\(key)”的值里有“: ”，YAML 会把它当成另一个键的开始"),
          hint: Phrase(
            "quote the value: \(key): \"\(quoted)\"", "给\(what)加引号：“\(key): \"\(quoted)\"”"), line: line + 1,
          column: column + 1)
      }
      guard let previous = lines.previousContent(before: line) else { return nil }
      let mine = lines.indentation(of: line)
      let theirs = lines.indentation(of: previous)
      return YAMLSyntaxExplanation(
        message: Phrase(
          "line \(line + 1) is indented by \(spaces(mine)), more than line \(previous + 1) (\(theirs)), "
            + "so YAML reads it as the rest of line \(previous + 1)'s value",
          "第 \(line + 1) 行缩进了 \(mine) 个空格，比第 \(previous + 1) 行（\(theirs) 个）多，"
            + "YAML 会把它读成第 \(previous + 1) 行的值的一部分"),
        hint: Phrase(
          "indent line \(line + 1) by \(theirs) spaces, as line \(previous + 1)",
          "把第 \(line + 1) 行缩进 \(theirs) 个空格，与第 \(previous + 1) 行对齐"), line: line + 1,
        column: contentColumn)
    }
    if problem.hasPrefix("did not find expected key") || problem.hasPrefix("did not find expected '-' indicator")
      || problem.hasPrefix("expected <block end>")
    {
      // An error inside the line, past its indentation: the indentation is not what is wrong. Text after a
      // quoted value's closing quote ("青年之家"综合服务平台建设) or a list's closing bracket is explained;
      // anything else keeps libyaml's words rather than blaming the indentation.
      if column > indentation.count { return textAfterValue(current, line: line, column: column) }
      let levels = lines.enclosingLevels(before: line)
      guard !levels.isEmpty else { return nil }
      let mine = lines.indentation(of: line)
      if let dash = levels.first(where: { $0.spaces == mine }) {
        // At a list's dashes without a dash of its own: a key meant for the item above, or a new item.
        let body = lines[dash.line].dropFirst(mine)
        guard body.hasPrefix("- "), !current.dropFirst(mine).hasPrefix("-") else { return nil }
        return YAMLSyntaxExplanation(
          message: Phrase(
            "line \(line + 1) is indented as the dashes of the list on line \(dash.line + 1), but does not start with '- '",
            "第 \(line + 1) 行的缩进与第 \(dash.line + 1) 行列表的“- ”对齐，却没有以“- ”开头"),
          hint: Phrase(
            "indent line \(line + 1) by \(mine + 2) spaces to make it a key of the item on line \(dash.line + 1), "
              + "or start it with '- ' for a new item",
            "把第 \(line + 1) 行缩进 \(mine + 2) 个空格，作为第 \(dash.line + 1) 行那一项的键；或以“- ”开头，另起一项"),
          line: line + 1, column: contentColumn)
      }
      // A list item's line gives two levels, its '-' and the key after it: each is named, else both would
      // read "as line 10".
      let shared = Dictionary(levels.map { ($0.line, 1) }, uniquingKeysWith: +).filter { $0.value > 1 }
      let listed = levels.map { level in
        guard shared[level.line] != nil else { return "\(level.spaces) (line \(level.line + 1))" }
        let dash = levels.contains { $0.line == level.line && $0.spaces > level.spaces }
        return "\(level.spaces) (\(dash ? "the '-'" : "the key after '-'") on line \(level.line + 1))"
      }
      let options =
        listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " or " + listed[listed.count - 1]
      let chinese = levels.map { level in
        guard shared[level.line] != nil else { return "\(level.spaces) 个空格（与第 \(level.line + 1) 行对齐）" }
        let dash = levels.contains { $0.line == level.line && $0.spaces > level.spaces }
        return "\(level.spaces) 个空格（与第 \(level.line + 1) 行\(dash ? "的“-”" : "“-”后的键")对齐）"
      }
      let choices =
        chinese.count == 1 ? chinese[0] : chinese.dropLast().joined(separator: "、") + "或 " + chinese[chinese.count - 1]
      return YAMLSyntaxExplanation(
        message: Phrase(
          "line \(line + 1) is indented by \(spaces(mine)), which matches none of the blocks above it",
          "第 \(line + 1) 行缩进了 \(mine) 个空格，与上面任何一层的缩进都对不上"),
        hint: Phrase(
          "indent line \(line + 1) by \(options) spaces: as many as the line it belongs with",
          "把第 \(line + 1) 行缩进 \(choices)：与它所属的那一行相同"),
        line: line + 1, column: contentColumn)
    }
    if problem.hasPrefix("could not find expected ':'") {
      return YAMLSyntaxExplanation(
        message: Phrase("a key without its colon, or a value broken over lines", "键后面缺少冒号，或者值被断成了多行"),
        hint: Phrase(
          "write each entry as 'key: value' with a colon and a space; quote a value that spans lines",
          "每一项写成“键: 值”（冒号后有一个空格）；跨行的值要加引号"),
        line: line + 1, column: column + 1)
    }
    return nil
  }

  /// A `key: "quoted" more` or `key: [list] more` line: the value ended at its closing quote or bracket,
  /// and the rest cannot be read.
  private static func textAfterValue(_ current: Substring, line: Int, column: Int) -> YAMLSyntaxExplanation? {
    guard let (key, value, colon) = keyAndValue(current), colon < column, let quote = value.first else { return nil }
    if quote == "[" || quote == "{" {
      let close = quote == "[" ? "]" : "}"
      return YAMLSyntaxExplanation(
        message: Phrase(
          "the value of '\(key)' ends at its closing '\(close)', but more text follows it",
          "“\(key)”的值到“\(close)”就结束了，后面还有文字，YAML 读不下去"),
        hint: Phrase(
          "put the text inside the '\(quote)\(close)', or remove it", "把这段文字写进“\(quote)\(close)”里面，或删去"),
        line: line + 1, column: column + 1)
    }
    guard quote == "\"" || quote == "'" else { return nil }
    // The whole value in the other kind of quote, escaped as that kind needs.
    let whole =
      quote == "\""
      ? "'" + value.replacing("'", with: "''") + "'"
      : "\"" + value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    return YAMLSyntaxExplanation(
      message: Phrase(
        "the value of '\(key)' ends at its closing quote, but more text follows it",
        "“\(key)”的值到右引号就结束了，后面还有文字，YAML 读不下去"),
      hint: Phrase(
        "quote the whole value with the other kind of quote: \(key): \(whole), or write the inner quotes as “ ”",
        "用另一种引号把整个值括起来：\(key): \(whole)；或把值里的引号改成中文引号“ ”"),
      line: line + 1, column: column + 1)
  }

  private static func spaces(_ count: Int) -> String {
    count == 1 ? "1 space" : "\(count) spaces"
  }

  /// The key, the rest and the 0-based column of the colon of a `key: value` line (after any `- `).
  private static func keyAndValue(_ line: Substring) -> (key: String, value: String, colon: Int)? {
    var body = line.drop { $0 == " " }
    if body.hasPrefix("- ") { body = body.dropFirst(2).drop { $0 == " " } }
    guard let colon = body.firstRange(of: ": ") else { return nil }
    let key = body[..<colon.lowerBound]
    guard !key.isEmpty, !key.contains("\""), !key.contains("'") else { return nil }
    var value = body[colon.upperBound...]
    if let comment = value.firstRange(of: " #") { value = value[..<comment.lowerBound] }
    let colonColumn = line.unicodeScalars.count - body[colon.lowerBound...].unicodeScalars.count
    return (String(key), value.trimmingSpaces(), colonColumn)
  }
}

/// The first lines of a file as text, to look at the indentation around a syntax error.
private struct IndentedLines {
  private var lines: [Substring] = []

  init(text: UnsafeBufferPointer<UInt8>, through last: Int) {
    // Only the text up to the error's line: a syntax error at the end of a huge file costs no copy of it.
    var end = 0
    var newlines = 0
    while end < text.count, newlines <= last {
      if text[end] == 10 { newlines += 1 }
      end += 1
    }
    let whole = String(decoding: UnsafeBufferPointer(rebasing: text[0..<end]), as: UTF8.self)
    for line in whole.split(separator: "\n", maxSplits: last + 1, omittingEmptySubsequences: false).prefix(last + 1) {
      lines.append(line.hasSuffix("\r") ? line.dropLast() : line)
    }
  }

  var count: Int { lines.count }

  subscript(_ index: Int) -> Substring { lines[index] }

  /// Spaces before the line's content.
  func indentation(of index: Int) -> Int {
    lines[index].prefix { $0 == " " }.count
  }

  /// Whether a line has content: neither blank nor only a comment.
  func hasContent(_ index: Int) -> Bool {
    let body = lines[index].drop { $0 == " " || $0 == "\t" }
    return !body.isEmpty && !body.hasPrefix("#")
  }

  /// The nearest line above `index` with content.
  func previousContent(before index: Int) -> Int? {
    var i = index - 1
    while i >= 0 {
      if hasContent(i) { return i }
      i -= 1
    }
    return nil
  }

  /// The indentations a line below could continue: the nearest content line's (and, for a list item, its
  /// keys'), then each smaller one going up, with the line that sets it.
  func enclosingLevels(before index: Int) -> [(spaces: Int, line: Int)] {
    var levels: [(spaces: Int, line: Int)] = []
    var i = index - 1
    var limit = Int.max
    while i >= 0, limit > 0 {
      defer { i -= 1 }
      guard hasContent(i) else { continue }
      let spaces = indentation(of: i)
      guard spaces < limit else { continue }
      let body = lines[i].dropFirst(spaces)
      // A block mapping item (`- id: a`) has keys below it at the dash's column plus two; a flow one
      // (`- { id: a }`) has none.
      let item = body.dropFirst(2).drop { $0 == " " }
      if body.hasPrefix("- "), spaces + 2 < limit, item.contains(":"), !item.hasPrefix("{"), !item.hasPrefix("[") {
        levels.append((spaces + 2, i))
      }
      levels.append((spaces, i))
      limit = spaces
    }
    return levels
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
