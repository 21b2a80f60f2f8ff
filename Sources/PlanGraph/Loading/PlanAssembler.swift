/// Turns what the files said into one plan: full ids, owners, references and relative dates, and the
/// checks that need the whole plan (duplicates across files, unknown names, cycles).
struct PlanAssembler {
  let files: [LoadedFile]
  var builder: PlanBuilder
  var bag: DiagnosticBag

  private var owners: [Owner] = []
  private var ownerIndex: [String: Int] = [:]
  /// Full id → task index, for tasks whose full id is known.
  private var fullIDIndex: [String: Int32] = [:]
  private var namespaces: [String] = []
  private var referenceHintsGiven = 0
  /// Tasks whose owner (own, inherited or the file's) is written but unknown: already an error.
  private var ownerWritten = Set<Int>()
  /// The dependency graph built for the cycle check, handed on with the plan.
  private var graph: DependencyGraph?
  /// Told as each stage of assembly ends.
  var observer = StageObserver.none

  init(files: [LoadedFile], builder: PlanBuilder, bag: DiagnosticBag) {
    self.files = files
    self.builder = builder
    self.bag = bag
  }

  /// Builds the plan; nil when the root file is unusable. Errors are left in `bag`.
  mutating func assemble() -> Plan? {
    guard let root = files.first else { return nil }
    let title = checkHeaders(root)
    collectNamespaces()
    assignFullIDs()
    collectOwners()
    resolveOwners()
    resolveSupport()
    observer.end(.ids)
    resolveReferences()
    resolvePendingDates()
    warnEmptyDuties()
    observer.end(.references)
    checkCycles()
    observer.end(.graph)
    warnMissingOwners()
    guard let planStart = builder.planStart else { return nil }
    let tasks = builder.tasks
    builder = PlanBuilder()
    var plan = Plan(
      title: title ?? "", start: planStart, owners: owners, tasks: tasks, files: files.map(\.path),
      calendar: calendar)
    plan.calendarPosition = files.first?.parsed.calendarPosition
    plan.warnings = root.parsed.warnings ?? .standard
    if let graph { plan.keep(graph) }
    return plan
  }

  private func location(_ position: SourcePosition) -> FileLocation {
    let index = Int(position.file)
    return FileLocation(
      file: files.indices.contains(index) ? files[index].path : "?", line: Int(position.line),
      column: Int(position.column), length: Int(position.length))
  }

  private func shortPlace(_ position: SourcePosition) -> String {
    let path = files.indices.contains(Int(position.file)) ? files[Int(position.file)].path : "?"
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return "\(name):\(position.line)"
  }

  // MARK: - Files

  private mutating func checkHeaders(_ root: LoadedFile) -> String? {
    let rootPosition = root.parsed.position
    let rootComplete = !root.parsed.stoppedBySyntaxError && !root.parsed.hasNoMapping
    if root.parsed.title == nil && rootComplete {
      bag.error(
        .missingKey, "the root plan file has no 'plan' (the plan's title)", at: location(rootPosition),
        hint: "add 'plan: <title>' at the top of the file")
    }
    if let start = root.parsed.start, let startDate = root.parsed.startDate {
      switch startDate {
      case .success(.day):
        break  // the parser set the plan start as soon as it read it
      case .success(.relative), .success(.relativeWorkingDays):
        bag.error(
          .invalidDate, "the plan start cannot be relative to itself", at: location(start.position),
          hint: "write a date such as 2017-09-01")
      case .failure(.yearOutOfRange(let year)):
        bag.error(.dateOutOfRange, "the year \(year) is outside 1900–2200", at: location(start.position))
      case .failure:
        bag.error(
          .invalidDate, "'\(start.text)' is not a date", at: location(start.position),
          hint: DateWordingHint.suggestion(forDate: start.text).map { "write '\($0)'" }
            ?? "write the plan start as a date such as 2017-09-01")
      }
    } else if rootComplete {
      bag.error(
        .missingKey, "the root plan file has no 'start' (the plan start)", at: location(rootPosition),
        hint: "add 'start: 2017-09-01'")
    }
    for file in files.dropFirst() {
      for (key, position) in file.parsed.rootOnlyKeys {
        bag.error(
          .misplacedKey, "'\(key)' belongs in the root plan file only", at: location(position),
          hint: "the root file sets the plan's title and start for all files")
      }
      if file.parsed.namespace == nil && !file.parsed.stoppedBySyntaxError && !file.parsed.hasNoMapping {
        bag.error(
          .missingKey, "an included file needs an 'id', the namespace of its tasks",
          at: location(file.parsed.position), hint: "add 'id: <namespace>' at the top of the file")
      }
    }
    return root.parsed.title?.text
  }

