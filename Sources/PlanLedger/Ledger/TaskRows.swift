import PlanGraph

#if canImport(Glibc)
  import Glibc
#endif

/// The rows of a task sheet: the columns of the issue, one row per task, in plan order.
struct TaskRows: Sendable {
  let ledger: Ledger
  let lights: [WarningLight]
  private let depths: [Int]
  private let successors: [[Int]]
  private let words: LedgerWords

  init(ledger: Ledger, lights: [WarningLight]) {
    self.ledger = ledger
    self.lights = lights
    let plan = ledger.plan
    var depths = [Int](repeating: 0, count: plan.tasks.count)
    var successors = [[Int]](repeating: [], count: plan.tasks.count)
    for (i, task) in plan.tasks.enumerated() {
      if let parent = task.parent { depths[i] = depths[parent] + 1 }
      for predecessor in task.after where !successors[predecessor].contains(i) { successors[predecessor].append(i) }
    }
    self.depths = depths
    self.successors = successors
    self.words = LedgerWords(language: ledger.language)
  }

  /// The widest a column grows, in character units, and the narrowest.
  static let maximumWidths: [Double] = [6, 44, 30, 16, 22, 11, 11, 11, 7, 24, 9, 8, 8, 26, 26, 30]
  static let minimumWidths: [Double] = [5, 16, 10, 10, 10, 11, 11, 11, 7, 10, 8, 6, 8, 10, 10, 10]

  /// A sheet of `tasks`; `unitOwners` are the sheet's own units, whose supporting rows are marked.
  func sheet(name: String, tasks: [Int], unitOwners: Set<Int>) -> Sheet {
    let header = words.taskColumns
    var headerStyle = CellStyle()
    headerStyle.bold = true
    headerStyle.centered = true
    headerStyle.fill = 0xD9E1F2
    var rows: [[Cell]] = [header.map { Cell.text($0, headerStyle) }]
    rows.reserveCapacity(tasks.count + 1)
    let minimumDepth = tasks.map { depths[$0] }.min() ?? 0
    for (n, index) in tasks.enumerated() {
      rows.append(row(number: n + 1, index: index, depth: depths[index] - minimumDepth, unitOwners: unitOwners))
    }
    var sheet = Sheet(name: name, columnWidths: Self.widths(rows), rows: rows)
    sheet.rowHeights = Self.heights(rows, widths: sheet.columnWidths)
    sheet.frozenRows = 1
    sheet.frozenColumns = 2
    sheet.autofilter = CellRange(firstRow: 0, firstColumn: 0, lastRow: rows.count - 1, lastColumn: header.count - 1)
    sheet.repeatedRows = 0...0
    sheet.printsGridlines = true
    sheet.pageHeader = PageHeader.text(title: ledger.plan.title + " · " + name, right: words.asOf(ledger.schedule.asOf))
    sheet.pageFooter = PageHeader.pageNumbers(ledger.language)
    return sheet
  }

  private func row(number: Int, index: Int, depth: Int, unitOwners: Set<Int>) -> [Cell] {
    let plan = ledger.plan
    let task = plan.tasks[index]
    let row = ledger.schedule.tasks[index]
    let language = ledger.language
    // Body cells have no border: the sheet prints its gridlines instead, so that an empty cell need not
    // be written at all (half the cells of a large ledger; see `CellStyle.isVisibleWhenEmpty`). Filled
    // cells keep a border, which frames them where the fill hides the gridlines on screen.
    var plain = CellStyle()
    plain.border = false
    var centered = plain
    centered.centered = true
    var nameStyle = plain
    nameStyle.indent = min(depth, 8)
    nameStyle.bold = task.isSummary
    let supports = plan.isOnlySupported(index, by: unitOwners)
    var supportText = task.support.map { plan.owners[$0].name }.joined(separator: "、")
    var supportStyle = plain
    if supports {
      supportText = words.supportMark + supportText
      supportStyle.fill = 0xDDEBF7
      supportStyle.border = true
    }
    var progressStyle = centered
    progressStyle.numberFormat = "0%"
    let progress: Int? = row.status == .done ? 100 : task.progress
    var lightStyle = centered
    lightStyle.bold = true
    if let color = ledger.rules.color(lights[index]) {
      lightStyle.fill = color
      lightStyle.border = true
      lightStyle.fontColor = Self.isDark(color) ? 0xFFFFFF : 0x000000
    }
    var statusWord = ReportText.statusWords(row.status, of: task, language: language)
    if row.isLate && row.status == .done { statusWord += language.words.ledger.finishedLate }
    return [
      Cell.number(number, centered),
      Cell.text(task.name, nameStyle),
      Cell.text(task.source ?? "", plain),
      Cell.text(task.owner.map { plan.owners[$0].name } ?? "", plain),
      Cell.text(supportText, supportStyle),
      timeLimit(task, row, centered),
      Cell.date(row.finish, centered),
      Cell.date(row.forecastFinish, centered),
      Cell(progress.map { .number(Double($0) / 100) } ?? .empty, style: progressStyle),
      Cell.text(targetText(task, row), plain),
      Cell.text(statusWord, centered),
      Cell.text(ledger.rules.word(lights[index], language), lightStyle),
      Cell.number(row.daysOverdue, centered),
      Cell.text(affects(index), plain),
      Cell.text(task.evidence ?? "", plain),
      Cell.text(task.note ?? "", plain),
    ]
  }

