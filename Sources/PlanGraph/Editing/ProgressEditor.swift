/// Records progress in a plan's files: finds the task, refuses what the plan format would reject or
/// what makes no sense, and edits only the task's own lines of the file it is written in.
public enum ProgressEditor {
  /// The task a command-line name means: a full id, a unique dotted suffix of one
  /// (`departments.office` for `league.measures.departments.office`), or a task's exact name when
  /// only one task has it.
  public static func resolve(_ name: String, in plan: Plan, language l: Language = .en) -> Result<Int, ProgressRefusal>
  {
    if let index = plan.taskIndex(name) { return .success(index) }
    let suffix = "." + name
    let matches = plan.tasks.indices.filter { plan.tasks[$0].fullID.hasSuffix(suffix) }
    if matches.count == 1 { return .success(matches[0]) }
    if matches.isEmpty {
      // A task's exact name, as `history` takes it (`继续设立办公室`), when no id ends that way.
      let named = plan.tasks.indices.filter { plan.tasks[$0].name == name }
      if named.count == 1 { return .success(named[0]) }
      if named.count > 1 {
        let ids = named.prefix(5).map { plan.tasks[$0].fullID }.joined(separator: ", ")
        return .failure(
          ProgressRefusal(
            l.pick("'\(name)' is the name of \(named.count) tasks: ", "名为“\(name)”的任务有 \(named.count) 项：")
              + ids + (named.count > 5 ? ", …" : ""),
            hint: l.pick("name the task by its full id", "用完整编号指明任务")))
      }
    }
    if matches.count > 1 {
      let names = matches.prefix(5).map { plan.tasks[$0].fullID }.joined(separator: ", ")
      return .failure(
        ProgressRefusal(
          l.pick("'\(name)' names \(matches.count) tasks: ", "“\(name)”对应 \(matches.count) 项任务：")
            + names + (matches.count > 5 ? ", …" : ""),
          hint: l.pick("give more of the full id", "多写几段完整编号")))
    }
    let ids = plan.tasks.map(\.fullID)
    let lastParts = plan.tasks.map {
      String($0.fullID.split(separator: ".").suffix(name.split(separator: ".").count).joined(separator: "."))
    }
    var near = NearestNames.nearest(to: name, in: ids)
    if near.isEmpty {
      near = NearestNames.nearest(to: name, in: lastParts).compactMap { part in
        ids.first { $0 == part || $0.hasSuffix("." + part) }
      }
    }
    if near.isEmpty {
      // A name mistyped: the tasks whose names are nearest, by their ids.
      let names = plan.tasks.map(\.name)
      near = NearestNames.nearest(to: name, in: names).compactMap { near in
        plan.tasks.first { $0.name == near }.map(\.fullID)
      }
    }
    return .failure(
      ProgressRefusal(
        l.pick("no task '\(name)' in the plan", "计划中没有任务“\(name)”"),
        hint: near.isEmpty
          ? l.pick("`plangraph schedule` lists every task's full id", "plangraph schedule 会列出每项任务的完整编号")
          : l.pick("did you mean ", "是否想写")
            + near.map { l.pick("'\($0)'", "“\($0)”") }.joined(separator: l.pick(" or ", "或"))
            + l.pick("?", "？")))
  }

  /// The years a date given to a command may fall in: the plan start's year to the year after the
  /// latest date the plan names.
  public static func years(of plan: Plan) -> ClosedRange<Int> {
    var last = plan.start
    for task in plan.tasks {
      for day in [task.start, task.deadline, task.doneDate, task.recurrenceUntil, task.recurrenceFrom] {
        if let day, day > last { last = day }
      }
      if let held = task.heldDates.last, held > last { last = held }
      if let measured = task.measurements.map(\.date).max(), measured > last { last = measured }
    }
    return plan.start.year...(last.year + 1)
  }

