import PlanGraph
import Testing

/// Two behaviours the parser rework changed on purpose, judged against the format: each pinned so that a
/// return to the old behaviour fails.
@Suite struct ParserEdgeTests {
  /// A `%` measurement is checked against the target of the task it is written on. The old parser kept the
  /// values in one list for the whole file, so a parent's were checked against its first child's target
  /// (no error when that child's unit was `%`, an error naming the child's unit otherwise).
  @Test func aParentsPercentMeasurementIsCheckedAgainstItsOwnTargetNotAChilds() {
    let text = """
      plan: P
      start: 2018-01-01
      tasks:
        - id: parent
          name: Parent
          measurements: [{date: 2018-01-02, value: 50%}]
          tasks:
            - id: kid
              name: Kid
              target: {metric: m, op: ">=", value: 100, unit: "%"}
              measurements: [{date: 2018-01-02, value: 5%}]
        - id: other
          name: Other
          measurements: [{date: 2018-01-02, value: 40%}]
          tasks:
            - {id: kid2, name: Kid2, target: {metric: m, op: ">=", value: 1, unit: 人}}
      """
    let result = PlanLoader.load(text: text)
    let percent = result.diagnostics.filter { $0.message.contains("is a percentage") }
    #expect(
      percent.map(\.message) == [
        "the measured value '50%' is a percentage, but the target's unit is not '%'",
        "the measured value '40%' is a percentage, but the target's unit is not '%'",
      ])
    #expect(percent.map(\.location.line) == [6, 14])
    // The child's own `%` value against its own `%` target is fine.
    #expect(!result.diagnostics.contains { $0.location.line == 11 })
  }

  /// A root-only key in an included file is out of place whatever its value: when the value is where the
  /// file's syntax error stops reading, the key was still read, and both problems are reported.
  @Test func aRootOnlyKeyInAnIncludedFileIsReportedAlsoWhenItsValueHasASyntaxError() {
    let files: [String: [UInt8]] = [
      "plan.yaml": Array("plan: P\nstart: 2018-01-01\ninclude: [sub.yaml]\n".utf8),
      "sub.yaml": Array("id: s\nplan: \"unterminated\nstart: 2018-01-01\n".utf8),
    ]
    let result = PlanLoader(fileSystem: MemoryFileSystem(files: files)).load(path: "plan.yaml")
    let sub = result.diagnostics.filter { $0.location.file == "sub.yaml" }
    #expect(sub.map(\.code) == [.misplacedKey, .syntax], "\(sub)")
    #expect(sub.first?.location.line == 2 && sub.first?.location.column == 1)
  }
}
