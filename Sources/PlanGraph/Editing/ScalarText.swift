/// How a value is written into a plan file: plain where YAML reads it back as the same text, else
/// double-quoted; always double-quoted (with JSON escapes) in a JSON file.
struct ScalarText: Sendable {
  /// Whether the file being edited is JSON.
  var isJSON: Bool

  /// A key: plain in YAML, quoted in JSON.
  func key(_ name: String) -> String {
    isJSON ? quoted(name) : name
  }

  /// A date, an id-like word or a percentage: plain in YAML, quoted in JSON.
  func word(_ text: String) -> String {
    isJSON ? quoted(text) : text
  }

  /// A number: bare in both, without leading zeros (`05` is 5; JSON forbids them and YAML 1.1 reads
  /// them as octal), its fraction as given (`35.50` stays).
  func number(_ text: String) -> String {
    let negative = text.hasPrefix("-")
    let body = negative ? text.dropFirst() : Substring(text)
    let integerEnd = body.firstIndex(of: ".") ?? body.endIndex
    var integer = body[..<integerEnd]
    while integer.count > 1, integer.first == "0" { integer = integer.dropFirst() }
    return (negative ? "-" : "") + integer + body[integerEnd...]
  }

  /// Free text (evidence, notes, names): plain only when YAML would read it back unchanged as text.
  func text(_ value: String) -> String {
    isJSON || !Self.isSafePlain(value) ? quoted(value) : value
  }

  /// Double-quoted with the escapes YAML and JSON share.
  func quoted(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
          || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
        {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// Whether `value` can be written plain, in block and flow context alike, and read back as the same
  /// text: no indicator first, nothing that starts a comment, a mapping or a flow item, and nothing
  /// that YAML or the plan format would read as a number, a date, a boolean or null.
  static func isSafePlain(_ value: String) -> Bool {
    guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
    if first == " " || last == " " { return false }
    if !(first.properties.isAlphabetic || first == "_") { return false }  // digits, signs, indicators, `〔`
    let lowered = value.lowercased()
    let reserved: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]
    if reserved.contains(lowered) { return false }
    for scalar in value.unicodeScalars {
      switch scalar {
      case ",", "[", "]", "{", "}", "#", ":", "\"", "'", "\\", "\t", "\n", "\r": return false
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value >= 0x80 && scalar.value <= 0x9F
          || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
        {
          return false
        }
      }
    }
    // Chinese date wordings (2018年底, 年内) start with digits or are words the loader would read as
    // dates only in date keys; text keys take them as text, but a reader may not: quote what parses.
    if case .success = DateExpression.parse(value) { return false }
    return true
  }
}
