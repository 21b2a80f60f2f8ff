import PlanGraph

#if canImport(Glibc)
  import Glibc
#endif

/// What the command line knows about where its output goes: a terminal or not, colour, width.
enum Terminal {
  /// Whether `fd` is a terminal.
  static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// Colour only on a terminal, and never when `NO_COLOR` is set to anything.
  static func style(for fd: Int32) -> TerminalStyle {
    let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
    return TerminalStyle(enabled: isTerminal(fd) && noColor.isEmpty)
  }

  /// `COLUMNS`, when set to a positive number.
  static var columns: Int? {
    guard let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 else { return nil }
    return columns
  }

  /// The width of the terminal on stdout: `COLUMNS`, else the window size, else 80.
  static var width: Int {
    if let columns { return columns }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return 80
  }

  /// Today in the local time zone, for an omitted `--as-of`.
  static var today: Day {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? Day(ordinal: Int(now) / 86_400)
  }
}

/// Writing to stdout and stderr with write(2), whole buffers at a time.
enum Output {
  /// Writes text to stdout.
  static func out(_ text: String) { write(text, to: STDOUT_FILENO) }
  /// Writes text to stderr.
  static func err(_ text: String) { write(text, to: STDERR_FILENO) }

  /// Writes all of `text` to `fd`.
  static func write(_ text: String, to fd: Int32) {
    var text = text
    text.withUTF8 { write(UnsafeRawBufferPointer($0), to: fd) }
  }

  /// Writes all of `bytes` to `fd`.
  static func write(_ bytes: [UInt8], to fd: Int32) {
    bytes.withUnsafeBytes { write($0, to: fd) }
  }

  /// Retries short writes. A closed pipe (`| head`) ends the output quietly; any other failure to
  /// write stdout (a full disk, a broken device) is an error with status 1, as for `-o FILE`.
  private static func write(_ buffer: UnsafeRawBufferPointer, to fd: Int32) {
    guard let base = buffer.baseAddress else { return }
    var done = 0
    while done < buffer.count {
      let n = Glibc.write(fd, base + done, buffer.count - done)
      if n < 0 {
        if errno == EINTR { continue }
        if fd == STDOUT_FILENO && errno != EPIPE {
          err("plangraph: cannot write to standard output: \(String(cString: strerror(errno)))\n")
          exit(1)
        }
        return
      }
      done += n
    }
  }
}
