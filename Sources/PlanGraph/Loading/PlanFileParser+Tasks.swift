/// Reading the task tree and each task's keys.
extension PlanFileParser {
  private enum TaskFrame {
    case list(parent: Int?)
    /// A task being read, with its `done` (understood once the task ends) and whether a valid `status` was written.
    case task(index: Int, done: DoneValue?, hasStatus: Bool)
  }

  /// `done` as written, until the end of the task tells whether it is a duty's list.
  struct DoneValue {
    var items: [Scalar]
    var isList: Bool
  }

  mutating func parseTaskTree() throws(YAMLSyntaxError) {
    let first = try cursor.next()
    if first.isNull { return }
    guard first.kind == .sequenceStart else {
      bag.error(.invalidValue, "'tasks' takes a list of tasks", at: cursor.location(first))
      try cursor.skipNode(startingWith: first)
      return
    }
    let known = TaskKey.allCases.map(\.rawValue)
    var keys = KeyPositions()
    var stack: [TaskFrame] = [.list(parent: nil)]
    while let top = stack.last {
      switch top {
      case .list(let parent):
        let event = try cursor.next()
        switch event.kind {
        case .sequenceEnd, .streamEnd, .documentEnd:
          stack.removeLast()
        case .mappingStart:
          // Two frames per level: a task and its list of children.
          guard stack.count / 2 < PlanLimits.maximumTaskDepth else {
            bag.error(
              .invalidValue, "tasks nest more than \(PlanLimits.maximumTaskDepth) levels deep",
              at: cursor.location(event), hint: "no plan needs this; flatten the tree")
            try cursor.skipNode(startingWith: event)
            continue
          }
          let index = builder.addTask(parent: parent, position: cursor.position(event))
          keys.push()
          stack.append(.task(index: index, done: nil, hasStatus: false))
        default:
          bag.error(
            .invalidValue, "a task must be a mapping with 'id' and 'name', not \(event.kind.nodeDescription)",
            at: cursor.location(event))
          try cursor.skipNode(startingWith: event)
        }
      case .task(let index, let done, let hasStatus):
        let event = try cursor.next()
        if event.kind == .mappingEnd || event.kind == .streamEnd {
          finishTask(index, keys: keys, done: done, hasStatus: hasStatus)
          keys.pop()
          stack.removeLast()
          continue
        }
        guard let key = try taskKey(event, known: known) else { continue }
        let name = key.rawValue
        // The keys seen so far are the ones with a position.
        if keys[key] != nil {
          try duplicateKey(event)
          continue
        }
        keys[key] = cursor.position(event)
        if key == .tasks {
          let value = try cursor.next()
          if value.kind == .sequenceStart {
            stack.append(.list(parent: index))
          } else if !value.isNull {
            bag.error(.invalidValue, "'tasks' takes a list of tasks", at: cursor.location(value))
            try cursor.skipNode(startingWith: value)
          }
        } else if key == .done {
          guard let (items, isList) = try cursor.readScalarList(for: name, into: &bag) else { continue }
          let value = DoneValue(items: items.filter { !$0.isNull }, isList: isList)
          stack[stack.count - 1] = .task(index: index, done: value, hasStatus: hasStatus)
        } else if key == .status {
          let valid = try readStatus(into: index)
          stack[stack.count - 1] = .task(index: index, done: done, hasStatus: valid)
        } else {
          try readTaskValue(key, into: index)
        }
      }
    }
  }

  /// The task key an event names; unknown or non-scalar keys are reported and skipped with their values.
  private mutating func taskKey(_ event: YAMLEvent, known: [String]) throws(YAMLSyntaxError) -> TaskKey? {
    if event.kind == .scalar, let key = TaskKey(key: event.text) { return key }
    _ = try mappingKey(event, known: known, context: "a task")
    return nil
  }

