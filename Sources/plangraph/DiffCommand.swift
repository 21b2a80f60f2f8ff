import ArgumentParser
import PlanGraph
import PlanHistory

/// `plangraph diff`: what changed between two versions of a plan, and how its schedule moved.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare a plan with an earlier revision (or two plans): tasks added, removed, changed, moved.",
    discussion: """
      PLAN@REV or --from REV reads the plan as committed at REV (a commit id, tag, branch, HEAD~3); the new \
      side is --to REV, or NEW, or the working tree. Both are scheduled as of the same day. Exit status: 0 \
      compared, 1 a task's forecast finish moved past its deadline, 2 an invalid plan, no repository, an \
      unknown revision or a plan missing at it, 64 bad usage.
      """)

  @Argument(help: "The plan (PLAN@REV for a revision).")
  var plan: String

  @Argument(help: "The newer plan to compare with (NEW or NEW@REV); default: PLAN in the working tree or --to.")
  var newer: String?

  @Option(help: ArgumentHelp("The old revision of PLAN.", valueName: "rev"))
  var from: String?

  @Option(help: ArgumentHelp("The new revision of PLAN (default: the working tree).", valueName: "rev"))
  var to: String?

  @OptionGroup var asOf: AsOfOption
  @OptionGroup var window: WindowOption
  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputFileOption
  @OptionGroup var width: WidthOption

  @Option(help: "Output format: table, json, csv (with a BOM for Excel) or md.")
  var format: ReportFormat = .table

  func validate() throws {
    let reference = PlanReference(plan)
    if reference.revision != nil && from != nil {
      throw usageError("give the old revision once: PLAN@REV or --from REV", "旧版本只能给一次：PLAN@REV 或 --from REV")
    }
    if newer != nil && to != nil {
      throw usageError("give the new side once: NEW or --to REV", "新版本只能给一次：NEW 或 --to REV")
    }
    if reference.revision == nil && from == nil && newer == nil {
      throw usageError(
        "diff needs an old side: --from REV, PLAN@REV, or a second plan NEW",
        "diff 需要旧版本：--from REV、PLAN@REV 或第二个计划 NEW")
    }
  }

  func run() throws {
    let asOf = try asOf.asOf
    let window = try window.days
    let language = try language.language
    let reference = PlanReference(plan)
    let old = PlanReference(path: reference.path, revision: reference.revision ?? from)
    let new = newer.map(PlanReference.init) ?? PlanReference(path: old.path, revision: to)
    var (oldSide, newSide) = try RevisionLoading.sides(
      { try RevisionLoading.side(old, asOf: asOf, window: window) },
      { try RevisionLoading.side(new, asOf: asOf, window: window) })
    if new.revision == nil && newer == nil && old.revision != nil {
      newSide.label = language.words.history.workingTree
    }
    let diff = PlanDiff(old: oldSide, new: newSide)
    let report = DiffReport(diff, language: language)
    switch format {
    case .table: try output.emit(screen: report.table(width: width.columns(for: output), style: output.style))
    case .json: try output.emit(bytes: report.json())
    case .csv: try output.emit(report.csv())
    case .md: try output.emit(report.markdown())
    }
    if diff.hasNewlyLate { throw ExitCode(1) }
  }
}
