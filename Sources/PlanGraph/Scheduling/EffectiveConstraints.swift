/// What each task inherits from its ancestors: cancellation, the effective deadline and start constraint.
///
/// Computed from the flat `TaskFacts` in one pass in output order, where a parent always comes before its
/// children, and one pass back for summaries whose leaves are all cancelled. The facts' own deadlines,
/// starts and cancelled marks are moved in and changed where they lie (nothing reads them afterwards):
/// copying them would keep 9 MB more alive through the as-of pass at a million tasks.
struct EffectiveConstraints: Sendable {
  /// Whether the task is cancelled: by its own status, an ancestor's, or (a summary) all its leaves.
  var cancelled: [Bool]
  /// The earliest of its own and its ancestors' deadlines, as a day number; `Int32.max` when none.
  var deadline: [Int32]
  /// The latest of its own and its ancestors' start constraints, as a day number; `Int32.min` when none.
  var startConstraint: [Int32]

  /// The constraints of `facts`' tasks; takes (and empties) `facts.isMarkedCancelled`, `ownDeadline` and
  /// `ownStart`.
  init(taking facts: inout TaskFacts) {
    let n = facts.parent.count
    var cancelled = facts.isMarkedCancelled
    var deadline = facts.ownDeadline
    var startConstraint = facts.ownStart
    (facts.isMarkedCancelled, facts.ownDeadline, facts.ownStart) = ([], [], [])
    // For a summary: how many leaves lie below it (cancelled or not), and how many of them are live.
    var leafCount = [Int32](repeating: 0, count: n)
    let parentOf = facts.parent
    let isDuty = facts.isDuty
    let isLeaf = facts.isLeaf
    let isSummary = facts.isSummary
    cancelled.withUnsafeMutableBufferPointer { cancelled in
      deadline.withUnsafeMutableBufferPointer { deadline in
        startConstraint.withUnsafeMutableBufferPointer { startConstraint in
          for i in 0..<n {
            let parent = Int(parentOf[i])
            guard parent >= 0 else { continue }
            cancelled[i] = cancelled[i] || cancelled[parent]
            // Duties take no dates or constraints from their ancestors, only cancellation.
            if !isDuty[i] {
              deadline[i] = min(deadline[i], deadline[parent])
              startConstraint[i] = max(startConstraint[i], startConstraint[parent])
            }
          }
        }
      }
      // Children come after their parent, so walking backwards finishes every subtree before its root.
      var liveLeaves = [Int32](repeating: 0, count: n)
      leafCount.withUnsafeMutableBufferPointer { leafCount in
        liveLeaves.withUnsafeMutableBufferPointer { liveLeaves in
          for i in stride(from: n - 1, through: 0, by: -1) {
            if isLeaf[i] {
              leafCount[i] = 1
              liveLeaves[i] = cancelled[i] ? 0 : 1
            }
            if isSummary[i], leafCount[i] > 0, liveLeaves[i] == 0 {
              cancelled[i] = true
            }
            let parent = Int(parentOf[i])
            if parent >= 0 {
              leafCount[parent] += leafCount[i]
              liveLeaves[parent] += liveLeaves[i]
            }
          }
        }
      }
    }
    self.cancelled = cancelled
    self.deadline = deadline
    self.startConstraint = startConstraint
  }
}
