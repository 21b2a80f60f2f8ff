import ArgumentParser
import PlanGraph

#if canImport(Glibc)
  import Glibc
#endif

/// The plan file every command reads, and loading it with diagnostics printed.
struct PlanArgument: ParsableArguments {
  @Argument(help: "The root plan file (YAML, or JSON when it ends in .json).")
  var plan: String

  /// Loads and schedules the plan as of `asOf` (nil: its start), or prints its diagnostics to stderr and
  /// exits with status 2. A valid plan's warnings are not printed: `check` shows them, and a report in a
  /// cron job should stay quiet.
  func loadScheduled(asOf: Day?, window: Int = Schedule.defaultWindow) throws -> (plan: Plan, schedule: Schedule) {
    let check = PlanCheck(path: plan, asOf: asOf, window: window, lint: false)
    guard let loaded = check.plan, let schedule = check.schedule else {
      printDiagnostics(check.diagnostics, sources: check.sources)
      throw ExitCode(2)
    }
    PlanInputs.record(loaded.files)
    return (loaded, schedule)
  }
}

/// Prints diagnostics compiler style on stderr, with a count line.
func printDiagnostics(_ diagnostics: [Diagnostic], sources: [String: [UInt8]]) {
  let style = Terminal.style(for: 2)
  var text = DiagnosticFormatter(style: style).format(diagnostics, sources: sources)
  let counts = Diagnostic.counts(diagnostics)
  if counts.errors + counts.warnings > 0 {
    text +=
      "\(counts.errors) error\(counts.errors == 1 ? "" : "s"), \(counts.warnings) warning\(counts.warnings == 1 ? "" : "s")\n"
  }
  Output.err(TerminalText.screen(text, keepingStyles: style.enabled))
}

/// `--as-of`: the date status is computed for.
struct AsOfOption: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp("The date to compute status for (default: today, local time).", valueName: "date"))
  var asOfText: String?

  /// The as-of date: the option's, else today.
  var asOf: Day {
    get throws {
      guard let text = asOfText else { return Terminal.today }
      return try parseDay(text, option: "--as-of")
    }
  }
}

/// Parses a date given on the command line in any absolute form of the plan format.
func parseDay(_ text: String, option: String) throws -> Day {
  switch DateExpression.parse(text) {
  case .success(.day(let day)):
    return day
  case .success(.relative), .success(.relativeWorkingDays):
    throw ValidationError("\(option) takes a date such as 2018-01-15, not a relative date")
  case .failure(.yearOutOfRange(let year)):
    throw ValidationError(
      "the year \(year) of '\(text)' for \(option) is outside \(DateExpression.allowedYears.lowerBound)–\(DateExpression.allowedYears.upperBound), the years of plan dates"
    )
  case .failure:
    throw ValidationError("'\(text)' is not a date for \(option); write it as 2018-01-15")
  }
}

/// `--lang`: the language of human-facing output.
struct LanguageOption: ParsableArguments {
  @Option(
    name: .customLong("lang"),
    help: ArgumentHelp("Language of the output: zh or en (default: from LC_ALL, LC_MESSAGES, LANG).", valueName: "lang")
  )
  var languageText: String?

  /// The chosen language: the option's, else the locale's.
  var language: Language {
    get throws {
      if let text = languageText {
        guard let language = Language(rawValue: text) else {
          throw ValidationError("--lang takes zh or en, not '\(text)'")
        }
        return language
      }
      return Language.fromEnvironment(ProcessInfoLite.environment)
    }
  }
}

/// The process environment, without Foundation.
enum ProcessInfoLite {
  static var environment: [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return result
  }
}
