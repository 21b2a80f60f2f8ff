import PlanGraph

extension PlanLanguageServer {
  /// `textDocument/prepareRename`: the id under the cursor, when it is a task's id or a reference to one.
  func prepareRename(_ params: JSON) throws(JSONRPC.Failure) -> JSON {
    let (analysis, path, line, column) = try cursor(params)
    let index = analysis.index
    let occurrence = index.occurrence(in: path, line: line, column: column)
    guard let task = occurrence?.task, index.tasks[task].idNode != nil else { return .null }
    // The range is the name under the cursor, in this document: the id itself, or the reference to it.
    let node: OutlineNode
    switch occurrence {
    case .reference(_, let reference, _): node = reference
    default: node = index.tasks[task].idNode ?? index.tasks[task].node
    }
    return ["range": range(node, in: path, analysis), "placeholder": .string(index.tasks[task].id)]
  }

  /// `textDocument/rename` of a task id: its `id` and every `after` entry that names it or a task below
  /// it, in every file of the plan; refused when the new id is not an id the files would read back, or
  /// collides. The plan is re-resolved as it would read after the edit before it is offered: every
  /// reference must still name the task it named (one a nearer task would capture is rewritten to a
  /// longer path or the full id, or the rename is refused) and no task's full id may be taken twice.
  func rename(_ params: JSON) throws(JSONRPC.Failure) -> JSON {
    let (analysis, path, line, column) = try cursor(params)
    let index = analysis.index
    guard let newID = params["newName"]?.string else { throw .init(.invalidParams, "newName is missing") }
    guard let task = index.occurrence(in: path, line: line, column: column)?.task,
      let idNode = index.tasks[task].idNode
    else { throw .init(.requestFailed, "only a task's id, or a reference to a task, can be renamed") }
    let renamed = index.tasks[task]
    guard IDSyntax.isValid(newID) else {
      throw .init(.requestFailed, "'\(newID)' is not an id: use letters, digits, '_' and '-'")
    }
    if ["null", "Null", "NULL", "-"].contains(newID) {
      throw .init(.requestFailed, "'\(newID)' is not read back as an id: YAML takes it for null or a list item")
    }
    if newID == renamed.id { return ["changes": [:]] }
    let siblings = renamed.parent.map { index.tasks[$0].children } ?? index.files[renamed.file].topTasks
    if let clash = siblings.first(where: { index.tasks[$0].id == newID }) {
      throw .init(.requestFailed, "'\(newID)' is already the id of a sibling, '\(index.tasks[clash].fullID)'")
    }
    let newFullID = String(renamed.fullID.dropLast(renamed.id.count)) + newID
    if let clash = index.task(fullID: newFullID) {
      let file = index.files[index.tasks[clash].file].path
      throw .init(.requestFailed, "'\(newFullID)' is already a task's full id (in \(file))")
    }
    let depth = renamed.fullID.split(separator: ".").count - 1
    var rename = Edits(index: index)
    rename.edit(idNode, file: renamed.file, to: newID)
    for reference in index.references(to: task, throughDescendants: true) {
      // The written name is the tail of the target's full id: replace the segment that is the renamed task's.
      var written = reference.node.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      let full = index.tasks[reference.target].fullID.split(separator: ".").count
      let segment = depth - (full - written.count)
      guard written.indices.contains(segment), written[segment] == renamed.id else { continue }
      written[segment] = newID
      rename.edit(reference: reference.node, of: reference.referrer, to: written.joined(separator: "."))
    }
    try verify(renaming: task, to: newID, &rename)
    var changes: [String: JSON] = [:]
    for (path, fileEdits) in rename.byFile {
      changes[uri(path).string ?? ""] = .array(
        fileEdits.map { edit in
          [
            "range": analysis.text(path).range(
              line: edit.line, column: edit.column, length: edit.length, encoding: encoding),
            "newText": .string(edit.text),
          ]
        })
    }
    return ["changes": .object(changes)]
  }

  /// A rename's edits so far: each scalar's replacement (a later one of the same scalar wins) and the
  /// `after` entries it rewrites.
  private struct Edits {
    let index: PlanIndex
    var byFile: [String: [ScalarEdit]] = [:]
    var rewritten: [(task: Int, entry: Int, text: String)] = []

    mutating func edit(_ node: OutlineNode, file: Int, to text: String) {
      let path = index.files[file].path
      let edit = ScalarEdit(node, to: text)
      byFile[path, default: []].removeAll { $0.line == edit.line && $0.column == edit.column }
      byFile[path, default: []].append(edit)
    }

