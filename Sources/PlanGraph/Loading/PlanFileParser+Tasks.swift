/// Reading the task tree and each task's keys.
extension PlanFileParser {
  private enum TaskFrame {
    case list(parent: Int?)
    /// A task being read; its draft is `drafts[depth]`.
    case task(depth: Int)
  }

  mutating func parseTaskTree() throws(YAMLSyntaxError) {
    guard try listStarts(notAList: Self.notATaskList) else { return }
    // One draft a level of nesting, reused by every task at that level.
    var drafts: [TaskDraft] = []
    var stack: [TaskFrame] = [.list(parent: nil)]
    while let top = stack.last {
      switch top {
      case .list(let parent):
        guard let event = try nextMapping(notAMapping: Self.notATask) else {
          stack.removeLast()
          continue
        }
        // Two frames per level: a task and its list of children.
        let depth = stack.count / 2
        guard depth < PlanLimits.maximumTaskDepth else {
          bag.error(
            .invalidValue,
            Phrase(
              "tasks nest more than \(PlanLimits.maximumTaskDepth) levels deep",
              "任务嵌套超过 \(PlanLimits.maximumTaskDepth) 层"), at: cursor.location(event),
            hint: Phrase("no plan needs this; flatten the tree", "计划用不到这么多层；减少嵌套的层级"))
          try cursor.skipNode(startingWith: event)
          continue
        }
        let index = builder.addTask(parent: parent, position: cursor.position(event))
        if depth == drafts.count { drafts.append(TaskDraft()) }
        drafts[depth].reset(for: index)
        stack.append(.task(depth: depth))
      case .task(let depth):
        guard let key = try nextKey(&drafts[depth].places) else {
          finishTask(drafts[depth])
          stack.removeLast()
          continue
        }
        if key == .tasks {
          if try listStarts(notAList: Self.notATaskList) { stack.append(.list(parent: drafts[depth].index)) }
        } else {
          try readTaskValue(key, into: &drafts[depth])
        }
      }
    }
  }

  private static var notATaskList: Phrase { Phrase("'tasks' takes a list of tasks", "“tasks”要写任务的列表") }

  private static func notATask(_ shape: YAMLEvent.Kind) -> Phrase {
    Phrase(
      "a task must be a mapping with 'id' and 'name', not \(shape.nodeName.english)",
      "任务须写成含“id”和“name”的映射，不能是\(shape.nodeName.chinese)")
  }

