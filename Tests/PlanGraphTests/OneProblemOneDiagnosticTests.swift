import PlanGraph
import Testing

/// Diagnostics that say one true thing (issue 13, D12, D15): no echo of one bad value, the written
/// include path, the "not shown" note on its own, and look-alike ids named.
struct OneProblemOneDiagnosticTests {
  static func check(_ files: [String: String]) -> PlanCheck {
    PlanCheck(
      path: "p.yaml", asOf: nil, fileSystem: MemoryFileSystem(files: files.mapValues { Array($0.utf8) }))
  }

  @Test func anInvalidOwnerIdIsOneError() {
    let check = Self.check([
      "p.yaml": "plan: T\nstart: 2017-09-01\nowners:\n  - { id: \"bad id!\", name: X }\ntasks: []\n"
    ])
    #expect(check.diagnostics.map(\.message) == ["'bad id!' is not a valid id"])
  }

  @Test func anInvalidTaskIdIsNotAlsoATaskWithoutOwner() {
    let check = Self.check([
      "p.yaml": "plan: T\nstart: 2017-09-01\ntasks:\n  - { id: \"bad task!\", name: A, duration: 1d }\n"
    ])
    #expect(check.diagnostics.map(\.message) == ["'bad task!' is not a valid id"])
  }

  @Test func includingTheFolderNamesWhatWasWritten() {
    let check = Self.check(["p.yaml": "plan: T\nstart: 2017-09-01\ninclude: ['.']\ntasks: []\n"])
    #expect(check.diagnostics.map(\.message) == ["cannot read '.': it is a directory, not a plan file"])
  }

  @Test func theNotShownNoteHasNoFile() {
    var text = "plan: T\nstart: 2017-09-01\ninclude: [b.yaml]\ntasks:\n"
    for i in 0..<600 { text += "  - { id: \"x\(i)!\", name: A, duration: 1d }\n" }
    var other = "id: b\ntasks:\n"
    for i in 0..<600 { other += "  - { id: \"y\(i)!\", name: A, duration: 1d }\n" }
    let check = Self.check(["p.yaml": text, "b.yaml": other])
    let note = check.diagnostics.last
    #expect(note?.code == .tooManyProblems)
    #expect(note?.location.file == "")
    let shown = DiagnosticFormatter().format(check.diagnostics, sources: check.sources)
    #expect(shown.hasSuffix("\nerror: 200 more problems not shown\nhint: fix the problems above and run again\n"))
    #expect(DiagnosticFormatter.json(check.diagnostics).contains("{\"file\": null, \"line\": null"))
  }

  @Test(arguments: [
    ("аb", "ab", "Cyrillic а (U+0430)"), ("ａb", "ab", "fullwidth ａ (U+FF41)"), ("Αlpha", "Alpha", "Greek Α (U+0391)"),
  ])
  func lookalikeIdsAreNamed(_ lookalike: String, _ plain: String, _ said: String) {
    let check = Self.check([
      "p.yaml": """
      plan: T
      start: 2017-09-01
      owner: org
      owners:
        - { id: org, name: O }
        - { id: "o\(lookalike)", name: O2 }
        - { id: "o\(plain)", name: O3 }
      tasks:
        - { id: \(plain), name: A, duration: 1d }
        - { id: \(lookalike), name: B, duration: 1d }

      """
    ])
    let warnings = check.diagnostics.filter { $0.code == .lookalikeID }.map(\.message)
    #expect(
      warnings.contains("task id '\(lookalike)' looks like '\(plain)' but is another id (\(said))"), "\(warnings)")
    #expect(warnings.contains { $0.hasPrefix("owner id 'o\(plain)' looks like 'o\(lookalike)'") }, "\(warnings)")
    #expect(warnings.count == 2)
  }

  @Test func distinctIdsInOneScriptAreQuiet() {
    let check = Self.check([
      "p.yaml":
        "plan: T\nstart: 2017-09-01\nowner: o\nowners: [{ id: o, name: O }]\ntasks:\n  - { id: 任务甲, name: A, duration: 1d }\n  - { id: задача, name: B, duration: 1d }\n  - { id: ab, name: C, duration: 1d }\n"
    ])
    #expect(!check.diagnostics.contains { $0.code == .lookalikeID })
  }
}
