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
  /// offsets and positions moved past these rows' (changed in `second` as well). `arena` is the text
  /// these rows' ids, owners and `after` names point into, `secondArena` the second part's (the YAML
  /// scanner's arena, the JSON scanner's `idText`). The second part's plain arrays are let go as soon
  /// as they are appended, so that at most one of them is held twice at a time; its `planTasks` stay
  /// (freeing them is a release per task: the caller may leave that to another thread). False
  /// (decline) when an offset would not fit in 32 bits.
  mutating func append(
    _ second: inout FastPlanRows, arena: inout [UInt8], secondArena: inout [UInt8], lines: Int32
  ) -> Bool {
    guard tasks.count + second.tasks.count < Int(Int32.max),
      references.count + second.references.count < Int(Int32.max),
      arena.count + secondArena.count < Int(Int32.max), text.count + second.text.count < Int(Int32.max)
    else { return false }
    let taskBase = Int32(tasks.count)
    let referenceBase = Int32(references.count)
    let arenaBase = Int32(arena.count)
    let textBase = Int32(text.count)
    second.tasks.withUnsafeMutableBufferPointer { tasks in
      for i in tasks.indices {
        if tasks[i].parent >= 0 { tasks[i].parent += taskBase }
        tasks[i].idStart += arenaBase
        if tasks[i].ownerStart >= 0 { tasks[i].ownerStart += arenaBase }
        tasks[i].afterStart += referenceBase
      }
    }
    tasks.append(contentsOf: second.tasks)
    second.tasks = []
    second.references.withUnsafeMutableBufferPointer { references in
      for i in references.indices {
        references[i].start += arenaBase
        references[i].position.line += lines
      }
    }
    references.append(contentsOf: second.references)
    second.references = []
    text.append(contentsOf: second.text)
    second.text = []
    arena.append(contentsOf: secondArena)
    secondArena = []
    let childBase = Int(taskBase)
    second.planTasks.withUnsafeMutableBufferPointer { tasks in
      for i in tasks.indices {
        tasks[i].moveDown(tasks: childBase, lines: lines, text: textBase)
      }
    }
    planTasks.append(contentsOf: second.planTasks)
    return true
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
