/// What the scheduling passes need of each task, in flat arrays read in one pass over the plan, so that
/// the passes never touch (and retain) a `PlanTask` again.
struct TaskFacts: Sendable {
  /// Per task: whether it is a leaf (scheduled in the graph).
  var isLeaf: [Bool]
  /// Per task: whether it has children.
  var isSummary: [Bool]
  /// Per task: whether it is a recurring duty.
  var isDuty: [Bool]
  /// Per task: the duration in days (0 when not written), in working days when `isWorkingDays`; moved
  /// into `PlannedSchedule.duration` (and emptied) when the passes run.
  var duration: [Int32]
  /// Per task: whether its duration counts working days of the plan's calendar (`wd`).
  var isWorkingDays: [Bool]
  /// Per task: the `done` date as a day number, `TaskFacts.none` when absent.
  var done: [Int32]
  /// Per task: whether its written status is `active`, `blocked`, `done` or `cancelled`.
  var isActive: [Bool]
  var isBlocked: [Bool]
  var isMarkedDone: [Bool]
  var isMarkedCancelled: [Bool]
  /// Per task: its own `deadline` and `start` as day numbers, `Int32.max` and `Int32.min` when absent;
  /// these and `isMarkedCancelled` are moved into `EffectiveConstraints` (and emptied).
  var ownDeadline: [Int32]
  var ownStart: [Int32]
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
    var isLeaf = [Bool](repeating: false, count: n)
    var isSummary = isLeaf
    var isDuty = isLeaf
    var duration = [Int32](repeating: 0, count: n)
    var isWorkingDays = isLeaf
    var done = [Int32](repeating: Self.none, count: n)
    var isActive = isLeaf
    var isBlocked = isLeaf
    var isMarkedDone = isLeaf
    var isMarkedCancelled = isLeaf
    var ownDeadline = [Int32](repeating: .max, count: n)
    var ownStart = [Int32](repeating: .min, count: n)
    var progress = [Int8](repeating: 0, count: n)
    var hasTarget = isLeaf
    var parent = [Int32](repeating: -1, count: n)
    // One pass over the tasks, each array written through its buffer: a plain subscript assignment per
    // array checks the array's uniqueness every time.
    isLeaf.withUnsafeMutableBufferPointer { isLeaf in
      isSummary.withUnsafeMutableBufferPointer { isSummary in
        isDuty.withUnsafeMutableBufferPointer { isDuty in
          duration.withUnsafeMutableBufferPointer { duration in
            isWorkingDays.withUnsafeMutableBufferPointer { isWorkingDays in
              done.withUnsafeMutableBufferPointer { done in
                ownDeadline.withUnsafeMutableBufferPointer { ownDeadline in
                  ownStart.withUnsafeMutableBufferPointer { ownStart in
                    parent.withUnsafeMutableBufferPointer { parent in
                      for i in 0..<n {
                        parent[i] = Int32(tasks[i].parent ?? -1)
                        let summary = tasks[i].isSummary
                        let duty = tasks[i].recurrence != nil
                        isSummary[i] = summary
                        isDuty[i] = duty
                        isLeaf[i] = !summary && !duty
                        if let written = tasks[i].duration {
                          duration[i] = Int32(clamping: written.days)
                          isWorkingDays[i] = written.isWorkingDays
                        }
                        if let day = tasks[i].doneDate { done[i] = Int32(clamping: day.ordinal) }
                        if let day = tasks[i].deadline { ownDeadline[i] = Int32(clamping: day.ordinal) }
                        if let day = tasks[i].start { ownStart[i] = Int32(clamping: day.ordinal) }
                        let status = tasks[i].status
                        isActive[i] = status == .active
                        isBlocked[i] = status == .blocked
                        isMarkedDone[i] = status == .done
                        isMarkedCancelled[i] = status == .cancelled
                        progress[i] = Int8(clamping: tasks[i].progress ?? 0)
                        hasTarget[i] = tasks[i].target != nil
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    self.isLeaf = isLeaf
    self.isSummary = isSummary
    self.isDuty = isDuty
    self.duration = duration
    self.isWorkingDays = isWorkingDays
    self.done = done
    self.isActive = isActive
    self.isBlocked = isBlocked
    self.isMarkedDone = isMarkedDone
    self.isMarkedCancelled = isMarkedCancelled
    self.ownDeadline = ownDeadline
    self.ownStart = ownStart
    self.progress = progress
    self.hasTarget = hasTarget
    self.parent = parent
  }
}
