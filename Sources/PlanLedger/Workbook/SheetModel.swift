import PlanGraph

/// A workbook as plain values: sheets of cells with styles, page setup and document properties.
///
/// The ledger is built as this value first so that what it contains can be tested without
/// libxlsxwriter; `XLSXFile` is the only code that turns it into a file.
public struct Workbook: Hashable, Sendable {
  /// The document title (properties, and each sheet's page header).
  public var title: String
  /// The document subject (properties): the as-of date in words.
  public var subject: String
  /// Comma-separated keywords (properties).
  public var keywords: String
  /// The creation time stored in the properties, in seconds since 1970: fixed by the caller so that
  /// the same input gives the same bytes.
  public var created: Int
  /// The sheets, in tab order.
  public var sheets: [Sheet]

  /// Creates a workbook.
  public init(title: String, subject: String, keywords: String, created: Int, sheets: [Sheet]) {
    self.title = title
    self.subject = subject
    self.keywords = keywords
    self.created = created
    self.sheets = sheets
  }
}

/// One worksheet: a grid of cells, column widths and how it is viewed and printed.
public struct Sheet: Hashable, Sendable {
  /// The tab name: at most 31 characters, none of `[]:*?/\`.
  public var name: String
  /// Column widths in character units (a CJK character counts two).
  public var columnWidths: [Double]
  /// The rows, top to bottom; a row may be shorter than the others.
  public var rows: [[Cell]]
  /// Row heights in points, by row; nil (or a missing entry) for the default height.
  public var rowHeights: [Double?] = []
  /// Rows and columns kept in view when scrolling (frozen panes), counted from the top left.
  public var frozenRows: Int = 0
  /// Columns kept in view when scrolling.
  public var frozenColumns: Int = 0
  /// The autofilter's range, when the sheet has one.
  public var autofilter: CellRange?
  /// Rows printed at the top of every page (zero-based, inclusive).
  public var repeatedRows: ClosedRange<Int>?
  /// Cell ranges merged into one cell.
  public var merges: [CellRange] = []
  /// The page header text, already in Excel's header syntax.
  public var pageHeader: String = ""
  /// The page footer text, in Excel's header syntax.
  public var pageFooter: String = ""
  /// Printed on landscape A4, fitted to one page wide.
  public var landscapeA4FitWidth: Bool = true
  /// The tab colour, 0xRRGGBB, if any.
  public var tabColor: UInt32?
  /// Whether the gridlines are printed (they always show on screen): the grid of a sheet whose cells
  /// have no borders.
  public var printsGridlines = false

  /// Creates an empty sheet with a name.
  public init(name: String, columnWidths: [Double] = [], rows: [[Cell]] = []) {
    self.name = name
    self.columnWidths = columnWidths
    self.rows = rows
  }
}

/// A rectangle of cells, zero-based and inclusive.
public struct CellRange: Hashable, Sendable {
  /// The first row.
  public var firstRow: Int
  /// The first column.
  public var firstColumn: Int
  /// The last row.
  public var lastRow: Int
  /// The last column.
  public var lastColumn: Int

  /// Creates a range.
  public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.firstRow = firstRow
    self.firstColumn = firstColumn
    self.lastRow = lastRow
    self.lastColumn = lastColumn
  }
}

/// One cell: a value and its style.
public struct Cell: Hashable, Sendable {
  /// What a cell holds. Text is always stored as text, never as a formula.
  public enum Value: Hashable, Sendable {
    /// Nothing, but the style still applies (a blank filled cell).
    case empty
    /// Text.
    case text(String)
    /// A number, shown with the style's number format.
    case number(Double)
  }

  /// The value.
  public var value: Value
  /// The style.
  public var style: CellStyle

  /// Creates a cell.
  public init(_ value: Value, style: CellStyle = CellStyle()) {
    self.value = value
    self.style = style
  }

  /// A text cell.
  public static func text(_ text: String, _ style: CellStyle = CellStyle()) -> Cell {
    Cell(text.isEmpty ? .empty : .text(text), style: style)
  }

  /// A date cell (an Excel serial day shown as `yyyy-mm-dd`, so filters group it by year and month),
  /// or an empty one for nil.
  public static func date(_ day: Day?, _ style: CellStyle = CellStyle()) -> Cell {
    var dated = style
    dated.numberFormat = "yyyy-mm-dd"
    // Excel's day 25,569 is 1970-01-01, day 0 of `Day`.
    return Cell(day.map { .number(Double($0.ordinal + 25_569)) } ?? .empty, style: dated)
  }

  /// A number cell, or an empty one for nil.
  public static func number(_ number: Int?, _ style: CellStyle = CellStyle()) -> Cell {
    Cell(number.map { .number(Double($0)) } ?? .empty, style: style)
  }
}

/// How a cell looks: the few properties the ledger uses. Equal styles share one format in the file.
public struct CellStyle: Hashable, Sendable {
  /// Bold type.
  public var bold = false
  /// Font size in points; nil for the default (11).
  public var fontSize: Double?
  /// Indent level (about three characters each).
  public var indent = 0
  /// Wrap long text onto more lines.
  public var wrap = true
  /// Centre horizontally.
  public var centered = false
  /// A thin border on all sides.
  public var border = true
  /// Solid background colour, 0xRRGGBB.
  public var fill: UInt32?
  /// Font colour, 0xRRGGBB.
  public var fontColor: UInt32?
  /// Excel number format (`0%`, `yyyy-mm-dd`); nil for General.
  public var numberFormat: String?

  /// The default style: wrapped text with a thin border.
  public init() {}

  /// Whether an empty cell of this style looks different from no cell at all: it has a fill or a
  /// border. An empty cell that does not is not written, which keeps a large sheet's file small.
  public var isVisibleWhenEmpty: Bool { fill != nil || border }
}