  private mutating func collectNamespaces() {
    var seen: [String: SourcePosition] = [:]
    for file in files {
      guard let namespace = file.parsed.namespace else {
        namespaces.append("")
        continue
      }
      namespaces.append(namespace.text)
      if let earlier = seen[namespace.text] {
        bag.error(
          .duplicateNamespace, "the namespace '\(namespace.text)' is already used by \(shortPlace(earlier))",
          at: location(namespace.position), hint: "give each file its own 'id'")
      } else {
        seen[namespace.text] = namespace.position
      }
    }
  }

  /// Full ids in output order (a parent before its children), registered and checked for clashes.
  private mutating func assignFullIDs() {
    fullIDIndex.reserveCapacity(builder.tasks.count)
    for (fileNumber, file) in files.enumerated() {
      let namespace = namespaces[fileNumber]
      for index in file.parsed.tasks {
        let id = builder.tasks[index].id
        guard !id.isEmpty else { continue }
        let fullID: String
        if let parent = builder.tasks[index].parent {
          let parentID = builder.tasks[parent].fullID
          guard !parentID.isEmpty else { continue }
          fullID = parentID + "." + id
        } else {
          fullID = namespace.isEmpty ? id : namespace + "." + id
        }
        if let earlier = fullIDIndex[fullID] {
          let position = builder.tasks[index].locations.id
          let earlierPlace = shortPlace(builder.tasks[Int(earlier)].locations.id)
          let sameSiblings =
            builder.tasks[Int(earlier)].parent == builder.tasks[index].parent
            && builder.tasks[Int(earlier)].locations.id.file == position.file
          if sameSiblings {
            bag.error(
              .duplicateID, "a sibling task with id '\(id)' is already defined at \(earlierPlace)",
              at: location(position), hint: "ids must be unique among siblings")
          } else {
            bag.error(
              .duplicateID, "the full id '\(fullID)' is already used by the task at \(earlierPlace)",
              at: location(position), hint: "rename one of them; a file's namespace is part of its tasks' full ids")
          }
          continue
        }
        builder.tasks[index].fullID = fullID
        fullIDIndex[fullID] = Int32(index)
      }
    }
  }

  // MARK: - Owners

  private mutating func collectOwners() {
    for file in files {
      var globalIndex: [Int?] = []
      for draft in file.parsed.owners {
        let parentGlobal = draft.parent.flatMap { globalIndex[$0] }
        guard let id = draft.id, draft.parent == nil || parentGlobal != nil else {
          globalIndex.append(nil)
          continue
        }
        let fullID = parentGlobal.map { owners[$0].id + "." + id.text } ?? id.text
        if let earlier = ownerIndex[fullID] {
          bag.error(
            .duplicateOwner, "the owner '\(fullID)' is already declared at \(shortPlace(owners[earlier].location))",
            at: location(id.position), hint: "declare each owner once; every file may use it")
          globalIndex.append(earlier)
          continue
        }
        ownerIndex[fullID] = owners.count
        globalIndex.append(owners.count)
        owners.append(Owner(id: fullID, name: draft.name ?? id.text, parent: parentGlobal, location: id.position))
      }
    }
  }

  /// The owner a written id names, or nil after reporting it as unknown.
  private mutating func resolveOwner(_ text: String, at position: SourcePosition) -> Int? {
    if let index = ownerIndex[text] { return index }
    let ids = owners.map(\.id)
    let suffixMatches = ids.filter { $0.hasSuffix("." + text) }
    let hint =
      suffixMatches.isEmpty
      ? NearestNames.hint(for: text, in: ids) ?? (ids.isEmpty ? "declare it under 'owners:'" : nil)
      : "did you mean " + suffixMatches.prefix(3).map { "'\($0)'" }.joined(separator: " or ")
        + "? owners are named by their full dotted id"
    bag.error(.unknownOwner, "unknown owner '\(text)'", at: location(position), hint: hint)
    return nil
  }

