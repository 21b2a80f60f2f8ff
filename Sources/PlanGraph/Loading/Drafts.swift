/// An owner as read from one file.
struct OwnerDraft {
  var id: Scalar?
  var name: String?
  /// Index of the enclosing owner among the file's drafts.
  var parent: Int?
  var position: SourcePosition
  /// Where each of its keys and values is written.
  var places = KeyPlaces<OwnerKey>()
}

/// What one plan file says about itself; its tasks go straight into the `PlanBuilder`.
struct ParsedFile {
  var title: Scalar?
  var start: Scalar?
  /// `start` parsed, set with it and only once: the plan start in the root file, or why it is not one.
  var startDate: Result<DateExpression, DateParseError>?
  /// `calendar:` as read (root file only); nil when absent or wrong.
  var calendar: WorkCalendar?
  var namespace: Scalar?
  var owner: Scalar?
  var includes: [Scalar] = []
  var owners: [OwnerDraft] = []
  /// The file's tasks in the builder.
  var tasks: Range<Int> = 0..<0
  /// The file's root mapping, for "missing key" diagnostics.
  var position: SourcePosition
  /// Where each file-level key and its value is written.
  var places = KeyPlaces<FileKey>()
  /// Whether reading stopped at a syntax error: missing keys are then not worth reporting.
  var stoppedBySyntaxError = false
  /// Whether the file is empty or not a mapping, already reported: its keys are not worth listing.
  var hasNoMapping = false
  /// The `warnings:` rules, when written and readable.
  var warnings: WarningRules?

  /// Where `calendar:` is written, for the warnings about it.
  var calendarPosition: SourcePosition? { places.key(.calendar) }

  /// The keys written here that only the root file may have, with their places.
  var rootOnlyKeys: [(key: String, position: SourcePosition)] {
    FileKey.allCases.compactMap { key in key.isRootOnly ? places.key(key).map { (key.rawValue, $0) } : nil }
  }
}

/// A task being read: where each of its keys and values is written, and what only the rules need of it.
/// The values themselves go straight into the task in the `PlanBuilder`; `FormatRules` reads both once the
/// task's mapping ends.
struct TaskDraft {
  /// The task's index in the builder.
  var index = 0
  /// Where each key and value is written; a key with a place was written (even if its value was refused).
  var places = KeyPlaces<TaskKey>()
  /// `done` as written, until the end of the task tells whether it is a duty's list.
  var done: DoneValue?
  /// The status written, when it names one.
  var status: TaskStatus?
  /// Measured values written with a `%`, checked against the target's unit.
  var percentValues: [Scalar] = []

  /// `done`'s dates as written, and whether they were written as a list.
  struct DoneValue {
    var items: [Scalar]
    var isList: Bool
  }

  /// Starts the draft of task `index`, reusing this draft's memory.
  mutating func reset(for index: Int) {
    self.index = index
    places.reset()
    done = nil
    status = nil
    percentValues.removeAll(keepingCapacity: true)
  }
}
