import ArgumentParser
import PlanGraph
import PlanLedger

/// `plangraph ledger`: the supervisor's ledger (督查督办台账) as an Excel workbook.
struct LedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract: "Write the supervisor's ledger (督查督办台账) as an Excel workbook (.xlsx).",
    discussion: """
      A 总表 sheet with counts and rankings per unit, then one sheet per organisation: 序号, 任务, 依据条款, \
      牵头单位, 配合单位, 时限, 计划完成, 预测完成, 进度, 目标/最新测量, 状态, 预警, 逾期天数, 影响后续, 佐证材料, 备注. \
      The same plan and date give the same bytes.
      """)

  @OptionGroup var plan: PlanArgument
  @OptionGroup var asOf: AsOfOption
  @OptionGroup var window: WindowOption
  @OptionGroup var language: LanguageOption
  @OptionGroup var rules: RulesOption

  @Option(
    help: ArgumentHelp("Only what this unit (and its units) leads or supports.", valueName: "unit"))
  var owner: String?

  @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The workbook to write (.xlsx).", valueName: "file"))
  var output: String

  func run() throws {
    let asOf = try asOf.asOf
    let window = try window.days
    let language = try language.language
    let (loaded, schedule) = try plan.loadScheduled(asOf: asOf, window: window, language: language)
    let warningRules = try rules.rules(default: loaded.warnings)
    let owners = try resolveLedgerOwner(owner, in: loaded)
    let ledger = Ledger(plan: loaded, schedule: schedule, rules: warningRules, selection: owners, language: language)
    let bytes: [UInt8]
    do {
      let (book, later) = ledger.streamedWorkbook()
      bytes = try XLSXFile.bytes(of: book, thenSheets: later)
    } catch {
      Output.err("plangraph: " + language.pick("cannot write the workbook: ", "无法写出工作簿：") + error.reason + "\n")
      throw ExitCode(1)
    }
    try writeFile(bytes, to: output)
  }
}

/// `--rules FILE`: warning rules from a file of their own, in place of the plan's.
struct RulesOption: ParsableArguments {
  @Option(
    name: .customLong("rules"),
    help: ArgumentHelp("Warning rules (预警规则) from this file instead of the plan's 'warnings:'.", valueName: "file"))
  var path: String?

  /// The rules: the file's, else `fallback`; a file with problems prints them and exits with status 2.
  func rules(default fallback: WarningRules) throws -> WarningRules {
    guard let path else { return fallback }
    let loaded = WarningRulesLoader.load(path: path)
    guard let rules = loaded.rules else {
      printDiagnostics(loaded.diagnostics, sources: loaded.sources, language: CommandLanguage.current)
      throw ExitCode(2)
    }
    // An input like the plan's own files: `-o` may not write over it.
    PlanInputs.record([path])
    return rules
  }
}

/// Resolves `--owner` for the ledger: the unit and all its units.
func resolveLedgerOwner(_ text: String?, in plan: Plan) throws -> Set<Int>? {
  try resolveOwnerFilter(text, in: plan)
}