  private mutating func resolveOwners() {
    for file in files {
      let fileOwner = file.parsed.owner.flatMap { resolveOwner($0.text, at: $0.position) }
      let fileOwnerUnknown = fileOwner == nil && file.parsed.owner != nil
      for index in file.parsed.tasks {
        let written = builder.ownerText[index]
        if !written.isEmpty {
          builder.tasks[index].owner = resolveOwner(written, at: builder.ownerPosition[index])
          if builder.tasks[index].owner == nil { ownerWritten.insert(index) }
        } else if let parent = builder.tasks[index].parent {
          builder.tasks[index].owner = builder.tasks[parent].owner
          if ownerWritten.contains(parent) { ownerWritten.insert(index) }
        } else {
          builder.tasks[index].owner = fileOwner
          if fileOwnerUnknown { ownerWritten.insert(index) }
        }
      }
    }
  }

  /// Resolves `support` entries to owners; naming the task's own owner, or a unit twice, is a warning.
  private mutating func resolveSupport() {
    for (n, task) in builder.supportTask.enumerated() {
      let index = Int(task)
      let scalar = builder.supportText[n]
      guard let owner = resolveOwner(scalar.text, at: scalar.position) else { continue }
      if builder.tasks[index].owner == owner || builder.tasks[index].support.contains(owner) {
        bag.warning(
          .ignoredValue,
          "'\(scalar.text)' already \(builder.tasks[index].owner == owner ? "leads" : "supports") this task",
          at: location(scalar.position), hint: "list each supporting unit once, and not the lead unit")
        continue
      }
      builder.tasks[index].support.append(owner)
    }
  }

  // MARK: - References

  private mutating func resolveReferences() {
    for entry in builder.referenceTask.indices {
      let index = Int(builder.referenceTask[entry])
      let name = builder.referenceText[entry]
      let position = builder.referencePosition[entry]
      let fileNumber = Int(builder.tasks[index].locations.id.file)
      guard let target = resolve(name, from: index, fileNumber: fileNumber) else {
        reportUnknownReference(name, at: position, from: index, fileNumber: fileNumber)
        continue
      }
      if builder.tasks[target].isDuty {
        bag.warning(
          .ignoredValue, "'\(name)' is a recurring duty; depending on it has no effect", at: location(position),
          hint: "depend on a one-off task instead")
        continue
      }
      builder.tasks[index].after.append(target)
      builder.tasks[index].locations.after.append(position)
    }
  }

  /// The contract's three steps: a sibling, a path inside the file, a full id.
  private func resolve(_ name: String, from index: Int, fileNumber: Int) -> Int? {
    let namespace = namespaces.indices.contains(fileNumber) ? namespaces[fileNumber] : ""
    if !name.contains(".") {
      let siblingID: String?
      if let parent = builder.tasks[index].parent {
        let parentID = builder.tasks[parent].fullID
        siblingID = parentID.isEmpty ? nil : parentID + "." + name
      } else {
        siblingID = namespace.isEmpty ? name : namespace + "." + name
      }
      if let siblingID, let found = fullIDIndex[siblingID] { return Int(found) }
    }
    let inFile = namespace.isEmpty ? name : namespace + "." + name
    if let found = fullIDIndex[inFile], builder.tasks[Int(found)].locations.id.file == Int32(fileNumber) {
      return Int(found)
    }
    return fullIDIndex[name].map(Int.init)
  }

