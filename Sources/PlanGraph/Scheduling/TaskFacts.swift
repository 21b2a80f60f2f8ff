/// What the scheduling passes need of each task, in flat arrays read in one pass over the plan, so that
/// the passes never touch (and retain) a `PlanTask` again.
struct TaskFacts: Sendable {
  /// Per task: whether it is a leaf (scheduled in the graph).
  var isLeaf: [Bool]
  /// Per task: whether it has children.
  var isSummary: [Bool]
  /// Per task: the duration in days (0 when not written), in working days when `isWorkingDays`.
  var duration: [Int32]
  /// Per task: whether its duration counts working days of the plan's calendar (`wd`).
  var isWorkingDays: [Bool]
  /// Per task: the `done` date as a day number, `TaskFacts.none` when absent.
  var done: [Int32]
  /// Per task: whether its written status is `active`, `blocked` or `done`.
  var isActive: [Bool]
  var isBlocked: [Bool]
  var isMarkedDone: [Bool]
  /// Per task: progress percent, 0 when absent.
  var progress: [Int8]
  /// Per task: whether it has a target (its facts then need its measurements).
  var hasTarget: [Bool]
  /// Per task: the parent's index, -1 at the top.
  var parent: [Int32]

  /// The absent value of `done`.
  static let none = Int32.min

  init(tasks: [PlanTask]) {
    let n = tasks.count
    isLeaf = [Bool](repeating: false, count: n)
    isSummary = [Bool](repeating: false, count: n)
    duration = [Int32](repeating: 0, count: n)
    isWorkingDays = [Bool](repeating: false, count: n)
    done = [Int32](repeating: Self.none, count: n)
    isActive = [Bool](repeating: false, count: n)
    isBlocked = [Bool](repeating: false, count: n)
    isMarkedDone = [Bool](repeating: false, count: n)
    progress = [Int8](repeating: 0, count: n)
    hasTarget = [Bool](repeating: false, count: n)
    parent = [Int32](repeating: -1, count: n)
    for i in 0..<n {
      parent[i] = Int32(tasks[i].parent ?? -1)
      isLeaf[i] = tasks[i].isLeaf
      isSummary[i] = tasks[i].isSummary
      duration[i] = Int32(clamping: tasks[i].duration?.days ?? 0)
      isWorkingDays[i] = tasks[i].duration?.isWorkingDays ?? false
      if let day = tasks[i].doneDate { done[i] = Int32(clamping: day.ordinal) }
      let status = tasks[i].status
      isActive[i] = status == .active
      isBlocked[i] = status == .blocked
      isMarkedDone[i] = status == .done
      progress[i] = Int8(clamping: tasks[i].progress ?? 0)
      hasTarget[i] = tasks[i].target != nil
    }
  }
}