  /// Works out `change` on the task at `index` of `plan`, whose file holds `bytes`. The result is
  /// not yet checked by loading; `verify` does that. `planPath` is the root file as the user named
  /// it, for the commands that refusals suggest.
  public static func edit(
    _ change: ProgressChange, task index: Int, of plan: Plan, fileBytes bytes: [UInt8], language: Language = .en,
    planPath: String = "PLAN"
  ) -> Result<PlanFileEdit, ProgressRefusal> {
    let task = plan.tasks[index]
    if let refusal = refusal(change, task: index, plan: plan, planPath: planPath, language: language) {
      return .failure(refusal)
    }
    let path = plan.location(task.locations.id).file
    guard let root = SourceTree.read(bytes),
      let mapping = SourceTree.taskMapping(
        in: root, idLine: Int(task.locations.id.line), idColumn: Int(task.locations.id.column))
    else {
      return .failure(
        ProgressRefusal(
          language.pick(
            "cannot find task '\(task.fullID)' in '\(path)': has it changed since it was read?",
            "在“\(path)”中找不到任务“\(task.fullID)”：文件是否刚被改动？")))
    }
    for key in keys(changedBy: change) {
      guard let value = mapping.entry(key)?.value, value.isShared else { continue }
      return .failure(
        ProgressRefusal(
          language.pick(
            "\(path):\(value.line):\(value.column): the `\(key)` of '\(task.fullID)' is shared through a YAML anchor or alias; plangraph does not edit shared values",
            "\(path):\(value.line):\(value.column)：任务“\(task.fullID)”的“\(key)”通过 YAML 锚点或别名与别处共用；plangraph 不改动共用的值"),
          hint: language.pick(
            "write the value out in this task in place of the anchor or alias, then run the command again",
            "在该任务中把锚点或别名改写为具体的值，再执行命令")))
    }
    var editor = TaskTextEditor(bytes: bytes, task: mapping, isJSON: path.hasSuffix(".json"))
    let s = editor.scalars
    switch change {
    case .done(let day, let evidence, let verifiedBy):
      editor.set("done", to: s.word(day.iso))
      if let status = mapping.entry("status"), status.value.text != "done" {
        editor.replaceValue(status.value, with: s.word("done"))
      }
      if let evidence { editor.set("evidence", to: s.text(evidence)) }
      if let verifiedBy { editor.set("verified-by", to: s.text(verifiedBy)) }
    case .progress(let percent):
      editor.set("progress", to: s.word("\(percent)%"))
    case .measure(let value, let day):
      let fields = [("date", s.word(day.iso)), ("value", s.number(value))]
      if let list = mapping.entry("measurements")?.value, list.kind == .sequence {
        let position =
          list.children.firstIndex { item in
            guard let date = item.entry("date")?.value.text, case .success(.day(let d)) = DateExpression.parse(date)
            else { return false }
            return d > day
          } ?? list.children.count
        editor.insertItem(item(fields, like: list, editor: editor), into: list, at: position)
      } else if let empty = mapping.entry("measurements")?.value {
        editor.replaceValue(empty, with: "[" + flowMapping(fields, scalars: s) + "]")
      } else {
        editor.addListKey("measurements", item: flowMapping(fields, scalars: s))
      }
    case .held(let day):
      let word = s.word(day.iso)
      if let list = mapping.entry("done")?.value {
        if list.kind == .scalar && list.start == list.end {
          editor.replaceValue(list, with: "[" + word + "]")
        } else {
          let items = list.kind == .sequence ? list.children : [list]
          let position =
            items.firstIndex { item in
              guard case .success(.day(let d)) = DateExpression.parse(item.text) else { return false }
              return d > day
            } ?? items.count
          editor.insertItem(word, into: list, at: position)
        }
      } else {
        editor.addKey("done", value: "[" + word + "]")
      }
    case .block(let note):
      editor.set("status", to: s.word("blocked"))
      setNote(note, task: task, mapping: mapping, editor: &editor)
    case .unblock:
      editor.set("status", to: s.word("active"))
    case .cancel(let note):
      editor.set("status", to: s.word("cancelled"))
      setNote(note, task: task, mapping: mapping, editor: &editor)
    case .extend(let to, let reason, let approvedBy, let on):
      let from = task.deadline ?? to
      editor.set("deadline", to: s.word(to.iso))
      var fields = [
        ("from", s.word(from.iso)), ("to", s.word(to.iso)), ("on", s.word(on.iso)), ("reason", s.text(reason)),
      ]
      if let approvedBy { fields.append(("approved-by", s.text(approvedBy))) }
      if let list = mapping.entry("extensions")?.value, list.kind == .sequence {
        editor.insertItem(item(fields, like: list, editor: editor), into: list, at: list.children.count)
      } else {
        editor.addListKey("extensions", item: flowMapping(fields, scalars: s))
      }
    }
    let first = editor.lineStart(of: mapping.start)
    let last = editor.lineEnd(after: mapping.end)
    return .success(
      PlanFileEdit(
        path: path, original: bytes, edited: editor.result(), taskID: task.fullID,
        taskLines: first..<last))
  }