  private mutating func reportUnknownReference(
    _ name: String, at position: SourcePosition, from index: Int, fileNumber: Int
  ) {
    var hint: String?
    // Hints cost a scan of every id; a file full of broken references gets them for the first hundred.
    if referenceHintsGiven < 100 {
      referenceHintsGiven += 1
      let namespace = namespaces[fileNumber]
      var candidates: [(name: String, task: Int)] = []
      let tasks = builder.tasks
      let siblings =
        tasks[index].parent.map { tasks[$0].children }
        ?? files[fileNumber].parsed.tasks.filter { tasks[$0].parent == nil }
      for sibling in siblings { candidates.append((tasks[sibling].id, sibling)) }
      for position in tasks.indices where !tasks[position].fullID.isEmpty {
        let fullID = tasks[position].fullID
        if tasks[position].locations.id.file == Int32(fileNumber), !namespace.isEmpty,
          fullID.hasPrefix(namespace + ".")
        {
          candidates.append((String(fullID.dropFirst(namespace.count + 1)), position))
        }
        candidates.append((fullID, position))
      }
      let places = Dictionary(candidates.map { ($0.name, $0.task) }, uniquingKeysWith: { first, _ in first })
      hint = NearestNames.hint(for: name, in: candidates.map(\.name)) { candidate in
        places[candidate].map { "'\(candidate)' (\(shortPlace(tasks[$0].locations.id)))" } ?? "'\(candidate)'"
      }
    }
    bag.error(.unknownReference, "unknown task '\(name)' in 'after'", at: location(position), hint: hint)
  }

  // MARK: - Dates

  /// The root file's calendar, Monday to Friday when it has none.
  private var calendar: WorkCalendar { files.first?.parsed.calendar ?? .weekdays }

  private mutating func resolvePendingDates() {
    guard let planStart = builder.planStart else { return }
    let workingDays = builder.pendingDates.contains(where: \.workingDays) ? WorkingDays(calendar: calendar) : nil
    for pending in builder.pendingDates {
      builder.resolve(
        pending.field, of: pending.task, days: pending.days, planStart: planStart, at: location(pending.position),
        into: &bag, workingDays: pending.workingDays ? workingDays : nil)
    }
  }

  /// A duty whose `until` falls before its `from` (the plan start when none is written) has no occurrence
  /// at all: most likely the two dates were swapped or mistyped, so it is worth a warning.
  private mutating func warnEmptyDuties() {
    guard let planStart = builder.planStart else { return }
    for (index, position) in builder.untilPositions.sorted(by: { $0.key < $1.key }) {
      let task = builder.tasks[index]
      guard task.isDuty, let until = task.recurrenceUntil else { continue }
      let from = task.recurrenceFrom ?? planStart
      guard until < from else { continue }
      let fromWords = task.recurrenceFrom == nil ? "the plan start \(from.iso)" : "'from' (\(from.iso))"
      bag.warning(
        .emptyDuty, "'until' (\(until.iso)) is before \(fromWords): the duty has no occurrences",
        at: location(position), hint: "check the two dates; 'until' is the last day the duty recurs")
    }
  }

  // MARK: - Whole-plan checks

  private mutating func checkCycles() {
    let graph = DependencyGraph(tasks: builder.tasks)
    self.graph = graph
    for cycle in graph.cycles(tasks: builder.tasks) {
      let ids = cycle.tasks.map {
        builder.tasks[$0].fullID.isEmpty ? builder.tasks[$0].name : builder.tasks[$0].fullID
      }
      let shown: [String]
      if ids.count > 24 {
        shown = Array(ids.prefix(12)) + ["… \(ids.count - 20) more …"] + Array(ids.suffix(8))
      } else {
        shown = ids
      }
      let first = ids.first ?? "?"
      bag.error(
        .dependencyCycle, "dependency cycle: " + (shown + [first]).joined(separator: " → "),
        at: location(cycle.position),
        hint: "a task cannot wait for itself; remove one of these dependencies")
    }
  }

  private mutating func warnMissingOwners() {
    // A file cut short by a syntax error is already an error; its half-read tasks are not worth warning about.
    guard !files.contains(where: \.parsed.stoppedBySyntaxError) else { return }
    for index in builder.tasks.indices where builder.tasks[index].children.isEmpty && builder.tasks[index].owner == nil
    {
      // A task whose id was refused has its diagnostic already; "task '' has no owner" would echo it.
      guard !ownerWritten.contains(index), !builder.tasks[index].id.isEmpty else { continue }
      bag.warning(
        .noOwner, "task '\(builder.tasks[index].fullID)' has no owner", at: location(builder.tasks[index].locations.id),
        hint: "add 'owner: <unit>' to the task, or 'owner:' at the top of its file")
    }
  }
}
