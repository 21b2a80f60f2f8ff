import PlanGraph

/// What a name under the cursor is: a task's id, an `after` reference, an owner, an owner's declaration
/// or an `include` path; what go to definition, references, hover and rename start from.
enum Occurrence: Sendable {
  /// A task's own `id` value.
  case taskID(task: Int)
  /// An `after` entry of `referrer`, and the task it names if any.
  case reference(referrer: Int, node: OutlineNode, target: Int?)
  /// An `owner` value (of a task or the file), and the owner it names if any.
  case owner(node: OutlineNode, owner: Int?)
  /// An owner's `id` in `owners:`.
  case ownerID(owner: Int)
  /// An `include` entry and the path it names.
  case include(node: OutlineNode, path: String)

  /// The task this occurrence is about, if any.
  var task: Int? {
    switch self {
    case .taskID(let task): return task
    case .reference(_, _, let target): return target
    default: return nil
    }
  }

  /// The owner this occurrence is about, if any.
  var owner: Int? {
    switch self {
    case .owner(_, let owner): return owner
    case .ownerID(let owner): return owner
    default: return nil
    }
  }
}

extension OutlineNode {
  /// Whether a scalar node covers the 1-based `line` and `column` (its end included, where a cursor
  /// after the last character stands).
  func covers(line: Int, column: Int) -> Bool {
    kind == .scalar && self.line == line && column >= self.column && column <= self.column + max(1, length)
  }
}

extension PlanIndex {
  /// The occurrence at a 1-based line and column (Unicode scalars) of the file at `path`.
  func occurrence(in path: String, line: Int, column: Int) -> Occurrence? {
    guard let file = fileIndex(path) else { return nil }
    for include in files[file].includes where include.node.covers(line: line, column: column) {
      return .include(node: include.node, path: include.path)
    }
    if let node = files[file].owner, node.covers(line: line, column: column) {
      return .owner(node: node, owner: node.scalarText.flatMap { owner(fullID: $0) })
    }
    for (index, owner) in owners.enumerated() where owner.file == file {
      if owner.idNode.covers(line: line, column: column) { return .ownerID(owner: index) }
    }
    for (index, task) in tasks.enumerated() where task.file == file {
      guard task.node.line <= line else { continue }
      if let idNode = task.idNode, idNode.covers(line: line, column: column) { return .taskID(task: index) }
      if let node = task.owner, node.covers(line: line, column: column) {
        return .owner(node: node, owner: node.scalarText.flatMap { owner(fullID: $0) })
      }
      for node in task.support where node.covers(line: line, column: column) {
        return .owner(node: node, owner: node.scalarText.flatMap { owner(fullID: $0) })
      }
      for node in task.after where node.covers(line: line, column: column) {
        return .reference(referrer: index, node: node, target: node.scalarText.flatMap { resolve($0, from: index) })
      }
    }
    return nil
  }

  /// Every `after` entry that names `target` or (when `throughDescendants`) one of its descendants.
  func references(to target: Int, throughDescendants: Bool = false) -> [(referrer: Int, node: OutlineNode, target: Int)]
  {
    let wanted = Set(throughDescendants ? subtree(target) : [target])
    var found: [(referrer: Int, node: OutlineNode, target: Int)] = []
    for (index, task) in tasks.enumerated() {
      for node in task.after {
        if let text = node.scalarText, let resolved = resolve(text, from: index), wanted.contains(resolved) {
          found.append((index, node, resolved))
        }
      }
    }
    return found
  }

  /// Every `owner` value, of tasks and files, and every task's `support` entry that names `owner`.
  func references(toOwner owner: Int) -> [(file: Int, node: OutlineNode)] {
    let id = owners[owner].fullID
    var found: [(file: Int, node: OutlineNode)] = []
    for (index, file) in files.enumerated() {
      if let node = file.owner, node.scalarText == id { found.append((index, node)) }
    }
    for task in tasks {
      if let node = task.owner, node.scalarText == id { found.append((task.file, node)) }
      for node in task.support where node.scalarText == id { found.append((task.file, node)) }
    }
    return found
  }
}
