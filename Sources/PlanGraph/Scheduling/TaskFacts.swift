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

  /// Moves `array` out, leaving it empty.
  private static func take<Element>(_ array: inout [Element]) -> [Element] {
    var taken: [Element] = []
    swap(&taken, &array)
    return taken
  }

  /// The absent value of `done`.
  static let none = Int32.min

  /// The facts of `tasks`.
  init(tasks: [PlanTask]) {
    self.init(count: tasks.count)
    read(tasks)
  }

  /// Facts for `count` tasks, not read yet: the arrays, allocated by the caller's thread before another
  /// fills them (`read`), so that they lie in the caller's heap.
  init(count n: Int) {
    // Each its own allocation (a copy of another would be copied on its first write, by the writer).
    isLeaf = [Bool](repeating: false, count: n)
    isSummary = [Bool](repeating: false, count: n)
    isDuty = [Bool](repeating: false, count: n)
    duration = [Int32](repeating: 0, count: n)
    isWorkingDays = [Bool](repeating: false, count: n)
    done = [Int32](repeating: Self.none, count: n)
    isActive = [Bool](repeating: false, count: n)
    isBlocked = [Bool](repeating: false, count: n)
    isMarkedDone = [Bool](repeating: false, count: n)
    isMarkedCancelled = [Bool](repeating: false, count: n)
    ownDeadline = [Int32](repeating: .max, count: n)
    ownStart = [Int32](repeating: .min, count: n)
    progress = [Int8](repeating: 0, count: n)
    hasTarget = [Bool](repeating: false, count: n)
    parent = [Int32](repeating: -1, count: n)
  }

  /// Fills the facts (made for as many tasks) from `tasks`, every field of every task, allocating nothing
  /// when the arrays are held only here.
  mutating func read(_ tasks: [PlanTask]) {
    let n = tasks.count
    precondition(parent.count == n, "facts for as many tasks")
    // Each array moved out while it is written, so that it stays the only reference and is written in place.
    var isLeaf = Self.take(&self.isLeaf)
    var isSummary = Self.take(&self.isSummary)
    var isDuty = Self.take(&self.isDuty)
    var duration = Self.take(&self.duration)
    var isWorkingDays = Self.take(&self.isWorkingDays)
    var done = Self.take(&self.done)
    var isActive = Self.take(&self.isActive)
    var isBlocked = Self.take(&self.isBlocked)
    var isMarkedDone = Self.take(&self.isMarkedDone)
    var isMarkedCancelled = Self.take(&self.isMarkedCancelled)
    var ownDeadline = Self.take(&self.ownDeadline)
    var ownStart = Self.take(&self.ownStart)
    var progress = Self.take(&self.progress)
    var hasTarget = Self.take(&self.hasTarget)
    var parent = Self.take(&self.parent)
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
                        // Every field written, absent or not: `read` depends on nothing already there.
                        let written = tasks[i].duration
                        duration[i] = written.map { Int32(clamping: $0.days) } ?? 0
                        isWorkingDays[i] = written?.isWorkingDays ?? false
                        done[i] = tasks[i].doneDate.map { Int32(clamping: $0.ordinal) } ?? Self.none
                        ownDeadline[i] = tasks[i].deadline.map { Int32(clamping: $0.ordinal) } ?? .max
                        ownStart[i] = tasks[i].start.map { Int32(clamping: $0.ordinal) } ?? .min
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
