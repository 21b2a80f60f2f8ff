import Dispatch
import PlanGraphviz
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tells on stderr what a slow render is doing: nothing during the first second, then the stage and
/// the time taken, updated in place on a terminal and once per stage otherwise.
final class RenderProgress: Sendable {
  private struct State {
    var stage = ""
    var shownStage = ""
    var shown = false
    var finished = false
  }

  private let state = Mutex(State())
  private let started = ContinuousClock.now
  private let done = DispatchSemaphore(value: 0)
  private let onTerminal = Terminal.isTerminal(2)

  /// Starts watching; `stop` must follow.
  init() {
    DispatchQueue.global().async { [self] in
      while !tick() { usleep(200_000) }
      done.signal()
    }
  }

  /// Records what the render is doing now.
  func update(_ stage: String) {
    state.withLock { $0.stage = stage }
  }

  /// Records a renderer stage in words.
  func update(_ stage: RenderStage) {
    switch stage {
    case .waiting: update("waiting for another render")
    case .building(let nodes, let edges): update("building the graph (\(nodes) nodes, \(edges) edges)")
    case .layout(let engine, let nodes): update("laying out \(nodes) nodes (\(engine.rawValue))")
    case .drawing(let format): update("drawing \(format.rawValue.uppercased())")
    }
  }

  /// Stops watching; when progress was shown, ends it with the total time and `summary`.
  func stop(summary: String) {
    state.withLock { $0.finished = true }
    done.wait()
    let shown = state.withLock { $0.shown }
    guard shown else { return }
    let clear = onTerminal ? "\r\u{1B}[K" : ""
    Output.err(clear + "plangraph: done in \(seconds(started.duration(to: .now))) s; \(summary)\n")
  }

  /// One look at the state; true when finished.
  private func tick() -> Bool {
    let elapsed = started.duration(to: .now)
    let line: String? = state.withLock { state in
      guard !state.finished else { return nil }
      guard elapsed >= .seconds(1) else { return nil }
      if !onTerminal && state.stage == state.shownStage { return nil }
      state.shownStage = state.stage
      state.shown = true
      return "plangraph: \(state.stage)… \(seconds(elapsed)) s"
    }
    if let line { Output.err(onTerminal ? "\r\u{1B}[K" + line : line + "\n") }
    return state.withLock { $0.finished }
  }
}

/// A duration in seconds, to the hundredth: `3.25`, `0.04`.
func seconds(_ duration: Duration) -> String {
  let hundredths = Int((Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18) * 100)
  let fraction = hundredths % 100
  return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
}
