import PlanGraph

/// What an editor needs to know of a plan's files: every task, owner, reference and include with the
/// place of its id, read from the files as they stand, even while they have errors.
///
/// Built from `PlanOutline`s of the whole include tree; resolves names by the format's rules (siblings,
/// paths inside the file, full ids) so that definitions, references and renames agree with the loader.
struct PlanIndex: Sendable {
  /// A file of the include tree.
  struct File: Sendable {
    /// The absolute path.
    var path: String
    /// The file's nodes.
    var outline: PlanOutline
    /// The file's namespace (`id:`), nil in a root file without one.
    var namespace: String?
    /// The file's tasks at the top level.
    var topTasks: [Int] = []
    /// Each `include:` entry and the path it names.
    var includes: [(node: OutlineNode, path: String)] = []
    /// The file's `owner:` value.
    var owner: OutlineNode?
  }

  /// A task as written.
  struct IndexedTask: Sendable {
    var file: Int
    var id: String
    var fullID: String
    var name: String?
    /// The task's mapping.
    var node: OutlineNode
    /// The `id` value.
    var idNode: OutlineNode?
    var parent: Int?
    var children: [Int] = []
    /// The `owner` value.
    var owner: OutlineNode?
    /// The `after` entries.
    var after: [OutlineNode] = []
    /// The `support` entries: supporting units, owners' full ids like `owner`.
    var support: [OutlineNode] = []
  }

  /// An owner as declared.
  struct IndexedOwner: Sendable {
    var file: Int
    var fullID: String
    var name: String?
    var idNode: OutlineNode
  }

  /// The files in include order, root first.
  private(set) var files: [File] = []
  /// Every task in file order.
  private(set) var tasks: [IndexedTask] = []
  /// Every owner.
  private(set) var owners: [IndexedOwner] = []
  private var tasksByFullID: [String: Int] = [:]
  private var ownersByFullID: [String: Int] = [:]

  /// Reads the plan whose root file is at `root` (an absolute path) through `fileSystem`.
  init(root: String, fileSystem: any PlanFileSystem) {
    var pending = [root]
    var seen = Set<String>()
    while let path = pending.popLast() {
      guard !seen.contains(path), case .success(let bytes) = fileSystem.read(path) else { continue }
      seen.insert(path)
      let outline = PlanOutline(bytes: bytes, isJSON: path.hasSuffix(".json"))
      var file = File(path: path, outline: outline)
      let fileIndex = files.count
      let root = outline.root
      file.namespace = root?.value("id")?.scalarText
      file.owner = root?.value("owner")
      if let include = root?.value("include") {
        let folder = PlanPath.directory(of: path)
        for node in include.kind == .sequence ? include.items : [include] {
          guard let text = node.scalarText else { continue }
          file.includes.append((node, PlanPath.normalize(PlanPath.join(folder, text))))
        }
      }
      files.append(file)
      if let owners = root?.value("owners") { readOwners(owners, file: fileIndex) }
      if let tasks = root?.value("tasks") { files[fileIndex].topTasks = readTasks(tasks, file: fileIndex) }
      for include in file.includes.reversed() { pending.append(include.path) }
    }
  }

  /// The index of the file at `path`.
  func fileIndex(_ path: String) -> Int? {
    files.firstIndex { $0.path == path }
  }

  /// The task with full id `id`.
  func task(fullID id: String) -> Int? {
    tasksByFullID[id]
  }

  /// The owner with full id `id`.
  func owner(fullID id: String) -> Int? {
    ownersByFullID[id]
  }

  /// The task an `after` entry written in task `referrer` names, by the format's three steps.
  func resolve(_ name: String, from referrer: Int) -> Int? {
    let task = tasks[referrer]
    if !name.contains(".") {
      let siblings = task.parent.map { tasks[$0].children } ?? files[task.file].topTasks
      if let sibling = siblings.first(where: { tasks[$0].id == name }) { return sibling }
    }
    if let namespace = files[task.file].namespace, let found = tasksByFullID[namespace + "." + name] {
      return found
    }
    return tasksByFullID[name]
  }

