import Dispatch
import Synchronization
import Testing

@testable import PlanGraphviz

/// Graphviz is not thread-safe; the renderer's lock makes concurrent renders safe.
@Suite struct ConcurrencyTests {
  @Test func rendersFromEightThreadsAtOnce() throws {
    let (plan, schedule) = try #require(TestPlans.small)
    let charts = ChartKind.allCases.map {
      Chart($0, plan: plan, schedule: schedule, options: ChartOptions(language: .zh))
    }
    let formats: [OutputFormat] = [.svg, .png]
    let results = Mutex<[Int: Result<[UInt8], GraphvizError>]>([:])
    DispatchQueue.concurrentPerform(iterations: 8) { index in
      let chart = charts[index % charts.count]
      let format = formats[index % formats.count]
      let result = Result { () throws(GraphvizError) -> [UInt8] in
        try GraphvizRenderer().render(chart.graph, format: format).bytes
      }
      results.withLock { $0[index] = result }
    }
    let all = results.withLock { $0 }
    #expect(all.count == 8)
    for (index, result) in all {
      guard case .success(let bytes) = result else {
        Issue.record("render \(index) failed: \(result)")
        continue
      }
      #expect(bytes.count > 1_000)
    }
    // The same chart in the same format comes out the same, whoever drew it.
    if case .success(let a) = all[0], case .success(let b) = all[6] { #expect(a == b, "renders differ") }
  }

  @Test func rendersFromSwiftTasks() async throws {
    let (plan, schedule) = try #require(TestPlans.small)
    let chart = Chart(.graph, plan: plan, schedule: schedule, options: ChartOptions(language: .en))
    let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<4 {
        group.addTask { try GraphvizRenderer().render(chart.graph, format: .svg).bytes.count }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(sizes.count == 4)
    #expect(Set(sizes).count == 1)
  }
}