  /// Loads the plan again with the edited file in place of the one on disk; the edit stands only when
  /// the plan still loads without errors.
  public static func verify(
    _ edit: PlanFileEdit, rootPath: String, fileSystem: any PlanFileSystem = DiskFileSystem(),
    language l: Language = .en
  ) -> Result<Plan, ProgressRefusal> {
    // The edited file under its path as written and as the file system resolves it (links included).
    var files = [PlanPath.normalize(edit.path): edit.edited]
    if let canonical = fileSystem.canonicalPath(edit.path) { files[canonical] = edit.edited }
    let overlay = OverlayFileSystem(base: fileSystem, files: files)
    let result = PlanLoader(fileSystem: overlay).load(path: rootPath)
    guard let plan = result.plan else {
      let first = result.diagnostics.first { $0.severity == .error }
      let place =
        first.map { "\($0.location.file):\($0.location.line):\($0.location.column): \($0.message)" } ?? "?"
      return .failure(
        ProgressRefusal(
          l.pick(
            "the edited plan would not load (\(place)); nothing was written",
            "改动后的计划无法载入（\(place)），未写入任何内容"),
          hint: l.pick(
            "if the plan itself is right, this is a bug in plangraph's editing: please report it with the file",
            "如果计划本身没有问题，这是 plangraph 的编辑缺陷：把命令和计划文件一起报告给维护者")))
    }
    return .success(plan)
  }

  // MARK: - Refusals

