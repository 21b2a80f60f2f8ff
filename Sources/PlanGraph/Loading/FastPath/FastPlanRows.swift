/// What the fast reader of a plan file collects: each task's `PlanTask`, written once, with a compact
/// row of what resolving it needs (the id and owner as byte ranges of the file, `after` entries as a
/// range of one flat array, the keys written). A source (the JSON scanner) fills it; `FastPlanAssembler` turns it into a `Plan`.
struct FastPlanRows {
  /// What resolving a task needs that its `PlanTask` does not keep: 40 bytes, appended once.
  struct Task {
    /// The parent row, -1 at the top of the file.
    var parent: Int32
    /// The id's bytes: `bytes[idStart ..< idStart + idLength]` (never escaped), where `bytes` is the
    /// text the source copied them to (`idText`, or the YAML scanner's arena).
    var idStart: Int32 = 0
    var idLength: Int32 = 0
    /// The owner as written (-1: none).
    var ownerStart: Int32 = -1
    var ownerLength: Int32 = 0
    /// The task's `after` entries: `references[afterStart ..< afterStart + afterCount]`.
    var afterStart: Int32 = 0
    var afterCount: Int32 = 0
    var childCount: Int32 = 0
    /// The keys written, one bit per `TaskKey` (by declaration order).
    var keys: UInt32 = 0
    /// Index in `Recurrence.allCases`, -1 for none.
    var every: Int8 = -1
    /// Index in `TaskStatus.allCases`, -1 when not written.
    var status: Int8 = -1
    /// Whether `done` was written as a list.
    var doneIsList = false

    func has(_ key: TaskKey) -> Bool { keys & FastPlanRows.bit(key) != 0 }
  }

  /// An `after` entry: the name's bytes and where it stands.
  struct Reference {
    var start: Int32
    var length: Int32
    var position: SourcePosition
  }

  /// An owner or unit as read.
  struct OwnerRow {
    var parent: Int32
    var id: String = ""
    var name: String?
    var position: SourcePosition
    var hasID = false
  }

  var tasks: [Task] = []
  /// The plan's tasks, parallel to `tasks`, filled in as their keys are read (full ids, owners and
  /// `after` come when the whole file is read).
  var planTasks: [PlanTask] = []
  var references: [Reference] = []
  /// The JSON scanner's copies of the ids, owners and `after` names (never escaped), back to back: the
  /// text its rows' ranges point into, so that the file is not needed once it is read.
  var idText: [UInt8] = []
  /// The tasks' names, back to back (decoded UTF-8); a task's is set with `PlanTask.setName`.
  var text: [UInt8] = []
  var owners: [OwnerRow] = []
  var title: String?
  var planStart: Day?
  /// The file's `owner:` as written, with where.
  var fileOwner: (start: Int32, length: Int32)?

  /// Starts a task under `parent` (-1 at the top), its mapping at `position`: its row and its
  /// `PlanTask`, and its place among the parent's children. Returns the new row.
  @inline(__always)
  mutating func openTask(parent: Int32, position: SourcePosition) -> Int32 {
    let row = Int32(tasks.count)
    if parent >= 0 {
      tasks[Int(parent)].childCount += 1
      planTasks[Int(parent)].children.append(Int(row))
    }
    tasks.append(Task(parent: parent, afterStart: Int32(references.count)))
    planTasks.append(PlanTask(parent: parent, position: position))
    return row
  }

  /// The bit of `key` in `Task.keys`.
  @inline(__always)
  static func bit(_ key: TaskKey) -> UInt32 {
    1 << UInt32(key.index)
  }

  /// Checks a task whose mapping ended against the format's rules and puts what depended on its kind
  /// in place: a duty's `done` is the days it was held, a leaf's `done` makes it done. False to decline.
  mutating func finishTask(_ row: Int) -> Bool {
    Self.finish(tasks[row], &planTasks[row])
  }

  /// `finishTask` for a task whose row and `PlanTask` are not stored yet.
  @inline(__always)
  static func finish(_ task: Task, _ planTask: inout PlanTask) -> Bool {
    guard FastTaskRules.accepts(task) else { return false }
    if task.every >= 0 {
      if let day = planTask.doneDate {
        planTask.doneDate = nil
        planTask.heldDates = [day]
      }
    } else if task.status < 0 && task.has(.done) {
      planTask.status = .done
    }
    return true
  }
}
