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
    let result = PlanLoader().load(path: plan.plan)
    var diagnostics = result.diagnostics
    var summaryText: String?
    if let loaded = result.plan, let scheduler = try? Scheduler(plan: loaded) {
      let schedule = scheduler.schedule(asOf: asOf)
      // Before the closing "more problems not shown" note, if the loader had to leave some out.
      let closing = diagnostics.lastIndex { $0.code == .tooManyProblems } ?? diagnostics.endIndex
      diagnostics.insert(contentsOf: PlanLinter.warnings(for: loaded, schedule: schedule), at: closing)
      summaryText = CheckReport.text(
        plan: loaded, path: plan.plan, schedule: schedule, style: Terminal.style(for: 1), language: language)
    }
    if strict { diagnostics = diagnostics.map(\.asError) }
    let valid = !diagnostics.contains { $0.severity == .error }
    switch format {
    case .json:
      Output.out(DiagnosticFormatter.json(diagnostics))
    case .text:
      printDiagnostics(diagnostics, sources: result.sources)
      if valid, let summaryText { Output.out(summaryText) }
    }
    if !valid { throw ExitCode(2) }
  }
}
