import Foundation
import PlanGraph
import Testing

@testable import PlanHistory

/// Reading a plan at a revision: includes inside that revision's tree, the loader's fencing, and the errors.
@Suite struct RevisionReadingTests {
  let scripted: ScriptedRepository

  init() throws { scripted = try ScriptedRepository() }

  @Test func readsEachRevisionWithItsOwnIncludes() throws {
    let repository = try scripted.planRepository()
    #expect(repository.repositoryFolder == "plans/demo")
    let before = try repository.check(at: try scripted.gitCommit("c6"), revision: "c6", asOf: nil)
    let after = try repository.check(at: try scripted.gitCommit("c9"), revision: "c9", asOf: nil)
    #expect(before.plan?.tasks.map(\.fullID) == ["prepare", "build", "train", "review", "research"])
    #expect(after.plan?.tasks.map(\.fullID).contains("bfile.extra") == true)
    #expect(after.plan?.files == [scripted.planPath, scripted.folder + "/plans/demo/b.yaml"])
    // The first revision still has the removed task and the old deadline: not the working tree's.
    let first = try repository.check(at: try repository.commit("v1"), revision: "v1", asOf: nil)
    #expect(first.plan?.tasks.map(\.fullID).contains("old") == true)
    #expect(first.plan?.tasks[1].deadline == Day(year: 2018, month: 3, day: 31))
  }

  @Test func revisionsAreAnythingGitAccepts() throws {
    let repository = try scripted.planRepository()
    let ids = scripted.commits
    #expect(try repository.commit("HEAD").id == ids["readme"])
    #expect(try repository.commit("HEAD~1").id == ids["c9"])
    #expect(try repository.commit("HEAD~1^2").id == ids["c7"])
    #expect(try repository.commit("v1").id == ids["c1"])
    #expect(try repository.commit(ids["c3"]!.short).id == ids["c3"])
  }

  @Test func readsThroughTheSameBytesAsTheCommit() throws {
    let files = try scripted.planRepository().fileSystem(at: try scripted.gitCommit("c2"))
    let bytes = try files.read(scripted.planPath).get()
    #expect(String(decoding: bytes, as: UTF8.self) == scripted.trees["c2"]?["plans/demo/plan.yaml"])
    #expect(files.read(scripted.folder + "/plans/demo/b.yaml") == .failure(.missing))
    #expect(files.read(scripted.folder + "/plans/demo") == .failure(.directory))
    #expect(files.read(scripted.folder + "/plans/elsewhere.yaml") == .failure(.missing))
    #expect(files.canonicalPath(scripted.folder + "/plans/demo/./plan.yaml") == "/plans/demo/plan.yaml")
  }

  @Test func anIncludeMissingAtARevisionIsTheLoadersDiagnostic() throws {
    var files = scripted.trees["c6"]!
    files["plans/demo/plan.yaml"] = files["plans/demo/plan.yaml"]!.replacingOccurrences(
      of: "owners:\n", with: "include: [missing.yaml]\nowners:\n")
    try scripted.commit(
      "broken", files, "Include a file never committed", author: "李主任", day: "2018-03-06",
      parents: ["c6"], head: false)
    let check = try scripted.planRepository().check(at: try scripted.gitCommit("broken"), revision: "broken", asOf: nil)
    #expect(check.plan == nil)
    let diagnostic = try #require(check.diagnostics.first)
    #expect(diagnostic.code == .includeMissing)
    #expect(diagnostic.location.file == scripted.planPath)
    #expect(diagnostic.location.line == 3)
    #expect(diagnostic.message.contains("missing.yaml"))
  }

  @Test func anIncludeLeavingTheRootFolderIsRefusedAsOnDisk() throws {
    var files = scripted.trees["c6"]!
    files["plans/demo/plan.yaml"] = files["plans/demo/plan.yaml"]!.replacingOccurrences(
      of: "owners:\n", with: "include: [../other.yaml]\nowners:\n")
    files["plans/other.yaml"] = "id: other\ntasks: []\n"
    try scripted.commit(
      "escape", files, "Include outside", author: "李主任", day: "2018-03-06", parents: ["c6"],
      head: false)
    let check = try scripted.planRepository().check(at: try scripted.gitCommit("escape"), revision: "escape", asOf: nil)
    #expect(check.plan == nil)
    #expect(check.diagnostics.first?.code == .includeOutsideRoot)
  }

