/// HTML escaping for text and attribute values.
public enum HTMLText {
  /// `text` with `& < > " '` escaped, safe in element content and quoted attributes.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // Control characters other than tab and line breaks are not allowed in HTML.
        if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || scalar.value == 0x7F {
          out += " "
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
