/// A task as read from one file, before references, owners and relative dates are resolved.
struct TaskDraft {
  var id: Scalar?
  var name: String?
  var ownerRef: Scalar?
  var duration: PlanDuration?
  var durationPosition: SourcePosition?
  var start: DateSlot?
  var deadline: DateSlot?
  var after: [Scalar] = []
  var status: TaskStatus?
  var done: DateSlot?
  /// `done` as written, until the end of the task tells whether it is a duty's list.
  var doneRaw: (items: [Scalar], isList: Bool)?
  var held: [DateSlot] = []
  var progress: Int?
  var evidence: String?
  var target: Target?
  var measurements: [(date: DateSlot, value: DecimalNumber)] = []
  var every: Recurrence?
  var from: DateSlot?
  var until: DateSlot?
  var source: String?
  var note: String?
  var tags: [String] = []
  /// Index of the parent among the file's drafts.
  var parent: Int?
  /// Indices of the children among the file's drafts.
  var children: [Int] = []
  /// Where the task's mapping starts.
  var position: SourcePosition
}

/// An owner as read from one file.
struct OwnerDraft {
  var id: Scalar?
  var name: String?
  /// Index of the enclosing owner among the file's drafts.
  var parent: Int?
  var position: SourcePosition
}

/// Everything read from one plan file.
struct ParsedFile {
  var title: Scalar?
  var start: Scalar?
  var namespace: Scalar?
  var owner: Scalar?
  var includes: [Scalar] = []
  var owners: [OwnerDraft] = []
  var tasks: [TaskDraft] = []
  /// The file's root mapping, for "missing key" diagnostics.
  var position: SourcePosition
  /// Whether reading stopped at a syntax error: missing keys are then not worth reporting.
  var stoppedBySyntaxError = false
  /// Positions of file-level keys that only the root file may have.
  var rootOnlyKeys: [(key: String, position: SourcePosition)] = []
}
