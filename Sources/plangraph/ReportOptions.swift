import ArgumentParser
import PlanGraph

/// The formats of the tabular reports.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv, md
}

/// `--window`: how far ahead an open deadline counts as due soon.
struct WindowOption: ParsableArguments {
  @Option(
    help: ArgumentHelp("Days ahead that count as due soon: 30d, 4w (a bare number means days).", valueName: "duration"))
  var window: String = "\(Schedule.defaultWindow)d"

  /// The window in days.
  var days: Int {
    get throws {
      // A bare number means days; either way the plan format's parser and its 100,000-day cap apply.
      let isBare = !window.isEmpty && window.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
      switch PlanDuration.parse(isBare ? window + "d" : window) {
      case .success(let duration): return duration.days
      case .failure: throw ValidationError("--window takes a duration such as 30d or 4w, not '\(window)'")
      }
    }
  }
}

/// `-o FILE`: write the report to a file (atomically) instead of stdout.
struct OutputFileOption: ParsableArguments {
  @Option(
    name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
  var output: String?

  /// Writes `text` to the file, or to stdout; a failed write exits with status 1.
  func emit(_ text: String) throws {
    guard let output else {
      Output.out(text)
      return
    }
    try writeFile(Array(text.utf8), to: output)
  }

  /// Writes bytes to the file, or to stdout; a failed write exits with status 1.
  func emit(bytes: [UInt8]) throws {
    guard let output else {
      Output.write(bytes, to: 1)
      return
    }
    try writeFile(bytes, to: output)
  }

  /// Colours when the report goes to a terminal that wants them, else none.
  var style: TerminalStyle { output == nil ? Terminal.style(for: 1) : .plain }

  /// The width tables are fitted to: the terminal's, or for a file `COLUMNS` or 80, whatever terminal
  /// the command happens to run in.
  var width: Int { output == nil ? Terminal.width : Terminal.columns ?? 80 }
}

/// Writes a file atomically; a failure is printed and exits with status 1.
func writeFile(_ bytes: [UInt8], to path: String) throws {
  do {
    try AtomicFile.write(bytes, to: path)
  } catch {
    Output.err("plangraph: \(error.description)\n")
    throw ExitCode(1)
  }
}

/// Resolves `--owner`: the owner and all its units, or a usage error naming the owners it could be.
func resolveOwnerFilter(_ text: String?, in plan: Plan) throws -> Set<Int>? {
  guard let text else { return nil }
  do {
    return plan.ownerSubtree(try plan.owner(named: text))
  } catch {
    throw ValidationError("--owner: \(error.description)")
  }
}
