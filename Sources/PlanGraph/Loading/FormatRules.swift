/// The format's rules over drafts: what a mapping must have, and which keys each kind of task may have
/// (a summary, a recurring duty, a task with a target), checked once a mapping has been read, from what
/// its draft remembers, apart from reading its values.
struct FormatRules {
  /// Every task key, once: `allCases` builds a new array at each use.
  private static let taskKeys = TaskKey.allCases

  /// The file the drafts come from, for the diagnostics' places.
  let path: String

  private func location(_ position: SourcePosition) -> FileLocation {
    FileLocation(file: path, line: Int(position.line), column: Int(position.column), length: Int(position.length))
  }

  /// An owner's rule: it needs an id.
  func check(_ owner: OwnerDraft, into bag: inout DiagnosticBag) {
    // An id that was written but refused has had its own diagnostic: one problem, one diagnostic.
    if owner.id == nil && !owner.places.has(.id) {
      bag.error(
        .missingKey, Phrase("an owner needs an 'id'", "责任单位缺少编号“id”"), at: location(owner.position),
        hint: Phrase("add 'id: short-name'", "加上“id: 简短编号”"))
    }
  }

  /// A task's rules, from its draft and the task as read (its children and `every` tell its kind).
  func check(_ draft: TaskDraft, _ task: PlanTask, into bag: inout DiagnosticBag) {
    let places = draft.places
    let mapping = location(task.locations.id)
    func at(_ key: TaskKey) -> FileLocation { places.key(key).map(location) ?? mapping }
    // Worded only when a rule speaks: this runs for every task.
    func what() -> Phrase {
      guard places.has(.id) else { return Phrase("this task", "这个任务") }
      // An id written but refused is empty: the English has always said "task ''".
      return Phrase("task '\(task.id)'", task.id.isEmpty ? "这个任务" : "任务“\(task.id)”")
    }

    if !places.has(.id) {
      bag.error(
        .missingKey, Phrase("a task needs an 'id'", "任务缺少编号“id”"), at: mapping,
        hint: Phrase("add 'id: short-name' to this task", "给这个任务加上“id: 简短编号”"))
    }
    if !places.has(.name) {
      bag.error(
        .missingKey, Phrase("\(what().english) has no 'name'", "\(what().chinese)缺少名称“name”"), at: mapping, hint: nil)
    }
    checkPercentValues(draft.percentValues, unit: task.target?.unit, into: &bag)
    let isSummary = !task.children.isEmpty
    let isDuty = task.recurrence != nil
    let kind: TaskKinds = isDuty ? .duty : isSummary ? .summary : .leaf
    // A leaf with neither duration nor done nor target is scheduled as a milestone: more often a forgotten
    // duration than a milestone (`duration: 0d` says it on purpose).
    if kind == .leaf && !places.has(.duration) && !places.has(.done) && !places.has(.target)
      && task.status != .cancelled
    {
      bag.warning(
        .implicitMilestone,
        Phrase(
          "\(what().english) has no duration, done date or target; it is scheduled as a milestone",
          "\(what().chinese)没有工期、完成日期或量化目标，按里程碑安排"), at: mapping,
        hint: Phrase(
          "give it a duration such as 'duration: 10d' or '15个工作日', or write 'duration: 0d' for a milestone",
          "写上工期，如“duration: 10d”或“15个工作日”；确是里程碑的，写“duration: 0d”"))
    }
    let status = draft.status
    if let done = draft.done, !isDuty, done.isList {
      bag.error(
        .invalidValue,
        Phrase(
          "'done' takes one date on a task; only a recurring duty takes a list", "任务的“done”只能写一个日期，只有例行工作才写日期列表"),
        at: at(.done), hint: Phrase("write done: 2018-03-20", "写成“done: 2018-03-20”"))
    }
    let hasDone = places.has(.done)

    if isSummary && !isDuty {
      for key in Self.taskKeys where places.has(key) && !key.allowedOn.contains(.summary) && key.allowedOn != .duty {
        let (message, hint) = Self.summaryRule(key)
        bag.error(.invalidSummary, message, at: at(key), hint: hint)
      }
      if let status, status != .cancelled {
        bag.error(
          .invalidSummary,
          Phrase(
            "a summary task's status can only be 'cancelled', not '\(status.rawValue)'",
            "汇总任务的状态只能是“cancelled”，不能是“\(status.rawValue)”"), at: at(.status),
          hint: Phrase("set the status on its children", "在子任务上写状态"))
      }
      if places.has(.progress) {
        bag.warning(
          .ignoredValue, Phrase("'progress' has no effect on a summary task", "“progress”写在汇总任务上不起作用"),
          at: at(.progress), hint: Phrase("a summary's progress follows its children", "汇总任务的进度由子任务汇总得出"))
      }
    }
    if isDuty {
      let period = task.recurrence?.rawValue ?? "period"
      for key in Self.taskKeys where places.has(key) && !key.allowedOn.contains(.duty) {
        bag.error(
          .invalidDuty, Phrase("a recurring duty cannot have '\(key.rawValue)'", "例行工作不能写“\(key.rawValue)”"),
          at: at(key),
          hint: Phrase(
            "a duty recurs every \(period); make a separate task for one-off work",
            "例行工作按周期（“every: \(period)”）重复开展；一次性的工作另建一个任务"))
      }
      if status == .done {
        bag.warning(
          .ignoredValue, Phrase("'status: done' has no effect on a recurring duty", "“status: done”写在例行工作上不起作用"),
          at: at(.status), hint: Phrase("list the days it was held under 'done'", "在“done”下列出每次开展的日期"))
      }
    } else {
      for key in Self.taskKeys where places.has(key) && key.allowedOn == .duty {
        bag.error(
          .misplacedKey,
          Phrase(
            "'\(key.rawValue)' applies only to a recurring duty (a task with 'every')",
            "“\(key.rawValue)”只能写在例行工作（写了“every”的任务）上"), at: at(key),
          hint: key == .from
            ? Phrase("use 'start' for the earliest start of a task", "任务的最早开始日期写在“start”")
            : Phrase("use 'deadline' for a task", "任务的截止日期写在“deadline”"))
      }
      if hasDone, !isSummary, let status, status != .done {
        bag.error(
          .doneConflict,
          Phrase(
            "'done' gives a finish date, but the status is '\(status.rawValue)'",
            "写了完成日期“done”，状态却是“\(status.rawValue)”"),
          at: at(.status),
          hint: Phrase(
            "remove the status ('done' implies status: done) or the done date",
            "删去“status”（写了“done”就是已完成），或删去完成日期“done”"))
      }
    }
    if places.has(.target) && kind == .leaf {
      let meets = Phrase("a task with a target is done when a measurement meets it", "有量化目标的任务在测量值达到目标时完成")
      let instead = Phrase("add a measurement instead", "改为添加一条测量值")
      if hasDone {
        bag.error(
          .doneWithTarget, Phrase(meets.english + "; it cannot have 'done'", meets.chinese + "，不能写“done”"),
          at: at(.done), hint: instead)
      }
      if status == .done {
        bag.error(
          .doneWithTarget,
          Phrase(meets.english + "; it cannot be 'status: done'", meets.chinese + "，不能写“status: done”"),
          at: at(.status), hint: instead)
      }
    } else if places.has(.measurements) && !isDuty {
      bag.warning(
        .ignoredValue, Phrase("measurements without a 'target' have no effect", "没有量化目标“target”，测量值不起作用"),
        at: at(.measurements),
        hint: Phrase("add a target: { metric, op, value }", "加上量化目标：“target: { metric, op, value }”"))
    }
  }

