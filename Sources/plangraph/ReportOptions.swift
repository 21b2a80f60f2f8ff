import ArgumentParser
import PlanGraph
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

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
      case .failure:
        throw usageError(
          "--window takes a duration such as 30d or 4w, not '\(window)'", "--window 要写时长，如 30d 或 4w，而不是“\(window)”")
      }
    }
  }
}

/// `-o FILE`: write the report to a file (atomically) instead of stdout; `-o -` is stdout.
struct OutputFileOption: ParsableArguments {
  @Option(
    name: [.customShort("o"), .long],
    help: ArgumentHelp("Write to this file instead of stdout ('-': stdout).", valueName: "file"))
  var output: String?

  /// Writes `text` to the file, or to stdout; a failed write exits with status 1.
  func emit(_ text: String) throws {
    StageClock.mark(.report)
    defer {
      StageClock.mark(.write)
      KeptUntilExit.keep(text)
    }
    guard let output else {
      Output.out(text)
      return
    }
    try writeFile(Array(text.utf8), to: output)
  }

  /// Writes a table or text report: plan text the renderer missed is escaped on the way (see
  /// `TerminalText.screen`), colour codes kept when they are written.
  func emit(screen text: String) throws {
    try emit(TerminalText.screen(text, keepingStyles: style.enabled))
  }

  /// Writes bytes to the file, or to stdout; a failed write exits with status 1.
  func emit(bytes: [UInt8]) throws {
    StageClock.mark(.report)
    defer {
      StageClock.mark(.write)
      KeptUntilExit.keep(bytes)
    }
    guard let output else {
      Output.write(bytes, to: 1)
      return
    }
    try writeFile(bytes, to: output)
  }

  /// Streams a report to the file or stdout as `render` writes it, through a fixed buffer
  /// (`ByteWriter(sink:)`), so that no report is ever held whole. A file is a temporary one renamed into
  /// place only when everything was written (`StreamedFile`); a failure leaves the target as it was and
  /// exits with status 1. A closed pipe (`| head`) ends the output quietly. `screen` output (tables and
  /// text) passes through `TerminalText.screen` chunk by chunk, as `emit(screen:)` does for a whole text.
  func stream(screen: Bool = false, _ render: (inout ByteWriter) -> Void) throws {
    StageClock.mark(.report)
    defer { StageClock.mark(.write) }
    var file: StreamedFile?
    if let output, output != "-" {
      try refuseOverwritingInput(output)
      // Past a file-size limit a write is to fail (EFBIG, the temporary file removed), not kill the process.
      signal(SIGXFSZ, SIG_IGN)
      do {
        file = try StreamedFile.open(output)
      } catch {
        Output.err("plangraph: \(TerminalText.inline(error.description))\n")
        throw ExitCode(1)
      }
    }
    let sink = file?.sink ?? FileDescriptorSink(descriptor: STDOUT_FILENO)
    var writer = ByteWriter(sink: screen ? ScreenSink(sink, keepingStyles: style.enabled) : sink)
    InterruptCleanup.removing(file?.temporary) {
      render(&writer)
      writer.finish()
    }
    if let file {
      do {
        try file.commit()
      } catch {
        Output.err("plangraph: \(TerminalText.inline(error.description))\n")
        throw ExitCode(1)
      }
    } else if let code = sink.failure, code != EPIPE {
      Output.err("plangraph: cannot write to standard output: \(String(cString: strerror(code)))\n")
      throw ExitCode(1)
    }
  }

  /// Colours when the report goes to a terminal that wants them, else none.
  var style: TerminalStyle { output == nil || output == "-" ? Terminal.style(for: 1) : .plain }

  /// The width tables are fitted to: the terminal's, or for a file `COLUMNS` or 80, whatever terminal
  /// the command happens to run in.
  var width: Int { output == nil || output == "-" ? Terminal.width : Terminal.columns ?? 80 }
}

/// Writes `-o`'s file: `-` is stdout, a device or FIFO is written in place, a regular file replaced
/// atomically. A file the plan was read from is refused with status 64 before anything is written; a
/// failure to write is printed and exits with status 1. Under `PLANGRAPH_TIMINGS` the time until now is
/// the report's (a chart, the dashboard, the ledger), the time in here the write's.
func writeFile(_ bytes: [UInt8], to path: String) throws {
  StageClock.mark(.report)
  defer { StageClock.mark(.write) }
  if path == "-" {
    Output.write(bytes, to: 1)
    return
  }
  try refuseOverwritingInput(path)
  do {
    try OutputFile.write(bytes, to: path)
  } catch {
    Output.err("plangraph: \(TerminalText.inline(error.description))\n")
    throw ExitCode(1)
  }
}

/// Refuses, with status 64 and before anything is written, a `-o` path that names a file the plan was
/// read from.
func refuseOverwritingInput(_ path: String) throws {
  if let target = OutputFile.identity(of: path), let input = PlanInputs.path(of: target) {
    let language = CommandLanguage.current
    let same =
      input == path
      ? ""
      : language.pick(
        " (the same file as '\(TerminalText.inline(input))')", "（与“\(TerminalText.inline(input))”是同一个文件）")
    Output.err(
      language.pick(
        "plangraph: error: refusing to write over '\(TerminalText.inline(path))'\(same): the plan was read from it\n"
          + "hint: give -o another file name\n",
        "plangraph: error: 不能覆盖“\(TerminalText.inline(path))”\(same)：计划就是从它读取的\n" + "提示：给 -o 另一个文件名\n"))
    throw ExitCode(64)
  }
}

/// The files the plan was read from, by identity, so that `-o` can never overwrite one of them.
enum PlanInputs {
  /// Each file's identity and the path it was read by. Behind a lock: the commands' tests run commands
  /// in one process, on several threads, and an unguarded dictionary crashed there.
  private static let files = Mutex<[OutputFile.Identity: String]>([:])

  /// Records the files of a loaded plan (and any other input, such as a rules file).
  static func record(_ paths: [String]) {
    let found = paths.compactMap { path in OutputFile.identity(of: path).map { ($0, path) } }
    files.withLock { files in
      for (identity, path) in found { files[identity] = path }
    }
  }

  /// The path an input with this identity was read by, if one was.
  static func path(of identity: OutputFile.Identity) -> String? {
    files.withLock { $0[identity] }
  }
}

/// Resolves `--owner`: the owner and all its units, or a usage error naming the owners it could be.
func resolveOwnerFilter(_ text: String?, in plan: Plan) throws -> Set<Int>? {
  guard let text else { return nil }
  do {
    return plan.ownerSubtree(try plan.owner(named: text))
  } catch {
    throw ValidationError("--owner: \(TerminalText.inline(error.description(in: CommandLanguage.current)))")
  }
}
