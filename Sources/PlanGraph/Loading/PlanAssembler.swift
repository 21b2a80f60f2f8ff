/// Turns the parsed files into one plan: namespaces, owners, full ids, references, dates, and the
/// checks that need the whole plan (duplicates across files, unknown names, cycles).
struct PlanAssembler {
  let files: [LoadedFile]
  var bag: DiagnosticBag

  /// Global index of each file's first task.
  private var taskBase: [Int] = []
  private var owners: [Owner] = []
  private var ownerIndex: [String: Int] = [:]
  private var tasks: [PlanTask] = []
  /// Full id → task index, for tasks whose full id is known.
  private var fullIDIndex: [String: Int] = [:]
  /// (parent or file, id) → task index: the siblings of a task.
  private var siblingIndex: [SiblingKey: Int] = [:]
  private var namespaces: [String] = []
  private var planStart: Day?
  private var referenceHintsGiven = 0
  /// Tasks whose owner (own, inherited or the file's) is written but unknown: already an error.
  private var ownerWritten = Set<Int>()

  init(files: [LoadedFile], bag: DiagnosticBag) {
    self.files = files
    self.bag = bag
  }

  /// Builds the plan; nil when the root file is unusable. Errors are left in `bag`.
  mutating func assemble() -> Plan? {
    guard let root = files.first else { return nil }
    let title = checkHeaders(root)
    collectNamespaces()
    collectOwners()
    collectTasks()
    resolveOwners()
    resolveReferences()
    resolveDates()
    checkCycles()
    warnMissingOwners()
    guard let planStart else { return nil }
    return Plan(title: title ?? "", start: planStart, owners: owners, tasks: tasks, files: files.map(\.path))
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
    let rootComplete = !root.parsed.stoppedBySyntaxError
    if root.parsed.title == nil && rootComplete {
      bag.error(
        .missingKey, "the root plan file has no 'plan' (the plan's title)", at: location(rootPosition),
        hint: "add 'plan: <title>' at the top of the file")
    }
    if let start = root.parsed.start {
      switch DateExpression.parse(start.text) {
      case .success(.day(let day)):
        planStart = day
      case .success(.relative):
        bag.error(
          .invalidDate, "the plan start cannot be relative to itself", at: location(start.position),
          hint: "write a date such as 2017-09-01")
      case .failure(.yearOutOfRange(let year)):
        bag.error(.dateOutOfRange, "the year \(year) is outside 1900–2200", at: location(start.position))
      case .failure:
        bag.error(
          .invalidDate, "'\(start.text)' is not a date", at: location(start.position),
          hint: "write the plan start as a date such as 2017-09-01")
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
      if file.parsed.namespace == nil && !file.parsed.stoppedBySyntaxError {
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
  private mutating func resolveOwner(_ scalar: Scalar) -> Int? {
    if let index = ownerIndex[scalar.text] { return index }
    let ids = owners.map(\.id)
    let suffixMatches = ids.filter { $0.hasSuffix("." + scalar.text) }
    let hint =
      suffixMatches.isEmpty
      ? NearestNames.hint(for: scalar.text, in: ids) ?? (ids.isEmpty ? "declare it under 'owners:'" : nil)
      : "did you mean " + suffixMatches.prefix(3).map { "'\($0)'" }.joined(separator: " or ")
        + "? owners are named by their full dotted id"
    bag.error(.unknownOwner, "unknown owner '\(scalar.text)'", at: location(scalar.position), hint: hint)
    return nil
  }

  // MARK: - Tasks

  private mutating func collectTasks() {
    for (fileNumber, file) in files.enumerated() {
      let base = tasks.count
      taskBase.append(base)
      let namespace = namespaces[fileNumber]
      for (local, draft) in file.parsed.tasks.enumerated() {
        let parent = draft.parent.map { base + $0 }
        var fullID = ""
        if let id = draft.id?.text {
          if let parent {
            fullID = tasks[parent].fullID.isEmpty ? "" : tasks[parent].fullID + "." + id
          } else {
            fullID = namespace.isEmpty ? id : namespace + "." + id
          }
        }
        var task = PlanTask(
          id: draft.id?.text ?? "", fullID: fullID, name: draft.name ?? "", parent: parent,
          locations: TaskLocations(id: draft.id?.position ?? draft.position))
        task.children = draft.children.map { base + $0 }
        task.duration = draft.duration
        task.status = draft.status ?? (draft.done != nil ? .done : .planned)
        task.progress = draft.progress
        task.evidence = draft.evidence
        task.target = draft.target
        task.recurrence = draft.every
        task.source = draft.source
        task.note = draft.note
        task.tags = draft.tags
        task.locations.deadline = draft.deadline?.position
        task.locations.done = draft.done?.position ?? draft.held.first?.position
        tasks.append(task)
        registerIDs(index: base + local, draft: draft, fileNumber: fileNumber)
      }
    }
  }

  private mutating func registerIDs(index: Int, draft: TaskDraft, fileNumber: Int) {
    guard let id = draft.id else { return }
    let key = SiblingKey(parent: tasks[index].parent ?? -(fileNumber + 1), id: id.text)
    if let earlier = siblingIndex[key] {
      bag.error(
        .duplicateID,
        "a sibling task with id '\(id.text)' is already defined at \(shortPlace(tasks[earlier].locations.id))",
        at: location(id.position), hint: "ids must be unique among siblings")
      return
    }
    siblingIndex[key] = index
    let fullID = tasks[index].fullID
    guard !fullID.isEmpty else { return }
    if let earlier = fullIDIndex[fullID] {
      bag.error(
        .duplicateID,
        "the full id '\(fullID)' is already used by the task at \(shortPlace(tasks[earlier].locations.id))",
        at: location(id.position), hint: "rename one of them; a file's namespace is part of its tasks' full ids")
      return
    }
    fullIDIndex[fullID] = index
  }

  private mutating func resolveOwners() {
    var fileOwner: [Int?] = []
    for file in files {
      fileOwner.append(file.parsed.owner.flatMap { resolveOwner($0) })
    }
    for (fileNumber, file) in files.enumerated() {
      let base = taskBase[fileNumber]
      for (local, draft) in file.parsed.tasks.enumerated() {
        let index = base + local
        if let written = draft.ownerRef {
          tasks[index].owner = resolveOwner(written)
          if tasks[index].owner == nil { ownerWritten.insert(index) }
        } else if let parent = tasks[index].parent {
          tasks[index].owner = tasks[parent].owner
          if ownerWritten.contains(parent) { ownerWritten.insert(index) }
        } else {
          tasks[index].owner = fileOwner[fileNumber]
          if fileOwner[fileNumber] == nil && file.parsed.owner != nil { ownerWritten.insert(index) }
        }
      }
    }
  }

  // MARK: - References

  private mutating func resolveReferences() {
    for (fileNumber, file) in files.enumerated() {
      let base = taskBase[fileNumber]
      for (local, draft) in file.parsed.tasks.enumerated() where !draft.after.isEmpty {
        let index = base + local
        for reference in draft.after {
          guard let target = resolve(reference.text, from: index, fileNumber: fileNumber) else {
            reportUnknownReference(reference, from: index, fileNumber: fileNumber)
            continue
          }
          if tasks[target].isDuty {
            bag.warning(
              .ignoredValue, "'\(reference.text)' is a recurring duty; depending on it has no effect",
              at: location(reference.position), hint: "depend on a one-off task instead")
            continue
          }
          tasks[index].after.append(target)
          tasks[index].locations.after.append(reference.position)
        }
      }
    }
  }

  /// The contract's three steps: a sibling, a path inside the file, a full id.
  private func resolve(_ name: String, from index: Int, fileNumber: Int) -> Int? {
    if !name.contains("."),
      let sibling = siblingIndex[SiblingKey(parent: tasks[index].parent ?? -(fileNumber + 1), id: name)]
    {
      return sibling
    }
    let namespace = namespaces[fileNumber]
    let inFile = namespace.isEmpty ? name : namespace + "." + name
    if let found = fullIDIndex[inFile], tasks[found].locations.id.file == Int32(fileNumber) {
      return found
    }
    return fullIDIndex[name]
  }

  private mutating func reportUnknownReference(_ reference: Scalar, from index: Int, fileNumber: Int) {
    var hint: String?
    // Hints cost a scan of every id; a file full of broken references gets them for the first hundred.
    if referenceHintsGiven < 100 {
      referenceHintsGiven += 1
      let namespace = namespaces[fileNumber]
      var candidates: [(name: String, task: Int)] = []
      let parent = tasks[index].parent
      let siblings =
        parent.map { tasks[$0].children }
        ?? Array(taskBase[fileNumber]..<(fileNumber + 1 < taskBase.count ? taskBase[fileNumber + 1] : tasks.count))
        .filter { tasks[$0].parent == nil }
      for sibling in siblings { candidates.append((tasks[sibling].id, sibling)) }
      for (position, task) in tasks.enumerated() where !task.fullID.isEmpty {
        if task.locations.id.file == Int32(fileNumber), !namespace.isEmpty, task.fullID.hasPrefix(namespace + ".") {
          candidates.append((String(task.fullID.dropFirst(namespace.count + 1)), position))
        }
        candidates.append((task.fullID, position))
      }
      let places = Dictionary(candidates.map { ($0.name, $0.task) }, uniquingKeysWith: { first, _ in first })
      hint = NearestNames.hint(for: reference.text, in: candidates.map(\.name)) { name in
        places[name].map { "'\(name)' (\(shortPlace(tasks[$0].locations.id)))" } ?? "'\(name)'"
      }
    }
    bag.error(
      .unknownReference, "unknown task '\(reference.text)' in 'after'", at: location(reference.position),
      hint: hint)
  }

  // MARK: - Dates

  private mutating func resolveDates() {
    guard let planStart else { return }
    for (fileNumber, file) in files.enumerated() {
      let base = taskBase[fileNumber]
      for (local, draft) in file.parsed.tasks.enumerated() {
        let index = base + local
        tasks[index].start = resolve(draft.start, planStart)
        tasks[index].deadline = resolve(draft.deadline, planStart)
        tasks[index].doneDate = resolve(draft.done, planStart)
        tasks[index].recurrenceFrom = resolve(draft.from, planStart)
        tasks[index].recurrenceUntil = resolve(draft.until, planStart)
        tasks[index].heldDates = draft.held.compactMap { resolve($0, planStart) }
        tasks[index].measurements = draft.measurements.compactMap { measurement in
          resolve(measurement.date, planStart).map { Measurement(date: $0, value: measurement.value) }
        }
      }
    }
  }

  private mutating func resolve(_ slot: DateSlot?, _ planStart: Day) -> Day? {
    guard let slot else { return nil }
    let day = slot.expression.resolved(planStart: planStart)
    if case .relative = slot.expression, !DateExpression.allowedYears.contains(day.year) {
      bag.error(
        .dateOutOfRange, "this relative date falls on \(day.iso), outside the years 1900–2200",
        at: location(slot.position), hint: "plan dates lie between 1900 and 2200")
      return nil
    }
    return day
  }

  // MARK: - Whole-plan checks

  private mutating func checkCycles() {
    let graph = DependencyGraph(tasks: tasks)
    for cycle in graph.cycles(tasks: tasks) {
      let ids = cycle.tasks.map { tasks[$0].fullID.isEmpty ? tasks[$0].name : tasks[$0].fullID }
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
    for (index, task) in tasks.enumerated() where task.children.isEmpty && task.owner == nil {
      guard !ownerWritten.contains(index) else { continue }
      bag.warning(
        .noOwner, "task '\(task.fullID)' has no owner", at: location(task.locations.id),
        hint: "add 'owner: <unit>' to the task, or 'owner:' at the top of its file")
    }
  }
}

/// A task's id among its siblings: the parent's index, or minus one minus the file's number at the top.
private struct SiblingKey: Hashable {
  var parent: Int
  var id: String
}
