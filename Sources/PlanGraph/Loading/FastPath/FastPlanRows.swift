/// What the fast reader of a plan file collects, one compact row per task, before anything is resolved:
/// ids, names and owners as byte ranges of the file, dates as day numbers, `after` entries in one flat
/// array. A source (the JSON scanner) fills it; `FastPlanAssembler` turns it into a `Plan`.
struct FastPlanRows {
  /// A task as read: about 90 bytes, appended once.
  struct Task {
    /// The parent row, -1 at the top of the file.
    var parent: Int32
    /// The id's bytes: `bytes[idStart ..< idStart + idLength]` (never escaped).
    var idStart: Int32 = 0
    var idLength: Int32 = 0
    /// The name's bytes; a negative start `-1 - n` means `decodedNames[n]` (a name with escapes).
    var nameStart: Int32 = 0
    var nameLength: Int32 = 0
    /// The owner as written (-1: none).
    var ownerStart: Int32 = -1
    var ownerLength: Int32 = 0
    var durationCount: Int32 = -1
    var durationSpelling = PlanDuration.Spelling.d
    /// Index in `Recurrence.allCases`, -1 for none.
    var every: Int8 = -1
    /// Index in `TaskStatus.allCases`, -1 when not written.
    var status: Int8 = -1
    var progress: Int8 = -1
    /// Whether `done` was written as a list.
    var doneIsList = false
    var start = Int32.min
    var deadline = Int32.min
    var done = Int32.min
    /// The task's `after` entries: `references[afterStart ..< afterStart + afterCount]`.
    var afterStart: Int32 = 0
    var afterCount: Int32 = 0
    var childCount: Int32 = 0
    /// The keys written, one bit per `TaskKey` (by declaration order).
    var keys: UInt32 = 0
    var idPosition: SourcePosition
    /// Where `deadline` and `done` stand: indices in `FastPlanRows.places` (-1: not written), so that
    /// the row stays small when most tasks have neither.
    var deadlinePlace: Int32 = -1
    var donePlace: Int32 = -1

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

  /// The rarely written texts of a task (`note`, `source`, `evidence`) and a duty's held days.
  struct Extras {
    var note: String?
    var source: String?
    var evidence: String?
    var held: [Day] = []
  }

  var tasks: [Task] = []
  var references: [Reference] = []
  var owners: [OwnerRow] = []
  var decodedNames: [String] = []
  /// The places of `deadline` and `done` values, by index from the rows.
  var places: [SourcePosition] = []
  /// Extras by task row; few tasks have any.
  var extras: [Int32: Extras] = [:]
  var title: String?
  var planStart: Day?
  /// The file's `owner:` as written, with where.
  var fileOwner: (start: Int32, length: Int32)?

  /// The bit of `key` in `Task.keys`.
  @inline(__always)
  static func bit(_ key: TaskKey) -> UInt32 {
    1 << UInt32(key.index)
  }
}