    mutating func edit(reference node: OutlineNode, of referrer: Int, to text: String) {
      edit(node, file: index.tasks[referrer].file, to: text)
      guard
        let entry = index.tasks[referrer].after.firstIndex(where: { $0.line == node.line && $0.column == node.column })
      else { return }
      rewritten.removeAll { $0.task == referrer && $0.entry == entry }
      rewritten.append((referrer, entry, text))
    }
  }

  /// Refuses the rename unless the new id reads back as itself, no full id below the renamed task is
  /// taken twice, and every `after` entry names the task it named before, with the index as it would
  /// read after the edits; an entry a nearer task would capture is rewritten to the shortest path that
  /// still names its task.
  private func verify(renaming task: Int, to newID: String, _ rename: inout Edits) throws(JSONRPC.Failure) {
    let index = rename.index
    // The id is written plain into block (`id:`) and flow (`after: [..]`) places: both must read it back.
    let probe = PlanOutline(bytes: Array("- id: \(newID)\n  after: [\(newID), a.\(newID)]\n".utf8), isJSON: false)
    let item = probe.root?.kind == .sequence ? probe.root?.items.first : nil
    guard item?.value("id")?.scalarText == newID,
      item?.value("after")?.items.map(\.scalarText) == [newID, "a." + newID]
    else { throw .init(.requestFailed, "'\(newID)' would not be read back as that id: YAML reads it otherwise") }
    let after = index.renaming(task, to: newID, rewriting: rename.rewritten)
    // A full id taken more often than the task's old one was: a plan that already has duplicates can
    // still rename.
    var before: [String: Int] = [:]
    var taken: [String: Int] = [:]
    for other in index.tasks where !other.id.isEmpty { before[other.fullID, default: 0] += 1 }
    for other in after.tasks where !other.id.isEmpty { taken[other.fullID, default: 0] += 1 }
    let moved = index.subtree(task)
    for below in moved
    where taken[after.tasks[below].fullID, default: 0] > before[index.tasks[below].fullID, default: 0] {
      let clash = after.tasks[below].fullID
      let other = after.tasks.indices.first { $0 != below && after.tasks[$0].fullID == clash }
      let file = other.map { " (in \(after.files[after.tasks[$0].file].path))" } ?? ""
      throw .init(
        .requestFailed,
        "renaming '\(index.tasks[task].fullID)' to '\(newID)' would give two tasks the full id '\(clash)'\(file)")
    }
    // A name can resolve differently only when it is rewritten, is the old or new id (a sibling), or
    // reaches a renamed full id, directly or below the file's namespace: only those are resolved twice.
    let changed = Set(moved.map { index.tasks[$0].fullID } + moved.map { after.tasks[$0].fullID })
    let oldID = index.tasks[task].id
    let rewritten = Set(rename.rewritten.map { "\($0.task):\($0.entry)" })
    for (referrer, task) in index.tasks.enumerated() {
      let namespace = index.files[task.file].namespace.map { $0 + "." } ?? ""
      for (entry, node) in task.after.enumerated() {
        guard let text = after.tasks[referrer].after[entry].scalarText else { continue }
        guard
          text == oldID || text == newID || changed.contains(text) || changed.contains(namespace + text)
            || rewritten.contains("\(referrer):\(entry)")
        else { continue }
        let before = node.scalarText.flatMap { index.resolve($0, from: referrer) }
        guard after.resolve(text, from: referrer) != before else { continue }
        let place = "\(index.files[task.file].path):\(node.line):\(node.column)"
        guard let before else {
          throw .init(
            .requestFailed, "renaming to '\(newID)' would make '\(text)' at \(place) name a task it does not name now")
        }
        // The shortest tail of the target's new full id that names it from here.
        let segments = after.tasks[before].fullID.split(separator: ".").map(String.init)
        let spelling = (1...segments.count).lazy.map { segments.suffix($0).joined(separator: ".") }
          .first { after.resolve($0, from: referrer) == before }
        guard let spelling else {
          let captured = after.resolve(text, from: referrer).map { after.tasks[$0].fullID } ?? "nothing"
          throw .init(
            .requestFailed,
            "renaming to '\(newID)' would make '\(text)' at \(place) name '\(captured)' instead of "
              + "'\(after.tasks[before].fullID)', and no other spelling names that task from there")
        }
        rename.edit(reference: node, of: referrer, to: spelling)
      }
    }
  }
}
