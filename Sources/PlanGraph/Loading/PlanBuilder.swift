/// The plan under construction while files are read: every task goes straight into one array in
/// output order, with what still needs the whole plan (owner names, references, relative dates) kept
/// in flat side arrays until the assembler resolves them.
struct PlanBuilder {
  /// Every task of every file read so far, in output order.
  var tasks: [PlanTask] = []
  /// Per task: the owner as written ("" when none), and where.
  var ownerText: [String] = []
  var ownerPosition: [SourcePosition] = []
  /// Every `after` entry as written: the referring task, the name, and where.
  var referenceTask: [Int32] = []
  var referenceText: [String] = []
  var referencePosition: [SourcePosition] = []
  /// `support` entries (few): the task and the owner name as written.
  var supportTask: [Int32] = []
  var supportText: [Scalar] = []
  /// Relative dates written before the plan start was known, resolved at the end.
  var pendingDates: [PendingDate] = []
  /// The plan start, once the root file has given it.
  var planStart: Day?
  /// Where each duty's `until` is written, for the warning when it falls before `from` (few tasks have one).
  var untilPositions: [Int: SourcePosition] = [:]

  /// Where a date belongs in its task.
  enum DateField: Equatable {
    case start, deadline, done, from, until
    case held(Int)
    case measurement(Int)
  }

  /// A relative date waiting for the plan start.
  struct PendingDate {
    var task: Int
    var field: DateField
    var days: Int
    /// Whether `days` counts working days of the plan's calendar (`+Nwd`, `N个工作日内`).
    var workingDays = false
    var position: SourcePosition
  }

  /// Makes room for about `count` more tasks (and as many references).
  mutating func reserve(_ count: Int) {
    Self.makeRoom(in: &tasks, for: count)
    Self.makeRoom(in: &ownerText, for: count)
    Self.makeRoom(in: &ownerPosition, for: count)
    Self.makeRoom(in: &referenceTask, for: count)
    Self.makeRoom(in: &referenceText, for: count)
    Self.makeRoom(in: &referencePosition, for: count)
  }

  /// Grows `array` only when `count` more elements would not fit, and then at least twofold:
  /// `reserveCapacity` allocates exactly what it is asked for, so asking for a little more per
  /// included file would copy every earlier task once per file.
  private static func makeRoom<Element>(in array: inout [Element], for count: Int) {
    let needed = array.count + count
    guard needed > array.capacity else { return }
    array.reserveCapacity(max(needed, 2 * array.capacity))
  }

  /// Adds an empty task under `parent`; returns its index.
  mutating func addTask(parent: Int?, position: SourcePosition) -> Int {
    let index = tasks.count
    tasks.append(PlanTask(id: "", fullID: "", name: "", parent: parent, locations: TaskLocations(id: position)))
    ownerText.append("")
    ownerPosition.append(position)
    if let parent { tasks[parent].children.append(index) }
    return index
  }

  /// Records an `after` entry of task `task`.
  mutating func addReference(from task: Int, _ scalar: Scalar) {
    referenceTask.append(Int32(task))
    referenceText.append(scalar.text)
    referencePosition.append(scalar.position)
  }

  /// Sets a date of a task, or keeps a relative one until the plan start is known.
  mutating func set(_ field: DateField, of task: Int, to slot: DateSlot) {
    if field == .until { untilPositions[task] = slot.position }
    switch slot.expression {
    case .day(let day):
      set(field, of: task, day: day)
    case .relative(let days):
      pendingDates.append(PendingDate(task: task, field: field, days: days, position: slot.position))
    case .relativeWorkingDays(let count):
      // The calendar may come later in the root file: working-day dates always wait for the assembler.
      pendingDates.append(
        PendingDate(task: task, field: field, days: count, workingDays: true, position: slot.position))
    }
  }

  /// Puts a relative date in its place in a plan starting on `planStart`, or reports it when it falls
  /// outside the years plan dates may take. Both the parser (start already known) and the assembler
  /// (pending dates) resolve through here, so the rule and its wording live once.
  mutating func resolve(
    _ field: DateField, of task: Int, days: Int, planStart: Day, at location: FileLocation,
    into bag: inout DiagnosticBag, workingDays: WorkingDays? = nil
  ) {
    let day =
      if let workingDays {
        DateExpression.relativeWorkingDays(days).resolved(planStart: planStart, workingDays: workingDays)
      } else {
        DateExpression.relative(days: days).resolved(planStart: planStart)
      }
    guard DateExpression.allowedYears.contains(day.year) else {
      let years = ParserPhrases.years
      bag.error(
        .dateOutOfRange,
        Phrase(
          "this relative date falls on \(day.iso), outside the years \(years)", "这个相对日期落在 \(day.iso)，超出了 \(years) 年的范围"),
        at: location, hint: ParserPhrases.yearsHint)
      return
    }
    set(field, of: task, day: day)
  }

  /// Puts a resolved date in its place.
  mutating func set(_ field: DateField, of task: Int, day: Day) {
    switch field {
    case .start: tasks[task].start = day
    case .deadline: tasks[task].deadline = day
    case .done: tasks[task].doneDate = day
    case .from: tasks[task].recurrenceFrom = day
    case .until: tasks[task].recurrenceUntil = day
    case .held(let i):
      var held = tasks[task].heldDates
      if held.indices.contains(i) {
        held[i] = day
        tasks[task].heldDates = held
      }
    case .measurement(let i):
      var measurements = tasks[task].measurements
      if measurements.indices.contains(i) {
        measurements[i].date = day
        tasks[task].measurements = measurements
      }
    }
  }
}
