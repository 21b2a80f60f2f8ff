import ArgumentParser
import PlanGraph
import PlanLanguageServer

/// `plangraph lsp`: the language server for plan files, over standard input and output.
struct LSPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp",
    abstract: "Run the language server for plan files over standard input and output (for editors).",
    discussion: """
      Speaks the Language Server Protocol 3.17: diagnostics of the whole plan as you type, go to \
      definition, references, outline, hover with the schedule, completion, rename and quick fixes. \
      Exit status: 0 after shutdown and exit, 1 when the editor went away without them.
      """)

  @OptionGroup var asOf: AsOfOption
  @OptionGroup var language: LanguageOption

  func run() throws {
    let server = PlanLanguageServer(today: try asOf.asOf, language: try language.language)
    let status = StdioConnection().run(server)
    if status != 0 { throw ExitCode(status) }
  }
}
