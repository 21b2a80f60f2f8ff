internal import CXLSXWriter

#if canImport(Glibc)
  import Glibc
#endif

/// Why a workbook could not be written.
public struct XLSXError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong, in words (libxlsxwriter's message, or the system's).
  public var reason: String
  /// `cannot write the workbook: reason`.
  public var description: String { "cannot write the workbook: \(reason)" }
}

/// Turns a `Workbook` into the bytes of an .xlsx file with libxlsxwriter: the only code that touches it.
///
/// libxlsxwriter writes to a named file, so the workbook goes to a private temporary file that is read
/// back and removed; the caller writes the bytes where they belong with `AtomicFile`. Every text is
/// written with `worksheet_write_string`, so plan text never becomes a formula, whatever it starts with.
public enum XLSXFile {
  /// The longest text a cell holds, in UTF-16 units, as Excel counts its limit of 32,767 characters
  /// (a character outside the Basic Multilingual Plane, such as an emoji, counts two).
  static let maximumCellCharacters = 32_000

  /// The .xlsx bytes of `workbook`.
  public static func bytes(of workbook: Workbook) throws(XLSXError) -> [UInt8] {
    try bytes(of: workbook, thenSheets: [])
  }

  /// The .xlsx bytes of `workbook`'s sheets followed by the sheets `later` makes, each made on another
  /// thread while the one before it is written, and dropped once written: a 100,000-task ledger never
  /// holds all its cells at once, and building a sheet's cells overlaps libxlsxwriter's work.
  public static func bytes(
    of workbook: Workbook, thenSheets later: [@Sendable () -> Sheet]
  ) throws(XLSXError) -> [UInt8] {
    let folder = ProcessEnvironment.temporaryFolder
    var template = Array((folder + "/plangraph-ledger-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard fd >= 0 else {
      // Say where: the folder is $TMPDIR's, which the user may have set to somewhere that is not there.
      throw XLSXError(reason: "cannot make a temporary file in '\(folder)': " + String(cString: strerror(errno)))
    }
    close(fd)
    let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(path) }
    try write(workbook, later: SheetPipeline(later), to: path)
    return try readAll(path)
  }

  private static func write(_ model: Workbook, later: SheetPipeline, to path: String) throws(XLSXError) {
    var options = lxw_workbook_options()
    // Constant memory: each row goes to a temporary file as soon as the next begins, with its text
    // inline, so a 100,000-task ledger does not hold every cell and a shared-string table in memory.
    options.constant_memory = 1
    options.use_zip64 = 1
    guard let book = workbook_new_opt(path, &options) else {
      throw XLSXError(reason: "libxlsxwriter could not create '\(path)'")
    }
    var closed = false
    defer {
      // A workbook abandoned half way must still be freed; closing it writes a file that is removed.
      if !closed { workbook_close(book) }
    }
    var allocated: [UnsafeMutablePointer<CChar>] = []
    defer {
      for pointer in allocated { free(pointer) }
    }
    func copy(_ text: String) -> UnsafeMutablePointer<CChar>? {
      let pointer = strdup(text)
      if let pointer { allocated.append(pointer) }
      return pointer
    }
    var properties = lxw_doc_properties()
    properties.title = copy(Self.cellText(model.title))
    properties.subject = copy(Self.cellText(model.subject))
    properties.keywords = copy(Self.cellText(model.keywords))
    properties.author = copy("plangraph")
    properties.created = time_t(model.created)
    try check(workbook_set_properties(book, &properties))

    var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
      if let known = formats[style] { return known }
      guard let made = workbook_add_format(book) else { return nil }
      apply(style, to: made)
      formats[style] = made
      return made
    }

