import PlanGraph

/// Breaks a name into lines of a given display width (a Chinese character counts two), so that labels
/// keep a steady width whatever the script.
enum TextWrap {
  /// Characters that must not begin a line (closing punctuation), as Chinese typesetting requires.
  private static let noLineStart: Set<Character> = [
    "，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "”", "’", "】", ",", ".", ";", ":", ")", "%", "…",
  ]

  /// `text` in lines of at most `width` columns (one over for a closing punctuation mark), at most
  /// `maxLines` of them, the last ending in "…" when text was left out. Breaks at spaces when it can.
  static func lines(_ text: String, width: Int, maxLines: Int) -> [String] {
    let words = LabelText.lines(of: text).joined(separator: " ")
    var lines: [String] = []
    var current = ""
    var used = 0
    var lastSpace: String.Index?
    for character in words {
      let w = TextWidth.of(String(character))
      if used + w > width && !current.isEmpty && !noLineStart.contains(character) {
        if character != " ", let space = lastSpace, current.distance(from: space, to: current.endIndex) < width / 2 {
          // Carry the unfinished word over to the next line.
          let carried = String(current[current.index(after: space)...])
          lines.append(String(current[..<space]))
          current = carried
          used = TextWidth.of(carried)
        } else {
          lines.append(current)
          current = ""
          used = 0
        }
        lastSpace = nil
        if character == " " { continue }
      }
      if character == " " { lastSpace = current.endIndex }
      current.append(character)
      used += w
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    guard lines.count > maxLines, maxLines > 0 else { return lines }
    var kept = Array(lines.prefix(maxLines))
    kept[maxLines - 1] = TextWidth.truncate(kept[maxLines - 1] + "……", to: width)
    return kept
  }

  /// `text` on one line of at most `width` columns, ending in "…" when cut.
  static func line(_ text: String, width: Int) -> String {
    TextWidth.truncate(LabelText.lines(of: text).joined(separator: " "), to: width)
  }
}
