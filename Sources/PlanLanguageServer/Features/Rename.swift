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
  /// it, in every file of the plan; refused when the new id is not an id or collides.
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
    var edits: [String: [JSON]] = [:]
    func edit(_ node: OutlineNode, file: Int, to text: String) {
      let path = index.files[file].path
      edits[path, default: []].append(["range": range(node, in: path, analysis), "newText": .string(text)])
    }
    edit(idNode, file: renamed.file, to: newID)
    for reference in index.references(to: task, throughDescendants: true) {
      // The written name is the tail of the target's full id: replace the segment that is the renamed task's.
      var written = reference.node.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      let full = index.tasks[reference.target].fullID.split(separator: ".").count
      let segment = depth - (full - written.count)
      guard written.indices.contains(segment), written[segment] == renamed.id else { continue }
      written[segment] = newID
      edit(reference.node, file: index.tasks[reference.referrer].file, to: written.joined(separator: "."))
    }
    return [
      "changes": .object(edits.mapValues { .array($0) }.reduce(into: [:]) { $0[uri($1.key).string ?? ""] = $1.value })
    ]
  }
}
