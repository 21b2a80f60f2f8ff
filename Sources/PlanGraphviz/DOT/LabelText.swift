import PlanGraph

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
  /// literal, `&` written `&amp;` because Graphviz decodes HTML entities in labels too, each line
  /// break of the text made a label line break, and other control characters (tab aside) made
  /// spaces, as in HTML labels, because Graphviz copies them into SVG, where XML forbids them.
  public static func plain(_ text: String) -> String {
    plainLines(lines(of: text), alignment: .center)
  }

  /// Text for a `tooltip`: as `plain`, but each backslash written four times. Graphviz reads a tooltip
  /// through two rounds of escape expansion (each turning `\\` into `\` and `\N`, `\G`, `\L`, `\E` into
  /// the node's, graph's, … names), where a label has one, so a name's `\N` reaches the SVG as written.
  public static func tooltip(_ text: String) -> String {
    plain(text).replacing("\\\\", with: "\\\\\\\\")
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
        default: result.unicodeScalars.append(isControl(scalar) ? " " : scalar)
        }
      }
      if alignment != .center { result += alignment.rawValue }
    }
    return result
  }

  /// Text for an HTML-like label: escaped as in the HTML report (`& < > " '` as entities, control
  /// characters other than tab as spaces, which Graphviz's XML parser refuses), backslashes doubled,
  /// line breaks as `<BR/>`.
  public static func html(_ text: String) -> String {
    lines(of: text).map { HTMLText.escape($0).replacing("\\", with: "\\\\") }.joined(separator: "<BR/>")
  }

  /// Text for a graph's name, which Graphviz writes into SVG's title unescaped: control characters
  /// other than tab and line feed made spaces.
  public static func name(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars { result.unicodeScalars.append(isControl(scalar) ? " " : scalar) }
    return result
  }

  /// Whether `scalar` is a control character XML cannot hold (tab and line breaks are handled apart),
  /// or DEL, which `HTMLText.escape` also makes a space, so that both kinds of label show the same.
  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || scalar.value == 0x7F
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
