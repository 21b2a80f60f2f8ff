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

  @Test func otherSyntaxErrorsKeepLibYAMLsWords() {
    let result = PlanLoader.load(text: "plan: x\nstart: 2017-09-01\ntasks: [unclosed\n")
    let syntax = result.diagnostics.first { $0.code == .syntax }
    #expect(syntax?.message.contains("flow sequence") == true, "\(String(describing: syntax))")
  }
}
