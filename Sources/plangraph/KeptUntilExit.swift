import Synchronization

/// The large values of a command — the plan, its schedule, the report's bytes — held until the process
/// exits, so that it ends without spending time freeing a million tasks one by one (and unmapping a
/// report of hundreds of megabytes).
///
/// Only the latest few values are kept: a command run in-process by the tests lets go of an earlier
/// command's when it keeps its own, so nothing piles up there.
enum KeptUntilExit {
  /// How many values are kept: one command's plan, schedule and output, and one more.
  static let capacity = 4
  private static let values = Mutex<[any Sendable]>([])

  /// Keeps `kept` alive until exit (or until later values push it out).
  static func keep(_ kept: any Sendable...) {
    let dropped = values.withLock { values -> [any Sendable] in
      values.append(contentsOf: kept)
      let excess = max(0, values.count - capacity)
      let dropped = Array(values.prefix(excess))
      values.removeFirst(excess)
      return dropped
    }
    // What was pushed out is freed here, outside the lock.
    _ = dropped
  }
}
