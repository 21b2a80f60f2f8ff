import Dispatch
import PlanGraphviz
import Synchronization

/// Tells on stderr what a slow render is doing: nothing during the first second, then the stage and
/// the time taken, updated in place on a terminal and once per stage otherwise.
final class RenderProgress: Sendable {
  private struct State {
    var stage = ""
    var shownStage = ""
    var shown = false
    /// Whether a progress line without its line break is on the terminal now.
    var lineOpen = false
    var finished = false
  }

  /// Everything is written under this lock, so that a note never lands in the middle of a progress line.
  private let state = Mutex(State())
  private let started = ContinuousClock.now
  private let wake = DispatchSemaphore(value: 0)
  private let done = DispatchSemaphore(value: 0)
  private let onTerminal: Bool
  private let quietFor: Duration
  private let write: @Sendable (String) -> Void

  /// Starts watching; `stop` must follow. Progress shows after `quietFor`, written with `write`, in
  /// place when `onTerminal`: stderr and whether it is a terminal, unless a test says otherwise.
  init(
    onTerminal: Bool = Terminal.isTerminal(2), quietFor: Duration = .seconds(1),
    write: @escaping @Sendable (String) -> Void = { Output.err($0) }
  ) {
    self.onTerminal = onTerminal
    self.quietFor = quietFor
    self.write = write
    DispatchQueue.global().async { [self] in
      // A look five times a second; `stop` wakes the watcher at once, so it adds no wait to a render.
      while !tick() { _ = wake.wait(timeout: .now() + .milliseconds(200)) }
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
    case .layout(let engine, let nodes): update("laying out \(nodes) nodes (\(engine))")
    case .drawing(let format): update("drawing \(format.rawValue.uppercased())")
    }
  }

  /// Writes `line` (without its line break) on a line of its own, clearing the progress line first
  /// when one is on the terminal; the next look draws the progress again below it.
  func note(_ line: String) {
    state.withLock { state in
      write((state.lineOpen ? "\r\u{1B}[K" : "") + line + "\n")
      state.lineOpen = false
    }
  }

  /// Stops watching; when progress was shown, ends it with the total time and `summary`.
  func stop(summary: String) {
    state.withLock { $0.finished = true }
    wake.signal()
    done.wait()
    state.withLock { state in
      guard state.shown else { return }
      let clear = state.lineOpen ? "\r\u{1B}[K" : ""
      write(clear + "plangraph: done in \(seconds(started.duration(to: .now))) s; \(summary)\n")
      state.lineOpen = false
    }
  }

  /// One look at the state; true when finished.
  private func tick() -> Bool {
    let elapsed = started.duration(to: .now)
    return state.withLock { state in
      guard !state.finished else { return true }
      guard elapsed >= quietFor else { return false }
      if !onTerminal && state.stage == state.shownStage { return false }
      state.shownStage = state.stage
      state.shown = true
      let line = "plangraph: \(state.stage)… \(seconds(elapsed)) s"
      write(onTerminal ? "\r\u{1B}[K" + line : line + "\n")
      state.lineOpen = onTerminal
      return false
    }
  }
}

/// A duration in seconds, to the hundredth: `3.25`, `0.04`.
func seconds(_ duration: Duration) -> String {
  let hundredths = Int((Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18) * 100)
  let fraction = hundredths % 100
  return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
}
