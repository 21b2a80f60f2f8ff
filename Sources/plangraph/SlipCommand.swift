import ArgumentParser
import PlanGraph
import PlanHistory

/// `plangraph slip`: the supervisor's monthly view of what changed since a date or revision.
struct SlipCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "slip",
    abstract: "What slipped, was extended, closed, added or cancelled since a date or revision, by unit.",
    discussion: """
      --since DATE compares with the plan as last committed on or before DATE on the main line (the first \
      parents from HEAD: a branch counts from the day it was merged), scheduled as of DATE; a month, \
      quarter or year (2018-01, 2018年1月) means its first day; \
      --since REV with the plan at REV, scheduled as of the commit's day. The present is the working tree \
      as of --as-of. A deadline extension names the commit that last changed it (author, date, message). \
      Exit status: 0 shown, 2 an invalid plan, no repository, an unknown revision or no commit by DATE, \
      64 bad usage.
      """)

  @OptionGroup var plan: PlanArgument

  @Option(help: ArgumentHelp("The date (2018-01-15) or revision to compare with.", valueName: "date|rev"))
  var since: String

  @OptionGroup var asOf: AsOfOption
  @OptionGroup var window: WindowOption
  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputFileOption
  @OptionGroup var width: WidthOption

  @Option(help: "Output format: table, json, csv (with a BOM for Excel) or md.")
  var format: ReportFormat = .table

  func run() throws {
    let language = try language.language
    let slip = try SlipCommand.slip(
      plan: plan.plan, since: since, asOf: try asOf.asOf, window: try window.days, language: language)
    let report = SlipReport(slip, language: language)
    switch format {
    case .table: try output.emit(screen: report.table(width: width.columns(for: output), style: output.style))
    case .json: try output.emit(report.json())
    case .csv: try output.emit(report.csv())
    case .md: try output.emit(report.markdown())
    }
  }

  /// The view of `plan` since `since` (a date or a revision), for `slip` and `report --since`.
  static func slip(plan path: String, since: String, asOf: Day, window: Int, language: Language) throws -> PlanSlip {
    let repository = try RevisionLoading.repository(for: path)
    let head = try RevisionLoading.commit("HEAD", in: repository)
    let start: GitCommit
    var sinceDay: Day
    let revision: String
    // A period means its first day here, as `start` does in a plan: "since January" is since 1 January.
    if case .success(.day(let day)) = DateExpression.parse(since, role: .start) {
      let found: GitCommit?
      do {
        found = try repository.commit(onOrBefore: day, from: head)
      } catch {
        throw RevisionLoading.fail(error)
      }
      guard let found else {
        Output.err(
          language.pick(
            "plangraph: error: no commit of '\(path)' on or before \(day.iso)\n  hint: give a later date, or a revision\n",
            "plangraph: error: \(day.iso) 及以前没有提交过“\(path)”\n  提示：给一个更晚的日期，或一个版本\n"))
        throw ExitCode(2)
      }
      (start, sinceDay, revision) = (found, day, found.id.short)
    } else {
      start = try RevisionLoading.commit(since, in: repository)
      (sinceDay, revision) = (start.day, since)
    }
    // A since-day after the as-of day (a plan reviewed in hindsight) is taken as the as-of day.
    sinceDay = min(sinceDay, asOf)
    let old = try RevisionLoading.side(repository, commit: start, revision: revision, asOf: sinceDay, window: window)
    var new = try RevisionLoading.side(PlanReference(path: path, revision: nil), asOf: asOf, window: window)
    new.label = language.words.history.workingTree
    let commits: [String: GitCommit]
    do {
      commits = try DeadlineLog.lastChanges(in: repository, after: start, upTo: head)
    } catch {
      throw RevisionLoading.fail(error)
    }
    // A deadline the working tree changes again after the last commit is not yet committed.
    var attributed = commits
    if let committed = DeadlineLog.deadlines(repository, at: head) {
      for task in new.plan.tasks {
        if let before = committed[task.fullID], before != task.deadline { attributed[task.fullID] = nil }
      }
    }
    return PlanSlip(diff: PlanDiff(old: old, new: new), sinceDay: sinceDay, deadlineCommits: attributed)
  }
}
