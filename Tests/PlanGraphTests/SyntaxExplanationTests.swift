import PlanGraph
import Testing

/// libyaml's syntax errors are told as what the planner did, with the fix: the words matter here, so
/// each fixture's message and hint are checked, not only its place.
@Suite struct SyntaxExplanationTests {
  private func only(_ fixture: String) -> Diagnostic? {
    let result = PlanLoader().load(path: Fixtures.rootFile("errors/" + fixture))
    #expect(result.diagnostics.count == 1)
    return result.diagnostics.first
  }

  @Test func aTabInTheIndentationIsNamedWithTheSpacesOfTheLineAbove() throws {
    let diagnostic = try #require(only("syntax-tab.yaml"))
    #expect(diagnostic.message == "a tab in the indentation of line 6")
    #expect(
      diagnostic.hint == "YAML indents with spaces only: replace the tab with spaces (line 5 is indented by 2 spaces)")
  }

  @Test func aColonInAnUnquotedNameAsksForQuotes() throws {
    let diagnostic = try #require(only("syntax-colon-in-name.yaml"))
    #expect(diagnostic.message == "the value of 'name' contains ': ', which YAML reads as the start of another key")
    #expect(diagnostic.hint == #"quote the value: name: "召开动员大会: 部署改革任务""#)
    #expect(diagnostic.location.column == 17, "at the second colon")
  }

  @Test func aLineIndentedToNoLevelListsTheLevelsAbove() throws {
    let diagnostic = try #require(only("syntax-indentation.yaml"))
    #expect(diagnostic.message == "line 7 is indented by 3 spaces, which matches none of the blocks above it")
    #expect(
      diagnostic.hint
        == "indent line 7 by 4 (line 6), 2 (line 5) or 0 (line 4) spaces: as many as the line it belongs with")
    #expect(diagnostic.location.line == 7 && diagnostic.location.column == 4)
  }

  /// A list item's line holds two levels, its '-' and the key after it: "as line 5" twice would not say
  /// which; and the Chinese choices are spaced like the rest ("或 0 个空格").
  @Test func theTwoLevelsOfAListItemAreToldApart() throws {
    let text = "plan: x\nstart: 2017-09-01\ntasks:\n  - id: a\n    name: A\n  - id: b\n   name: B\n"
    let diagnostic = try #require(PlanLoader.load(text: text).diagnostics.first { $0.code == .syntax })
    #expect(
      diagnostic.hint
        == "indent line 7 by 4 (the key after '-' on line 6), 2 (the '-' on line 6) or 0 (line 3) spaces: "
        + "as many as the line it belongs with")
    #expect(
      diagnostic.hint(in: .zh)
        == "把第 7 行缩进 4 个空格（与第 6 行“-”后的键对齐）、2 个空格（与第 6 行的“-”对齐）或 0 个空格（与第 3 行对齐）："
        + "与它所属的那一行相同")
  }

  @Test func aLineIndentedTooFarIsNotMistakenForAColonInAValue() throws {
    let diagnostic = try #require(only("syntax-over-indented.yaml"))
    #expect(
      diagnostic.message
        == "line 7 is indented by 5 spaces, more than line 6 (4), so YAML reads it as the rest of line 6's value")
    #expect(diagnostic.hint == "indent line 7 by 4 spaces, as line 6")
  }

  @Test func aColonInAListItemsValueIsFoundAfterTheDash() throws {
    let result = PlanLoader.load(text: "plan: x\nstart: 2017-09-01\ntasks:\n  - name: 会议: 部署\n    id: a\n")
    #expect(result.diagnostics.first?.hint == #"quote the value: name: "会议: 部署""#)
  }

  /// Chinese names quote a phrase at their start ("青年之家"综合服务平台建设): YAML ends the value at the closing
  /// quote. The line's indentation is right, so it must not be blamed.
  @Test func textAfterAClosingQuoteAsksToQuoteTheWholeValue() throws {
    let text = "plan: x\nstart: 2017-09-01\ntasks:\n  - id: a\n    name: \"青年之家\"综合服务平台建设\n    duration: 3d\n"
    let diagnostic = try #require(PlanLoader.load(text: text).diagnostics.first { $0.code == .syntax })
    #expect(
      diagnostic.message == "the value of 'name' ends at its closing quote, but more text follows it")
    #expect(
      diagnostic.hint
        == #"quote the whole value with the other kind of quote: name: '"青年之家"综合服务平台建设', "#
        + "or write the inner quotes as “ ”")
    #expect(diagnostic.location.line == 5 && diagnostic.location.column == 17, "at the text after the quote")
    let zh = DiagnosticFormatter(language: .zh).format([diagnostic], sources: ["plan.yaml": Array(text.utf8)])
    #expect(zh.contains("引号") && !zh.contains("缩进"), "\(zh)")
  }

  @Test func textAfterAClosingSingleQuoteSuggestsDoubleQuotes() throws {
    let text = "plan: x\nstart: 2017-09-01\ntasks:\n  - id: a\n    name: 'a' \"b\"\n    duration: 3d\n"
    let diagnostic = try #require(PlanLoader.load(text: text).diagnostics.first { $0.code == .syntax })
    #expect(
      diagnostic.hint?.hasPrefix(#"quote the whole value with the other kind of quote: name: "'a' \"b\"""#) == true)
  }

  @Test func textAfterAClosingBracketIsNotBlamedOnTheIndentation() throws {
    let text = "plan: x\nstart: 2017-09-01\ntasks:\n  - id: a\n    name: A\n    after: [b] c\n"
    let diagnostic = try #require(PlanLoader.load(text: text).diagnostics.first { $0.code == .syntax })
    #expect(diagnostic.message == "the value of 'after' ends at its closing ']', but more text follows it")
    #expect(diagnostic.location.line == 6 && diagnostic.location.column == 16)
  }

  /// A key written at the column of the list's dashes: 2 spaces is a level above, but only for a `- `.
  @Test func aKeyAtTheDashesOfAListAsksForTheItemsIndentationOrADash() throws {
    let text = "plan: x\nstart: 2017-09-01\ntasks:\n  - id: a\n    name: A\n  duration: 3d\n"
    let diagnostic = try #require(PlanLoader.load(text: text).diagnostics.first { $0.code == .syntax })
    #expect(
      diagnostic.message == "line 6 is indented as the dashes of the list on line 4, but does not start with '- '")
    #expect(
      diagnostic.hint
        == "indent line 6 by 4 spaces to make it a key of the item on line 4, or start it with '- ' for a new item")
    #expect(diagnostic.location.line == 6 && diagnostic.location.column == 3)
  }

  /// A flow item (`- { id: u0 }`) has no keys below it: its column plus two is no level to offer.
  @Test func aLineBelowAFlowItemIsNotOfferedTheItemsKeyColumn() throws {
    let text =
      "plan: x\nstart: 2017-09-01\nowners:\n  - id: o\n    units:\n      - { id: u0, name: 一 }\n        name: 二\n"
    let diagnostic = try #require(PlanLoader.load(text: text).diagnostics.first { $0.code == .syntax })
    #expect(diagnostic.message == "line 7 is indented by 8 spaces, which matches none of the blocks above it")
    #expect(
      diagnostic.hint
        == "indent line 7 by 6 (line 6), 4 (line 5), 2 (line 4) or 0 (line 3) spaces: as many as the line it belongs with"
    )
  }

  @Test func otherSyntaxErrorsKeepLibYAMLsWords() {
    let result = PlanLoader.load(text: "plan: x\nstart: 2017-09-01\ntasks: [unclosed\n")
    let syntax = result.diagnostics.first { $0.code == .syntax }
    #expect(syntax?.message.contains("flow sequence") == true, "\(String(describing: syntax))")
  }
}
