import Synchronization

/// The large values of a command — the plan, its schedule, the report — held until the process exits,
/// so that it ends without spending time freeing a million tasks one by one.
///
/// Only the latest command's values are kept: a command run in-process by the tests lets go of the
/// previous command's when it keeps its own, so nothing piles up there.
enum KeptUntilExit {
  private static let values = Mutex<[any Sendable]>([])

  /// Keeps `kept` alive until exit (or until the next command keeps its own).
  static func keep(_ kept: any Sendable...) {
    let previous = values.withLock { values in
      let previous = values
      values = kept
      return previous
    }
    // The previous command's values are freed here, outside the lock.
    _ = previous
  }
}
