/// Escaping of text shown in labels, so that task names reach the picture exactly as written.
public enum LabelText {
  /// How a line of a plain label is aligned within its node or cluster.
  public enum Alignment: String, Hashable, Sendable {
    /// Centred: Graphviz's `\n`.
    case center = "\\n"
    /// Left: Graphviz's `\l`.
    case left = "\\l"
    /// Right: Graphviz's `\r`.
    case right = "\\r"
  }

  /// Text for a plain (`escString`) label: backslashes doubled so that `\N` or `\n` in a name stay
  /// literal, `&` written `&amp;` because Graphviz decodes HTML entities in labels too, and each line
  /// break of the text made a label line break.
  public static func plain(_ text: String) -> String {
    plainLines(lines(of: text), alignment: .center)
  }

  /// Lines joined into one plain label, each ended by `alignment`'s escape (the last one too, unless centred).
  public static func plainLines(_ lines: [String], alignment: Alignment) -> String {
    var result = ""
    for (index, line) in lines.enumerated() {
      if index > 0 && alignment == .center { result += alignment.rawValue }
      for scalar in line.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "&": result += "&amp;"
        case "\0", "\n", "\r": break
        default: result.unicodeScalars.append(scalar)
        }
      }
      if alignment != .center { result += alignment.rawValue }
    }
    return result
  }

  /// Text for an HTML-like label: `& < > " '` written as entities, backslashes doubled, line breaks as `<BR/>`.
  public static func html(_ text: String) -> String {
    var result = ""
    for (index, line) in lines(of: text).enumerated() {
      if index > 0 { result += "<BR/>" }
      for scalar in line.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        case "\\": result += "\\\\"
        case "\0": break
        default: result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// The lines of `text`, split at `\n`, `\r\n`, `\r` and the Unicode line and paragraph separators.
  static func lines(of text: String) -> [String] {
    var lines: [String] = []
    var current = ""
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n" where previousWasCR:
        previousWasCR = false
        continue
      case "\n", "\r", "\u{2028}", "\u{2029}":
        lines.append(current)
        current = ""
        previousWasCR = scalar == "\r"
        continue
      default:
        current.unicodeScalars.append(scalar)
      }
      previousWasCR = false
    }
    lines.append(current)
    return lines
  }
}