  private static func refusal(
    _ change: ProgressChange, task index: Int, plan: Plan, planPath: String, language l: Language
  ) -> ProgressRefusal? {
    let task = plan.tasks[index]
    let years = years(of: plan)
    let id = task.fullID
    let planArgument = shellWord(planPath)
    func outside(_ day: Day) -> ProgressRefusal? {
      years.contains(day.year)
        ? nil
        : ProgressRefusal(
          l.pick(
            "\(day.iso) is outside the plan's years (\(years.lowerBound)–\(years.upperBound))",
            "\(day.iso) 不在计划可用的年份内（\(years.lowerBound)–\(years.upperBound) 年）"),
          hint: l.pick("check the year; the plan starts on \(plan.start.iso)", "核对年份；计划开始于 \(plan.start.iso)"))
    }
    func already(_ status: TaskStatus) -> ProgressRefusal {
      let zh = status == .done ? "已完成" : status == .cancelled ? "已取消" : "已标记为受阻"
      return ProgressRefusal(l.pick("'\(id)' is already \(status.rawValue)", "任务“\(id)”\(zh)"))
    }
    let summary = ProgressRefusal(
      l.pick("'\(id)' is a summary task; its sub-tasks carry this", "任务“\(id)”是汇总任务，应记在它的子任务上"),
      hint: l.pick("record each sub-task", "逐项记录子任务"))
    switch change {
    case .done(let day, _, _):
      if task.isDuty {
        return ProgressRefusal(
          l.pick("'\(id)' is a recurring duty; it is never done once", "“\(id)”是例行工作，没有一次性的完成日期"),
          hint: l.pick("record a day it was held: ", "记录一次开展：") + "plangraph held \(planArgument) \(id) --on \(day.iso)"
        )
      }
      if task.isSummary { return summary }
      if task.target != nil {
        return ProgressRefusal(
          l.pick(
            "'\(id)' has a target; it is done when a measurement meets it",
            "任务“\(id)”有量化目标，测量值达标即完成"),
          hint: l.pick("record the value: ", "记录测量值：") + "plangraph measure \(planArgument) \(id) VALUE --on \(day.iso)"
        )
      }
      if task.status == .cancelled { return already(.cancelled) }
      return outside(day)
    case .progress(let percent):
      if !(0...100).contains(percent) {
        return ProgressRefusal(l.pick("progress \(percent)% is outside 0%–100%", "进度 \(percent)% 不在 0–100% 之间"))
      }
      if task.isDuty {
        return ProgressRefusal(
          l.pick("'\(id)' is a recurring duty; it takes no progress", "“\(id)”是例行工作，不记进度"),
          hint: "plangraph held")
      }
      if task.isSummary { return summary }
      if task.status == .done || task.status == .cancelled { return already(task.status) }
      return nil
    case .measure(let value, let day):
      if task.target == nil {
        return ProgressRefusal(
          l.pick("'\(id)' has no target to measure", "任务“\(id)”没有量化目标"),
          hint: task.isDuty ? "plangraph held" : "plangraph done / plangraph progress")
      }
      if DecimalNumber(value) == nil {
        return ProgressRefusal(
          l.pick("'\(value)' is not a decimal number", "“\(value)”不是数字"),
          hint: l.pick("write the value as 35 or 35.5, without its unit", "写成 35 或 35.5，不带单位"))
      }
      if task.measurements.contains(where: { $0.date == day }) {
        return ProgressRefusal(
          l.pick("'\(id)' already has a measurement on \(day.iso)", "任务“\(id)”在 \(day.iso) 已有测量值"),
          hint: l.pick("correct it in the file if it was wrong", "如有错误，直接在文件中修改"))
      }
      return outside(day)
    case .held(let day):
      if !task.isDuty {
        return ProgressRefusal(
          l.pick("'\(id)' is not a recurring duty", "任务“\(id)”不是例行工作"),
          hint: "plangraph done \(planArgument) \(id) --on \(day.iso)")
      }
      if task.heldDates.contains(day) {
        return ProgressRefusal(
          l.pick("'\(id)' is already recorded as held on \(day.iso)", "“\(id)”已记录 \(day.iso) 开展过"))
      }
      if let from = task.recurrenceFrom, day < from {
        return ProgressRefusal(
          l.pick("\(day.iso) is before the duty starts (\(from.iso))", "\(day.iso) 早于该例行工作的开始日期 \(from.iso)"))
      }
      return outside(day)
    case .block:
      if task.isSummary { return summary }
      if task.status == .done || task.status == .cancelled || task.status == .blocked { return already(task.status) }
      return nil
    case .unblock:
      return task.status == .blocked
        ? nil
        : ProgressRefusal(
          l.pick(
            "'\(id)' is not blocked (its status is \(task.status.rawValue))",
            "任务“\(id)”没有受阻（状态为 \(task.status.rawValue)）"))
    case .cancel:
      if task.status == .done || task.status == .cancelled { return already(task.status) }
      return nil
    case .extend(let to, _, _, let on):
      if task.isDuty {
        return ProgressRefusal(
          l.pick("'\(id)' is a recurring duty; it has no deadline", "“\(id)”是例行工作，没有截止日期"),
          hint: l.pick("change its `until` in the file", "在文件中修改它的“until”"))
      }
      guard let deadline = task.deadline else {
        return ProgressRefusal(
          l.pick("'\(id)' has no deadline of its own to extend", "任务“\(id)”自身没有截止日期，无从延期"),
          hint: l.pick("add a `deadline` to it in the file", "先在文件中给它写上“deadline”"))
      }
      if task.status == .done || task.status == .cancelled { return already(task.status) }
      if let binding = bindingAncestor(of: index, in: plan), let bound = plan.tasks[binding].deadline, bound < to {
        // The effective deadline is the earliest of the task's and its ancestors': past the
        // ancestor's, the new date would change nothing that applies.
        let ancestor = plan.tasks[binding].fullID
        return ProgressRefusal(
          l.pick(
            "'\(id)' stays due on \(bound.iso) whatever its own deadline: its summary '\(ancestor)' is due then",
            "任务“\(id)”的截止日期受汇总任务“\(ancestor)”的截止日期 \(bound.iso) 约束，延期至 \(to.iso) 不会生效"),
          hint: l.pick("extend the summary first: ", "先给汇总任务延期：")
            + "plangraph extend \(planArgument) \(ancestor) --to \(to.iso) --reason …")
      }
      if to <= deadline {
        return ProgressRefusal(
          l.pick(
            "an extension must move the deadline later: \(to.iso) is not after \(deadline.iso)",
            "延期只能推后截止日期：\(to.iso) 不晚于原截止日期 \(deadline.iso)"))
      }
      return outside(to) ?? outside(on)
    }
  }

