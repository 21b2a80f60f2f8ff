import Foundation
import PlanGraph
import Testing

@testable import PlanHistory

/// A throwaway repository with a scripted history of a small plan, built through the libgit2 wrapper
/// (never by running git): a deadline extended, a task added, one removed, one renamed, a duration
/// changed, a task done, an include added on a branch, a merge commit, and a commit outside the plan.
final class ScriptedRepository {
  let folder: String
  let repository: GitRepository
  /// The commits by name: c1 … c9 and readme.
  var commits: [String: GitObjectID] = [:]
  /// The files of each commit by name.
  var trees: [String: [String: String]] = [:]

  /// The root plan file as a test names it (absolute).
  var planPath: String { folder + "/plans/demo/plan.yaml" }

  static let c1Plan = """
    plan: 演示计划
    start: 2018-01-01
    owners:
      - { id: a, name: 单位甲 }
      - { id: b, name: 单位乙 }
    tasks:
      - { id: prepare, name: 准备, owner: a, duration: 10d, deadline: 2018-01-20 }
      - { id: build, name: 建设, owner: a, duration: 30d, after: [prepare], deadline: 2018-03-31, source: 第一条 }
      - { id: train, name: 培训, owner: b, duration: 20d, deadline: 2018-02-28 }
      - { id: old, name: 旧任务, owner: b, duration: 5d, deadline: 2018-01-31 }
      - { id: survey, name: 调研, owner: b, duration: 5d, deadline: 2018-02-15 }

    """

  /// Seconds since 1970 of noon, China time, on a day.
  static func noon(_ text: String) -> Int64 {
    guard case .success(.day(let day)) = DateExpression.parse(text) else { return 0 }
    return Int64(day.ordinal) * 86_400 + 4 * 3600
  }

  init() throws {
    folder =
      FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-history-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    repository = try GitRepository.create(at: folder)
    var plan = Self.c1Plan
    var files = ["plans/demo/plan.yaml": plan, "README.md": "演示\n"]
    try commit("c1", files, "Plan: first version", author: "李主任", day: "2018-01-05", parents: [])
    plan = plan.replacingOccurrences(of: "deadline: 2018-03-31", with: "deadline: 2018-04-30")
    files["plans/demo/plan.yaml"] = plan
    try commit("c2", files, "建设延期至4月底\n\n经区委同意。", author: "王科长", day: "2018-02-01", parents: ["c1"])
    plan = plan.replacingOccurrences(
      of: "  - { id: old, name: 旧任务, owner: b, duration: 5d, deadline: 2018-01-31 }\n",
      with: "  - { id: review, name: 评估, owner: b, duration: 3d, deadline: 2018-03-15 }\n")
    files["plans/demo/plan.yaml"] = plan
    try commit("c3", files, "Add review, drop the old task", author: "李主任", day: "2018-02-10", parents: ["c2"])
    plan = plan.replacingOccurrences(of: "id: survey", with: "id: research")
    files["plans/demo/plan.yaml"] = plan
    try commit("c4", files, "Rename survey to research", author: "李主任", day: "2018-02-20", parents: ["c3"])
    plan = plan.replacingOccurrences(of: "培训, owner: b, duration: 20d", with: "培训, owner: b, duration: 70d")
    files["plans/demo/plan.yaml"] = plan
    try commit("c5", files, "Training takes longer", author: "张干事", day: "2018-03-01", parents: ["c4"])
    plan = plan.replacingOccurrences(
      of: "owner: a, duration: 10d, deadline: 2018-01-20 }",
      with: "owner: a, duration: 10d, deadline: 2018-01-20, done: 2018-01-12, evidence: 会议纪要 }")
    files["plans/demo/plan.yaml"] = plan
    try commit("c6", files, "Preparation done", author: "李主任", day: "2018-03-05", parents: ["c5"])
    // A branch adds an include; the main line changes a source; a merge joins them.
    var branch = files
    branch["plans/demo/plan.yaml"] = plan.replacingOccurrences(of: "owners:\n", with: "include: [b.yaml]\nowners:\n")
    branch["plans/demo/b.yaml"] = "id: bfile\ntasks:\n  - { id: extra, name: 额外, owner: b, duration: 2d }\n"
    try commit("c7", branch, "Unit B's file", author: "张干事", day: "2018-03-10", parents: ["c6"], head: false)
    plan = plan.replacingOccurrences(of: "source: 第一条", with: "source: 第二条")
    files["plans/demo/plan.yaml"] = plan
    try commit("c8", files, "Source corrected", author: "李主任", day: "2018-03-12", parents: ["c6"])
    files["plans/demo/plan.yaml"] = plan.replacingOccurrences(of: "owners:\n", with: "include: [b.yaml]\nowners:\n")
    files["plans/demo/b.yaml"] = branch["plans/demo/b.yaml"]
    try commit("c9", files, "Merge unit B's file", author: "李主任", day: "2018-03-15", parents: ["c8", "c7"])
    files["README.md"] = "演示计划\n"
    try commit("readme", files, "README only", author: "李主任", day: "2018-03-20", parents: ["c9"])
    try repository.tag("v1", at: id("c1"))
    try writeWorkingTree(files)
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  func commit(
    _ name: String, _ files: [String: String], _ message: String, author: String, day: String, parents: [String],
    head: Bool = true
  ) throws {
    commits[name] = try repository.writeCommit(
      files: files.mapValues { Array($0.utf8) }, message: message, author: author, email: "\(name)@example.cn",
      time: Self.noon(day), parents: parents.map { try id($0) }, updateHead: head)
    trees[name] = files
  }

  /// Writes files into the working tree (the plan as it is now, uncommitted changes included).
  func writeWorkingTree(_ files: [String: String]) throws {
    for (path, text) in files {
      let full = folder + "/" + path
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: full, atomically: true, encoding: .utf8)
    }
  }

  /// A repository handle for the plan.
  func planRepository() throws -> PlanRepository { try PlanRepository(planPath: planPath) }

  /// The commit `name`.
  func gitCommit(_ name: String) throws -> GitCommit { try repository.commit(id: id(name)) }

  /// The id of the commit `name`.
  func id(_ name: String) throws -> GitObjectID {
    guard let id = commits[name] else { throw GitError.library("no commit named \(name)") }
    return id
  }
}

/// A day from ISO text; records an issue (and gives 1970-01-01) when malformed.
func isoDay(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Day {
  guard case .success(.day(let value)) = DateExpression.parse(text) else {
    Issue.record("bad date \(text)", sourceLocation: sourceLocation)
    return Day(ordinal: 0)
  }
  return value
}