  /// The tasks at or below `task`.
  func subtree(_ task: Int) -> [Int] {
    var result: [Int] = []
    var stack = [task]
    while let next = stack.popLast() {
      result.append(next)
      stack.append(contentsOf: tasks[next].children.reversed())
    }
    return result
  }

  /// The index as the files would read after `task` took the id `newID` and each `after` entry in
  /// `rewritten` (task, position in its `after`, text) were rewritten: what a rename checks, without
  /// reading the files again.
  func renaming(_ task: Int, to newID: String, rewriting rewritten: [(task: Int, entry: Int, text: String)])
    -> PlanIndex
  {
    var copy = self
    copy.tasks[task].id = newID
    for moved in subtree(task) {  // parents before children
      let prefix =
        copy.tasks[moved].parent.map { copy.tasks[$0].fullID + "." }
        ?? files[copy.tasks[moved].file].namespace.map { $0 + "." } ?? ""
      copy.tasks[moved].fullID = prefix + copy.tasks[moved].id
    }
    for (task, entry, text) in rewritten where copy.tasks[task].after.indices.contains(entry) {
      copy.tasks[task].after[entry].text = text
    }
    copy.tasksByFullID = [:]
    for (index, task) in copy.tasks.enumerated() where !task.id.isEmpty && copy.tasksByFullID[task.fullID] == nil {
      copy.tasksByFullID[task.fullID] = index
    }
    return copy
  }

  private mutating func readOwners(_ list: OutlineNode, file: Int) {
    var stack: [(node: OutlineNode, prefix: String)] = list.items.reversed().map { ($0, "") }
    while let (node, prefix) = stack.popLast() {
      guard node.kind == .mapping, let idNode = node.value("id"), let id = idNode.scalarText else { continue }
      let fullID = prefix.isEmpty ? id : prefix + "." + id
      if ownersByFullID[fullID] == nil { ownersByFullID[fullID] = owners.count }
      owners.append(IndexedOwner(file: file, fullID: fullID, name: node.value("name")?.scalarText, idNode: idNode))
      if let units = node.value("units"), units.kind == .sequence {
        stack.append(contentsOf: units.items.reversed().map { ($0, fullID) })
      }
    }
  }

  /// Reads a `tasks:` list and everything below it, without recursion; returns the top tasks' indices.
  private mutating func readTasks(_ list: OutlineNode, file: Int) -> [Int] {
    guard list.kind == .sequence else { return [] }
    var top: [Int] = []
    let prefix = files[file].namespace.map { $0 + "." } ?? ""
    var stack: [(node: OutlineNode, parent: Int?)] = list.items.reversed().map { ($0, nil) }
    while let (node, parent) = stack.popLast() {
      guard node.kind == .mapping else { continue }
      let idNode = node.value("id")
      let id = idNode?.scalarText ?? ""
      let fullID = (parent.map { tasks[$0].fullID + "." } ?? prefix) + id
      var task = IndexedTask(
        file: file, id: id, fullID: fullID, name: node.value("name")?.scalarText, node: node, idNode: idNode,
        parent: parent)
      task.owner = node.value("owner")
      if let after = node.value("after") {
        task.after = after.kind == .sequence ? after.items.filter { $0.kind == .scalar } : [after]
      }
      if let support = node.value("support") {
        task.support = support.kind == .sequence ? support.items.filter { $0.kind == .scalar } : [support]
      }
      let index = tasks.count
      tasks.append(task)
      if !id.isEmpty, tasksByFullID[fullID] == nil { tasksByFullID[fullID] = index }
      if let parent { tasks[parent].children.append(index) } else { top.append(index) }
      if let children = node.value("tasks"), children.kind == .sequence {
        stack.append(contentsOf: children.items.reversed().map { ($0, index) })
      }
    }
    return top
  }
}
