/// Plan text made inert for a terminal: control characters that a terminal would obey (C0 but tab,
/// DEL, C1) and the bidi embeddings, overrides and isolates that reorder what follows them are shown as
/// visible escapes (`\e`, `\u{202E}`), so that no name, id or file name can write to the clipboard
/// (OSC 52), set the window title, overwrite a line or reverse a table row.
public enum TerminalText {
  /// Whether a scalar is one a terminal must not receive raw from plan text.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (v < 0x20 && v != 0x09) || (v >= 0x7F && v < 0xA0) || (0x202A...0x202E).contains(v)
      || (0x2066...0x2069).contains(v)
  }

  /// The visible escape shown for an unsafe scalar.
  public static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x00: return "\\0"
    case 0x07: return "\\a"
    case 0x08: return "\\b"
    case 0x0A: return "\\n"
    case 0x0B: return "\\v"
    case 0x0C: return "\\f"
    case 0x0D: return "\\r"
    case 0x1B: return "\\e"
    case let v where v < 0x80: return "\\x" + hex(v, digits: 2)
    case let v: return "\\u{" + hex(v, digits: v < 0x100 ? 2 : 4) + "}"
    }
  }

  /// `text` on one line: every unsafe scalar (line breaks too) escaped, tabs as spaces.
  public static func inline(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0) || $0 == "\t" }) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        out.append(" ")
      } else if isUnsafe(scalar) {
        out.append(contentsOf: escape(scalar).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// A whole screen of output: line breaks and tabs kept, and, when `keepingStyles`, the colour codes
  /// (`ESC [ digits ; … m`) the reports write themselves; every other unsafe scalar escaped. The last
  /// line of defence behind the renderers, which escape plan text where it lands.
  public static func screen(_ text: String, keepingStyles: Bool) -> String {
    let scalars = text.unicodeScalars
    guard scalars.contains(where: { isUnsafe($0) && $0 != "\n" }) else { return text }
    var out = String.UnicodeScalarView()
    var i = scalars.startIndex
    while i < scalars.endIndex {
      let scalar = scalars[i]
      if scalar == "\n" || !isUnsafe(scalar) {
        out.append(scalar)
      } else if keepingStyles, scalar == "\u{1B}", let end = styleEnd(scalars, from: i) {
        out.append(contentsOf: scalars[i...end])
        i = end
      } else {
        out.append(contentsOf: escape(scalar).unicodeScalars)
      }
      i = scalars.index(after: i)
    }
    return String(out)
  }

  /// The index of the `m` ending a colour code that starts at `start`, if one does.
  private static func styleEnd(_ scalars: String.UnicodeScalarView, from start: String.Index) -> String.Index? {
    var k = scalars.index(after: start)
    guard k < scalars.endIndex, scalars[k] == "[" else { return nil }
    k = scalars.index(after: k)
    var length = 0
    while k < scalars.endIndex, length < 16 {
      let s = scalars[k]
      if s == "m" { return k }
      guard s == ";" || ("0"..."9").contains(s) else { return nil }
      k = scalars.index(after: k)
      length += 1
    }
    return nil
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
