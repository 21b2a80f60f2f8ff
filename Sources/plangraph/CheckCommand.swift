import ArgumentParser
import PlanGraph

/// `plangraph check`: validates a plan and summarises it, or lists every problem compiler style.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check a plan file and its includes; print a summary or every problem found.",
    discussion: "Exit status: 0 when the plan is valid, 2 when it is not, 64 for bad usage.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var plan: PlanArgument
  @OptionGroup var asOf: AsOfOption
  @OptionGroup var language: LanguageOption

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Option(help: "Output: text (summary and diagnostics) or json (diagnostics as JSON objects).")
  var format: Format = .text

  func run() throws {
    let asOf = try asOf.asOf
    let language = try language.language
    let check = PlanCheck(path: plan.plan, asOf: asOf, strict: strict, observer: StageClock.observer)
    KeptUntilExit.keep(check)
    switch format {
    case .json:
      let text = DiagnosticFormatter.json(check.diagnostics, language: language)
      StageClock.mark(.report)
      Output.out(text)
    case .text:
      printDiagnostics(check.diagnostics, sources: check.sources, language: language)
      if check.isValid, let loaded = check.plan, let schedule = check.schedule {
        let style = Terminal.style(for: 1)
        let text = CheckReport.text(plan: loaded, path: plan.plan, schedule: schedule, style: style, language: language)
        StageClock.mark(.report)
        Output.out(TerminalText.screen(text, keepingStyles: style.enabled))
      } else {
        StageClock.mark(.report)
      }
    }
    StageClock.mark(.write)
    if !check.isValid { throw ExitCode(2) }
  }
}