  /// The keys of a task whose values `change` may replace.
  private static func keys(changedBy change: ProgressChange) -> [String] {
    switch change {
    case .done: return ["done", "status", "evidence", "verified-by"]
    case .progress: return ["progress"]
    case .measure: return ["measurements"]
    case .held: return ["done"]
    case .block, .cancel: return ["status", "note"]
    case .unblock: return ["status"]
    case .extend: return ["deadline", "extensions"]
    }
  }

  /// The ancestor whose deadline is the earliest among the task's ancestors, if any has one.
  private static func bindingAncestor(of index: Int, in plan: Plan) -> Int? {
    var best: (index: Int, day: Day)?
    var current = plan.tasks[index].parent
    var steps = 0
    while let ancestor = current, steps < plan.tasks.count {
      if let day = plan.tasks[ancestor].deadline, best.map({ day < $0.day }) ?? true { best = (ancestor, day) }
      current = plan.tasks[ancestor].parent
      steps += 1
    }
    return best?.index
  }

  /// `path` as one shell word: as it is when it holds only safe characters, else single-quoted.
  private static func shellWord(_ path: String) -> String {
    let safe = path.unicodeScalars.allSatisfy {
      $0.value >= 0x80 || $0.properties.isAlphabetic || ("0"..."9").contains($0)
        || "/._-+,=@%".unicodeScalars.contains($0)
    }
    return safe && !path.isEmpty
      ? path : "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
  }

  // MARK: - Pieces of text

  private static func flowMapping(_ fields: [(String, String)], scalars: ScalarText) -> String {
    let body = fields.map { scalars.key($0.0) + ": " + $0.1 }.joined(separator: ", ")
    return scalars.isJSON ? "{" + body + "}" : "{ " + body + " }"
  }

  /// A new list item in the style of the list's items: a block mapping (each key on its own line,
  /// under the first) when they are block mappings, else a flow mapping.
  private static func item(_ fields: [(String, String)], like list: SourceNode, editor: TaskTextEditor) -> String {
    guard !list.isFlow, let first = list.children.first, first.kind == .mapping, !first.isFlow,
      !editor.scalars.isJSON
    else { return flowMapping(fields, scalars: editor.scalars) }
    var lineStart = first.start
    while lineStart > 0 && editor.bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
    let indent = String(repeating: " ", count: first.start - lineStart)
    return fields.map { $0.0 + ": " + $0.1 }.joined(separator: editor.newline + indent)
  }

  /// Sets the note, keeping an existing one before the new text: the planner's remark is not lost.
  private static func setNote(_ note: String, task: PlanTask, mapping: SourceNode, editor: inout TaskTextEditor) {
    var old = mapping.entry("note") == nil ? "" : task.note ?? ""
    while let last = old.last, last.isWhitespace { old.removeLast() }
    guard !old.isEmpty else {
      editor.set("note", to: editor.scalars.text(note))
      return
    }
    let ends = old.unicodeScalars.last.map { "。；！？;.!?".unicodeScalars.contains($0) } ?? false
    editor.set("note", to: editor.scalars.text(old + (ends ? "" : "；") + note))
  }

}

extension ProgressEditor {
  /// Writes the edited file atomically, unless the file on disk is no longer the text the edit was
  /// computed from: then nothing is written, so someone else's change is never overwritten. The
  /// re-read, comparison and write happen under an exclusive lock on the file's folder, so two
  /// plangraph processes editing the same file at once cannot both succeed with one edit lost. A
  /// symbolic link (an include, or the root file) stays a link: the file it points to is replaced.
  public static func write(
    _ edit: PlanFileEdit, fileSystem: any PlanFileSystem, language l: Language = .en
  ) -> Result<Void, ProgressRefusal> {
    let target = FolderLock.resolvedPath(edit.path) ?? edit.path
    return FolderLock.holding(PlanPath.directory(of: target)) { () -> Result<Void, ProgressRefusal> in
      guard case .success(let now) = fileSystem.read(edit.path), now == edit.original else {
        return .failure(
          ProgressRefusal(
            l.pick(
              "'\(edit.path)' changed on disk since it was read; nothing was written",
              "“\(edit.path)”在读取之后已被改动，未写入任何内容"),
            hint: l.pick("run the command again on the new file", "对新文件重新执行命令")))
      }
      do throws(AtomicFile.Failure) {
        try AtomicFile.write(edit.edited, to: target)
      } catch {
        return .failure(ProgressRefusal(error.description))
      }
      return .success(())
    }
  }
}
