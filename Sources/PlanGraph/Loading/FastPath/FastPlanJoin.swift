import Dispatch

/// What `FastYAMLScanner` read of one part of a YAML plan text: its rows, the arena their ids, owners
/// and `after` entries point into, and how its events ended.
struct FastYAMLPart {
  var rows: FastPlanRows
  var arena: [UInt8]
  var ending: FastYAMLScanner.Ending
}

extension FastYAMLPart {
  /// Appends `second`, the root `tasks` items read from the cut on, `lines` lines further down the file
  /// (`FastPlanRows.append`). False (decline) when an offset would not fit in 32 bits.
  mutating func append(_ second: inout FastYAMLPart, lines: Int32) -> Bool {
    rows.append(&second.rows, arena: &arena, secondArena: &second.arena, lines: lines)
  }
}

extension FastPlanRows {
  /// Appends `second`, the root `tasks` items of a plan text read from a cut on (by a second thread),
  /// `lines` lines further down the file: its rows, parents, children, `after` ranges, name and arena
  /// offsets and positions moved past these rows'. `arena` is the text these rows' ids, owners and
  /// `after` names point into, `secondArena` the second part's (the YAML scanner's arena, the JSON
  /// scanner's `idText`). The `PlanTask`s are joined on one thread and the rest on another (copying
  /// them is most of a join's time); the second part's plain arrays are let go as soon as they are
  /// appended, so that little is held twice at a time; its `planTasks` stay (moved, in `second`:
  /// freeing them is a release per task, which the caller may leave to another thread) unless
  /// `freeing`, when they are freed by the thread that appended them, before this returns. False
  /// (decline) when an offset would not fit in 32 bits.
  mutating func append(
    _ second: inout FastPlanRows, arena: inout [UInt8], secondArena: inout [UInt8], lines: Int32,
    freeing: Bool = false
  ) -> Bool {
    guard tasks.count + second.tasks.count < Int(Int32.max),
      references.count + second.references.count < Int(Int32.max),
      arena.count + secondArena.count < Int(Int32.max), text.count + second.text.count < Int(Int32.max)
    else { return false }
    let taskBase = Int32(tasks.count)
    let referenceBase = Int32(references.count)
    let arenaBase = Int32(arena.count)
    let textBase = Int32(text.count)
    // Two jobs at once, on arrays moved out into a box of their own: the tasks (copied one by one)
    // and everything else. Each job writes only its own properties of the box, read after
    // `concurrentPerform` returns, which orders the writes before the reads.
    let box = JoinBox(
      planTasks: planTasks, secondPlanTasks: second.planTasks, tasks: tasks, secondTasks: second.tasks,
      references: references, secondReferences: second.references, text: text, secondText: second.text,
      arena: arena, secondArena: secondArena)
    (planTasks, second.planTasks, tasks, second.tasks) = ([], [], [], [])
    (references, second.references, text, second.text, arena, secondArena) = ([], [], [], [], [], [])
    DispatchQueue.concurrentPerform(iterations: 2) { job in
      if job == 0 {
        box.joinPlanTasks(tasks: Int(taskBase), lines: lines, text: textBase)
        if freeing { box.secondPlanTasks = [] }
      } else {
        box.joinRest(tasks: taskBase, references: referenceBase, arena: arenaBase, lines: lines)
      }
    }
    (planTasks, second.planTasks, tasks, references, text, arena) = (
      box.planTasks, box.secondPlanTasks, box.tasks, box.references, box.text, box.arena
    )
    return true
  }
}

/// The arrays `FastPlanRows.append` joins on two threads (see there).
private final class JoinBox: @unchecked Sendable {
  var planTasks: [PlanTask]
  var secondPlanTasks: [PlanTask]
  var tasks: [FastPlanRows.Task]
  var secondTasks: [FastPlanRows.Task]
  var references: [FastPlanRows.Reference]
  var secondReferences: [FastPlanRows.Reference]
  var text: [UInt8]
  var secondText: [UInt8]
  var arena: [UInt8]
  var secondArena: [UInt8]

  init(
    planTasks: [PlanTask], secondPlanTasks: [PlanTask], tasks: [FastPlanRows.Task], secondTasks: [FastPlanRows.Task],
    references: [FastPlanRows.Reference], secondReferences: [FastPlanRows.Reference], text: [UInt8],
    secondText: [UInt8], arena: [UInt8], secondArena: [UInt8]
  ) {
    self.planTasks = planTasks
    self.secondPlanTasks = secondPlanTasks
    self.tasks = tasks
    self.secondTasks = secondTasks
    self.references = references
    self.secondReferences = secondReferences
    self.text = text
    self.secondText = secondText
    self.arena = arena
    self.secondArena = secondArena
  }

  /// Moves the second part's tasks after the first's and appends them (the second part's array is
  /// kept: freeing it is the caller's).
  func joinPlanTasks(tasks base: Int, lines: Int32, text: Int32) {
    secondPlanTasks.withUnsafeMutableBufferPointer { tasks in
      for i in tasks.indices {
        tasks[i].moveDown(tasks: base, lines: lines, text: text)
      }
    }
    planTasks.append(contentsOf: secondPlanTasks)
  }

  /// Moves the second part's rows and `after` entries and appends them, its names and its arena; the
  /// second part's arrays are let go as soon as they are appended.
  func joinRest(tasks taskBase: Int32, references referenceBase: Int32, arena arenaBase: Int32, lines: Int32) {
    secondTasks.withUnsafeMutableBufferPointer { tasks in
      for i in tasks.indices {
        if tasks[i].parent >= 0 { tasks[i].parent += taskBase }
        tasks[i].idStart += arenaBase
        if tasks[i].ownerStart >= 0 { tasks[i].ownerStart += arenaBase }
        tasks[i].afterStart += referenceBase
      }
    }
    tasks.append(contentsOf: secondTasks)
    secondTasks = []
    secondReferences.withUnsafeMutableBufferPointer { references in
      for i in references.indices {
        references[i].start += arenaBase
        references[i].position.line += lines
      }
    }
    references.append(contentsOf: secondReferences)
    secondReferences = []
    text.append(contentsOf: secondText)
    secondText = []
    arena.append(contentsOf: secondArena)
    secondArena = []
  }
}

extension PlanTask {
  /// Moves a task read from the second part of a split file after the first part's: its parent and
  /// children `tasks` rows later, its positions `lines` lines down, its name `text` bytes later.
  fileprivate mutating func moveDown(tasks: Int, lines: Int32, text: Int32) {
    if let parent { self.parent = parent + tasks }
    if !children.isEmpty {
      children.withUnsafeMutableBufferPointer { children in
        for k in children.indices { children[k] += tasks }
      }
    }
    places.id.line += lines
    if var deadline = places.deadline {
      deadline.line += lines
      places.deadline = deadline
    }
    if var done = places.done {
      done.line += lines
      places.done = done
    }
    slices.nameStart += text
  }
}
