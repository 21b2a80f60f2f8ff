/// What each task inherits from its ancestors: cancellation, the effective deadline and start constraint.
///
/// Computed in one pass over the tasks in output order, where a parent always comes before its children,
/// and one pass back for summaries whose leaves are all cancelled.
struct EffectiveConstraints: Sendable {
  /// Whether the task is cancelled: by its own status, an ancestor's, or (a summary) all its leaves.
  var cancelled: [Bool]
  /// The earliest of its own and its ancestors' deadlines, as a day ordinal; `Int.max` when none.
  var deadline: [Int]
  /// The latest of its own and its ancestors' start constraints, as a day ordinal; `Int.min` when none.
  var startConstraint: [Int]
  /// For a summary: how many leaves lie below it (cancelled or not).
  var leafCount: [Int32]

  init(tasks: [PlanTask]) {
    let n = tasks.count
    cancelled = [Bool](repeating: false, count: n)
    deadline = [Int](repeating: .max, count: n)
    startConstraint = [Int](repeating: .min, count: n)
    leafCount = [Int32](repeating: 0, count: n)
    for i in tasks.indices {
      var isCancelled = tasks[i].status == .cancelled
      var due = tasks[i].deadline?.ordinal ?? .max
      var notBefore = tasks[i].start?.ordinal ?? .min
      if let parent = tasks[i].parent {
        isCancelled = isCancelled || cancelled[parent]
        // Duties take no dates or constraints from their ancestors, only cancellation.
        if tasks[i].recurrence == nil {
          due = min(due, deadline[parent])
          notBefore = max(notBefore, startConstraint[parent])
        }
      }
      cancelled[i] = isCancelled
      deadline[i] = due
      startConstraint[i] = notBefore
    }
    // Children come after their parent, so walking backwards finishes every subtree before its root.
    var liveLeaves = [Int32](repeating: 0, count: n)
    for i in stride(from: n - 1, through: 0, by: -1) {
      if tasks[i].isLeaf {
        leafCount[i] = 1
        liveLeaves[i] = cancelled[i] ? 0 : 1
      }
      if tasks[i].isSummary, leafCount[i] > 0, liveLeaves[i] == 0 {
        cancelled[i] = true
      }
      if let parent = tasks[i].parent {
        leafCount[parent] += leafCount[i]
        liveLeaves[parent] += liveLeaves[i]
      }
    }
  }
}
