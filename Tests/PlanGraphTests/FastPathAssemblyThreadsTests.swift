import Testing

@testable import PlanGraph

/// The fast path's assembly on two threads (full ids beside owners, then `after` cut between two tasks)
/// gives the very plan one thread gives, wherever the cut falls, and declines where one thread declines.
@Suite struct FastPathAssemblyThreadsTests {
  private static func read(_ bytes: [UInt8], path: String, _ threads: FastPlanAssembler.Threads) -> Plan? {
    FastPlanAssembler.$threads.withValue(threads) { FastPlanReader.read(bytes, path: path, split: .never) }
  }

  @Test func everyCutOfASmallPlanGivesTheOneThreadPlan() throws {
    for format in [PlanGenerator.Format.json, .yaml] {
      let bytes = PlanGenerator(taskCount: 150, seed: 11, dependencies: 2, format: format).generate()
      let path = format == .json ? "plan.json" : "plan.yaml"
      let one = try #require(Self.read(bytes, path: path, .one))
      #expect(one.tasks.contains { $0.afterCount > 0 })
      #expect(Self.read(bytes, path: path, .two) == one)
      for cut in 0...one.tasks.count {
        let two = Self.read(bytes, path: path, .cut(cut))
        #expect(two == one, "\(path), cut before task \(cut)")
      }
    }
  }

  @Test func anUnknownAfterOrOwnerDeclinesOnEitherSideOfTheCut() throws {
    let bytes = PlanGenerator(taskCount: 60, seed: 3, dependencies: 2, format: .json).generate()
    let text = String(decoding: bytes, as: UTF8.self)
    let one = try #require(Self.read(bytes, path: "plan.json", .one))
    let last = one.tasks.count
    // The first and the last `after` name, and an owner, made unknown: every cut declines.
    let names = text.ranges(of: "\"after\": [\"")
    let first = try #require(names.first)
    let final = try #require(names.last)
    var broken: [[UInt8]] = []
    for range in [first, final] {
      var copy = text
      copy.replaceSubrange(range, with: "\"after\": [\"nowhere.")
      broken.append(Array(copy.utf8))
    }
    let owner = try #require(text.ranges(of: "\"owner\": \"").last)
    var copy = text
    copy.replaceSubrange(owner, with: "\"owner\": \"nobody")
    broken.append(Array(copy.utf8))
    for (n, bytes) in broken.enumerated() {
      #expect(Self.read(bytes, path: "plan.json", .one) == nil, "broken \(n)")
      for cut in [0, 1, last / 2, last - 1, last] {
        #expect(Self.read(bytes, path: "plan.json", .cut(cut)) == nil, "broken \(n), cut \(cut)")
      }
    }
  }
}
