import ArgumentParser
import PlanGraph

/// `plangraph generate`: a deterministic, realistic plan of any size, for benchmarks and tests.
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a generated plan: organisations, phases, chains and cross-links; same arguments, same bytes.")

  @Option(help: "How many tasks, summaries and duties included.")
  var tasks: Int

  @Option(help: "The random seed.")
  var seed: UInt64 = 1

  @Option(help: "Extra dependencies per task on average, besides the chains.")
  var deps: Double = 1

  @Option(help: "yaml or json.")
  var format: PlanGenerator.Format = .yaml

  @OptionGroup var output: OutputFileOption

  func validate() throws {
    guard tasks >= 0, tasks <= 50_000_000 else {
      throw usageError("--tasks must be between 0 and 50000000", "--tasks 必须在 0 到 50000000 之间")
    }
    guard deps >= 0, deps <= 100 else { throw usageError("--deps must be between 0 and 100", "--deps 必须在 0 到 100 之间") }
  }

  func run() throws {
    let generator = PlanGenerator(taskCount: tasks, seed: seed, dependencies: deps, format: format)
    try output.emit(bytes: generator.generate())
  }
}

extension PlanGenerator.Format: ExpressibleByArgument {}
