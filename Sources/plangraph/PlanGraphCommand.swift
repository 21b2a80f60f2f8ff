import ArgumentParser
import PlanGraph

/// The `plangraph` command: a plan as a dependency graph, checked, scheduled, reported and drawn.
@main
struct PlanGraphCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plangraph",
    abstract: "Track a plan as a dependency graph: check it, schedule it, report what is overdue.",
    discussion: """
      Exit status: 0 success (and, for overdue, nothing overdue), 1 something overdue or an output \
      could not be written, 2 an invalid plan, 64 bad usage.
      """,
    version: "0.1.0",
    subcommands: [
      CheckCommand.self, ScheduleCommand.self, CriticalCommand.self, OverdueCommand.self, RenderCommand.self,
      ReportCommand.self, LedgerCommand.self, ExportCommand.self, SchemaCommand.self, GenerateCommand.self,
      LSPCommand.self, DiffCommand.self, SlipCommand.self, HistoryCommand.self,
      DoneCommand.self, ProgressCommand.self, MeasureCommand.self, HeldCommand.self, BlockCommand.self,
      UnblockCommand.self, CancelCommand.self, ExtendCommand.self,
    ]
  )

  /// Parses and runs a subcommand. A usage problem found while running (an unknown `--owner`, a date
  /// an option cannot take) is printed as `plangraph: error: …` and exits 64, without a usage line:
  /// ArgumentParser would print the root's usage there, not the subcommand's, which misleads.
  static func main() {
    HeapPolicy.apply()
    var command: ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      exit(withError: error)
    }
    do {
      try command.run()
    } catch let problem as ValidationError {
      Output.err("plangraph: error: " + TerminalText.inline(problem.message) + "\n")
      exit(withError: ExitCode(64))
    } catch {
      exit(withError: error)
    }
  }
}
