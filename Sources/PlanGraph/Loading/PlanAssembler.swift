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
  /// References not checked, by index in `unreadIncludes` and by the number of a file cut short.
  private var uncheckedInUnread: [Int: Int] = [:]
  private var uncheckedInBroken: [Int: Int] = [:]
  /// The namespace the first unchecked reference into each unread include had, for its summary.
  private var uncheckedNamespace: [Int: String] = [:]
  /// Tasks whose owner (own, inherited or the file's) is written but unknown: already an error.
  private var ownerWritten = Set<Int>()
  /// Included files that could not be read: references into them are counted here, not reported.
  var unreadIncludes: [UnreadInclude] = []
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
        .missingKey, Phrase("the root plan file has no 'plan' (the plan's title)", "根计划文件缺少“plan”（计划名称）"),
        at: location(rootPosition),
        hint: Phrase("add 'plan: <title>' at the top of the file", "在文件开头写上“plan: <计划名称>”"))
    }
    if let start = root.parsed.start, let startDate = root.parsed.startDate {
      switch startDate {
      case .success(.day):
        break  // the parser set the plan start as soon as it read it
      case .success(.relative), .success(.relativeWorkingDays):
        bag.error(
          .invalidDate, Phrase("the plan start cannot be relative to itself", "计划开始日期不能相对于它自己"),
          at: location(start.position), hint: Phrase("write a date such as 2017-09-01", "写一个日期，如 2017-09-01"))
      case .failure(.yearOutOfRange(let year)):
        let years = DateExpression.allowedYears
        bag.error(
          .dateOutOfRange,
          Phrase(
            "the year \(year) is outside \(years.lowerBound)–\(years.upperBound)",
            "年份 \(year) 不在 \(years.lowerBound)–\(years.upperBound) 年之间"), at: location(start.position),
          hint: nil)
      case .failure:
        bag.error(
          .invalidDate, Phrase("'\(start.text)' is not a date", "“\(start.text)”不是日期"), at: location(start.position),
          hint: DateWordingHint.suggestion(forDate: start.text).map(DateWordingHint.write)
            ?? Phrase(
              "write the plan start as a date such as 2017-09-01", "计划开始日期要写成日期，如 2017-09-01"))
      }
    } else if rootComplete {
      bag.error(
        .missingKey, Phrase("the root plan file has no 'start' (the plan start)", "根计划文件缺少“start”（计划开始日期）"),
        at: location(rootPosition), hint: Phrase("add 'start: 2017-09-01'", "写上“start: 2017-09-01”"))
    }
    for file in files.dropFirst() {
      for (key, position) in file.parsed.rootOnlyKeys {
        bag.error(
          .misplacedKey, Phrase("'\(key)' belongs in the root plan file only", "“\(key)”只能写在根计划文件中"),
          at: location(position),
          hint: Phrase(
            "the root file sets the plan's title and start for all files", "计划名称和开始日期由根文件为所有文件统一设定"))
      }
      if file.parsed.namespace == nil && !file.parsed.stoppedBySyntaxError && !file.parsed.hasNoMapping {
        bag.error(
          .missingKey,
          Phrase("an included file needs an 'id', the namespace of its tasks", "被包含的文件需要“id”，作为其任务的命名空间"),
          at: location(file.parsed.position),
          hint: Phrase("add 'id: <namespace>' at the top of the file", "在文件开头写上“id: <命名空间>”"))
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
          .duplicateNamespace,
          Phrase(
            "the namespace '\(namespace.text)' is already used by \(shortPlace(earlier))",
            "命名空间“\(namespace.text)”已被 \(shortPlace(earlier)) 使用"),
          at: location(namespace.position), hint: Phrase("give each file its own 'id'", "给每个文件取不同的“id”"))
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
              .duplicateID,
              Phrase(
                "a sibling task with id '\(id)' is already defined at \(earlierPlace)",
                "同级任务中已有编号为“\(id)”的任务（\(earlierPlace)）"),
              at: location(position), hint: Phrase("ids must be unique among siblings", "同级任务的编号不能重复"))
          } else {
            bag.error(
              .duplicateID,
              Phrase(
                "the full id '\(fullID)' is already used by the task at \(earlierPlace)",
                "完整编号“\(fullID)”已被 \(earlierPlace) 的任务使用"),
              at: location(position),
              hint: Phrase(
                "rename one of them; a file's namespace is part of its tasks' full ids",
                "改掉其中一个编号；文件的命名空间是其任务完整编号的一部分"))
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
            .duplicateOwner,
            Phrase(
              "the owner '\(fullID)' is already declared at \(shortPlace(owners[earlier].location))",
              "责任单位“\(fullID)”已在 \(shortPlace(owners[earlier].location)) 声明"),
            at: location(id.position),
            hint: Phrase("declare each owner once; every file may use it", "每个责任单位只需声明一次，所有文件都可使用"))
          globalIndex.append(earlier)
          continue
        }
        ownerIndex[fullID] = owners.count
        globalIndex.append(owners.count)
        owners.append(Owner(id: fullID, name: draft.name ?? id.text, parent: parentGlobal, location: id.position))
      }
    }
  }

  /// The owner a written id names, or nil after reporting it as unknown, with the owners it could mean:
  /// those whose full id ends in it, those whose name it is (`县财政局` → `gov.czj`), the nearest ids and
  /// names.
  private mutating func resolveOwner(_ text: String, at position: SourcePosition) -> Int? {
    if let index = ownerIndex[text] { return index }
    // An owner of a file that could not be read (`youth.office` with youth.yaml missing) is its error's echo.
    if countUnchecked(text, fileNumber: Int(position.file), wholeNameIsNamespace: true) { return nil }
    let named = { (index: Int) -> Phrase in
      let owner = self.owners[index]
      return owner.name == owner.id
        ? Phrase("'\(owner.id)'", "“\(owner.id)”")
        : Phrase("'\(owner.id)' (\(owner.name))", "“\(owner.id)”（\(owner.name)）")
    }
    var hint: Phrase?
    var suggestions: [String] = []
    let suffixMatches = owners.indices.filter { owners[$0].id.hasSuffix("." + text) }.prefix(3)
    let nameMatches = owners.indices.filter { owners[$0].name == text }.prefix(3)
    if !suffixMatches.isEmpty {
      suggestions = suffixMatches.map { owners[$0].id }
      let quoted = suggestions.map { "'\($0)'" }
      hint = Phrase(
        "did you mean " + quoted.joined(separator: " or ") + "? owners are named by their full dotted id",
        NearestNames.didYouMean(suggestions.map { Phrase(verbatim: "“\($0)”") }).chinese + "责任单位要写完整的点分编号")
    } else if !nameMatches.isEmpty {
      // The unit's name, which the command line accepts, is not its id in a plan file.
      suggestions = nameMatches.map { owners[$0].id }
      let mean = NearestNames.didYouMean(nameMatches.map(named))
      hint = Phrase(
        mean.english + " a plan file names an owner by its id, not its name",
        mean.chinese + "计划文件中责任单位要写编号，不写名称")
    } else if let nearest = NearestNames.suggestion(for: text, in: owners.map(\.id)) {
      (hint, suggestions) = nearest
    } else if case let names = NearestNames.nearest(to: text, in: owners.map(\.name)), !names.isEmpty {
      let close = owners.indices.filter { names.contains(owners[$0].name) }.prefix(3)
      suggestions = close.map { owners[$0].id }
      hint = NearestNames.didYouMean(close.map(named))
    } else if owners.isEmpty {
      hint = Phrase("declare it under 'owners:'", "在“owners:”下声明它")
    }
    bag.error(
      .unknownOwner, Phrase("unknown owner '\(text)'", "未知的责任单位“\(text)”"), at: location(position), hint: hint,
      suggestions: suggestions)
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
        let leads = builder.tasks[index].owner == owner
        bag.warning(
          .ignoredValue,
          Phrase(
            "'\(scalar.text)' already \(leads ? "leads" : "supports") this task",
            "“\(scalar.text)”已经是这项任务的\(leads ? "牵头单位" : "配合单位")"),
          at: location(scalar.position),
          hint: Phrase(
            "list each supporting unit once, and not the lead unit", "每个配合单位只列一次，且不要列牵头单位"))
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
        if !countUnchecked(name, fileNumber: fileNumber) {
          reportUnknownReference(name, at: position, from: index, fileNumber: fileNumber)
        }
        continue
      }
      if builder.tasks[target].isDuty {
        bag.warning(
          .ignoredValue,
          Phrase(
            "'\(name)' is a recurring duty; depending on it has no effect", "“\(name)”是例行工作，依赖它不起作用"),
          at: location(position), hint: Phrase("depend on a one-off task instead", "改为依赖一项一次性任务"))
        continue
      }
      builder.tasks[index].after.append(target)
      builder.tasks[index].locations.after.append(position)
    }
    reportUnchecked()
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
    var hint: Phrase?
    var suggestions: [String] = []
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
      let describe = { (candidate: String) -> Phrase in
        places[candidate].map {
          Phrase(
            "'\(candidate)' (\(self.shortPlace(tasks[$0].locations.id)))",
            "“\(candidate)”（\(self.shortPlace(tasks[$0].locations.id))）")
        } ?? Phrase("'\(candidate)'", "“\(candidate)”")
      }
      // A namespace left out (`one-thing.list` for `reform.one-thing.list`): the full ids ending in it are
      // a better guess than any spelling near it.
      let endings = tasks.indices.filter { tasks[$0].fullID.hasSuffix("." + name) }.prefix(3)
      if !endings.isEmpty {
        suggestions = endings.map { tasks[$0].fullID }
        let mean = NearestNames.didYouMean(suggestions.map(describe))
        let elsewhere = endings.allSatisfy { tasks[$0].locations.id.file != Int32(fileNumber) }
        hint =
          elsewhere
          ? Phrase(
            mean.english + " a task in another file is named by its full id, namespace first",
            mean.chinese + "其他文件中的任务要用带命名空间的完整编号指明")
          : Phrase(
            mean.english
              + " a task that is not a sibling is named by its path from the top of the file, or its full id",
            mean.chinese + "非同级任务要写从文件顶层起的路径，或完整编号")
      } else if let found = NearestNames.suggestion(for: name, in: candidates.map(\.name), describe: describe) {
        (hint, suggestions) = found
      }
    }
    bag.error(
      .unknownReference, Phrase("unknown task '\(name)' in 'after'", "“after”中的任务“\(name)”不存在"),
      at: location(position), hint: hint, suggestions: suggestions)
  }

  // MARK: - Follow-on errors

  /// Whether an unresolved reference (an `after` name, or with `wholeNameIsNamespace` an owner id, which
  /// may be the namespace itself) points into a file that could not be read, or was cut short by a
  /// syntax error, or comes from such a file: then it is counted for that file's summary, not reported.
  private mutating func countUnchecked(_ name: String, fileNumber: Int, wholeNameIsNamespace: Bool = false) -> Bool {
    let head = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
    // An owner under an organisation declared whole (in a file read to its end) has every unit known: a
    // misspelt one is its own mistake, whatever file the organisation's id happens to be the stem of.
    let declaredWhole =
      wholeNameIsNamespace
      && owners.contains { owner in
        (owner.id == head || owner.id.hasPrefix(head + "."))
          && !(files.indices.contains(Int(owner.location.file))
            && files[Int(owner.location.file)].parsed.stoppedBySyntaxError)
      }
    if (name.contains(".") || wholeNameIsNamespace) && !declaredWhole {
      if let unread = unreadIncludes.firstIndex(where: { $0.namespaces.contains(head) }),
        !namespaces.contains(head)
      {
        uncheckedInUnread[unread, default: 0] += 1
        if uncheckedNamespace[unread] == nil { uncheckedNamespace[unread] = head }
        return true
      }
      if let broken = files.indices.first(where: {
        files[$0].parsed.stoppedBySyntaxError && namespaces[$0] == head
      }) {
        uncheckedInBroken[broken, default: 0] += 1
        return true
      }
    }
    if files.indices.contains(fileNumber), files[fileNumber].parsed.stoppedBySyntaxError {
      uncheckedInBroken[fileNumber, default: 0] += 1
      return true
    }
    return false
  }

  /// One error for each unreadable or broken file with references into it, right after its own error.
  private mutating func reportUnchecked() {
    for (n, unread) in unreadIncludes.enumerated() {
      guard let count = uncheckedInUnread[n] else { continue }
      let namespace =
        uncheckedNamespace[n] ?? unread.namespaces.first { !namespaces.contains($0) } ?? unread.namespaces[0]
      bag.error(
        .uncheckedReferences,
        Phrase(
          "\(count) reference\(count == 1 ? "" : "s") into '\(namespace)' not checked because '\(unread.written)' could not be read",
          "因“\(unread.written)”无法读取，指向“\(namespace)”的 \(count) 处引用未检查"),
        at: unread.location,
        hint: Phrase(
          "fix the include above; the references are checked once the file is read",
          "先改正上面的“include”；文件能读取后会再检查这些引用"))
    }
    for (fileNumber, count) in uncheckedInBroken.sorted(by: { $0.key < $1.key }) {
      let file = files[fileNumber]
      let place =
        bag.items.first { $0.location.file == file.path && ($0.code == .syntax || $0.code == .aliasLimit) }?.location
        ?? FileLocation(file: file.path, line: 0, column: 0)
      let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
      bag.error(
        .uncheckedReferences,
        Phrase(
          "\(count) reference\(count == 1 ? "" : "s") into or from '\(name)' not checked because the file stops at the syntax error above",
          "因“\(name)”在上面的语法错误处中断，与它相关的 \(count) 处引用未检查"),
        at: place,
        hint: Phrase(
          "fix the syntax error; the references are checked once the whole file reads",
          "先改正语法错误；整个文件能读取后会再检查这些引用"))
    }
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
      let fromWords =
        task.recurrenceFrom == nil
        ? Phrase("the plan start \(from.iso)", "计划开始日期 \(from.iso)")
        : Phrase("'from' (\(from.iso))", "'from'（\(from.iso)）")
      bag.warning(
        .emptyDuty,
        Phrase(
          "'until' (\(until.iso)) is before \(fromWords.english): the duty has no occurrences",
          "“until”（\(until.iso)）早于\(fromWords.chinese)：这项例行工作一次也不会开展"),
        at: location(position),
        hint: Phrase(
          "check the two dates; 'until' is the last day the duty recurs", "核对这两个日期；“until”是例行工作最后开展的日子"))
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
      let path = (shown + [first]).joined(separator: " → ")
      bag.error(
        .dependencyCycle, Phrase("dependency cycle: " + path, "循环依赖：" + path), at: location(cycle.position),
        hint: Phrase(
          "a task cannot wait for itself; remove one of these dependencies", "任务不能等待它自己；删去其中一处依赖"))
    }
  }

  private mutating func warnMissingOwners() {
    // A file cut short by a syntax error is already an error; its half-read tasks are not worth warning about.
    guard !files.contains(where: \.parsed.stoppedBySyntaxError) else { return }
    for index in builder.tasks.indices where builder.tasks[index].children.isEmpty && builder.tasks[index].owner == nil
    {
      // A task whose id was refused has its diagnostic already; "task '' has no owner" would echo it.
      guard !ownerWritten.contains(index), !builder.tasks[index].id.isEmpty else { continue }
      let id = builder.tasks[index].fullID
      bag.warning(
        .noOwner, Phrase("task '\(id)' has no owner", id.isEmpty ? "这个任务没有责任单位" : "任务“\(id)”没有责任单位"),
        at: location(builder.tasks[index].locations.id),
        hint: Phrase(
          "add 'owner: <unit>' to the task, or 'owner:' at the top of its file",
          "给任务写上“owner: <单位编号>”，或在文件开头写上“owner:”"))
    }
  }
}
