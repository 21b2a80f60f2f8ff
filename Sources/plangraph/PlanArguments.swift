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
  /// cron job should stay quiet. The plan and schedule are kept until the process exits (`KeptUntilExit`),
  /// and the stages timed under `PLANGRAPH_TIMINGS` (`StageClock`).
  func loadScheduled(
    asOf: Day?, window: Int = Schedule.defaultWindow, language: Language
  ) throws -> (plan: Plan, schedule: Schedule) {
    let check = PlanCheck(path: plan, asOf: asOf, window: window, lint: false, observer: StageClock.observer)
    guard let loaded = check.plan, let schedule = check.schedule else {
      printDiagnostics(check.diagnostics, sources: check.sources, language: language)
      throw ExitCode(2)
    }
    PlanInputs.record(loaded.files)
    KeptUntilExit.keep(loaded, schedule)
    return (loaded, schedule)
  }
}

/// Prints diagnostics compiler style on stderr, in `language`, with a count line.
func printDiagnostics(_ diagnostics: [Diagnostic], sources: [String: [UInt8]], language: Language) {
  let style = Terminal.style(for: 2)
  var text = DiagnosticFormatter(style: style, language: language).format(diagnostics, sources: sources)
  let counts = Diagnostic.counts(diagnostics)
  if counts.errors + counts.warnings > 0 {
    text +=
      language.pick(
        "\(counts.errors) error\(counts.errors == 1 ? "" : "s"), \(counts.warnings) warning\(counts.warnings == 1 ? "" : "s")",
        "\(counts.errors) 个错误，\(counts.warnings) 个警告") + "\n"
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
    throw usageError(
      "\(option) takes a date such as 2018-01-15, not a relative date", "\(option) 要写日期，如 2018-01-15，不能写相对日期")
  case .failure(.yearOutOfRange(let year)):
    let years = "\(DateExpression.allowedYears.lowerBound)–\(DateExpression.allowedYears.upperBound)"
    throw usageError(
      "the year \(year) of '\(text)' for \(option) is outside \(years), the years of plan dates",
      "\(option) 的“\(text)”中年份 \(year) 不在计划日期可用的 \(years) 年之间")
  case .failure:
    throw usageError(
      "'\(text)' is not a date for \(option); write it as 2018-01-15", "“\(text)”不是 \(option) 可用的日期；写成 2018-01-15 这样的日期"
    )
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
          throw usageError("--lang takes zh or en, not '\(text)'", "--lang 只能是 zh 或 en，而不是“\(text)”")
        }
        return language
      }
      return Language.fromEnvironment(ProcessInfoLite.environment)
    }
  }
}

/// The language of the command line's own words where no `--lang` option is at hand: a usage error found
/// while options are still being read, a deep helper. `--lang` among the arguments, else the locale.
enum CommandLanguage {
  static var current: Language {
    let arguments = CommandLine.arguments.dropFirst()
    for (offset, argument) in arguments.enumerated() {
      if argument == "--" { break }
      if argument == "--lang", let value = arguments.dropFirst(offset + 1).first,
        let language = Language(rawValue: value)
      {
        return language
      }
      if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) {
        return language
      }
    }
    return Language.fromEnvironment(ProcessInfoLite.environment)
  }
}

/// A usage error (exit status 64) worded in the command line's language.
func usageError(_ english: String, _ chinese: String) -> ValidationError {
  ValidationError(CommandLanguage.current.pick(english, chinese))
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