  @Test func aPathOutsideAnyRepositoryIsRefused() throws {
    let bare = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-norepo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: bare) }
    #expect(throws: GitError.notARepository(bare.path + "/plan.yaml")) {
      try PlanRepository(planPath: bare.path + "/plan.yaml")
    }
  }

  @Test func anUnknownRevisionIsRefused() throws {
    let repository = try scripted.planRepository()
    #expect(throws: GitError.unknownRevision("no-such-branch")) { try repository.commit("no-such-branch") }
    #expect(throws: GitError.unknownRevision("HEAD~40")) { try repository.commit("HEAD~40") }
  }

  @Test func aPlanMissingAtARevisionIsRefused() throws {
    let other = try PlanRepository(planPath: scripted.folder + "/plans/other/plan.yaml")
    #expect(other.repositoryFolder == "plans/other")
    #expect(throws: GitError.planMissing(path: scripted.folder + "/plans/other/plan.yaml", revision: "v1")) {
      try other.check(at: try scripted.gitCommit("c1"), revision: "v1", asOf: nil)
    }
  }

  @Test func planReferencesSplitAfterTheExtension() {
    #expect(PlanReference("plans/a/plan.yaml@HEAD~3") == PlanReference(path: "plans/a/plan.yaml", revision: "HEAD~3"))
    #expect(PlanReference("p.json@main@{2}") == PlanReference(path: "p.json", revision: "main@{2}"))
    #expect(PlanReference("me@home/plan.yml@v1") == PlanReference(path: "me@home/plan.yml", revision: "v1"))
    #expect(PlanReference("plan.yaml") == PlanReference(path: "plan.yaml", revision: nil))
  }

  @Test func commitsTouchingThePlanSkipOthersAndKeepTheMerge() throws {
    let repository = try scripted.planRepository()
    let touching = try repository.commitsTouchingPlan(from: try scripted.gitCommit("readme")).map(\.id)
    let ids = scripted.commits
    #expect(Set(touching) == Set(["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"].map { ids[$0]! }))
    #expect(touching.first == ids["c9"])
    #expect(touching.last == ids["c1"])
    let day = isoDay("2018-02-05")
    #expect(try repository.commit(onOrBefore: day, from: try scripted.gitCommit("readme"))?.id == ids["c2"])
    #expect(
      try repository.commit(onOrBefore: isoDay("2017-01-01"), from: try scripted.gitCommit("c9")) == nil)
  }

  @Test func commitValuesAreRead() throws {
    let commit = try scripted.gitCommit("c2")
    #expect(commit.author == "王科长")
    #expect(commit.email == "c2@example.cn")
    #expect(commit.summary == "建设延期至4月底")
    #expect(commit.message.contains("经区委同意"))
    #expect(commit.day == Day(year: 2018, month: 2, day: 1))
    #expect(commit.offsetMinutes == 480)
    #expect(commit.parents == [scripted.commits["c1"]!])
    #expect(try scripted.gitCommit("c9").parents == [scripted.commits["c8"]!, scripted.commits["c7"]!])
  }
}

/// Symbolic links in a revision's tree: followed inside the plan's folder, refused when they lead out.
@Suite struct TreeLinkTests {
  @Test func linksAreFollowedAndFenced() throws {
    let scripted = try ScriptedRepository()
    var files = scripted.trees["c6"] ?? [:]
    files["plans/demo/plan.yaml"] = files["plans/demo/plan.yaml"]?.replacingOccurrences(
      of: "owners:\n", with: "include: [linked.yaml, escape.yaml]\nowners:\n")
    files["plans/demo/parts/real.yaml"] = "id: real\ntasks:\n  - { id: x, name: 链接, owner: a, duration: 1d }\n"
    files["plans/shared.yaml"] = "id: shared\ntasks: []\n"
    let id = try scripted.repository.writeCommit(
      files: files.mapValues { Array($0.utf8) },
      links: ["plans/demo/linked.yaml": "parts/real.yaml", "plans/demo/escape.yaml": "../shared.yaml"],
      message: "links", author: "李主任", email: "l@example.cn", time: ScriptedRepository.noon("2018-03-06"),
      parents: [try scripted.id("c6")], updateHead: false)
    let repository = try scripted.planRepository()
    let commit = try scripted.repository.commit(id: id)
    let files2 = repository.fileSystem(at: commit)
    #expect(files2.canonicalPath(scripted.folder + "/plans/demo/linked.yaml") == "/plans/demo/parts/real.yaml")
    #expect(files2.canonicalPath(scripted.folder + "/plans/demo/escape.yaml") == "/plans/shared.yaml")
    let check = try repository.check(at: commit, revision: "links", asOf: nil)
    #expect(check.plan == nil)
    #expect(check.diagnostics.map(\.code) == [.includeOutsideRoot])
    #expect(check.diagnostics.first?.message.contains("escape.yaml") == true)
  }
}
