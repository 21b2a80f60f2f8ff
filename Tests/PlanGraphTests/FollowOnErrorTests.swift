import PlanGraph
import Testing

/// A file that cannot be read, or stops at a syntax error, is one problem: references into it are not
/// reported one by one but summarised once, right after its own error; errors come in include order.
@Suite struct FollowOnErrorTests {
  private func load(_ files: [String: String]) -> PlanLoadResult {
    PlanLoader(fileSystem: MemoryFileSystem(files: files.mapValues { Array($0.utf8) })).load(path: "plan.yaml")
  }

  private static let root = """
    plan: 后续错误
    start: 2017-09-01
    include: [women.yaml, youth.yml]
    tasks:
      - { id: review, name: 总结, duration: 1d, after: [youth.a, youth.b, youth.c, women.x, nowhere.y] }

    """

  @Test func referencesIntoAMissingFileAreSummarisedAfterItsError() throws {
    let result = load([
      "plan.yaml": Self.root, "women.yaml": "id: women\ntasks:\n  - { id: x, name: 甲, duration: 1d }\n",
    ])
    let errors = result.diagnostics.filter { $0.severity == .error }
    let codes = errors.map(\.code)
    // nowhere.y is no follow-on: no file that failed could have held it.
    #expect(codes == [.includeMissing, .uncheckedReferences, .unknownReference], "\(errors)")
    let summary = errors[1]
    #expect(summary.location == errors[0].location)
    #expect(summary.message == "3 references into 'youth' not checked because 'youth.yml' could not be read")
    #expect(summary.message(in: .zh) == "因“youth.yml”无法读取，指向“youth”的 3 处引用未检查")
    #expect(errors[2].message == "unknown task 'nowhere.y' in 'after'")
  }

  @Test func referencesIntoAFileCutShortBySyntaxAreSummarisedAfterTheSyntaxError() throws {
    let women = "id: women\ntasks:\n  - id: x\n    name: 甲\n\tduration: 1d\n  - { id: y, name: 乙, duration: 1d }\n"
    let root = Self.root.replacing("youth.yml", with: "youth.yaml").replacing("women.x", with: "women.y")
    let result = load([
      "plan.yaml": root, "women.yaml": women,
      "youth.yaml": "id: youth\ntasks:\n  - { id: a, name: 甲, duration: 1d }\n",
    ])
    let shown = result.diagnostics.map { "\($0.location.file):\($0.location.line) \($0.code.rawValue)" }
    // Root first, then the includes in order: youth.b, youth.c and nowhere.y are plain unknown tasks.
    #expect(
      shown == [
        "plan.yaml:5 unknown-reference", "plan.yaml:5 unknown-reference", "plan.yaml:5 unknown-reference",
        "women.yaml:5 syntax", "women.yaml:5 unchecked-references",
      ])
    #expect(result.diagnostics.last?.message.hasPrefix("1 reference into or from 'women.yaml' not checked") == true)
  }

  @Test func ownersOfAMissingFileAreCountedWithItsReferences() throws {
    let root = Self.root.replacing(
      "duration: 1d, after:", with: "owner: youth.office, duration: 1d, after:")
    let result = load(["plan.yaml": root, "women.yaml": "id: women\ntasks:\n  - { id: x, name: 甲, duration: 1d }\n"])
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [.includeMissing, .uncheckedReferences, .unknownReference], "\(errors)")
    #expect(errors[1].message.hasPrefix("4 references into 'youth'"))
  }

  /// An owner whose organisation is declared in a file that was read is no echo of the missing file,
  /// even when the missing file's guessed namespace is that organisation's id: its units are all known,
  /// so a misspelt unit is a mistake of its own. The summary names the namespace the references had.
  @Test func aMisspeltUnitOfADeclaredOwnerIsNoFollowOn() throws {
    let root = """
      plan: 后续错误
      start: 2017-09-01
      include: [leage.yaml]
      owners:
        - { id: league, name: 团区委, units: [{ id: office, name: 办公室 }] }
      tasks:
        - { id: a, name: 甲, duration: 1d, owner: league.ofice, after: [league.x] }

      """
    let result = load(["plan.yaml": root, "league.yaml": "id: league\ntasks: []\n"])
    let errors = result.diagnostics.filter { $0.severity == .error }
    try #require(errors.map(\.code) == [.includeMissing, .uncheckedReferences, .unknownOwner], "\(errors)")
    #expect(errors[1].message == "1 reference into 'league' not checked because 'leage.yaml' could not be read")
    #expect(errors[2].suggestions == ["league.office"])
  }

  @Test func errorsFollowTheIncludeOrderNotTheFileNames() throws {
    let result = load([
      "plan.yaml":
        "plan: 顺序\nstart: 2017-09-01\ninclude: [z.yaml, a.yaml]\ntasks:\n  - { id: r, name: 根, owner: nobody, duration: 1d }\n",
      "z.yaml": "id: z\ntasks:\n  - { id: t, name: 甲, owner: nobody, duration: 1d }\n",
      "a.yaml": "id: a\ntasks:\n  - { id: t, name: 乙, owner: nobody, duration: 1d }\n",
    ])
    #expect(result.diagnostics.map(\.location.file) == ["plan.yaml", "z.yaml", "a.yaml"])
  }
}