  /// The deadline as a date; a duty's period in words (每月).
  private func timeLimit(_ task: PlanTask, _ row: TaskSchedule, _ style: CellStyle) -> Cell {
    if let recurrence = task.recurrence {
      return Cell.text(ledger.language.words.ledger.every(recurrence), style)
    }
    return Cell.date(row.deadline, style)
  }

  private func targetText(_ task: PlanTask, _ row: TaskSchedule) -> String {
    guard let target = task.target else { return "" }
    var text = "\(target.metric) \(target.comparison.rawValue) \(target.value)\(target.unit ?? "")"
    if let latest = row.latestMeasurement {
      text += ledger.language.words.ledger.latestMeasurement(("\(latest.value)", latest.date))
    }
    return text
  }

  /// The tasks that wait for this one directly: how many, and the first three by name.
  private func affects(_ index: Int) -> String {
    let list = successors[index]
    guard !list.isEmpty else { return "" }
    let names = list.prefix(3).map { ledger.plan.tasks[$0].name }.joined(separator: "、")
    let words = ledger.language.words
    return words.ledger.listCount(list.count) + names + (list.count > 3 ? words.ledger.listMore(list.count - 3) : "")
  }

  /// Whether white text reads better than black on a fill: the one with the higher contrast ratio
  /// (WCAG's relative luminance), so that orange or green cells printed in grey keep dark, legible words.
  static func isDark(_ color: UInt32) -> Bool {
    func linear(_ channel: UInt32) -> Double {
      let c = Double(channel & 0xFF) / 255
      return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    let luminance = 0.2126 * linear(color >> 16) + 0.7152 * linear(color >> 8) + 0.0722 * linear(color)
    // Contrast with white, (1 + 0.05) / (L + 0.05), against contrast with black, (L + 0.05) / 0.05.
    return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05
  }

  /// The points of one line of 11-point text, and the most lines a row is given.
  static let lineHeight = 16.0
  static let maximumLines = 12

  /// Row heights that show every wrapped line: the cell needing the most lines at its column's width
  /// sets the row's height (viewers do not agree on fitting rows themselves).
  static func heights(_ rows: [[Cell]], widths: [Double]) -> [Double?] {
    rows.map { row in
      var lines = 1
      for (c, cell) in row.enumerated() where c < widths.count {
        guard case .text(let text) = cell.value else { continue }
        let room = max(1, Int((widths[c] - 1) * 1.15) - cell.style.indent * 2)
        var needed = 0
        for width in CellText.lineWidths(text) {
          needed += max(1, (width + room - 1) / room)
          if needed >= maximumLines { break }
        }
        lines = max(lines, min(needed, maximumLines))
      }
      return lines == 1 ? nil : Double(lines) * lineHeight
    }
  }

  /// Column widths fitted to the text: the widest line of each column (CJK characters count two), plus
  /// padding, between the column's minimum and maximum.
  static func widths(_ rows: [[Cell]]) -> [Double] {
    var widths = minimumWidths
    for row in rows {
      for (c, cell) in row.enumerated() where c < widths.count {
        guard case .text(let text) = cell.value else { continue }
        let widest = CellText.lineWidths(text).max() ?? 0
        let wanted = Double(widest + 2 + cell.style.indent * 2) * 1.1
        widths[c] = min(maximumWidths[c], max(widths[c], wanted))
      }
    }
    return widths
  }
}

/// Page headers and footers in Excel's syntax, with plan text escaped (`&` doubled) and kept short.
enum PageHeader {
  /// Title on the left, `right` on the right.
  static func text(title: String, right: String) -> String {
    "&L" + escaped(title, limit: 90) + "&R" + escaped(right, limit: 40)
  }

  /// Page n of m, centred.
  static func pageNumbers(_ language: Language) -> String {
    language.words.ledger.pageFooter
  }

  static func escaped(_ text: String, limit: Int) -> String {
    var clipped = String(text.prefix(limit).filter { !$0.isNewline })
    if text.count > limit { clipped += "…" }
    return clipped.replacingAll("&", with: "&&")
  }
}

extension String {
  /// Every `target` character replaced by `replacement`.
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
