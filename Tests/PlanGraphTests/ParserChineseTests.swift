import PlanGraph
import Testing

/// The parser's own messages (keys, shapes, values, the format's rules) are said in Chinese under `zh`,
/// and stay the same English under `en`.
struct ParserChineseTests {
  /// A plan with one mistake of each kind the parser finds, and none that only the whole plan shows
  /// (every owner is declared, every reference resolves).
  static let text = """
    plan: 中文提示
    start: 2017-09-01
    owner: office
    statu: 1
    owners:
      - { id: office, name: 办公室, nme: x }
      - { name: 无编号 }
    calendar: { base: xx, holidays: [+3d] }
    tasks:
      - id: a
        name: 起草
        statu: active
        duration: 30
        progress: 120%
        deadline: 1800-01-01
        start: 2017年13月
        from: 2018
        note: { a: 1 }
        target: { metric: 人数, op: "~", value: abc }
        measurements: [{ date: 2018-01-01, value: 30% }, 5]
        extensions: [{ from: 2018-01-01 }]
        done: [2018-01-01]
      - id: "b c"
        name: 坏编号
        duration: 1d
      - id: d
        name: 例会
        every: fortnight
        status: nope
      - id: e
        name: 汇总
        duration: 3d
        tasks:
          - { id: f, name: 子任务, duration: 1d, duration: 2d }
      - id: g
        name: 例行
        every: month
        after: [a]
        done: [2018-01-01, 坏日期]
      - { id: h, name: 完成冲突, duration: 1d, done: 2018-01-01, status: active }
      - name: 没有编号
        duration: 1d
      - 7
    """

  static func diagnostics() -> [Diagnostic] {
    PlanLoader.load(text: text, path: "plan.yaml").diagnostics
  }

  @Test func everyParserDiagnosticHasAChineseMessage() {
    let diagnostics = Self.diagnostics()
    let codes = Set(diagnostics.map(\.code))
    // The fixture does reach many kinds: a wrong implementation that stopped early would not.
    for code: DiagnosticCode in [
      .unknownKey, .duplicateKey, .invalidValue, .invalidID, .missingKey, .invalidDate, .dateOutOfRange,
      .bareNumberDuration, .invalidProgress, .invalidSummary, .invalidDuty, .misplacedKey, .doneConflict,
      .doneWithTarget, .invalidCalendar,
    ] {
      #expect(codes.contains(code), "the fixture should produce \(code.rawValue)")
    }
    #expect(diagnostics.count >= 30)
    for diagnostic in diagnostics {
      let message = diagnostic.message(in: .zh)
      #expect(message.unicodeScalars.contains { !$0.isASCII }, "no Chinese for: \(diagnostic.message)")
      #expect(message != diagnostic.message, "the Chinese is the English: \(message)")
      if let hint = diagnostic.hint(in: .zh), hint != diagnostic.hint {
        #expect(hint.unicodeScalars.contains { !$0.isASCII }, "no Chinese hint for: \(diagnostic.message)")
      }
    }
  }

  @Test func anUnknownKeyIsToldInChineseWithTheKeyMeant() {
    let unknown = Self.diagnostics().filter { $0.code == .unknownKey && $0.location.line == 12 }
    #expect(unknown.map { $0.message(in: .zh) } == ["任务中有未知的键“statu”"])
    #expect(unknown.map { $0.hint(in: .zh) } == ["是否想写“status”或“start”？"])
    #expect(unknown.map(\.message) == ["unknown key 'statu' in a task"])
    #expect(unknown.map(\.hint) == ["did you mean 'status' or 'start'?"])
  }

  @Test func theFormatterShowsTheChineseWording() {
    let text = "plan: 示例\nstart: 2017-09-01\ntasks:\n  - { id: a, name: A, duration: 30 }\n"
    let result = PlanLoader.load(text: text)
    let zh = DiagnosticFormatter(language: .zh).format(result.diagnostics, sources: ["plan.yaml": Array(text.utf8)])
    #expect(zh.contains("plan.yaml:4:33: error: 工期“30”没有单位"))
    #expect(zh.contains("按日历天写作“30天”或“30d”"))
    let en = DiagnosticFormatter(language: .en).format(result.diagnostics, sources: ["plan.yaml": Array(text.utf8)])
    #expect(en.contains("plan.yaml:4:33: error: the duration '30' has no unit"))
  }

  @Test func yearBoundsComeFromTheAllowedYears() {
    let result = PlanLoader.load(
      text: "plan: 示例\nstart: 2017-09-01\ntasks:\n  - { id: a, name: A, duration: 1d, deadline: 1800-01-01 }\n")
    let bounds = "\(DateExpression.allowedYears.lowerBound)–\(DateExpression.allowedYears.upperBound)"
    let messages = result.diagnostics.filter { $0.code == .dateOutOfRange }
    #expect(messages.count == 1)
    #expect(messages.allSatisfy { $0.message.contains(bounds) && $0.message(in: .zh).contains(bounds) })
  }
}
