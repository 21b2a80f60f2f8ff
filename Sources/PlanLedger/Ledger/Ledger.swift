import PlanGraph

/// The supervisor's ledger (督查督办台账) of a plan as of a date: a 总表 sheet with counts and rankings per
/// unit, then one sheet of tasks per organisation, as a `Workbook` value ready for `XLSXFile`.
public struct Ledger: Sendable {
  /// The plan.
  public let plan: Plan
  /// Its schedule as of the ledger's date.
  public let schedule: Schedule
  /// The warning rules that give each task its light.
  public let rules: WarningRules
  /// The owners selected with `--owner` (a unit and its units), nil for the whole plan.
  public let selection: Set<Int>?
  /// The language of headings and words.
  public let language: Language

  /// Creates a ledger.
  public init(plan: Plan, schedule: Schedule, rules: WarningRules, selection: Set<Int>?, language: Language) {
    self.plan = plan
    self.schedule = schedule
    self.rules = rules
    self.selection = selection
    self.language = language
  }

  /// Whether the task at `index` is in the ledger: all tasks, or those a selected unit leads or supports.
  func isIncluded(_ index: Int) -> Bool {
    guard let selection else { return true }
    return plan.isLedOrSupported(index, by: selection)
  }

  /// The workbook: 总表 first, then a sheet per organisation in the order the plan declares them.
  public func workbook() -> Workbook {
    var (book, later) = streamedWorkbook()
    book.sheets += later.map { $0() }
    return book
  }

  /// The workbook with its 总表 only, and the makers of the task sheets that follow it, in order: for
  /// `XLSXFile.bytes(of:thenSheets:)`, which makes each while writing the one before and then lets it go.
  public func streamedWorkbook() -> (Workbook, [@Sendable () -> Sheet]) {
    let words = LedgerWords(language: language)
    var names = SheetNames()
    let lights = rules.lights(plan: plan, schedule: schedule)
    let sheets = [LedgerSummarySheet(ledger: self, lights: lights).sheet(name: names.make(words.summarySheet))]
    let rows = TaskRows(ledger: self, lights: lights)
    var later: [@Sendable () -> Sheet] = []
    for group in groups() {
      let name = names.make(group.title)
      later.append { rows.sheet(name: name, tasks: group.tasks, unitOwners: group.owners) }
    }
    let title = plan.title + " " + language.words.ledger.title
    let book = Workbook(
      title: title, subject: words.asOf(schedule.asOf),
      keywords: language.words.ledger.keywords,
      created: (schedule.asOf.ordinal) * 86_400, sheets: sheets)
    return (book, later)
  }

  /// The task sheets' groups: each organisation with the tasks its units lead or support, and the
  /// tasks without an owner at the end; with `--owner`, one group for the selected unit.
  func groups() -> [(title: String, owners: Set<Int>, tasks: [Int])] {
    if let selection {
      let top = selection.min() ?? 0
      let tasks = plan.tasks.indices.filter(isIncluded)
      return [(plan.owners.isEmpty ? "?" : plan.owners[top].name, selection, tasks)]
    }
    var byOrganisation: [Int: [Int]] = [:]
    var unassigned: [Int] = []
    for (i, task) in plan.tasks.enumerated() {
      var organisations: [Int] = []
      if let owner = task.owner { organisations.append(plan.organisation(of: owner)) } else { unassigned.append(i) }
      for supporter in task.support {
        let organisation = plan.organisation(of: supporter)
        if !organisations.contains(organisation) { organisations.append(organisation) }
      }
      for organisation in organisations { byOrganisation[organisation, default: []].append(i) }
    }
    var result: [(String, Set<Int>, [Int])] = []
    for (index, owner) in plan.owners.enumerated() where owner.parent == nil {
      guard let tasks = byOrganisation[index] else { continue }
      result.append((owner.name, plan.ownerSubtree(index), tasks))
    }
    if !unassigned.isEmpty { result.append((LedgerWords(language: language).unassignedSheet, [], unassigned)) }
    return result
  }
}
