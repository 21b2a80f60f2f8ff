/// What `FastYAMLScanner` read of one part of a YAML plan text: its rows, the arena their ids, owners
/// and `after` entries point into, and how its events ended.
struct FastYAMLPart {
  var rows: FastPlanRows
  var arena: [UInt8]
  var ending: FastYAMLScanner.Ending
}

extension FastYAMLPart {
  /// Appends `second`, the root `tasks` items read from the cut on, `lines` lines further down the file:
  /// its rows, parents, children, `after` ranges, name and arena offsets and positions moved past this
  /// part's (changed in `second` as well). False (decline) when an offset would not fit in 32 bits.
  mutating func append(_ second: inout FastYAMLPart, lines: Int32) -> Bool {
    guard rows.tasks.count + second.rows.tasks.count < Int(Int32.max),
      rows.references.count + second.rows.references.count < Int(Int32.max),
      arena.count + second.arena.count < Int(Int32.max), rows.text.count + second.rows.text.count < Int(Int32.max)
    else { return false }
    let taskBase = Int32(rows.tasks.count)
    let referenceBase = Int32(rows.references.count)
    let arenaBase = Int32(arena.count)
    let textBase = Int32(rows.text.count)
    second.rows.tasks.withUnsafeMutableBufferPointer { tasks in
      for i in tasks.indices {
        if tasks[i].parent >= 0 { tasks[i].parent += taskBase }
        tasks[i].idStart += arenaBase
        if tasks[i].ownerStart >= 0 { tasks[i].ownerStart += arenaBase }
        tasks[i].afterStart += referenceBase
      }
    }
    second.rows.references.withUnsafeMutableBufferPointer { references in
      for i in references.indices {
        references[i].start += arenaBase
        references[i].position.line += lines
      }
    }
    let childBase = Int(taskBase)
    second.rows.planTasks.withUnsafeMutableBufferPointer { tasks in
      for i in tasks.indices {
        tasks[i].moveDown(tasks: childBase, lines: lines, text: textBase)
      }
    }
    rows.tasks.append(contentsOf: second.rows.tasks)
    rows.references.append(contentsOf: second.rows.references)
    rows.planTasks.append(contentsOf: second.rows.planTasks)
    rows.text.append(contentsOf: second.rows.text)
    arena.append(contentsOf: second.arena)
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
