import ArgumentParser
import PlanGraph
import PlanHistory

/// `plangraph history`: the milestone trend of tasks, or the plan's finish and counts, per commit.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "For each commit that changed the plan: the tasks' deadline, planned and forecast finish, status.",
    discussion: """
      Each revision is scheduled as of its commit's day, or as of --as-of for all. With no TASK, the plan's \
      finish and its counts per commit, the same as `check` and `schedule` give. Exit status: 0 shown, 2 no repository, no \
      commit of the plan, or a TASK no revision has, 64 bad usage.
      """)

  @OptionGroup var plan: PlanArgument

  @Argument(help: "Tasks to follow, by full id or exact name.")
  var tasks: [String] = []

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp("Schedule every revision as of this date instead of its commit's day.", valueName: "date"))
  var asOfText: String?

  @Option(help: ArgumentHelp("The newest revision to read (default: HEAD).", valueName: "rev"))
  var to: String = "HEAD"

  @OptionGroup var window: WindowOption
  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputFileOption
  @OptionGroup var width: WidthOption

  /// The formats of `history`.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
  }

  @Option(help: "Output format: table, json or csv.")
  var format: Format = .table

  func run() throws {
    // History reads revisions, but the plan file on disk is still the user's: `-o` may not write over it.
    PlanInputs.record([plan.plan])
    let log = try HistoryCommand.log(
      plan: plan.plan, tasks: tasks, to: to, asOf: try asOfText.map { try parseDay($0, option: "--as-of") },
      window: try window.days)
    let report = HistoryReport(log, language: try language.language)
    switch format {
    case .table: try output.emit(screen: report.table(width: width.columns(for: output), style: output.style))
    case .json: try output.emit(report.json())
    case .csv: try output.emit(report.csv())
    }
  }

  /// The history of `plan` up to `to`, for `history` and `render --chart trend`.
  static func log(plan path: String, tasks: [String], to: String, asOf: Day?, window: Int) throws -> PlanHistoryLog {
    let repository = try RevisionLoading.repository(for: path)
    let tip = try RevisionLoading.commit(to, in: repository)
    let log: PlanHistoryLog
    do {
      log = try PlanHistoryLog(repository: repository, tip: tip, selection: tasks, asOf: asOf, window: window)
    } catch {
      throw RevisionLoading.fail(error)
    }
    if log.points.isEmpty {
      Output.err(
        CommandLanguage.current.pick(
          "plangraph: error: no commit of '\(path)' up to '\(to)'\n  hint: commit the plan first\n",
          "plangraph: error: 到“\(to)”为止没有提交过“\(path)”\n  提示：先提交计划\n"))
      throw ExitCode(2)
    }
    let unknown = log.unknownTasks
    if !unknown.isEmpty {
      let listed = unknown.map { CommandLanguage.current.pick("'\($0)'", "“\($0)”") }
      Output.err(
        CommandLanguage.current.pick(
          "plangraph: error: no revision of the plan has the task\(unknown.count == 1 ? "" : "s") "
            + listed.joined(separator: ", ")
            + "\n  hint: name a task by its full id (league.measures.x) or its exact name\n",
          "plangraph: error: 计划的任何版本中都没有任务" + listed.joined(separator: "、")
            + "\n  提示：用完整编号（如 league.measures.x）或准确的名称指明任务\n"))
      throw ExitCode(2)
    }
    return log
  }
}
