import Dispatch

/// Whether the as-of pass uses a second thread, and where it cuts the tasks between the two.
///
/// The pass does two things at once: the forecast (a walk of the graph in topological order, one
/// thread's work) beside the critical paths (which read only the plan schedule), then the leaves' rows
/// in two halves of the tasks, each thread writing its own range of the rows and counting its own
/// leaves, and the summaries' pass either side of the first top-level task at or after the cut. Below
/// `AsOfThreads.minimumTasks` a second thread costs more than it saves.
package enum AsOfThreads: Sendable {
  /// Two threads from `minimumTasks` tasks on, cut in the middle: what the scheduler does.
  case automatic
  /// One thread.
  case one
  /// Two threads whatever the size, the rows cut at this task index (clamped to the tasks) and the
  /// summaries at the first top-level task from it, so that tests can try every cut of a small plan.
  case two(cut: Int)

  /// From this many tasks on, `automatic` uses two threads.
  package static let minimumTasks = 20_000

  /// The cut for `taskCount` tasks, or nil for one thread.
  func cut(taskCount: Int) -> Int? {
    switch self {
    case .automatic: return taskCount >= Self.minimumTasks ? taskCount / 2 : nil
    case .one: return nil
    case .two(let cut): return min(max(cut, 0), taskCount)
    }
  }

  /// Runs `first` and `second` at once (`concurrentPerform`: on one core, one after the other) and
  /// returns when both have; each must write only what the other neither reads nor writes.
  static func both(_ first: @Sendable () -> Void, _ second: @Sendable () -> Void) {
    DispatchQueue.concurrentPerform(iterations: 2) { job in
      if job == 0 { first() } else { second() }
    }
  }
}

/// What each of the as-of pass's two jobs hands back: each job writes its own properties only, and
/// they are read after `concurrentPerform` returns, which orders the writes before the reads.
final class AsOfResults: @unchecked Sendable {
  /// The forecast ends per node and the first leaf past the calendar (`Scheduler.forecast`).
  var forecast: (end: [Int32], outside: Int?) = ([], nil)
  /// The critical paths and whether more exist.
  var paths: (paths: [[Int]], more: Bool) = ([], false)
  /// Each half's leaf counts and latest live finish.
  var firstLeaves = LeafTally()
  var secondLeaves = LeafTally()
}

/// The rows being written and the forecast they read, handed to both threads: each writes only the rows
/// of its own range, and both only read the forecast.
struct AsOfBuffers: @unchecked Sendable {
  let rows: UnsafeMutableBufferPointer<TaskSchedule>
  let forecastEnd: UnsafeBufferPointer<Int32>
}

/// The counts of some leaves and the latest finish of the live ones, made as their rows are written.
struct LeafTally: Sendable {
  var counts = StatusCounts()
  var latest = Int.min
}
