/// ANSI styling for terminal output, or none: the command line decides which (a terminal, no `NO_COLOR`).
public struct TerminalStyle: Sendable {
  /// Whether escape sequences are written.
  public var enabled: Bool

  /// A style that colours when `enabled`.
  public init(enabled: Bool) {
    self.enabled = enabled
  }

  /// No colour at all.
  public static let plain = TerminalStyle(enabled: false)

  /// `text` in bold.
  public func bold(_ text: String) -> String { wrap(text, "1") }
  /// `text` in bold red: errors, overdue.
  public func red(_ text: String) -> String { wrap(text, "1;31") }
  /// `text` in bold magenta: warnings.
  public func magenta(_ text: String) -> String { wrap(text, "1;35") }
  /// `text` in yellow: at risk.
  public func yellow(_ text: String) -> String { wrap(text, "33") }
  /// `text` in green: done, valid.
  public func green(_ text: String) -> String { wrap(text, "32") }
  /// `text` in cyan: due soon, hints.
  public func cyan(_ text: String) -> String { wrap(text, "36") }
  /// `text` dimmed: cancelled, secondary.
  public func dim(_ text: String) -> String { wrap(text, "2") }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