  /// Why a key that only a leaf may have is refused on a summary, and what to do instead.
  private static func summaryRule(_ key: TaskKey) -> (Phrase, Phrase) {
    switch key {
    case .duration:
      return (
        Phrase(
          "a summary task takes its dates from its children; it cannot have a 'duration'",
          "汇总任务的起止由子任务决定，不能写工期“duration”"),
        Phrase("remove the duration, or give it to a child task", "删去工期，或把它写在子任务上")
      )
    case .done:
      return (
        Phrase(
          "a summary task is done when all its children are; it cannot have 'done'", "汇总任务在子任务全部完成时完成，不能写“done”"),
        Phrase("mark the children done instead", "改为在子任务上标记完成")
      )
    default:
      return (
        Phrase("a summary task cannot have a '\(key.rawValue)'", "汇总任务不能写“\(key.rawValue)”"),
        Phrase("give the \(key.rawValue) to a child task", "把“\(key.rawValue)”写在子任务上")
      )
    }
  }

  /// Measured values written with a `%` need a target whose unit is `%`.
  private func checkPercentValues(_ values: [Scalar], unit: String?, into bag: inout DiagnosticBag) {
    guard !values.isEmpty, unit != "%" && unit != "％" else { return }
    for scalar in values {
      bag.error(
        .invalidValue,
        Phrase(
          "the measured value '\(scalar.text)' is a percentage, but the target's unit is "
            + (unit.map { "'\($0)'" } ?? "not '%'"),
          "测量值“\(scalar.text)”是百分数，但量化目标的单位" + (unit.map { "是“\($0)”" } ?? "不是“%”")),
        at: location(scalar.position),
        hint: Phrase(
          "drop the '%' (a value is in the target's unit), or give the target 'unit: \"%\"'",
          "去掉“%”（测量值按量化目标的单位写），或给量化目标写上“unit: \"%\"”"))
    }
  }
}
