import Foundation
import PlanGraph
import Testing

/// Every fixture under `Fixtures/errors` declares the errors it must produce; the loader must report
/// exactly those, at those lines and columns, in one run.
@Suite struct ErrorFixtureTests {
  static let cases = Fixtures.entries("errors").filter { !$0.hasSuffix(".expect") }

  @Test(arguments: cases)
  func reportsExactlyTheDeclaredErrors(_ fixture: String) {
    let expected = Fixtures.expectations("errors/" + fixture)
    #expect(!expected.isEmpty, "fixture \(fixture) declares no expectation")
    let result = PlanLoader().load(path: Fixtures.rootFile("errors/" + fixture))
    let actual = Set(
      result.diagnostics.filter { $0.severity == .error }.map {
        Fixtures.Expectation(
          file: ($0.location.file as NSString).lastPathComponent, line: $0.location.line,
          column: $0.location.column, code: $0.code.rawValue)
      })
    #expect(actual == expected, "missing: \(expected.subtracting(actual)) unexpected: \(actual.subtracting(expected))")
    #expect(result.plan == nil)
  }

  @Test func everyErrorKindOfTheContractHasAFixture() {
    let covered = Set(ErrorFixtureTests.cases.flatMap { Fixtures.expectations("errors/" + $0).map(\.code) })
    let required: [DiagnosticCode] = [
      .syntax, .unknownKey, .missingKey, .duplicateID, .unknownReference, .dependencyCycle, .unknownOwner,
      .invalidDate, .dateOutOfRange, .invalidDuration, .bareNumberDuration, .invalidProgress, .invalidSummary,
      .doneConflict, .duplicateNamespace, .duplicateOwner, .invalidDuty, .doneWithTarget, .includeMissing,
      .includeOutsideRoot, .includeCycle, .aliasLimit, .duplicateKey, .misplacedKey, .invalidValue, .invalidID,
    ]
    for code in required {
      #expect(covered.contains(code.rawValue), "no fixture for \(code.rawValue)")
    }
  }

  @Test func aFileFullOfMistakesListsAThousandAndCountsTheRest() {
    let keys = (0..<1_200).map { "wrong\($0): x" }.joined(separator: "\n")
    let result = PlanLoader.load(text: "plan: 错误很多\nstart: 2017-09-01\n" + keys + "\n")
    #expect(result.plan == nil)
    #expect(result.diagnostics.count == PlanLimits.maximumDiagnostics + 1)
    #expect(result.diagnostics.first?.location.line == 3)
    let last = result.diagnostics.last
    #expect(last?.code == .tooManyProblems && last?.severity == .error)
    #expect(last?.message == "200 more problems not shown")
    #expect(Diagnostic.counts(result.diagnostics) == OmittedProblems(errors: 1_200, warnings: 0))
  }

  @Test func warningsPastTheLimitAreCountedAndStrictMakesThemErrors() {
    let tasks = (0..<1_100).map { "  - { id: t\($0), name: T, duration: 1d }" }.joined(separator: "\n")
    let result = PlanLoader.load(text: "plan: 没有负责单位\nstart: 2017-09-01\ntasks:\n" + tasks + "\n")
    #expect(result.plan != nil, "warnings alone leave the plan valid")
    #expect(result.diagnostics.last?.severity == .warning)
    #expect(Diagnostic.counts(result.diagnostics) == OmittedProblems(errors: 0, warnings: 1_100))
    #expect(Diagnostic.counts(result.diagnostics.map(\.asError)) == OmittedProblems(errors: 1_100, warnings: 0))
  }
}