    var index = 0
    while let sheet = index < model.sheets.count ? model.sheets[index] : later.next() {
      index += 1
      // The format of the cell above, by column: a column's cells mostly share one style, and comparing
      // styles is cheaper than hashing one for every cell.
      var above: [(style: CellStyle, format: UnsafeMutablePointer<lxw_format>?)] = []
      guard let ws = workbook_add_worksheet(book, sheet.name) else {
        throw XLSXError(reason: "libxlsxwriter refused the sheet name '\(sheet.name)'")
      }
      for (column, width) in sheet.columnWidths.enumerated() {
        try check(worksheet_set_column(ws, lxw_col_t(column), lxw_col_t(column), width, nil))
      }
      // Views, filters and print titles first: in constant-memory mode they may not name rows already
      // flushed.
      if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
        worksheet_freeze_panes(ws, lxw_row_t(sheet.frozenRows), lxw_col_t(sheet.frozenColumns))
      }
      if let range = sheet.autofilter {
        try check(
          worksheet_autofilter(
            ws, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn), lxw_row_t(range.lastRow),
            lxw_col_t(range.lastColumn)))
      }
      if let rows = sheet.repeatedRows {
        try check(worksheet_repeat_rows(ws, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)))
      }
      // Rows are written in order, each with its height and any merge that starts on it: in
      // constant-memory mode libxlsxwriter flushes a row to disk as soon as the next one begins.
      var mergesByRow: [Int: [CellRange]] = [:]
      for merge in sheet.merges { mergesByRow[merge.firstRow, default: []].append(merge) }
      for (r, row) in sheet.rows.enumerated() {
        if r < sheet.rowHeights.count, let height = sheet.rowHeights[r] {
          try check(worksheet_set_row(ws, lxw_row_t(r), height, nil))
        }
        for (c, cell) in row.enumerated() {
          let f: UnsafeMutablePointer<lxw_format>?
          if c < above.count, above[c].style == cell.style {
            f = above[c].format
          } else {
            f = format(cell.style)
            if c < above.count { above[c] = (cell.style, f) } else { above.append((cell.style, f)) }
          }
          let (rowNumber, columnNumber) = (lxw_row_t(r), lxw_col_t(c))
          switch cell.value {
          case .empty:
            // Nothing to see: no cell, and no bytes for libxlsxwriter to print and compress.
            guard cell.style.isVisibleWhenEmpty else { continue }
            try check(worksheet_write_blank(ws, rowNumber, columnNumber, f))
          case .number(let n): try check(worksheet_write_number(ws, rowNumber, columnNumber, n, f))
          case .text(let text):
            try check(worksheet_write_string(ws, rowNumber, columnNumber, cellText(text), f))
          }
        }
        for merge in mergesByRow[r] ?? [] {
          let first = sheet.rows[merge.firstRow][merge.firstColumn]
          let f = format(first.style)
          var text = ""
          if case .text(let value) = first.value { text = cellText(value) }
          try check(
            worksheet_merge_range(
              ws, lxw_row_t(merge.firstRow), lxw_col_t(merge.firstColumn), lxw_row_t(merge.lastRow),
              lxw_col_t(merge.lastColumn), text, f))
        }
      }
      if sheet.landscapeA4FitWidth {
        worksheet_set_landscape(ws)
        worksheet_set_paper(ws, 9)  // A4
        worksheet_fit_to_pages(ws, 1, 0)
      }
      if !sheet.pageHeader.isEmpty { try check(worksheet_set_header(ws, Self.cellText(sheet.pageHeader))) }
      if !sheet.pageFooter.isEmpty { try check(worksheet_set_footer(ws, Self.cellText(sheet.pageFooter))) }
      if let color = sheet.tabColor { worksheet_set_tab_color(ws, lxw_color_t(color)) }
      if sheet.printsGridlines { worksheet_gridlines(ws, UInt8(LXW_SHOW_ALL_GRIDLINES.rawValue)) }
    }
    closed = true
    try check(workbook_close(book))
  }

  private static func apply(_ style: CellStyle, to f: UnsafeMutablePointer<lxw_format>) {
    format_set_font_name(f, "Noto Sans CJK SC")
    if let size = style.fontSize { format_set_font_size(f, size) }
    if style.bold { format_set_bold(f) }
    if style.indent > 0 { format_set_indent(f, UInt8(clamping: style.indent)) }
    if style.wrap { format_set_text_wrap(f) }
    format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    if style.centered { format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue)) }
    if style.border { format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue)) }
    if let fill = style.fill {
      format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(f, lxw_color_t(fill))
    }
    if let color = style.fontColor { format_set_font_color(f, lxw_color_t(color)) }
    if let number = style.numberFormat { format_set_num_format(f, number) }
  }

  /// Text as a cell (and the document properties and page headers, which are XML too) can hold it:
  /// XML-safe characters only (control characters but tab and newline dropped) and at most
  /// `maximumCellCharacters` UTF-16 units, never half a surrogate pair.
  static func cellText(_ text: String) -> String {
    // Nearly every text is kept whole: checked on its UTF-8 bytes, and returned as it is.
    if text.utf8.count <= maximumCellCharacters && !text.utf8.contains(where: { $0 < 0x20 || $0 == 0xEF }) {
      return text
    }
    var scalars = String.UnicodeScalarView()
    var count = 0
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x20 && v != 0x09 && v != 0x0A { continue }
      if v == 0xFFFE || v == 0xFFFF { continue }
      let units = v > 0xFFFF ? 2 : 1
      if count + units > maximumCellCharacters { break }
      scalars.append(scalar)
      count += units
    }
    return String(scalars)
  }

  private static func check(_ error: lxw_error) throws(XLSXError) {
    guard error != LXW_NO_ERROR else { return }
    throw XLSXError(reason: String(cString: lxw_strerror(error)))
  }

  private static func readAll(_ path: String) throws(XLSXError) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw XLSXError(reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw XLSXError(reason: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
  }
}

/// The temporary folder: `$TMPDIR`, else `/tmp`.
enum ProcessEnvironment {
  static var temporaryFolder: String {
    if let value = getenv("TMPDIR") {
      let text = String(cString: value)
      if !text.isEmpty { return text }
    }
    return "/tmp"
  }
}
