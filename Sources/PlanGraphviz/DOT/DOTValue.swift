/// An attribute value as Graphviz receives it: plain text, or an HTML-like label.
///
/// Text is passed as is: label text must already be escaped with `LabelText.plain`, HTML with
/// `LabelText.html`, so that the DOT text and the graph built through cgraph mean the same.
public enum DOTValue: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  /// A string value (`label="…"` in DOT).
  case text(String)
  /// An HTML-like value (`label=<…>` in DOT).
  case html(String)

  /// A text value from a literal.
  public init(stringLiteral value: String) {
    self = .text(value)
  }

  /// The value without its kind: the text or the markup.
  public var string: String {
    switch self {
    case .text(let text): return text
    case .html(let markup): return markup
    }
  }

  /// The value as DOT writes it: quoted text, or markup in angle brackets.
  public var description: String {
    switch self {
    case .text(let text): return DOTSyntax.quoted(text)
    case .html(let markup): return "<" + markup + ">"
    }
  }
}
