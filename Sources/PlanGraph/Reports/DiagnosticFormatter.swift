/// Formats diagnostics compiler style, with the offending line and a caret, or as JSON for tools.
public struct DiagnosticFormatter: Sendable {
  /// Colours for a terminal, or none.
  public var style: TerminalStyle

  /// Creates a formatter.
  public init(style: TerminalStyle = .plain) {
    self.style = style
  }

  /// `file:line:column: error: message`, the source line, a caret under the offending text, and the hint.
  public func format(_ diagnostic: Diagnostic, sources: [String: [UInt8]]) -> String {
    let location = diagnostic.location
    let place = location.line > 0 ? "\(location.file):\(location.line):\(location.column):" : "\(location.file):"
    let severity =
      diagnostic.severity == .error ? style.red("error:") : style.magenta("warning:")
    var text = style.bold(place) + " " + severity + " " + style.bold(diagnostic.message) + "\n"
    if location.line > 0, let bytes = sources[location.file], let line = Self.line(location.line, in: bytes) {
      let shown = line.replacingTabs()
      let scalars = Array(shown.unicodeScalars)
      let before = String(String.UnicodeScalarView(scalars.prefix(max(0, location.column - 1))))
      let token = String(
        String.UnicodeScalarView(scalars.dropFirst(max(0, location.column - 1)).prefix(location.length)))
      let caret = "^" + String(repeating: "~", count: max(0, TextWidth.of(token) - 1))
      text += "    " + shown + "\n"
      text += "    " + String(repeating: " ", count: TextWidth.of(before)) + style.green(caret) + "\n"
    }
    if let hint = diagnostic.hint {
      text += style.cyan("hint:") + " " + hint + "\n"
    }
    return text
  }

  /// The diagnostics as a JSON array of objects with file, line, column, severity, code, message, hint.
  public static func json(_ diagnostics: [Diagnostic]) -> String {
    var out = "[\n"
    for (i, d) in diagnostics.enumerated() {
      let l = d.location
      out += "  {\"file\": \(JSONText.string(l.file)), \"line\": \(l.line > 0 ? String(l.line) : "null"), "
      out += "\"column\": \(l.line > 0 ? String(l.column) : "null"), \"severity\": \"\(d.severity.rawValue)\", "
      out += "\"code\": \"\(d.code.rawValue)\", \"message\": \(JSONText.string(d.message)), "
      out += "\"hint\": \(d.hint.map(JSONText.string) ?? "null")}"
      out += i == diagnostics.count - 1 ? "\n" : ",\n"
    }
    return out + "]\n"
  }

  /// Line `number` (1-based) of a file's bytes, without its line break; nil past the end.
  static func line(_ number: Int, in bytes: [UInt8]) -> String? {
    var current = 1
    var start = 0
    var index = 0
    while index < bytes.count, current < number {
      if bytes[index] == 0x0A {
        current += 1
        start = index + 1
      }
      index += 1
    }
    guard current == number, start <= bytes.count else { return nil }
    var end = start
    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
    var slice = bytes[start..<end]
    if slice.last == 0x0D { slice = slice.dropLast() }
    if number == 1, slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
    // Invalid UTF-8 shows as U+FFFD; control characters as spaces, so the caret still lines up.
    let text = String(decoding: slice, as: UTF8.self)
    return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 && $0 != "\t" ? " " : $0 }))
  }
}

extension String {
  /// Tabs as single spaces: libyaml counts a tab as one column.
  fileprivate func replacingTabs() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
  }
}
