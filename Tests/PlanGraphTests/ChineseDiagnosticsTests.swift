import Foundation
import PlanGraph
import Testing

/// Under `--lang zh` no diagnostic of the loader's assembly, the include walk, the syntax explanations,
/// the JSON reader, the warning rules or the checks after scheduling is left in English: every fixture is
/// checked, and each diagnostic of those codes must have Chinese words of its own.
@Suite struct ChineseDiagnosticsTests {
  /// The codes raised only outside the parser's key-by-key reading (whose own wording is converted with it).
  static let converted: Set<DiagnosticCode> = [
    .unreadableFile, .duplicateNamespace, .duplicateOwner, .unknownReference, .dependencyCycle, .unknownOwner,
    .includeMissing, .includeOutsideRoot, .includeCycle, .tooManyProblems, .noOwner, .deadlineBeforeFinish,
    .doneAfterAsOf, .calendarWithoutData, .emptyDuty, .lookalikeID, .uncheckedReferences,
  ]

  private static func isChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  private func expectChinese(_ diagnostic: Diagnostic, sourceLocation: SourceLocation = #_sourceLocation) {
    let place = "\(diagnostic.location.file):\(diagnostic.location.line) \(diagnostic.code.rawValue)"
    #expect(diagnostic.chineseMessage != nil, "\(place): \(diagnostic.message)", sourceLocation: sourceLocation)
    #expect(
      Self.isChinese(diagnostic.message(in: .zh)), "\(place): \(diagnostic.message(in: .zh))",
      sourceLocation: sourceLocation)
    if let hint = diagnostic.hint {
      #expect(diagnostic.chineseHint != nil, "\(place): hint \(hint)", sourceLocation: sourceLocation)
      // A hint may be an example line (`- {name: 红, …}`) or a bare name: then it is the same in both.
      if diagnostic.chineseHint != hint {
        #expect(Self.isChinese(diagnostic.hint(in: .zh) ?? ""), "\(place): \(hint)", sourceLocation: sourceLocation)
      }
    }
  }

  @Test func everyFixturesDiagnosticsOfTheConvertedCodesAreChinese() {
    var seen = Set<DiagnosticCode>()
    for folder in ["errors", "valid", "mistakes"] {
      let fixtures = folder == "mistakes" ? [""] : Fixtures.entries(folder).filter { !$0.hasSuffix(".expect") }
      for fixture in fixtures {
        let path = Fixtures.rootFile(fixture.isEmpty ? folder : folder + "/" + fixture)
        let check = PlanCheck(path: path, asOf: Day(year: 2030, month: 1, day: 1))
        for diagnostic in check.diagnostics where Self.converted.contains(diagnostic.code) {
          seen.insert(diagnostic.code)
          expectChinese(diagnostic)
        }
      }
    }
    // The scan must have met most codes, or it proves nothing.
    #expect(seen.count >= 10, "\(seen)")
  }

  @Test func theChecksAfterSchedulingSpeakChinese() {
    let text = """
      plan: 晚了
      start: 2017-09-01
      calendar: cn
      owners: [{ id: a, name: 甲 }, { id: а, name: 乙 }]
      tasks:
        - { id: long, name: 长, owner: a, duration: 20y, deadline: 2018-01-01 }
        - { id: held, name: 开会, owner: a, every: month, done: [2030-01-05], until: 2017-08-01 }

      """
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zh-lint-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("plan.yaml")
    try? Data(text.utf8).write(to: file)
    let check = PlanCheck(path: file.path, asOf: Day(year: 2018, month: 1, day: 15))
    let codes = Set(check.diagnostics.map(\.code))
    for code: DiagnosticCode in [.deadlineBeforeFinish, .doneAfterAsOf, .calendarWithoutData, .lookalikeID, .emptyDuty]
    {
      #expect(codes.contains(code), "\(check.diagnostics.map(\.message))")
    }
    for diagnostic in check.diagnostics where Self.converted.contains(diagnostic.code) { expectChinese(diagnostic) }
  }

  @Test func syntaxExplanationsJSONAndRulesSpeakChinese() {
    for fixture in [
      "syntax-tab.yaml", "syntax-colon-in-name.yaml", "syntax-indentation.yaml", "syntax-over-indented.yaml",
    ] {
      let result = PlanLoader().load(path: Fixtures.rootFile("errors/" + fixture))
      for diagnostic in result.diagnostics where diagnostic.code == .syntax { expectChinese(diagnostic) }
    }
    let json = PlanLoader.load(text: "{\"plan\": \"x\", \"start\": \"2017-09-01\" \"tasks\": []}", path: "plan.json")
    #expect(json.diagnostics.first?.message(in: .zh).hasPrefix("JSON 语法错误：") == true)
    let rules = WarningRulesLoader.load(
      path: "rules.yaml",
      fileSystem: MemoryFileSystem(files: ["rules.yaml": Array("warnings:\n  - {name: 红, colour: red}\n".utf8)]))
    #expect(!rules.diagnostics.isEmpty)
    for diagnostic in rules.diagnostics { expectChinese(diagnostic) }
  }

  @Test func theTabAndTheColonAreToldAsThePlannerWouldSayThem() throws {
    let tab = try #require(PlanLoader().load(path: Fixtures.rootFile("errors/syntax-tab.yaml")).diagnostics.first)
    #expect(tab.message(in: .zh) == "第 6 行的缩进里有制表符（Tab）")
    #expect(tab.hint(in: .zh) == "YAML 只能用空格缩进：把制表符换成空格（第 5 行缩进了 2 个空格）")
    let colon = try #require(
      PlanLoader().load(path: Fixtures.rootFile("errors/syntax-colon-in-name.yaml")).diagnostics.first)
    #expect(colon.hint(in: .zh) == "给名称加引号：“name: \"召开动员大会: 部署改革任务\"”")
    let indent = try #require(
      PlanLoader().load(path: Fixtures.rootFile("errors/syntax-indentation.yaml")).diagnostics.first)
    #expect(indent.message(in: .zh) == "第 7 行缩进了 3 个空格，与上面任何一层的缩进都对不上")
    #expect(indent.hint(in: .zh)?.contains("第 6 行") == true)
  }
}
