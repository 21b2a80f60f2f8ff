import ArgumentParser

/// `--width N`: the columns text tables are fitted to. Without it, a terminal's width; output that is
/// not a terminal (a file, a pipe) is never cut, so `overdue > list.txt` keeps full names and ids.
struct WidthOption: ParsableArguments {
  @Option(help: ArgumentHelp("Fit tables to this many columns (default: the terminal's; files and pipes are not cut)."))
  var width: Int?

  /// Wide enough that nothing is ever cut.
  static let unlimited = 1_000_000

  /// The width for output going to `output`: `--width`, else the terminal's when stdout is one, else no limit.
  func columns(for output: OutputFileOption) -> Int {
    if let width { return max(20, width) }
    return output.output == nil && Terminal.isTerminal(1) ? Terminal.width : Self.unlimited
  }
}