  private mutating func readTaskValue(_ key: TaskKey, into index: Int) throws(YAMLSyntaxError) {
    let name = key.rawValue
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
      let list = try cursor.readScalarList(for: name, into: &bag)?.items ?? []
      for item in list {
        if item.isNull {
          bag.error(.invalidValue, "an empty entry in 'after'", at: cursor.location(item.position))
        } else {
          builder.addReference(from: index, item)
        }
      }
    case .status, .done:
      break  // read by the tree walk, which keeps what they say in the task's frame
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
          bag.error(.invalidValue, "an empty entry in 'support'", at: cursor.location(item.position))
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
      let measurements = try readMeasurements()
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
        let words = Recurrence.allCases.map(\.rawValue)
        bag.error(
          .invalidValue, "unknown period '\(scalar.text)' for 'every'", at: cursor.location(scalar.position),
          hint: NearestNames.hint(for: scalar.text, in: words) ?? "one of: " + words.joined(separator: ", "))
      }
    case .verifiedBy:
      builder.tasks[index].verifiedBy = try readOptionalText(for: name)
    case .extensions:
      builder.tasks[index].extensions = try readExtensions()
    case .tasks:
      break  // handled by the tree walk
    }
  }

  /// Reads `status` into the task; true when it names a status.
  private mutating func readStatus(into index: Int) throws(YAMLSyntaxError) -> Bool {
    guard let scalar = try cursor.readText(for: TaskKey.status.rawValue, into: &bag) else { return false }
    guard let status = TaskStatus(rawValue: scalar.text) else {
      let words = TaskStatus.allCases.map(\.rawValue)
      bag.error(
        .invalidValue, "unknown status '\(scalar.text)'", at: cursor.location(scalar.position),
        hint: NearestNames.hint(for: scalar.text, in: words) ?? "one of: " + words.joined(separator: ", "))
      return false
    }
    builder.tasks[index].status = status
    return true
  }

  private mutating func readDate(_ field: PlanBuilder.DateField, for key: String, of index: Int)
    throws(YAMLSyntaxError)
  {
    guard let slot = try readDate(for: key, role: field == .start || field == .from ? .start : .end) else { return }
    setDate(field, of: index, to: slot)
    // `done` never comes here: it is read when its task ends (finishTask), which places it.
    if field == .deadline { builder.tasks[index].locations.deadline = slot.position }
  }

  /// Sets a date, resolving a relative one at once when the plan start is already known.
  mutating func setDate(_ field: PlanBuilder.DateField, of index: Int, to slot: DateSlot) {
    if case .relative(let days) = slot.expression, let start = builder.planStart {
      builder.resolve(
        field, of: index, days: days, planStart: start, at: cursor.location(slot.position), into: &bag)
      return
    }
    builder.set(field, of: index, to: slot)
  }

  private mutating func readOptionalText(for key: String) throws(YAMLSyntaxError) -> String? {
    guard let scalar = try cursor.readScalar(for: key, into: &bag), !scalar.isNull else { return nil }
    return scalar.text
  }

  /// Reads a date value, reporting malformed, impossible and out-of-range dates.
  mutating func readDate(for key: String, role: DateRole = .end) throws(YAMLSyntaxError) -> DateSlot? {
    guard let scalar = try cursor.readText(for: key, into: &bag) else { return nil }
    return parseDate(scalar, role: role)
  }

  /// Parses a scalar as a date, reporting what is wrong with it.
  mutating func parseDate(_ scalar: Scalar, role: DateRole = .end) -> DateSlot? {
    switch DateExpression.parse(scalar.text, role: role) {
    case .success(let expression):
      return DateSlot(expression: expression, position: scalar.position)
    case .failure(let error):
      let location = cursor.location(scalar.position)
      switch error {
      case .malformed:
        bag.error(
          .invalidDate, "'\(scalar.text)' is not a date", at: location, hint: DateWordingHint.forDate(scalar.text))
      case .impossible:
        bag.error(.invalidDate, "'\(scalar.text)' is not a day of the calendar", at: location)
      case .yearOutOfRange(let year):
        bag.error(
          .dateOutOfRange, "the year \(year) of '\(scalar.text)' is outside 1900–2200", at: location,
          hint: DateWordingHint.suggestion(forDate: scalar.text).map { "write '\($0)'" }
            ?? "plan dates lie between 1900 and 2200")
      case .tooFar:
        bag.error(
          .dateOutOfRange, "'\(scalar.text)' lies outside the years 1900–2200", at: location,
          hint: "plan dates lie between 1900 and 2200")
      case .byAfterRelative:
        bag.error(
          .invalidDate, "'\(scalar.text)': 前, 以前 or 之前 cannot follow a relative date", at: location,
          hint: (DateWordingHint.suggestion(forDate: scalar.text).map { "write '\($0)'" } ?? "drop it")
            + ": a relative date already means 'by'")
      }
      return nil
    }
  }

  private mutating func parseDuration(_ scalar: Scalar) -> PlanDuration? {
    switch PlanDuration.parse(scalar.text) {
    case .success(let duration):
      return duration
    case .failure(.bareNumber):
      bag.error(
        .bareNumberDuration, "the duration '\(scalar.text)' has no unit", at: cursor.location(scalar.position),
        hint:
          "write \(scalar.text)d for days (or w, m, y, wd for weeks, months, years, working days; 天, 周, 个月, 年, 个工作日)")
    case .failure(.tooLong):
      bag.error(
        .invalidDuration, "the duration '\(scalar.text)' is longer than \(PlanLimits.maximumDurationDays) days",
        at: cursor.location(scalar.position))
    case .failure(.malformed):
      bag.error(
        .invalidDuration, "'\(scalar.text)' is not a duration", at: cursor.location(scalar.position),
        hint: DateWordingHint.forDuration(scalar.text))
    }
    return nil
  }

  private mutating func parseProgress(_ scalar: Scalar) -> Int? {
    var text = Substring(scalar.text)
    guard text.hasSuffix("%") else {
      bag.error(
        .invalidProgress, "progress '\(scalar.text)' is not a percentage", at: cursor.location(scalar.position),
        hint: "write a whole percent such as 30%")
      return nil
    }
    text.removeLast()
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.asciiDigit != nil }) else {
      bag.error(
        .invalidProgress, "progress '\(scalar.text)' is not a whole percent", at: cursor.location(scalar.position),
        hint: "write a whole percent such as 30%")
      return nil
    }
    let digits = text.drop { $0 == "0" }
    guard !negative || digits.isEmpty, digits.count <= 3, let value = Int(digits.isEmpty ? "0" : digits), value <= 100
    else {
      bag.error(
        .invalidProgress, "progress '\(scalar.text)' is outside 0–100%", at: cursor.location(scalar.position))
      return nil
    }
    return value
  }

  private mutating func readTarget() throws(YAMLSyntaxError) -> Target? {
    let start = try cursor.next()
    guard start.kind == .mappingStart else {
      bag.error(
        .invalidValue, "'target' takes a mapping {metric, op, value, unit}", at: cursor.location(start),
        hint: "target: { metric: 社工人数, op: \">=\", value: 100, unit: 人 }")
      try cursor.skipNode(startingWith: start)
      return nil
    }
    var fields: [TargetKey: Scalar] = [:]
    while true {
      let event = try cursor.next()
      if event.kind == .mappingEnd || event.kind == .streamEnd { break }
      guard let name = try mappingKey(event, known: TargetKey.allCases.map(\.rawValue), context: "a target"),
        let key = TargetKey(rawValue: name)
      else { continue }
      if fields[key] != nil {
        try duplicateKey(event)
        continue
      }
      if let scalar = try cursor.readText(for: name, into: &bag) { fields[key] = scalar }
    }
    let location = cursor.location(cursor.position(start))
    var valid = true
    for key in [TargetKey.metric, .op, .value] where fields[key] == nil {
      bag.error(
        .missingKey, "the target has no '\(key.rawValue)'", at: location,
        hint: "a target needs metric, op and value")
      valid = false
    }
    var comparison: Target.Comparison?
    if let op = fields[.op] {
      comparison = Target.Comparison(rawValue: op.text)
      if comparison == nil {
        bag.error(
          .invalidValue, "unknown comparison '\(op.text)'", at: cursor.location(op.position),
          hint: "one of >=, <=, >, <, = (quote it in flow style: op: \">=\")")
      }
    }
    var value: DecimalNumber?
    if let scalar = fields[.value] {
      value = DecimalNumber(scalar.text)
      if value == nil {
        bag.error(
          .invalidValue, "the target value '\(scalar.text)' is not a decimal number",
          at: cursor.location(scalar.position), hint: "write digits with an optional point, such as 80 or 0.5")
      }
    }
    guard valid, let metric = fields[.metric], let comparison, let value else { return nil }
    return Target(metric: metric.text, comparison: comparison, value: value, unit: fields[.unit]?.text)
  }

  private mutating func readMeasurements() throws(YAMLSyntaxError) -> [(date: DateSlot, value: DecimalNumber)] {
    let start = try cursor.next()
    if start.isNull { return [] }
    guard start.kind == .sequenceStart else {
      bag.error(.invalidValue, "'measurements' takes a list of {date, value}", at: cursor.location(start))
      try cursor.skipNode(startingWith: start)
      return []
    }
    var result: [(date: DateSlot, value: DecimalNumber)] = []
    while true {
      let item = try cursor.next()
      if item.kind == .sequenceEnd || item.kind == .streamEnd { break }
      guard item.kind == .mappingStart else {
        bag.error(
          .invalidValue, "a measurement must be a mapping {date, value}", at: cursor.location(item),
          hint: "- { date: 2018-12-31, value: 35 }")
        try cursor.skipNode(startingWith: item)
        continue
      }
      var date: DateSlot?
      var value: DecimalNumber?
      var seen = Set<MeasurementKey>()
      while true {
        let event = try cursor.next()
        if event.kind == .mappingEnd || event.kind == .streamEnd { break }
        guard
          let name = try mappingKey(event, known: MeasurementKey.allCases.map(\.rawValue), context: "a measurement"),
          let key = MeasurementKey(rawValue: name)
        else { continue }
        if seen.contains(key) {
          try duplicateKey(event)
          continue
        }
        seen.insert(key)
        guard let scalar = try cursor.readText(for: name, into: &bag) else { continue }
        switch key {
        case .date:
          date = parseDate(scalar)
        case .value:
          // `90.5%` is accepted when the target's unit is `%`; checked when the task ends.
          var text = scalar.text
          if text.hasSuffix("%") || text.hasSuffix("％") {
            text.removeLast()
            percentValues.append(scalar)
          }
          value = DecimalNumber(text)
          if value == nil {
            bag.error(
              .invalidValue, "the measured value '\(scalar.text)' is not a decimal number",
              at: cursor.location(scalar.position))
          }
        }
      }
      for key in MeasurementKey.allCases where !seen.contains(key) {
        bag.error(.missingKey, "the measurement has no '\(key.rawValue)'", at: cursor.location(item))
      }
      if let date, let value { result.append((date, value)) }
    }
    return result
  }
}

