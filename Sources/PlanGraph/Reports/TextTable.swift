/// A table for the terminal: columns aligned by display width (CJK characters take two columns), one
/// flexible column truncated with an ellipsis so that the table fits the terminal.
public struct TextTable: Sendable {
  /// One column: its header, alignment, and whether it shrinks to fit.
  public struct Column: Sendable {
    /// The header text.
    public var header: String
    /// Whether cells are right-aligned (numbers).
    public var rightAligned: Bool
    /// Whether this column gives up width when the table is too wide.
    public var flexible: Bool

    /// Creates a column.
    public init(_ header: String, rightAligned: Bool = false, flexible: Bool = false) {
      self.header = header
      self.rightAligned = rightAligned
      self.flexible = flexible
    }
  }

  /// One cell: its text and how to colour it once padded.
  public struct Cell: Sendable {
    /// The text shown.
    public var text: String
    /// Colouring applied after padding, so escape codes never disturb alignment.
    public var paint: @Sendable (String) -> String

    /// Creates a cell.
    public init(_ text: String, paint: @escaping @Sendable (String) -> String = { $0 }) {
      self.text = text
      self.paint = paint
    }
  }

  /// The columns.
  public var columns: [Column]
  /// The rows: a cell per column, or a full-width line (a group heading, a detail line).
  public var rows: [Row] = []

  /// A row of cells, or a line across the whole table.
  public enum Row: Sendable {
    /// One cell per column.
    case cells([Cell])
    /// A line of its own, indented by `indent` columns and cut to the table's width.
    case line(Cell, indent: Int)
  }

  /// Creates an empty table.
  public init(columns: [Column]) {
    self.columns = columns
  }

  /// The narrowest a flexible column is made.
  public static let minimumFlexibleWidth = 10

  /// The table as lines of at most `width` columns (unless the fixed columns alone are wider), with a
  /// header line.
  /// Plan text in cells, headers and lines is shown with `TerminalText.inline`: control characters
  /// and bidi overrides as visible escapes, so that no cell can move the cursor or reverse a row.
  public func render(width: Int, style: TerminalStyle, gap: Int = 2) -> String {
    var out = ByteWriter()
    render(width: width, style: style, gap: gap, into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the table into `out`, as `render(width:style:gap:)` returns it.
  public func render(width: Int, style: TerminalStyle, gap: Int = 2, into out: inout ByteWriter) {
    render(width: width, style: style, gap: gap, into: &out) { each in rows.forEach(each) }
  }

  /// Writes the table's columns with the rows `rows` hands to its argument, one at a time, so that a
  /// table of a million rows is never held: `rows` is called twice, once to measure the columns (every
  /// column is as wide as its widest cell), then to write the rows as they come. It must hand over the
  /// same rows both times. The table's own `rows` are not used.
  public func render(
    width: Int, style: TerminalStyle, gap: Int = 2, into out: inout ByteWriter,
    rows: (_ each: (Row) -> Void) -> Void
  ) {
    let columns = columns.map { column in
      var column = column
      column.header = TerminalText.inline(column.header)
      return column
    }
    var widths = columns.map { TextWidth.of($0.header) }
    rows { row in
      guard case .cells(let cells) = row else { return }
      for (i, cell) in cells.enumerated() where i < widths.count {
        widths[i] = max(widths[i], TextWidth.of(TerminalText.inline(cell.text)))
      }
    }
    let total = widths.reduce(0, +) + gap * max(0, columns.count - 1)
    if total > width, let flexible = columns.firstIndex(where: \.flexible) {
      let others = total - widths[flexible]
      widths[flexible] = max(Self.minimumFlexibleWidth, min(widths[flexible], width - others))
    }
    let tableWidth = max(1, min(width, widths.reduce(0, +) + gap * max(0, columns.count - 1)))
    let spacer = String(repeating: " ", count: gap)
    func line(_ cells: [Cell], header: Bool, into out: inout ByteWriter) {
      for (i, column) in columns.enumerated() {
        let cell = i < cells.count ? cells[i] : Cell("")
        let fitted = TextWidth.truncate(header ? cell.text : TerminalText.inline(cell.text), to: widths[i])
        let isLast = i == columns.count - 1
        let padded =
          isLast && !column.rightAligned
          ? fitted : TextWidth.pad(fitted, to: widths[i], right: column.rightAligned)
        if i > 0 { out.write(spacer) }
        out.write(header ? style.bold(padded) : cell.paint(padded))
      }
      out.write("\n")
    }
    line(columns.map { Cell($0.header) }, header: true, into: &out)
    rows { row in
      switch row {
      case .cells(let cells):
        line(cells, header: false, into: &out)
      case .line(let cell, let indent):
        let text = TextWidth.truncate(TerminalText.inline(cell.text), to: max(1, max(tableWidth, width) - indent))
        out.write(String(repeating: " ", count: indent))
        out.write(cell.paint(text))
        out.write("\n")
      }
    }
  }
}
