import PlanGraph

/// The 总表 sheet: counts per unit in the contract's order, the warning levels, the rates, then the units
/// ranked by on-time completion rate and by overdue share, and under them how each number is computed.
struct LedgerSummarySheet {
  let ledger: Ledger
  let lights: [WarningLight]

  /// What is counted for one unit (and its units): the scheduler's `StatusCounts`, so the ledger
  /// counts exactly what every other output counts, plus the warning levels and the rates.
  struct Tally {
    var counts = StatusCounts()
    var levels: [Int]
    var supported = 0
    var onTime = 0
    var due = 0

    init(levels: Int) { self.levels = [Int](repeating: 0, count: levels) }

    var tasks: Int { counts.tasks }
    var overdue: Int { counts.overdue }
    var onTimeRate: Double? { due == 0 ? nil : Double(onTime) / Double(due) }
    var overdueShare: Double? { tasks == 0 ? nil : Double(overdue) / Double(tasks) }
  }

  /// The tally of every owner index over its subtree, and of the whole selection at index `owners.count`.
  func tallies() -> [Tally] {
    let plan = ledger.plan
    let schedule = ledger.schedule
    let levelCount = ledger.rules.levels.count
    var own = [Tally](repeating: Tally(levels: levelCount), count: plan.owners.count + 1)
    let total = plan.owners.count
    // The leaves and duties, as `StatusCounts` takes them (summaries are not counted).
    for (i, task) in plan.tasks.enumerated() where (task.isLeaf || task.isDuty) && ledger.isIncluded(i) {
      let row = schedule.tasks[i]
      for supporter in task.support { own[supporter].supported += 1 }
      if !task.support.isEmpty { own[total].supported += 1 }
      var targets = [total]
      if let owner = task.owner { targets.append(owner) }
      for t in targets {
        own[t].counts.add(row, isDuty: task.isDuty)
        if row.status == .cancelled { continue }
        if case .level(let n) = lights[i] { own[t].levels[n] += 1 }
        let isDue = row.deadline.map { $0 < schedule.asOf } ?? false
        if row.status == .done || isDue { own[t].due += 1 }
        if row.status == .done && !row.isLate { own[t].onTime += 1 }
      }
    }
    // Roll each owner's tally up into its parents: owners are listed parents first, so walk backwards.
    var rolled = own
    for index in plan.owners.indices.reversed() {
      guard let parent = plan.owners[index].parent else { continue }
      rolled[parent].counts.add(rolled[index].counts)
      rolled[parent].levels = zip(rolled[parent].levels, rolled[index].levels).map(+)
      rolled[parent].supported += rolled[index].supported
      rolled[parent].onTime += rolled[index].onTime
      rolled[parent].due += rolled[index].due
    }
    return rolled
  }

