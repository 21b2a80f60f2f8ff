import Foundation
import PlanGraph
import Testing

@testable import PlanGraphviz

/// Render times of generated plans per chart kind, with and without folding; run on request with
/// `PLANGRAPH_BENCH=1 swift test -c release --filter RenderBenchmark`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PLANGRAPH_BENCH"] == "1"))
struct RenderBenchmark {
  private struct Sample {
    var total: Duration
    var layout: Duration
    var nodes: Int
  }

  private func median(_ values: [Duration]) -> Duration {
    values.sorted()[values.count / 2]
  }

  private func ms(_ duration: Duration) -> String {
    let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    return value >= 100 ? String(Int(value.rounded())) : String(Double(Int(value * 10)) / 10)
  }

  @Test func renderTimes() throws {
    let runs = Int(ProcessInfo.processInfo.environment["PLANGRAPH_BENCH_RUNS"] ?? "") ?? 3
    let format = OutputFormat(rawValue: ProcessInfo.processInfo.environment["PLANGRAPH_BENCH_FORMAT"] ?? "") ?? .svg
    var report = "| leaves | chart | folding | nodes | total ms (median of \(runs)) | gvLayout ms | layout share |\n"
    report += "|---:|---|---|---:|---:|---:|---:|\n"
    for leaves in [100, 1000, 3000] {
      let text = TestPlans.generatedYAML(leaves: leaves)
      guard let (plan, schedule) = TestPlans.load(text: text, asOf: TestPlans.day("2020-03-01")) else { return }
      for kind in ChartKind.allCases {
        for collapse in [CollapsePolicy.standard, .never] where leaves > 1500 || collapse == .standard {
          var samples: [Sample] = []
          for _ in 0..<runs {
            let clock = ContinuousClock()
            let started = clock.now
            let chart = Chart(
              kind, plan: plan, schedule: schedule, options: ChartOptions(language: .zh, collapse: collapse))
            let rendering = try GraphvizRenderer().render(chart.graph, format: format, engine: chart.engine)
            samples.append(
              Sample(
                total: started.duration(to: clock.now), layout: rendering.layoutTime,
                nodes: chart.selection.nodes.count))
          }
          let total = median(samples.map(\.total))
          let layout = median(samples.map(\.layout))
          let share = Int((layout / total * 100).rounded())
          let folding = collapse.enabled ? (leaves > 1500 ? "auto" : "none needed") : "--no-collapse"
          report +=
            "| \(leaves) | \(kind.rawValue) | \(folding) | \(samples[0].nodes) | \(ms(total)) | \(ms(layout)) | \(share)% |\n"
        }
      }
    }
    print(report)
    try report.write(toFile: "/tmp/plangraph-bench-\(format.rawValue).md", atomically: true, encoding: .utf8)
  }
}
