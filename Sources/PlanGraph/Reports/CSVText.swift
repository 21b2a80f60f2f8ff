/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break, and a
/// UTF-8 byte-order mark so that Excel and WPS open Chinese text correctly.
///
/// Fields are made inert for spreadsheets (OWASP's advice on CSV injection): a field that starts with
/// `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`, so Excel, WPS and LibreOffice show it as text
/// instead of running it as a formula; a field that is a plain number (`-5`, `-0.25`) stays a number.
/// NUL, which spreadsheets cut text at, is written as U+FFFD; ESC, BEL and the other characters a
/// terminal obeys are shown as visible escapes, as in the terminal's own tables.
public enum CSVText {
  /// The byte-order mark that starts every CSV file.
  public static let byteOrderMark = "\u{FEFF}"

  /// A whole CSV document: the mark, the header and the records.
  public static func document(header: [String], records: [[String]]) -> String {
    var out = ByteWriter()
    write(header: header, records: records, into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes a whole CSV document into `out`: the mark, the header and the records.
  public static func write(header: [String], records: some Sequence<[String]>, into out: inout ByteWriter) {
    out.write(byteOrderMark)
    write(record: header, into: &out)
    for fields in records { write(record: fields, into: &out) }
  }

  /// One record, ended by CRLF.
  public static func record(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// Writes one record into `out`: fields made inert and quoted as needed, commas between, CRLF after.
  public static func write(record fields: [String], into out: inout ByteWriter) {
    for (i, text) in fields.enumerated() {
      if i > 0 { out.write(",") }
      out.write(field(text))
    }
    out.write("\r\n")
  }

  /// One field, neutralised, then quoted when needed, quotes doubled.
  public static func field(_ text: String) -> String {
    let text = neutralised(text)
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

  /// `text` as a spreadsheet shows it as text: a leading formula character escaped with `'`, NUL as
  /// U+FFFD, and the other characters a terminal would obey (ESC, BEL, C1, bidi overrides) shown as visible
  /// escapes (`\e`), since a CSV printed to a terminal reaches it raw. Line breaks and tabs stay: they are
  /// a cell's own.
  public static func neutralised(_ text: String) -> String {
    var text = text
    if text.unicodeScalars.contains(where: isEscaped) {
      var out = String.UnicodeScalarView()
      for scalar in text.unicodeScalars {
        if scalar == "\0" {
          out.append("\u{FFFD}")
        } else if isEscaped(scalar) {
          out.append(contentsOf: TerminalText.escape(scalar).unicodeScalars)
        } else {
          out.append(scalar)
        }
      }
      text = String(out)
    }
    guard let first = text.unicodeScalars.first else { return text }
    switch first {
    case "=", "+", "-", "@", "\t", "\r":
      return isPlainNumber(text) ? text : "'" + text
    default:
      return text
    }
  }

  /// Whether a scalar is written otherwise than as itself: NUL, and what a terminal would obey but a line
  /// break or tab.
  private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
    TerminalText.isUnsafe(scalar) && scalar != "\n" && scalar != "\r"
  }

  /// `-5`, `+3`, `-0.25`: a number a spreadsheet reads as a number and nothing else.
  static func isPlainNumber(_ text: String) -> Bool {
    var digits = 0
    var dots = 0
    for (i, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "-"), UInt8(ascii: "+"): if i != 0 { return false }
      case UInt8(ascii: "."): dots += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
      default: return false
      }
    }
    return digits > 0 && dots <= 1
  }
}

/// Markdown table cells that stay in their cell on GitHub and GitLab.
public enum MarkdownText {
  /// `text` with pipes, backslashes, HTML-significant characters, line breaks and control characters made
  /// harmless.
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
      case "\0": out += "\u{FFFD}"
      // ESC and the other controls a terminal viewing the file would obey: shown, not kept.
      case let other where TerminalText.isUnsafe(other): out += TerminalText.escape(other)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A Markdown table: header, alignment row, and rows (cells already escaped).
  public static func table(header: [String], rightAligned: Set<Int> = [], rows: [[String]]) -> String {
    var out = ByteWriter()
    writeTable(header: header, rightAligned: rightAligned, rows: rows, into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes a Markdown table into `out`: header, alignment row (`---:` for the right-aligned columns),
  /// and rows (cells already escaped with `cell`).
  public static func writeTable(
    header: [String], rightAligned: Set<Int> = [], rows: some Sequence<[String]>, into out: inout ByteWriter
  ) {
    writeRow(header, into: &out)
    out.write("|")
    for i in header.indices { out.write(rightAligned.contains(i) ? " ---: |" : " --- |") }
    out.write("\n")
    for row in rows { writeRow(row, into: &out) }
  }

  private static func writeRow(_ cells: [String], into out: inout ByteWriter) {
    out.write("| ")
    for (i, cell) in cells.enumerated() {
      if i > 0 { out.write(" | ") }
      out.write(cell)
    }
    out.write(" |\n")
  }
}
