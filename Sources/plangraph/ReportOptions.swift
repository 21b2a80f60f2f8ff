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
  var window: String = "30d"

  /// The window in days.
  var days: Int {
    get throws {
      if let bare = Int(window), bare >= 0 { return bare }
      switch PlanDuration.parse(window) {
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
    do {
      try AtomicFile.write(text, to: output)
    } catch {
      Output.err("error: \(error)\n")
      throw ExitCode(1)
    }
  }

  /// Writes bytes to the file, or to stdout; a failed write exits with status 1.
  func emit(bytes: [UInt8]) throws {
    guard let output else {
      Output.write(bytes, to: 1)
      return
    }
    do {
      try AtomicFile.write(bytes, to: output)
    } catch {
      Output.err("error: \(error)\n")
      throw ExitCode(1)
    }
  }

  /// Whether the report goes to a terminal (for colour and width).
  var toTerminal: Bool { output == nil && Terminal.isTerminal(1) }
}

/// Resolves `--owner`: a full owner id, or a unit's last id component when only one owner has it.
func resolveOwnerFilter(_ text: String?, in plan: Plan) throws -> Set<Int>? {
  guard let text else { return nil }
  if let index = plan.ownerIndex(text) { return plan.ownerSubtree(index) }
  let bySuffix = plan.owners.indices.filter { plan.owners[$0].id.hasSuffix("." + text) || plan.owners[$0].name == text }
  if bySuffix.count == 1 { return plan.ownerSubtree(bySuffix[0]) }
  let candidates = plan.owners.map(\.id)
  var message = "unknown owner '\(text)' for --owner"
  if bySuffix.count > 1 {
    message += "; it could be " + bySuffix.map { "'\(plan.owners[$0].id)'" }.joined(separator: " or ")
  } else if let close = candidates.min(by: { editDistance($0, text) < editDistance($1, text) }),
    editDistance(close, text) <= max(2, text.count / 3)
  {
    message += "; did you mean '\(close)'?"
  } else {
    message += "; owners: " + candidates.prefix(12).joined(separator: ", ")
  }
  throw ValidationError(message)
}

private func editDistance(_ a: String, _ b: String) -> Int {
  let x = Array(a.unicodeScalars)
  let y = Array(b.unicodeScalars)
  var row = Array(0...y.count)
  for i in 1...max(1, x.count) where !x.isEmpty {
    var previous = row[0]
    row[0] = i
    for j in 1...max(1, y.count) where !y.isEmpty {
      let current = row[j]
      row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[y.count]
}
