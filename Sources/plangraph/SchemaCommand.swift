import ArgumentParser
import PlanGraph

/// `plangraph schema`: the JSON Schema of plan files, for editors.
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema of plan files, for the YAML language server and other editors.")

  @OptionGroup var output: OutputFileOption

  func run() throws {
    try output.emit(PlanSchema.json())
  }
}
