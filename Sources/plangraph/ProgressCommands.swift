import ArgumentParser
import PlanGraph

/// What every progress command takes: the plan, the task and `--dry-run`.
struct ProgressTarget: ParsableArguments {
  @Argument(help: "The root plan file (YAML, or JSON when it ends in .json).")
  var plan: String

  @Argument(help: "The task: its full id, any unique dotted end of it (departments.office), or its exact name.")
  var task: String

  @Flag(name: .customLong("dry-run"), help: "Print the change as a unified diff and write nothing.")
  var dryRun = false

  @OptionGroup var language: LanguageOption
}

/// `--on`: the day something happened, today when omitted (the command line reads the clock, never the library).
struct OnOption: ParsableArguments {
  @Option(name: .customLong("on"), help: ArgumentHelp("The day it happened (default: today).", valueName: "date"))
  var onText: String?

  /// The day given, else today.
  var day: Day {
    get throws {
      guard let onText else { return Terminal.today }
      return try parseDay(onText, option: "--on")
    }
  }
}

/// Loads the plan, works out the change, checks the edited plan loads, then writes the file
/// atomically unless it changed on disk meanwhile. Exit 0 written, 1 refused or not written, 2 the
/// plan does not load.
func recordProgress(_ target: ProgressTarget, _ makeChange: (Plan) throws -> ProgressChange) throws {
  let language = try target.language.language
  let loaded = PlanLoader().load(path: target.plan)
  guard let plan = loaded.plan else {
    printDiagnostics(loaded.diagnostics, sources: loaded.sources, language: language)
    throw ExitCode(2)
  }
  func refuse(_ refusal: ProgressRefusal) -> ExitCode {
    // Refusals quote the plan's ids and the user's text: shown with control characters escaped.
    Output.err(
      "plangraph: " + language.pick("error: ", "error: ") + TerminalText.inline(refusal.message) + "\n"
        + (refusal.hint.map { language.pick("hint: ", "提示：") + TerminalText.inline($0) + "\n" } ?? ""))
    return ExitCode(1)
  }
  let index: Int
  switch ProgressEditor.resolve(target.task, in: plan, language: language) {
  case .success(let found): index = found
  case .failure(let refusal): throw refuse(refusal)
  }
  let change = try makeChange(plan)
  let path = plan.location(plan.tasks[index].locations.id).file
  let original: [UInt8]
  switch DiskFileSystem().read(path) {
  case .success(let bytes): original = bytes
  case .failure(let error):
    throw refuse(
      ProgressRefusal(language.pick("cannot read '\(path)': ", "无法读取“\(path)”：") + error.words.text(language)))
  }
  let edit: PlanFileEdit
  switch ProgressEditor.edit(
    change, task: index, of: plan, fileBytes: original, language: language, planPath: target.plan)
  {
  case .success(let made): edit = made
  case .failure(let refusal): throw refuse(refusal)
  }
  if case .failure(let refusal) = ProgressEditor.verify(edit, rootPath: target.plan, language: language) {
    throw refuse(refusal)
  }
  if target.dryRun {
    Output.out(
      TerminalText.screen(UnifiedDiff.text(old: edit.original, new: edit.edited, path: edit.path), keepingStyles: false)
    )
    return
  }
  switch ProgressEditor.write(edit, fileSystem: DiskFileSystem(), language: language) {
  case .success:
    Output.err(
      language.pick("plangraph: recorded in ", "plangraph: 已记入 ") + TerminalText.inline("\(edit.path) (\(edit.taskID))")
        + "\n")
  case .failure(let refusal):
    throw refuse(refusal)
  }
}

/// `plangraph done`: 销号 — a task finished, with its evidence.
struct DoneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "done", abstract: "Record a task as done (销号): its done date, evidence and who verified it.")
  @OptionGroup var target: ProgressTarget
  @OptionGroup var on: OnOption
  @Option(help: "What proves it done: a document number, a link.") var evidence: String?
  @Option(name: .customLong("verified-by"), help: "Who checked the evidence (销号人).") var verifiedBy: String?

  func run() throws {
    try recordProgress(target) { _ in .done(on: try on.day, evidence: evidence, verifiedBy: verifiedBy) }
  }
}

/// `plangraph progress`: how far a task has got.
struct ProgressCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "progress", abstract: "Record how far a task has got, as a whole percent (60%).")
  @OptionGroup var target: ProgressTarget
  @Argument(help: "A whole percent, 0% to 100% (the % sign may be left out).") var percent: String

  func run() throws {
    let digits = percent.hasSuffix("%") ? String(percent.dropLast()) : percent
    guard let value = Int(digits) else {
      throw usageError("'\(percent)' is not a whole percent such as 60%", "“\(percent)”不是整数百分比，如 60%")
    }
    try recordProgress(target) { _ in .progress(percent: value) }
  }
}

/// `plangraph measure`: a new value of a target's metric.
struct MeasureCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "measure", abstract: "Record a measured value of a task's target metric (kept in date order).")
  @OptionGroup var target: ProgressTarget
  @Argument(help: "The value measured, a decimal number without its unit.") var value: String
  @OptionGroup var on: OnOption

  func run() throws {
    try recordProgress(target) { _ in .measure(value: value, on: try on.day) }
  }
}

/// `plangraph held`: a recurring duty was held.
struct HeldCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "held", abstract: "Record that a recurring duty (a meeting, a report) was held on a day.")
  @OptionGroup var target: ProgressTarget
  @OptionGroup var on: OnOption

  func run() throws {
    try recordProgress(target) { _ in .held(on: try on.day) }
  }
}

/// `plangraph block`: a task cannot go on.
struct BlockCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "block", abstract: "Mark a task blocked, with a note saying why.")
  @OptionGroup var target: ProgressTarget
  @Option(help: "Why it is blocked.") var note: String

  func run() throws {
    try recordProgress(target) { _ in .block(note: note) }
  }
}

/// `plangraph unblock`: a blocked task goes on.
struct UnblockCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unblock", abstract: "Mark a blocked task active again.")
  @OptionGroup var target: ProgressTarget

  func run() throws {
    try recordProgress(target) { _ in .unblock }
  }
}

/// `plangraph cancel`: a task is given up.
struct CancelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cancel", abstract: "Mark a task cancelled, with a note saying why.")
  @OptionGroup var target: ProgressTarget
  @Option(help: "Why it is cancelled.") var note: String

  func run() throws {
    try recordProgress(target) { _ in .cancel(note: note) }
  }
}

/// `plangraph extend`: an approved deadline extension.
struct ExtendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extend",
    abstract: "Move a task's deadline later and record the extension (from, to, on, reason, approved-by).")
  @OptionGroup var target: ProgressTarget
  @Option(help: ArgumentHelp("The new deadline.", valueName: "date")) var to: String
  @Option(help: "Why the deadline moves.") var reason: String
  @Option(name: .customLong("approved-by"), help: "Who approved the extension.") var approvedBy: String?
  @OptionGroup var on: OnOption

  func run() throws {
    let day = try parseDay(to, option: "--to")
    try recordProgress(target) { _ in .extend(to: day, reason: reason, approvedBy: approvedBy, on: try on.day) }
  }
}
