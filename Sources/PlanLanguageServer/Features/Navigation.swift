import PlanGraph

extension PlanLanguageServer {
  /// The analysis, index and cursor (1-based line, scalar column) of a `TextDocumentPositionParams`.
  func cursor(_ params: JSON) throws(JSONRPC.Failure) -> (
    analysis: Workspace.Analysis, path: String, line: Int, column: Int
  ) {
    guard let path = path(params["textDocument"]?["uri"]) else {
      throw .init(.invalidParams, "textDocument.uri must be a file: URI")
    }
    guard let line = params["position"]?["line"]?.int, let character = params["position"]?["character"]?.int,
      line >= 0, character >= 0
    else { throw .init(.invalidParams, "position must have a line and a character") }
    guard let analysis = workspace.analysis(for: path) else { throw .init(.internalError, "no plan for \(path)") }
    let column = analysis.text(path).column(line: line, character: character, encoding: encoding)
    return (analysis, path, line + 1, column)
  }

  /// An LSP `Location` of a node in a file of the plan.
  func location(_ node: OutlineNode, in path: String, _ analysis: Workspace.Analysis) -> JSON {
    ["uri": uri(path), "range": range(node, in: path, analysis)]
  }

  /// The range of a node's text: a scalar's, inside its quotes.
  func range(_ node: OutlineNode, in path: String, _ analysis: Workspace.Analysis) -> JSON {
    let inner = node.kind == .scalar && !node.isPlain
    let length = node.kind == .scalar ? node.text.unicodeScalars.count : max(1, node.length)
    return analysis.text(path).range(
      line: node.line, column: node.column + (inner ? 1 : 0), length: length, encoding: encoding)
  }

  /// `textDocument/definition`: from an `after` entry to the task, from an `owner` to its declaration,
  /// from an `include` entry to the file; a task's own id is its own definition.
  func definition(_ params: JSON) throws(JSONRPC.Failure) -> JSON {
    let (analysis, path, line, column) = try cursor(params)
    let index = analysis.index
    switch index.occurrence(in: path, line: line, column: column) {
    case .taskID(let task), .reference(_, _, .some(let task)):
      return taskLocation(task, analysis)
    case .owner(_, .some(let owner)), .ownerID(let owner):
      let declared = index.owners[owner]
      return location(declared.idNode, in: index.files[declared.file].path, analysis)
    case .include(_, let target):
      return [
        "uri": uri(target), "range": analysis.text(target).range(line: 1, column: 1, length: 0, encoding: encoding),
      ]
    default:
      return .null
    }
  }

  /// The place of a task's id (its mapping when it has none).
  func taskLocation(_ task: Int, _ analysis: Workspace.Analysis) -> JSON {
    let found = analysis.index.tasks[task]
    return location(found.idNode ?? found.node, in: analysis.index.files[found.file].path, analysis)
  }

  /// `textDocument/references`: every `after` naming the task, or every `owner` naming the owner, in
  /// all files of the plan; with the declaration when the client asks for it.
  func references(_ params: JSON) throws(JSONRPC.Failure) -> JSON {
    let (analysis, path, line, column) = try cursor(params)
    let index = analysis.index
    let includeDeclaration = params["context"]?["includeDeclaration"]?.bool ?? true
    guard let occurrence = index.occurrence(in: path, line: line, column: column) else { return [] }
    var found: [JSON] = []
    if let task = occurrence.task {
      if includeDeclaration { found.append(taskLocation(task, analysis)) }
      for reference in index.references(to: task) {
        found.append(location(reference.node, in: index.files[index.tasks[reference.referrer].file].path, analysis))
      }
    } else if let owner = occurrence.owner {
      let declared = index.owners[owner]
      if includeDeclaration { found.append(location(declared.idNode, in: index.files[declared.file].path, analysis)) }
      for reference in index.references(toOwner: owner) {
        found.append(location(reference.node, in: index.files[reference.file].path, analysis))
      }
    }
    return .array(found)
  }

  /// `textDocument/documentSymbol`: the file's task tree, each task under its id with its name beside.
  func documentSymbols(_ params: JSON) throws(JSONRPC.Failure) -> JSON {
    guard let path = path(params["textDocument"]?["uri"]) else {
      throw .init(.invalidParams, "textDocument.uri must be a file: URI")
    }
    guard let analysis = workspace.analysis(for: path), let file = analysis.index.fileIndex(path) else { return [] }
    let index = analysis.index
    // Children before parents, so that each parent's symbol is built with its children's; no recursion.
    var order: [Int] = []
    var stack = index.files[file].topTasks.reversed().map { $0 }
    while let next = stack.popLast() {
      order.append(next)
      stack.append(contentsOf: index.tasks[next].children.reversed())
    }
    var symbols: [Int: JSON] = [:]
    for task in order.reversed() {
      let found = index.tasks[task]
      let whole = wholeRange(found.node, in: path, analysis)
      let selection = found.idNode.map { range($0, in: path, analysis) } ?? whole
      let kind = found.node.value("every") != nil ? 24 : found.children.isEmpty ? 12 : 5
      var symbol: [String: JSON] = [
        "name": .string(found.id.isEmpty ? "(no id)" : found.id), "kind": .int(kind), "range": whole,
        "selectionRange": selection, "children": .array(found.children.compactMap { symbols[$0] }),
      ]
      if let name = found.name { symbol["detail"] = .string(name) }
      symbols[task] = .object(symbol)
      for child in found.children { symbols[child] = nil }
    }
    return .array(index.files[file].topTasks.compactMap { symbols[$0] })
  }

  /// A mapping's whole range, from its start to where its end was read.
  private func wholeRange(_ node: OutlineNode, in path: String, _ analysis: Workspace.Analysis) -> JSON {
    let text = analysis.text(path)
    return [
      "start": text.position(line: node.line, column: node.column, encoding: encoding),
      "end": text.position(line: node.endLine, column: node.endColumn, encoding: encoding),
    ]
  }
}
