import Foundation
import Testing

@testable import PlanGraph

/// The Chinese diagnostics read as one voice: every Chinese half of a `Phrase`, a `pick` and a
/// `usageError` in Sources follows the rule written in docs/zh/plan-format.md (措辞约定), so that the old
/// styles cannot come back one string at a time.
@Suite struct ChineseWordingTests {
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources")

  /// Every Chinese text in Sources, with the file and line it starts on.
  static func chineseTexts() throws -> [(place: String, text: String)] {
    var found: [(String, String)] = []
    let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
    for case let file as URL in files where file.pathExtension == "swift" {
      let source = Array(try String(contentsOf: file, encoding: .utf8))
      for (line, text) in SwiftCalls.chineseArguments(in: source) {
        found.append(("\(file.lastPathComponent):\(line)", text))
      }
    }
    return found
  }

  /// What is wrong with one Chinese text under the rule, or nil.
  static func problem(_ text: String) -> String? {
    let outside = SwiftCalls.outsideQuotes(text)
    if outside.contains("'") { return "ASCII quotes: write “…” around plan text, keys and values" }
    for old in ["是否要写", "是否指"] where text.contains(old) { return "write 是否想写“…”？" }
    if text.contains("请") { return "hints say what to do without 请" }
    if text.contains("负责单位") { return "the term is 责任单位" }
    let characters = Array(outside)
    for (index, character) in characters.enumerated() {
      let before = index > 0 ? characters[index - 1] : " "
      let after = index + 1 < characters.count ? characters[index + 1] : " "
      if ",;:?!(".contains(character) && before.isHan { return "full-width punctuation after Chinese: \(character)" }
      if ",;?!)".contains(character) && after.isHan { return "full-width punctuation before Chinese: \(character)" }
      if character == "“" && before == " " && index > 1 && characters[index - 2].isHan {
        return "no space between Chinese and “"
      }
      if character == "”" && after == " " && index + 2 < characters.count && characters[index + 2].isHan {
        return "no space between ” and Chinese"
      }
    }
    var depth = 0
    for character in text {
      if character == "“" { depth += 1 }
      if character == "”" { depth -= 1 }
      if depth < 0 || depth > 1 { return "unbalanced “…”" }
    }
    return depth == 0 ? nil : "unbalanced “…”"
  }

  @Test func everyChineseTextInSourcesFollowsTheWordingRule() throws {
    let texts = try Self.chineseTexts()
    // Enough to know the scan reads the calls: the loader alone words about two hundred.
    #expect(texts.count > 300)
    let offenders = texts.compactMap { text in Self.problem(text.text).map { "\(text.place): \($0): \(text.text)" } }
    #expect(offenders == [], "see 措辞约定 in docs/zh/plan-format.md")
  }

  @Test func theRuleCatchesTheOldStyles() {
    #expect(Self.problem("“after”中的任务“x”不存在") == nil)
    #expect(Self.problem("'after' 中的任务 'x' 不存在") != nil)
    #expect(Self.problem("是否要写 deadline？") != nil)
    #expect(Self.problem("请先提交计划") != nil)
    #expect(Self.problem("任务 “x” 不存在") != nil)
    #expect(Self.problem("第 3 行有问题;先改") != nil)
    #expect(Self.problem("写在一行上：“owner: gov.czj”") == nil)
    #expect(Self.problem("可以写：week、month") == nil)
    #expect(Self.problem("计划中没有负责单位") != nil)
  }

  @Test func theScanFindsTheChineseHalfOfEachCall() {
    let source = Array(
      """
      let a = Phrase("unknown '\\(x)'", "未知的“\\(x)”")
      let b = language.pick("a, b", "甲、乙" + ("丙"))
      let c = Phrase(verbatim: "'x'")
      throw usageError("--x takes y, not '\\(f("z"))'", "--x 只能是 y")
      """)
    let found = SwiftCalls.chineseArguments(in: source).map(\.text)
    #expect(found == ["未知的“X”", "甲、乙", "丙", "--x 只能是 y"])
  }

  /// What the loader and the checks say, not only the literals: wordings put together in code (lists of
  /// names, nested phrases) follow the rule too. A hint that is an example line, the same in both
  /// languages, is left alone.
  @Test func everyFixturesChineseDiagnosticsFollowTheRule() {
    var offenders: [String] = []
    var checked = 0
    for folder in ["errors", "valid", "mistakes"] {
      let fixtures = folder == "mistakes" ? [""] : Fixtures.entries(folder).filter { !$0.hasSuffix(".expect") }
      for fixture in fixtures {
        let path = Fixtures.rootFile(fixture.isEmpty ? folder : folder + "/" + fixture)
        for diagnostic in PlanCheck(path: path, asOf: Day(year: 2030, month: 1, day: 1)).diagnostics {
          var texts = [diagnostic.message(in: .zh)]
          if let hint = diagnostic.hint(in: .zh), hint != diagnostic.hint { texts.append(hint) }
          for text in texts {
            checked += 1
            if let problem = Self.problem(text) { offenders.append("\(folder)/\(fixture): \(problem): \(text)") }
          }
        }
      }
    }
    #expect(checked > 100)
    #expect(offenders == [])
  }

