/// A problem found in a plan: where, how bad, a stable code for tools, and words for people.
///
/// The library only collects these; the command line decides how to print them and the exit status.
public struct Diagnostic: Hashable, Sendable {
  /// Whether the problem makes the plan invalid.
  public enum Severity: String, Hashable, Sendable {
    /// The plan cannot be used.
    case error
    /// The plan can be used, but probably says something unintended (an error under `--strict`).
    case warning
  }

  /// How bad the problem is.
  public var severity: Severity
  /// A stable identifier of the kind of problem, for tools, tests and fixtures.
  public var code: DiagnosticCode
  /// What is wrong, in one line, in English (`text(in:)` gives it in another language).
  public var message: String
  /// How to fix it, or what was probably meant, in English; nil when nothing helps.
  public var hint: String?
  /// The message in Chinese; nil where none was written yet, and the English is shown.
  public var chineseMessage: String?
  /// The hint in Chinese; nil where none was written yet, and the English is shown.
  public var chineseHint: String?
  /// Where it is; line 0 when the problem concerns a whole file.
  public var location: FileLocation
  /// For the closing `too-many-problems` note: the errors and warnings left out that it stands for.
  public var omitted = OmittedProblems()
  /// What a "did you mean" hint proposes, each a complete replacement for the text at `location`, closest
  /// first: an editor's quick fix applies one without reading the hint's words, which differ by language.
  public var suggestions: [String] = []

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: FileLocation,
    hint: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.hint = hint
    self.location = location
  }

  /// Creates a diagnostic whose message and hint are said in every language.
  public init(_ severity: Severity, _ code: DiagnosticCode, _ message: Phrase, at location: FileLocation, hint: Phrase?)
  {
    self.init(severity, code, message.english, at: location, hint: hint?.english)
    chineseMessage = message.chinese
    chineseHint = hint?.chinese
  }

  /// The message in `language`; English where no other wording exists.
  public func message(in language: Language) -> String {
    language == .zh ? chineseMessage ?? message : message
  }

  /// The hint in `language`; English where no other wording exists; nil when there is no hint.
  public func hint(in language: Language) -> String? {
    guard let hint else { return nil }
    return language == .zh ? chineseHint ?? hint : hint
  }
}

extension Diagnostic {
  /// The same diagnostic as an error: what `--strict` makes of warnings.
  public var asError: Diagnostic {
    var copy = self
    copy.severity = .error
    copy.omitted = OmittedProblems(errors: omitted.errors + omitted.warnings, warnings: 0)
    return copy
  }

  /// How many errors and warnings `diagnostics` report, counting those a closing note left out.
  public static func counts(_ diagnostics: [Diagnostic]) -> OmittedProblems {
    var total = OmittedProblems()
    for diagnostic in diagnostics {
      if diagnostic.code == .tooManyProblems {
        total.errors += diagnostic.omitted.errors
        total.warnings += diagnostic.omitted.warnings
      } else if diagnostic.severity == .error {
        total.errors += 1
      } else {
        total.warnings += 1
      }
    }
    return total
  }
}

/// A number of errors and of warnings: those a `too-many-problems` note stands for, or a total.
public struct OmittedProblems: Hashable, Sendable {
  /// Errors.
  public var errors = 0
  /// Warnings.
  public var warnings = 0

  /// Creates a count.
  public init(errors: Int = 0, warnings: Int = 0) {
    self.errors = errors
    self.warnings = warnings
  }
}

/// Every kind of problem the loader and checker report; the raw value is the code printed for tools.
public enum DiagnosticCode: String, CaseIterable, Hashable, Sendable {
  /// A file that cannot be read: missing, a directory, a FIFO, too large.
  case unreadableFile = "unreadable-file"
  /// YAML or JSON that does not parse, or is not UTF-8.
  case syntax = "syntax"
  /// A YAML alias whose expansion exceeds the fixed budget.
  case aliasLimit = "alias-limit"
  /// A key the format does not know.
  case unknownKey = "unknown-key"
  /// A key given twice in one mapping.
  case duplicateKey = "duplicate-key"
  /// A key that is valid elsewhere but not here (`plan:` in an included file, `from:` on a non-duty).
  case misplacedKey = "misplaced-key"
  /// A required key is missing.
  case missingKey = "missing-key"
  /// A value of the wrong shape or an unknown word (`status: finished`).
  case invalidValue = "invalid-value"
  /// An id with characters other than letters, digits, `_` and `-`.
  case invalidID = "invalid-id"
  /// Two siblings, two tasks' full ids or two files' namespaces that clash.
  case duplicateID = "duplicate-id"
  /// Two files with the same namespace.
  case duplicateNamespace = "duplicate-namespace"
  /// An owner id declared twice.
  case duplicateOwner = "duplicate-owner"
  /// An `after` name that matches no task.
  case unknownReference = "unknown-reference"
  /// Dependencies that go round in a circle.
  case dependencyCycle = "dependency-cycle"
  /// An `owner` that is not declared.
  case unknownOwner = "unknown-owner"
  /// A date in none of the accepted forms, or one that does not exist.
  case invalidDate = "invalid-date"
  /// A date whose year lies outside 1900–2200.
  case dateOutOfRange = "date-out-of-range"
  /// A duration in none of the accepted forms, or too long.
  case invalidDuration = "invalid-duration"
  /// A duration without a unit.
  case bareNumberDuration = "bare-number-duration"
  /// `progress` outside 0–100%.
  case invalidProgress = "invalid-progress"
  /// A summary task with a duration, `done`, a target, or a status other than `cancelled`.
  case invalidSummary = "invalid-summary"
  /// `done` beside a status other than `done`.
  case doneConflict = "done-conflict"
  /// A recurring duty with a duration, dependencies, children, a target, measurements or progress.
  case invalidDuty = "invalid-duty"
  /// `done` or `status: done` on a task with a target.
  case doneWithTarget = "done-with-target"
  /// An `include` that names no file.
  case includeMissing = "include-missing"
  /// An `include` that leaves the root file's folder.
  case includeOutsideRoot = "include-outside-root"
  /// A file included twice, or including itself through others.
  case includeCycle = "include-cycle"
  /// More problems than are worth listing; the rest are not shown.
  case tooManyProblems = "too-many-problems"
  /// A leaf task or duty without an owner (warning).
  case noOwner = "no-owner"
  /// A deadline earlier than the task's earliest possible finish (warning).
  case deadlineBeforeFinish = "deadline-before-finish"
  /// A `done` date later than the as-of date (warning).
  case doneAfterAsOf = "done-after-as-of"
  /// A value that has no effect where it is written (warning).
  case ignoredValue = "ignored-value"
  /// An unknown calendar, a malformed calendar day, a day listed as both holiday and workday.
  case invalidCalendar = "invalid-calendar"
  /// A leaf with neither duration nor done nor target: it becomes a milestone (warning).
  case implicitMilestone = "implicit-milestone"
  /// References into an included file that could not be read or parsed, summarised once after its error
  /// instead of reported one by one.
  case uncheckedReferences = "unchecked-references"
  /// A year the `cn` calendar has no data for: Monday to Friday is used (warning).
  case calendarWithoutData = "calendar-without-data"
  /// A duty whose `until` is before its `from`: it has no occurrences (warning).
  case emptyDuty = "empty-duty"
  /// An id that differs from another only by look-alike characters: Cyrillic or Greek letters that look
  /// Latin, fullwidth forms of ASCII (warning).
  case lookalikeID = "lookalike-id"
}
