/// An owner as read from one file.
struct OwnerDraft {
  var id: Scalar?
  var name: String?
  /// Index of the enclosing owner among the file's drafts.
  var parent: Int?
  var position: SourcePosition
}

/// What one plan file says about itself; its tasks go straight into the `PlanBuilder`.
struct ParsedFile {
  var title: Scalar?
  var start: Scalar?
  /// `start` parsed, set with it and only once: the plan start in the root file, or why it is not one.
  var startDate: Result<DateExpression, DateParseError>?
  /// `calendar:` as read (root file only); nil when absent or wrong.
  var calendar: WorkCalendar?
  /// Where `calendar:` is written, for the warnings about it.
  var calendarPosition: SourcePosition?
  var namespace: Scalar?
  var owner: Scalar?
  var includes: [Scalar] = []
  var owners: [OwnerDraft] = []
  /// The file's tasks in the builder.
  var tasks: Range<Int> = 0..<0
  /// The file's root mapping, for "missing key" diagnostics.
  var position: SourcePosition
  /// Whether reading stopped at a syntax error: missing keys are then not worth reporting.
  var stoppedBySyntaxError = false
  /// Whether the file is empty or not a mapping, already reported: its keys are not worth listing.
  var hasNoMapping = false
  /// Positions of file-level keys that only the root file may have.
  var rootOnlyKeys: [(key: String, position: SourcePosition)] = []
  /// The `warnings:` rules, when written and readable.
  var warnings: WarningRules?
}