  /// One did-you-mean form in every place that proposes names.
  @Test func didYouMeanIsOneFormInChinese() throws {
    let one = NearestNames.didYouMean([Phrase("'departments'", "“departments”")])
    #expect(one.chinese == "是否想写“departments”？")
    let two = try #require(ParserPhrases.didYouMean("statu", in: ["status", "start"]))
    #expect(two.chinese == "是否想写“status”或“start”？")
    let three = NearestNames.didYouMean(["“a”", "“b”", "“c”"].map { Phrase(verbatim: $0) })
    #expect(three.chinese == "是否想写“a”、“b”或“c”？")
    let found = try #require(NearestNames.suggestion(for: "kickof", in: ["kickoff"]))
    #expect(found.hint.chinese == "是否想写“kickoff”？")
    #expect(found.hint.english == "did you mean 'kickoff'?")
  }
}

/// A small reader of Swift source, enough to find the arguments of `Phrase(…)`, `pick(…)` and
/// `usageError(…)` calls and the string literals in them.
enum SwiftCalls {
  /// The string literals (interpolations as `X`) of the second argument of each call, with their lines.
  static func chineseArguments(in source: [Character]) -> [(line: Int, text: String)] {
    var result: [(Int, String)] = []
    var index = 0
    while index < source.count {
      if let end = rawOrMultiLineEnd(source, at: index) {
        index = end
        continue
      }
      if source[index] == "\"" {
        index = literal(source, from: index).end
        continue
      }
      if source[index] == "/", index + 1 < source.count, source[index + 1] == "/" {
        while index < source.count, source[index] != "\n" { index += 1 }
        continue
      }
      if let open = callStart(source, at: index) {
        let arguments = argumentRanges(source, open: open)
        if arguments.count == 2 {
          var position = arguments[1].lowerBound
          while position < arguments[1].upperBound {
            if source[position] == "\"" {
              let found = literal(source, from: position)
              let line = source[..<position].filter { $0 == "\n" }.count + 1
              // Chinese halves only: an argument in English is left alone.
              let text = String(found.text)
              if text.unicodeScalars.contains(where: { $0.properties.isIdeographic }) {
                result.append((line, text))
              }
              position = found.end
            } else {
              position += 1
            }
          }
        }
        index = open + 1
        continue
      }
      index += 1
    }
    return result
  }

  /// The index just after a raw (`#"…"#`) or multi-line (`\"\"\"…\"\"\"`) literal starting at `index`, if one does.
  static func rawOrMultiLineEnd(_ source: [Character], at index: Int) -> Int? {
    var hashes = 0
    while index + hashes < source.count, source[index + hashes] == "#" { hashes += 1 }
    let quotes =
      index + hashes + 2 < source.count && source[index + hashes..<index + hashes + 3].allSatisfy { $0 == "\"" } ? 3 : 1
    guard index + hashes < source.count, source[index + hashes] == "\"", hashes > 0 || quotes == 3 else { return nil }
    let close = Array(repeating: Character("\""), count: quotes) + Array(repeating: Character("#"), count: hashes)
    var position = index + hashes + quotes
    while position + close.count <= source.count {
      if Array(source[position..<position + close.count]) == close { return position + close.count }
      position += 1
    }
    return source.count
  }

  /// The index of the `(` of a call this reader looks at, when one starts at `index`.
  static func callStart(_ source: [Character], at index: Int) -> Int? {
    for name in ["Phrase(", "pick(", "usageError("] {
      let word = Array(name)
      guard index + word.count <= source.count, Array(source[index..<index + word.count]) == word else { continue }
      if index > 0, source[index - 1].isLetter || source[index - 1].isNumber { continue }
      return index + word.count - 1
    }
    return nil
  }

  /// The ranges of the top-level arguments of the call whose `(` is at `open`.
  static func argumentRanges(_ source: [Character], open: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var depth = 0
    var start = open + 1
    var index = open + 1
    while index < source.count {
      let character = source[index]
      if character == "\"" {
        index = literal(source, from: index).end
        continue
      }
      if "([{".contains(character) { depth += 1 }
      if ")]}".contains(character) {
        if depth == 0 {
          ranges.append(start..<index)
          return ranges
        }
        depth -= 1
      }
      if character == ",", depth == 0 {
        ranges.append(start..<index)
        start = index + 1
      }
      index += 1
    }
    return ranges
  }

  /// The text of the string literal starting at `start` (a `"`), interpolations written `X`, and the index
  /// just after it. Literals inside an interpolation are skipped with it.
  static func literal(_ source: [Character], from start: Int) -> (text: String, end: Int) {
    var text = ""
    var index = start + 1
    while index < source.count, source[index] != "\"" {
      if source[index] == "\\", index + 1 < source.count {
        if source[index + 1] == "(" {
          var depth = 1
          index += 2
          while index < source.count, depth > 0 {
            if source[index] == "\"" {
              index = literal(source, from: index).end
              continue
            }
            if source[index] == "(" { depth += 1 }
            if source[index] == ")" { depth -= 1 }
            index += 1
          }
          text.append("X")
          continue
        }
        text.append(source[index + 1] == "n" ? "\n" : source[index + 1])
        index += 2
        continue
      }
      text.append(source[index])
      index += 1
    }
    return (text, index + 1)
  }

  /// `text` without what stands inside “…” (the quotes stay): plan text and code keep their own punctuation.
  static func outsideQuotes(_ text: String) -> String {
    var result = ""
    var depth = 0
    for character in text {
      if character == "“" {
        if depth == 0 { result.append(character) }
        depth += 1
      } else if character == "”" {
        depth = max(0, depth - 1)
        if depth == 0 { result.append(character) }
      } else if depth == 0 {
        result.append(character)
      }
    }
    return result
  }
}

extension Character {
  /// Whether this is a Chinese character.
  fileprivate var isHan: Bool { unicodeScalars.first?.properties.isIdeographic == true }
}
