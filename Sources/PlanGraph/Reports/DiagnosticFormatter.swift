/// Formats diagnostics compiler style, with the offending line and a caret, or as JSON for tools.
public struct DiagnosticFormatter: Sendable {
  /// Colours for a terminal, or none.
  public var style: TerminalStyle
  /// The language of messages and hints (and of the word `hint`).
  public var language: Language

  /// Creates a formatter.
  public init(style: TerminalStyle = .plain, language: Language = .en) {
    self.style = style
    self.language = language
  }

  /// Every diagnostic formatted, in order; each file's lines are indexed once, however many diagnostics it has.
  public func format(_ diagnostics: [Diagnostic], sources: [String: [UInt8]]) -> String {
    var indexes: [String: SourceLines] = [:]
    var out = ""
    for diagnostic in diagnostics {
      let file = diagnostic.location.file
      if indexes[file] == nil, let bytes = sources[file] { indexes[file] = SourceLines(bytes) }
      out += format(diagnostic, lines: indexes[file])
    }
    return out
  }

  /// `file:line:column: error: message`, the source line, a caret under the offending text, and the hint.
  private func format(_ diagnostic: Diagnostic, lines: SourceLines?) -> String {
    let location = diagnostic.location
    // File names, messages and hints are shown inert: a file named `x:1:1: error: y⏎z.yaml` stays on one line.
    let file = TerminalText.inline(location.file)
    let place = location.line > 0 ? "\(file):\(location.line):\(location.column):" : "\(file):"
    let severity =
      // `error:` and `warning:` stay English in every language: editors and scripts match on them.
      diagnostic.severity == .error ? style.red("error:") : style.magenta("warning:")
    // A note about the whole run (the count of problems not shown) stands on its own line, with no file.
    var text =
      (location.file.isEmpty ? "" : style.bold(place) + " ") + severity + " "
      + style.bold(TerminalText.inline(diagnostic.message(in: language))) + "\n"
    if location.line > 0, let line = lines?.line(location.line) {
      var scalars = Array(line.replacingTabs().unicodeScalars)
      var column = max(0, location.column - 1)
      // A long line (minified JSON is one line) shows a window around the column.
      let window = 100
      if scalars.count > window {
        let from = max(0, min(column - 40, scalars.count - window))
        let to = min(scalars.count, from + window)
        let head: [Unicode.Scalar] = from > 0 ? ["…"] : []
        let tail: [Unicode.Scalar] = to < scalars.count ? ["…"] : []
        scalars = head + Array(scalars[from..<to]) + tail
        column = column - from + head.count
      }
      // Controls in the line are shown as escapes, and the caret is placed by the escaped text's width.
      let before = TerminalText.inline(String(String.UnicodeScalarView(scalars.prefix(column))))
      let token = TerminalText.inline(
        String(String.UnicodeScalarView(scalars.dropFirst(column).prefix(location.length))))
      let caret = "^" + String(repeating: "~", count: max(0, TextWidth.of(token) - 1))
      text += "    " + TerminalText.inline(String(String.UnicodeScalarView(scalars))) + "\n"
      text += "    " + String(repeating: " ", count: TextWidth.of(before)) + style.green(caret) + "\n"
    }
    if let hint = diagnostic.hint(in: language) {
      // The label is coloured, the space after it (English has one, Chinese's full-width colon none) is not.
      let label = language.words.hintLabel
      let hintWord = label.hasSuffix(" ") ? String(label.dropLast()) : label
      let hintSpace = label.hasSuffix(" ") ? " " : ""
      text += style.cyan(hintWord) + hintSpace + TerminalText.inline(hint) + "\n"
    }
    return text
  }

  /// The diagnostics as a JSON array of objects with file, line, column, severity, code, message, hint and
  /// suggestions (the replacements a "did you mean" proposes for the text at the place, closest first).
  /// Messages and hints are in `language`; keys, severities, codes and suggestions stay as they are for tools.
  public static func json(_ diagnostics: [Diagnostic], language: Language = .en) -> String {
    var out = "[\n"
    for (i, d) in diagnostics.enumerated() {
      let l = d.location
      out +=
        "  {\"file\": \(l.file.isEmpty ? "null" : JSONText.string(l.file)), \"line\": \(l.line > 0 ? String(l.line) : "null"), "
      out += "\"column\": \(l.line > 0 ? String(l.column) : "null"), \"severity\": \"\(d.severity.rawValue)\", "
      out += "\"code\": \"\(d.code.rawValue)\", \"message\": \(JSONText.string(d.message(in: language))), "
      out += "\"hint\": \(d.hint(in: language).map(JSONText.string) ?? "null"), "
      out += "\"suggestions\": [\(d.suggestions.map(JSONText.string).joined(separator: ", "))]}"
      out += i == diagnostics.count - 1 ? "\n" : ",\n"
    }
    return out + "]\n"
  }
}

/// The lines of a file's bytes, indexed once so that each is found without rescanning the file.
struct SourceLines {
  private let bytes: [UInt8]
  private var starts: [Int] = [0]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
  }

  /// Lines longer than this are not shown: finding a column in them would cost more than it helps.
  static let longestShown = 1 << 16

  /// Line `number` (1-based) without its line break, as text; nil past the end or when too long to show.
  func line(_ number: Int) -> String? {
    guard number >= 1, number <= starts.count else { return nil }
    let start = starts[number - 1]
    var end = number < starts.count ? starts[number] - 1 : bytes.count
    guard end - start <= Self.longestShown else { return nil }
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    var slice = bytes[start..<max(start, end)]
    if number == 1, slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
    // Invalid UTF-8 shows as U+FFFD; control characters are escaped by the formatter.
    return String(decoding: slice, as: UTF8.self)
  }
}

extension String {
  /// Tabs as single spaces: libyaml counts a tab as one column.
  fileprivate func replacingTabs() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
  }
}
