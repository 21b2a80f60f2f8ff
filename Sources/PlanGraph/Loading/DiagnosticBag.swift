/// Collects diagnostics, capped so that a garbage file cannot fill memory with complaints.
struct DiagnosticBag {
  /// How many diagnostics are kept; past this one `too-many-problems` closes the list.
  static let limit = PlanLimits.maximumDiagnostics

  private(set) var items: [Diagnostic] = []
  private(set) var dropped = 0
  private(set) var droppedErrors = 0
  /// How many of `items` are warnings: those an error may take the place of once the list is full.
  private var keptWarnings = 0

  /// Whether any error (not warning) was reported.
  private(set) var hasErrors = false

  mutating func error(_ code: DiagnosticCode, _ message: String, at location: FileLocation, hint: String? = nil) {
    add(Diagnostic(.error, code, message, at: location, hint: hint))
  }

  mutating func warning(_ code: DiagnosticCode, _ message: String, at location: FileLocation, hint: String? = nil) {
    add(Diagnostic(.warning, code, message, at: location, hint: hint))
  }

  mutating func error(_ code: DiagnosticCode, _ message: Phrase, at location: FileLocation, hint: Phrase?) {
    add(Diagnostic(.error, code, message, at: location, hint: hint))
  }

  /// An error whose hint proposes `suggestions`, replacements for the text at `location`.
  mutating func error(
    _ code: DiagnosticCode, _ message: Phrase, at location: FileLocation, hint: Phrase?, suggestions: [String]
  ) {
    var diagnostic = Diagnostic(.error, code, message, at: location, hint: hint)
    diagnostic.suggestions = suggestions
    add(diagnostic)
  }

  mutating func warning(_ code: DiagnosticCode, _ message: Phrase, at location: FileLocation, hint: Phrase?) {
    add(Diagnostic(.warning, code, message, at: location, hint: hint))
  }

  /// Keeps `diagnostic` while there is room. A full list still takes an error, in place of its latest
  /// warning (counted as left out instead): a check that fails must show why, not 1,000 warnings.
  mutating func add(_ diagnostic: Diagnostic) {
    if diagnostic.severity == .error { hasErrors = true }
    if items.count >= DiagnosticBag.limit, diagnostic.severity == .error, keptWarnings > 0,
      let warning = items.lastIndex(where: { $0.severity == .warning })
    {
      items.remove(at: warning)
      keptWarnings -= 1
      dropped += 1
    }
    if items.count < DiagnosticBag.limit {
      if diagnostic.severity == .warning { keptWarnings += 1 }
      var diagnostic = diagnostic
      // A "did you mean" written as text only still gives its names to tools and editors.
      if diagnostic.suggestions.isEmpty, let hint = diagnostic.hint, hint.hasPrefix("did you mean ") {
        diagnostic.suggestions = NearestNames.names(inHint: hint)
      }
      items.append(diagnostic)
    } else {
      dropped += 1
      if diagnostic.severity == .error { droppedErrors += 1 }
    }
  }

  /// Takes in another bag's diagnostics, and the count of those it had to drop.
  /// Drops the warnings of one kind: those a file's syntax error makes unreliable.
  mutating func removeWarnings(_ code: DiagnosticCode) {
    items.removeAll { $0.severity == .warning && $0.code == code }
    keptWarnings = items.count { $0.severity == .warning }
  }

  mutating func merge(_ other: DiagnosticBag) {
    for diagnostic in other.items { add(diagnostic) }
    dropped += other.dropped
    droppedErrors += other.droppedErrors
    if other.hasErrors { hasErrors = true }
  }

  /// Counts problems left out elsewhere, as if this bag had dropped them.
  mutating func countOmitted(_ omitted: OmittedProblems) {
    dropped += omitted.errors + omitted.warnings
    droppedErrors += omitted.errors
    if omitted.errors > 0 { hasErrors = true }
  }

  /// The diagnostics sorted by file order, line and column, with a closing note if some were dropped.
  func sorted(fileOrder: [String]) -> [Diagnostic] {
    var rank: [String: Int] = [:]
    for (i, file) in fileOrder.enumerated() where rank[file] == nil { rank[file] = i }
    var result = items.enumerated().sorted { a, b in
      let (l, r) = (a.element.location, b.element.location)
      let (lf, rf) = (rank[l.file] ?? Int.max, rank[r.file] ?? Int.max)
      if lf != rf { return lf < rf }
      if l.file != r.file { return l.file < r.file }
      if l.line != r.line { return l.line < r.line }
      if l.column != r.column { return l.column < r.column }
      return a.offset < b.offset
    }.map(\.element)
    if dropped > 0 {
      // The note is about the whole check, not about any one file: it has no file of its own.
      var note = Diagnostic(
        droppedErrors > 0 ? .error : .warning, .tooManyProblems,
        Phrase("\(dropped) more problems not shown", "另有 \(dropped) 个问题未列出"),
        at: FileLocation(file: "", line: 0, column: 0),
        hint: Phrase("fix the problems above and run again", "先改正以上问题，再运行一次"))
      note.omitted = OmittedProblems(errors: droppedErrors, warnings: dropped - droppedErrors)
      result.append(note)
    }
    return result
  }
}

extension DiagnosticBag {
  /// Takes in an already sorted list: its diagnostics, and the problems its closing note stands for.
  mutating func add(contentsOf diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
      if diagnostic.code == .tooManyProblems {
        countOmitted(diagnostic.omitted)
      } else {
        add(diagnostic)
      }
    }
  }
}
