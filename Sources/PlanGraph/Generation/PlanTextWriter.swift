/// Writes plan files as bytes, in YAML or JSON, for generated plans: tasks arrive in output order with
/// their depth, so the writer nests them without holding the tree.
struct PlanTextWriter {
  /// What the writer needs of one task.
  struct TaskFields {
    var id: String
    var name: String
    var owner: String
    var duration: Int?
    var after: [String]
    var deadline: Day?
    var done: Day?
    var every: String?
    var depth: Int
    var hasChildren: Bool
  }

  let format: PlanGenerator.Format
  private(set) var bytes: [UInt8] = []
  /// JSON: depths whose task list is open, and whether a task was written at each depth yet.
  private var open: [Bool] = []

  init(format: PlanGenerator.Format) {
    self.format = format
    bytes.reserveCapacity(1 << 20)
  }

  private mutating func write(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  private func quoted(_ text: String) -> String {
    JSONText.string(text)
  }

  mutating func begin(title: String, start: Day) {
    switch format {
    case .yaml: write("plan: \(quoted(title))\nstart: \(start.iso)\n")
    case .json: write("{\n\"plan\": \(quoted(title)),\n\"start\": \"\(start.iso)\",\n")
    }
  }

  mutating func owners(organisations: Int, unitsEach: Int) {
    switch format {
    case .yaml:
      write("owners:\n")
      for o in 0..<organisations {
        write("  - id: org\(o)\n    name: \(quoted("第\(o + 1)单位"))\n    units:\n")
        for u in 0..<unitsEach { write("      - { id: u\(u), name: \(quoted("第\(u + 1)部门")) }\n") }
      }
    case .json:
      write("\"owners\": [\n")
      for o in 0..<organisations {
        write("{\"id\": \"org\(o)\", \"name\": \(quoted("第\(o + 1)单位")), \"units\": [")
        write(
          (0..<unitsEach).map { "{\"id\": \"u\($0)\", \"name\": \(quoted("第\($0 + 1)部门"))}" }.joined(separator: ", "))
        write(o == organisations - 1 ? "]}\n" : "]},\n")
      }
      write("],\n")
    }
  }

  mutating func beginTasks() {
    switch format {
    case .yaml: write("tasks:\n")
    case .json:
      write("\"tasks\": [")
      open = [false]
    }
  }

  mutating func task(_ t: TaskFields) {
    switch format {
    case .yaml: yamlTask(t)
    case .json: jsonTask(t)
    }
  }

  private mutating func yamlTask(_ t: TaskFields) {
    let indent = String(repeating: "    ", count: t.depth)
    write("\(indent)  - id: \(t.id)\n\(indent)    name: \(quoted(t.name))\n\(indent)    owner: \(t.owner)\n")
    if let duration = t.duration { write("\(indent)    duration: \(duration)d\n") }
    if let every = t.every { write("\(indent)    every: \(every)\n") }
    if !t.after.isEmpty { write("\(indent)    after: [\(t.after.joined(separator: ", "))]\n") }
    if let deadline = t.deadline { write("\(indent)    deadline: \(deadline.iso)\n") }
    if let done = t.done { write("\(indent)    done: \(done.iso)\n") }
    if t.hasChildren { write("\(indent)    tasks:\n") }
  }

  private mutating func jsonTask(_ t: TaskFields) {
    // Close the lists of deeper tasks that ended.
    while open.count > t.depth + 1 {
      open.removeLast()
      write("]}")
    }
    if open[t.depth] { write(",\n") } else { write("\n") }
    open[t.depth] = true
    write("{\"id\": \"\(t.id)\", \"name\": \(quoted(t.name)), \"owner\": \"\(t.owner)\"")
    if let duration = t.duration { write(", \"duration\": \"\(duration)d\"") }
    if let every = t.every { write(", \"every\": \"\(every)\"") }
    if !t.after.isEmpty { write(", \"after\": [" + t.after.map { "\"\($0)\"" }.joined(separator: ", ") + "]") }
    if let deadline = t.deadline { write(", \"deadline\": \"\(deadline.iso)\"") }
    if let done = t.done { write(", \"done\": \"\(done.iso)\"") }
    if t.hasChildren {
      write(", \"tasks\": [")
      open.append(false)
    } else {
      write("}")
    }
  }

  mutating func end() {
    switch format {
    case .yaml: break
    case .json:
      while open.count > 1 {
        open.removeLast()
        write("]}")
      }
      write("\n]\n}\n")
    }
  }
}