  /// Reads the value of `key` into the task and its draft: how each key's value is read.
  private mutating func readTaskValue(_ key: TaskKey, into draft: inout TaskDraft) throws(YAMLSyntaxError) {
    let name = key.rawValue
    let index = draft.index
    switch key {
    case .id:
      if let id = try readID(for: name) {
        builder.tasks[index].id = id.text
        builder.tasks[index].locations.id = id.position
      }
    case .name:
      builder.tasks[index].name = try cursor.readText(for: name, into: &bag)?.text ?? ""
    case .owner:
      if let owner = try cursor.readText(for: name, into: &bag) {
        builder.ownerText[index] = owner.text
        builder.ownerPosition[index] = owner.position
      }
    case .duration:
      guard let scalar = try cursor.readText(for: name, into: &bag) else { return }
      builder.tasks[index].duration = parseDuration(scalar)
    case .start:
      try readDate(.start, for: name, of: index)
    case .deadline:
      try readDate(.deadline, for: name, of: index)
    case .from:
      try readDate(.from, for: name, of: index)
    case .until:
      try readDate(.until, for: name, of: index)
    case .after:
      for item in try cursor.readScalarList(for: name, into: &bag)?.items ?? [] {
        if item.isNull {
          bag.error(
            .invalidValue, Phrase("an empty entry in 'after'", "“after”中有一项是空的"), at: cursor.location(item.position),
            hint: nil)
        } else {
          builder.addReference(from: index, item)
        }
      }
    case .status:
      draft.status = try readStatus(into: index)
    case .done:
      // Understood once the task ends, when it is known whether the task is a duty.
      guard let (items, isList) = try cursor.readScalarList(for: name, into: &bag) else { return }
      draft.done = TaskDraft.DoneValue(items: items.filter { !$0.isNull }, isList: isList)
    case .progress:
      guard let scalar = try cursor.readText(for: name, into: &bag) else { return }
      builder.tasks[index].progress = parseProgress(scalar)
    case .evidence:
      builder.tasks[index].evidence = try readOptionalText(for: name)
    case .source:
      builder.tasks[index].source = try readOptionalText(for: name)
    case .note:
      builder.tasks[index].note = try readOptionalText(for: name)
    case .support:
      for item in try cursor.readScalarList(for: name, into: &bag)?.items ?? [] {
        if item.isNull {
          bag.error(
            .invalidValue, Phrase("an empty entry in 'support'", "“support”中有一项是空的"),
            at: cursor.location(item.position), hint: nil)
        } else {
          builder.supportTask.append(Int32(index))
          builder.supportText.append(item)
        }
      }
    case .tags:
      builder.tasks[index].tags = (try cursor.readScalarList(for: name, into: &bag)?.items ?? [])
        .filter { !$0.isNull }.map(\.text)
    case .target:
      builder.tasks[index].target = try readTarget()
    case .measurements:
      let measurements = try readMeasurements(percentValues: &draft.percentValues)
      builder.tasks[index].measurements = measurements.map {
        Measurement(date: $0.date.expression.fixedDay ?? Day(ordinal: 0), value: $0.value)
      }
      for (i, measurement) in measurements.enumerated() where measurement.date.expression.fixedDay == nil {
        setDate(.measurement(i), of: index, to: measurement.date)
      }
    case .every:
      guard let scalar = try cursor.readText(for: name, into: &bag) else { return }
      if let period = Recurrence(rawValue: scalar.text) {
        builder.tasks[index].recurrence = period
      } else {
        bag.error(
          .invalidValue, Phrase("unknown period '\(scalar.text)' for 'every'", "“every”的周期“\(scalar.text)”无法识别"),
          at: cursor.location(scalar.position),
          hint: ParserPhrases.oneOf(scalar.text, in: Recurrence.allCases.map(\.rawValue)))
      }
    case .verifiedBy:
      builder.tasks[index].verifiedBy = try readOptionalText(for: name)
    case .extensions:
      builder.tasks[index].extensions = try readExtensions()
    case .tasks:
      break  // read by the tree walk, which nests the children
    }
  }

  /// Reads `status` into the task; the status when it names one.
  private mutating func readStatus(into index: Int) throws(YAMLSyntaxError) -> TaskStatus? {
    guard let scalar = try cursor.readText(for: TaskKey.status.rawValue, into: &bag) else { return nil }
    guard let status = TaskStatus(rawValue: scalar.text) else {
      bag.error(
        .invalidValue, Phrase("unknown status '\(scalar.text)'", "状态“\(scalar.text)”无法识别"),
        at: cursor.location(scalar.position),
        hint: ParserPhrases.oneOf(scalar.text, in: TaskStatus.allCases.map(\.rawValue)))
      return nil
    }
    builder.tasks[index].status = status
    return status
  }

  private mutating func readOptionalText(for key: String) throws(YAMLSyntaxError) -> String? {
    guard let scalar = try cursor.readScalar(for: key, into: &bag), !scalar.isNull else { return nil }
    return scalar.text
  }

  /// Interprets `done` once the task's kind is known, then runs the format's rules over the draft.
  private mutating func finishTask(_ draft: TaskDraft) {
    let index = draft.index
    if let done = draft.done, !done.items.isEmpty {
      if builder.tasks[index].recurrence != nil {
        var held: [Day] = []
        var relative: [(Int, DateSlot)] = []
        for item in done.items {
          guard let slot = parseDate(item) else { continue }
          if let day = slot.expression.fixedDay {
            held.append(day)
          } else {
            relative.append((held.count, slot))
            held.append(Day(ordinal: 0))
          }
        }
        builder.tasks[index].heldDates = held
        for (i, slot) in relative { setDate(.held(i), of: index, to: slot) }
        builder.tasks[index].locations.done = done.items[0].position
      } else if !done.isList, let slot = parseDate(done.items[0]) {
        setDate(.done, of: index, to: slot)
        builder.tasks[index].locations.done = slot.position
        if draft.status == nil { builder.tasks[index].status = .done }
      }
    }
    FormatRules(path: cursor.path).check(draft, builder.tasks[index], into: &bag)
  }
}
