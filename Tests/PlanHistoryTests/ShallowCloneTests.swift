import Foundation
import PlanGraph
import Testing

@testable import PlanHistory

/// A shallow clone (`git clone --depth 1`): its oldest commit names a parent that was never fetched. Made
/// here as git makes one: a `shallow` file naming the edge commit, and the parent's object absent.
@Suite struct ShallowCloneTests {
  @Test func theOldestFetchedCommitIsARoot() throws {
    let folder =
      FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-shallow-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let repository = try GitRepository.create(at: folder)
    var plan = ScriptedRepository.c1Plan
    var ids: [GitObjectID] = []
    for (k, day) in ["2018-01-05", "2018-02-01", "2018-03-01"].enumerated() {
      if k > 0 { plan = plan.replacingOccurrences(of: "duration: \(10 * k)d", with: "duration: \(10 * k + 10)d") }
      ids.append(
        try repository.writeCommit(
          files: ["plans/demo/plan.yaml": Array(plan.utf8)], message: "c\(k + 1)", author: "李主任",
          email: "x@example.cn", time: ScriptedRepository.noon(day), parents: ids.suffix(1)))
    }
    try FileManager.default.createDirectory(atPath: folder + "/plans/demo", withIntermediateDirectories: true)
    try plan.write(toFile: folder + "/plans/demo/plan.yaml", atomically: true, encoding: .utf8)
    // Cut the history below the second commit.
    try (ids[1].description + "\n").write(toFile: folder + "/.git/shallow", atomically: true, encoding: .utf8)
    let hex = ids[0].description
    try FileManager.default.removeItem(
      atPath: folder + "/.git/objects/" + hex.prefix(2) + "/" + hex.dropFirst(2))

    let planRepository = try PlanRepository(planPath: folder + "/plans/demo/plan.yaml")
    let head = try planRepository.commit("HEAD")
    let log = try planRepository.repository.log(from: head.id)
    #expect(log.map(\.id) == [ids[2], ids[1]])
    #expect(log.last?.parents.isEmpty == true)
    #expect(try planRepository.commitsTouchingPlan(from: head).map(\.id) == [ids[2], ids[1]])
    let history = try PlanHistoryLog(repository: planRepository, tip: head, selection: ["prepare"])
    #expect(history.points.count == 2 && history.points.allSatisfy(\.isValid))
    #expect(try planRepository.commit(onOrBefore: isoDay("2018-02-10"), from: head)?.id == ids[1])
    #expect(try planRepository.commit(onOrBefore: isoDay("2018-01-10"), from: head) == nil)
  }
}
