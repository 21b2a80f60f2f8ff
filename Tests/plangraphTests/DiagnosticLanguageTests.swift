import Foundation
import Testing

/// `check` in the planner's language: the before-and-after plan (a tab, a colon in a name, a
/// misspelt include) in Chinese and English, by option and by locale, as text and JSON; usage errors too.
@Suite struct DiagnosticLanguageTests {
  static let mistakes = "Tests/PlanGraphTests/Fixtures/mistakes/plan.yaml"

  @Test(arguments: ["zh", "en"])
  func theMistakesPlanMatchesItsGolden(_ language: String) throws {
    let result = try CommandRunner.run(["check", Self.mistakes, "--as-of", "2018-01-15", "--lang", language])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    Golden.check(Data(result.stderr.utf8), "check-mistakes-\(language).txt")
  }

  @Test func aChineseLocaleSaysTheSameAsTheOption() throws {
    let option = try CommandRunner.run(["check", Self.mistakes, "--as-of", "2018-01-15", "--lang", "zh"])
    let locale = try CommandRunner.run(
      ["check", Self.mistakes, "--as-of", "2018-01-15"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(locale.stderr == option.stderr)
    #expect(option.stderr.hasSuffix("5 个错误，0 个警告\n"))
    // `error:` stays English for editors that match on it; the hint word is Chinese.
    #expect(option.stderr.contains(": error: 第 6 行的缩进里有制表符（Tab）\n"))
    #expect(option.stderr.contains("\n提示：给名称加引号：“name: \"召开职工代表大会: 审议改革方案\"”\n"))
  }

  @Test func jsonDiagnosticsCarryChineseWordsAndTheSuggestions() throws {
    let result = try CommandRunner.run(["check", "--format", "json", "--lang", "zh", Self.mistakes])
    #expect(result.status == 2)
    let all = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [[String: Any]])
    let owner = try #require(all.first { $0["code"] as? String == "unknown-owner" })
    #expect(owner["message"] as? String == "未知的责任单位“县财政局”")
    #expect(owner["suggestions"] as? [String] == ["gov.czj"])
    let include = try #require(all.first { $0["code"] as? String == "include-missing" })
    #expect(include["suggestions"] as? [String] == ["youth.yaml"])
    #expect(all.contains { $0["code"] as? String == "unchecked-references" })
    #expect(!all.contains { $0["code"] as? String == "unknown-reference" })
  }

  @Test func usageErrorsAndOtherCommandsSpeakTheLanguageToo() throws {
    let date = try CommandRunner.run(["check", Self.mistakes, "--lang", "zh", "--as-of", "2018-13-01"])
    #expect(date.status == 64)
    #expect(date.stderr.contains("“2018-13-01”不是 --as-of 可用的日期；写成 2018-01-15 这样的日期"))
    let schedule = try CommandRunner.run(
      ["schedule", Self.mistakes, "--as-of", "2018-01-15"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(schedule.status == 2)
    #expect(schedule.stderr.contains("error: 未知的责任单位“县财政局”"))
    let english = try CommandRunner.run(["overdue", Self.mistakes, "--as-of", "2018-01-15"])
    #expect(english.stderr.contains("error: unknown owner '县财政局'"))
    #expect(english.stderr.hasSuffix("5 errors, 0 warnings\n"))
  }

  /// A usage problem found while the command runs (an unknown unit) is one line in the command's
  /// language, exit 64, without ArgumentParser's usage of the root command, which would mislead.
  @Test func aUsageProblemFoundWhileRunningIsOneLineWithoutTheRootsUsage() throws {
    let plan = "plans/chengqu-2017/plan.yaml"
    let result = try CommandRunner.run(["overdue", plan, "--owner", "县财政厅", "--lang", "zh"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("plangraph: error: --owner: 计划中没有责任单位“县财政厅”"))
    #expect(!result.stderr.contains("Usage:"))
    // A problem ArgumentParser finds itself still shows the subcommand's usage.
    let missing = try CommandRunner.run(["overdue"])
    #expect(missing.status == 64 && missing.stderr.contains("Usage: plangraph overdue"))
  }
}