  func sheet(name: String) -> Sheet {
    let plan = ledger.plan
    let words = LedgerWords(language: ledger.language)
    let tallies = tallies()
    let header =
      [words.unit] + words.countColumns + ledger.rules.levels.map(\.name)
      + [words.supported, words.onTimeRate, words.overdueShare]
    var titleStyle = CellStyle()
    titleStyle.bold = true
    titleStyle.fontSize = 14
    titleStyle.border = false
    titleStyle.wrap = false
    var noteStyle = CellStyle()
    noteStyle.border = false
    noteStyle.wrap = true
    var headerStyle = CellStyle()
    headerStyle.bold = true
    headerStyle.centered = true
    headerStyle.fill = 0xD9E1F2
    var levelHeaders = header.map { Cell.text($0, headerStyle) }
    for (n, level) in ledger.rules.levels.enumerated() {
      var style = headerStyle
      style.fill = level.color
      style.fontColor = TaskRows.isDark(level.color) ? 0xFFFFFF : 0x000000
      levelHeaders[1 + words.countColumns.count + n] = Cell.text(level.name, style)
    }
    var rows: [[Cell]] = [
      [Cell.text(plan.title + " " + ledger.language.words.ledger.title, titleStyle)],
      [Cell.text(words.asOf(ledger.schedule.asOf), noteStyle)],
      [],
      levelHeaders,
    ]
    let units = unitsShown(tallies)
    var depth = [Int](repeating: 0, count: plan.owners.count)
    for (i, owner) in plan.owners.enumerated() { if let p = owner.parent { depth[i] = depth[p] + 1 } }
    for unit in units {
      var style = CellStyle()
      style.indent = min(depth[unit], 6)
      style.bold = plan.owners[unit].parent == nil
      rows.append(tallyRow(plan.owners[unit].name, tallies[unit], nameStyle: style))
    }
    var totalStyle = CellStyle()
    totalStyle.bold = true
    rows.append(tallyRow(words.total, tallies[plan.owners.count], nameStyle: totalStyle))
    let tableEnd = rows.count - 1

    // The rankings: units that lead tasks of their own, best first, ties by name.
    let ranked = units.filter { unit in plan.tasks.indices.contains { plan.tasks[$0].owner == unit } }
    rows.append([])
    rows.append(rankingHeader(words.onTimeRanking, words.onTimeRate, headerStyle))
    let byRate = ranked.sorted { a, b in
      let (x, y) = (tallies[a].onTimeRate ?? -1, tallies[b].onTimeRate ?? -1)
      return x != y
        ? x > y : plan.owners[a].name.unicodeScalars.lexicographicallyPrecedes(plan.owners[b].name.unicodeScalars)
    }
    rows.append(contentsOf: rankingRows(byRate) { tallies[$0].onTimeRate })
    rows.append([])
    rows.append(rankingHeader(words.overdueRanking, words.overdueShare, headerStyle))
    let byShare = ranked.sorted { a, b in
      let (x, y) = (tallies[a].overdueShare ?? 2, tallies[b].overdueShare ?? 2)
      return x != y
        ? x < y : plan.owners[a].name.unicodeScalars.lexicographicallyPrecedes(plan.owners[b].name.unicodeScalars)
    }
    rows.append(contentsOf: rankingRows(byShare) { tallies[$0].overdueShare })
    rows.append([])
    var merges: [CellRange] = []
    for note in words.notes {
      merges.append(CellRange(firstRow: rows.count, firstColumn: 0, lastRow: rows.count, lastColumn: 8))
      rows.append([Cell.text(note, noteStyle)])
    }
    var widths = [Double](repeating: 9, count: header.count)
    widths[0] = min(
      36, max(12, Double((units.map { TextWidth.of(plan.owners[$0].name) + depth[$0] * 2 }.max() ?? 8) + 4)))
    var sheet = Sheet(name: name, columnWidths: widths, rows: rows)
    sheet.frozenRows = 4
    sheet.frozenColumns = 1
    sheet.autofilter = CellRange(firstRow: 3, firstColumn: 0, lastRow: tableEnd, lastColumn: header.count - 1)
    sheet.repeatedRows = 3...3
    sheet.merges = merges
    sheet.pageHeader = PageHeader.text(title: plan.title + " · " + name, right: words.asOf(ledger.schedule.asOf))
    sheet.pageFooter = PageHeader.pageNumbers(ledger.language)
    return sheet
  }

  /// The owners shown: all, or the selected ones; each only when it leads or supports something.
  private func unitsShown(_ tallies: [Tally]) -> [Int] {
    ledger.plan.owners.indices.filter { unit in
      if let selection = ledger.selection, !selection.contains(unit) { return false }
      let t = tallies[unit]
      return t.tasks + t.counts.cancelled + t.supported > 0
    }
  }

  private func tallyRow(_ name: String, _ tally: Tally, nameStyle: CellStyle) -> [Cell] {
    var number = CellStyle()
    number.centered = true
    number.bold = nameStyle.bold
    var percent = number
    percent.numberFormat = "0.0%"
    return [Cell.text(name, nameStyle)] + tally.counts.jsonFields.map { Cell.number($0.1, number) }
      + tally.levels.map { Cell.number($0, number) } + [Cell.number(tally.supported, number)]
      + [
        Cell(tally.onTimeRate.map(Cell.Value.number) ?? .text("—"), style: percent),
        Cell(tally.overdueShare.map(Cell.Value.number) ?? .text("—"), style: percent),
      ]
  }

  private func rankingHeader(_ title: String, _ measure: String, _ style: CellStyle) -> [Cell] {
    let words = LedgerWords(language: ledger.language)
    return [Cell.text(title, style), Cell.text(words.rank, style), Cell.text(measure, style)]
  }

  private func rankingRows(_ units: [Int], _ value: (Int) -> Double?) -> [[Cell]] {
    var centered = CellStyle()
    centered.centered = true
    var percent = centered
    percent.numberFormat = "0.0%"
    var rows: [[Cell]] = []
    var rank = 0
    var previous: Double? = nil
    for (n, unit) in units.enumerated() {
      let v = value(unit)
      if n == 0 || previous != v { rank = n + 1 }
      previous = v
      rows.append([
        Cell.text(ledger.plan.owners[unit].name), Cell.number(rank, centered),
        Cell(v.map(Cell.Value.number) ?? .text("—"), style: percent),
      ])
    }
    return rows
  }
}
