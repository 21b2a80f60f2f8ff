/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break, and a
/// UTF-8 byte-order mark so that Excel and WPS open Chinese text correctly.
public enum CSVText {
  /// The byte-order mark that starts every CSV file.
  public static let byteOrderMark = "\u{FEFF}"

  /// A whole CSV document: the mark, the header and the records.
  public static func document(header: [String], records: [[String]]) -> String {
    var out = byteOrderMark + record(header)
    for fields in records { out += record(fields) }
    return out
  }

  /// One record, ended by CRLF.
  public static func record(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// One field, quoted when needed, quotes doubled.
  public static func field(_ text: String) -> String {
    let needsQuotes =
      text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || text.hasPrefix(" ") || text.hasSuffix(" ")
    guard needsQuotes else { return text }
    var out = "\""
    for character in text.unicodeScalars {
      if character == "\"" { out += "\"\"" } else { out.unicodeScalars.append(character) }
    }
    return out + "\""
  }
}

/// Markdown table cells that stay in their cell on GitHub and GitLab.
public enum MarkdownText {
  /// `text` with pipes, backslashes, HTML-significant characters and line breaks made harmless.
  public static func cell(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "|": out += "\\|"
      case "\\": out += "\\\\"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "`": out += "\\`"
      case "*": out += "\\*"
      case "_": out += "\\_"
      case "[": out += "\\["
      case "]": out += "\\]"
      case "\n", "\r": out += " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A Markdown table: header, alignment row, and rows (cells already escaped).
  public static func table(header: [String], rightAligned: Set<Int> = [], rows: [[String]]) -> String {
    var out = "| " + header.joined(separator: " | ") + " |\n|"
    for i in header.indices { out += rightAligned.contains(i) ? " ---: |" : " --- |" }
    out += "\n"
    for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
    return out
  }
}