extension PlanFileParser {
  /// The checks that need the whole task mapping: required keys, summaries, duties, `done`.
  fileprivate mutating func finishTask(_ index: Int, keys: KeyPositions, done: DoneValue?, hasStatus: Bool) {
    let mapping = cursor.location(builder.tasks[index].locations.id)
    func at(_ key: TaskKey) -> FileLocation { keys[key].map { cursor.location($0) } ?? mapping }

    if keys[.id] == nil {
      bag.error(.missingKey, "a task needs an 'id'", at: mapping, hint: "add 'id: short-name' to this task")
    }
    if keys[.name] == nil {
      let what = keys[.id] != nil ? "task '\(builder.tasks[index].id)'" : "this task"
      bag.error(.missingKey, "\(what) has no 'name'", at: mapping)
    }
    if !percentValues.isEmpty {
      let unit = builder.tasks[index].target?.unit
      if unit != "%" && unit != "％" {
        for scalar in percentValues {
          bag.error(
            .invalidValue,
            "the measured value '\(scalar.text)' is a percentage, but the target's unit is "
              + (unit.map { "'\($0)'" } ?? "not '%'"),
            at: cursor.location(scalar.position),
            hint: "drop the '%' (a value is in the target's unit), or give the target 'unit: \"%\"'")
        }
      }
      percentValues.removeAll()
    }
    let isSummary = !builder.tasks[index].children.isEmpty
    let isDuty = builder.tasks[index].recurrence != nil
    // A leaf with neither duration nor done nor target is scheduled as a milestone: more often a forgotten
    // duration than a milestone (`duration: 0d` says it on purpose).
    if !isSummary && !isDuty && keys[.duration] == nil && keys[.done] == nil && keys[.target] == nil
      && builder.tasks[index].status != .cancelled
    {
      let what = keys[.id] != nil ? "task '\(builder.tasks[index].id)'" : "this task"
      bag.warning(
        .implicitMilestone, "\(what) has no duration, done date or target; it is scheduled as a milestone",
        at: mapping,
        hint: "give it a duration such as 'duration: 10d' or '15个工作日', or write 'duration: 0d' for a milestone")
    }
    let status: TaskStatus? = hasStatus ? builder.tasks[index].status : nil

    if let done {
      if isDuty {
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
        if let first = done.items.first { builder.tasks[index].locations.done = first.position }
      } else if done.isList {
        bag.error(
          .invalidValue, "'done' takes one date on a task; only a recurring duty takes a list", at: at(.done),
          hint: "write done: 2018-03-20")
      } else if let first = done.items.first, let slot = parseDate(first) {
        setDate(.done, of: index, to: slot)
        builder.tasks[index].locations.done = slot.position
        if status == nil { builder.tasks[index].status = .done }
      }
    }
    let hasDone = keys[.done] != nil

    if isSummary && !isDuty {
      let rules: [(TaskKey, String, String)] = [
        (
          .duration, "a summary task takes its dates from its children; it cannot have a 'duration'",
          "remove the duration, or give it to a child task"
        ),
        (
          .done, "a summary task is done when all its children are; it cannot have 'done'",
          "mark the children done instead"
        ),
        (.target, "a summary task cannot have a 'target'", "give the target to a child task"),
      ]
      for (key, message, hint) in rules where keys[key] != nil {
        bag.error(.invalidSummary, message, at: at(key), hint: hint)
      }
      if let status, status != .cancelled {
        bag.error(
          .invalidSummary, "a summary task's status can only be 'cancelled', not '\(status.rawValue)'",
          at: at(.status), hint: "set the status on its children")
      }
      if keys[.progress] != nil {
        bag.warning(
          .ignoredValue, "'progress' has no effect on a summary task", at: at(.progress),
          hint: "a summary's progress follows its children")
      }
    }
    if isDuty {
      for key in [TaskKey.duration, .after, .tasks, .target, .measurements, .progress] where keys[key] != nil {
        bag.error(
          .invalidDuty, "a recurring duty cannot have '\(key.rawValue)'", at: at(key),
          hint: "a duty recurs every \(builder.tasks[index].recurrence?.rawValue ?? "period"); "
            + "make a separate task for one-off work")
      }
      if status == .done {
        bag.warning(
          .ignoredValue, "'status: done' has no effect on a recurring duty", at: at(.status),
          hint: "list the days it was held under 'done'")
      }
    } else {
      for key in [TaskKey.from, .until] where keys[key] != nil {
        bag.error(
          .misplacedKey, "'\(key.rawValue)' applies only to a recurring duty (a task with 'every')", at: at(key),
          hint: key == .from ? "use 'start' for the earliest start of a task" : "use 'deadline' for a task")
      }
      if hasDone, !isSummary, let status, status != .done {
        bag.error(
          .doneConflict, "'done' gives a finish date, but the status is '\(status.rawValue)'", at: at(.status),
          hint: "remove the status ('done' implies status: done) or the done date")
      }
    }
    if keys[.target] != nil && !isSummary && !isDuty {
      if hasDone {
        bag.error(
          .doneWithTarget, "a task with a target is done when a measurement meets it; it cannot have 'done'",
          at: at(.done), hint: "add a measurement instead")
      }
      if status == .done {
        bag.error(
          .doneWithTarget, "a task with a target is done when a measurement meets it; it cannot be 'status: done'",
          at: at(.status), hint: "add a measurement instead")
      }
    } else if keys[.measurements] != nil && !isDuty {
      bag.warning(
        .ignoredValue, "measurements without a 'target' have no effect", at: at(.measurements),
        hint: "add a target: { metric, op, value }")
    }
  }
}

private struct KeyPositions {
  static let width = TaskKey.allCases.count
  var slots: [SourcePosition?] = []

  mutating func push() { slots.append(contentsOf: repeatElement(nil, count: Self.width)) }
  mutating func pop() { slots.removeLast(Self.width) }
  subscript(key: TaskKey) -> SourcePosition? {
    get { slots[slots.count - Self.width + key.index] }
    set { slots[slots.count - Self.width + key.index] = newValue }
  }
}
