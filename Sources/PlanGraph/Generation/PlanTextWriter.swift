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
  private var out = ByteWriter(capacity: 1 << 20)
  /// JSON: depths whose task list is open, and whether a task was written at each depth yet.
  private var open: [Bool] = []

  /// What has been written, handed over without a copy (a million-task plan is over 100 MB).
  mutating func takeBytes() -> [UInt8] { out.takeBytes() }

  init(format: PlanGenerator.Format) {
    self.format = format
  }

  mutating func begin(title: String, start: Day) {
    switch format {
    case .yaml:
      out.write("plan: ")
      out.writeJSON(title)
      out.write("\nstart: ")
      out.write(start)
      out.write("\n")
    case .json:
      out.write("{\n\"plan\": ")
      out.writeJSON(title)
      out.write(",\n\"start\": ")
      out.writeJSON(start)
      out.write(",\n")
    }
  }

  mutating func owners(organisations: Int, unitsEach: Int) {
    switch format {
    case .yaml:
      out.write("owners:\n")
      for o in 0..<organisations {
        out.write("  - id: org")
        out.write(o)
        out.write("\n    name: ")
        out.writeJSON("第\(o + 1)单位")
        out.write("\n    units:\n")
        for u in 0..<unitsEach {
          out.write("      - { id: u")
          out.write(u)
          out.write(", name: ")
          out.writeJSON("第\(u + 1)部门")
          out.write(" }\n")
        }
      }
    case .json:
      out.write("\"owners\": [\n")
      for o in 0..<organisations {
        out.write("{\"id\": \"org")
        out.write(o)
        out.write("\", \"name\": ")
        out.writeJSON("第\(o + 1)单位")
        out.write(", \"units\": [")
        for u in 0..<unitsEach {
          if u > 0 { out.write(", ") }
          out.write("{\"id\": \"u")
          out.write(u)
          out.write("\", \"name\": ")
          out.writeJSON("第\(u + 1)部门")
          out.write("}")
        }
        out.write(o == organisations - 1 ? "]}\n" : "]},\n")
      }
      out.write("],\n")
    }
  }

  mutating func beginTasks() {
    switch format {
    case .yaml: out.write("tasks:\n")
    case .json:
      out.write("\"tasks\": [")
      open = [false]
    }
  }

  mutating func task(_ t: TaskFields) {
    switch format {
    case .yaml: yamlTask(t)
    case .json: jsonTask(t)
    }
  }

  /// Indents a YAML line of a task at `depth`: four spaces a level.
  private mutating func indent(_ depth: Int) {
    for _ in 0..<depth { out.write("    ") }
  }

  /// Starts a line of the mapping of a task at `depth`: its indentation, then `key: `.
  private mutating func yamlKey(_ key: String, depth: Int) {
    indent(depth)
    out.write("    ")
    out.write(key)
    out.write(": ")
  }

  private mutating func yamlTask(_ t: TaskFields) {
    indent(t.depth)
    out.write("  - id: ")
    out.write(t.id)
    out.write("\n")
    yamlKey("name", depth: t.depth)
    out.writeJSON(t.name)
    out.write("\n")
    yamlKey("owner", depth: t.depth)
    out.write(t.owner)
    out.write("\n")
    if let duration = t.duration {
      yamlKey("duration", depth: t.depth)
      out.write(duration)
      out.write("d\n")
    }
    if let every = t.every {
      yamlKey("every", depth: t.depth)
      out.write(every)
      out.write("\n")
    }
    if !t.after.isEmpty {
      yamlKey("after", depth: t.depth)
      out.write("[")
      for (i, reference) in t.after.enumerated() {
        if i > 0 { out.write(", ") }
        out.write(reference)
      }
      out.write("]\n")
    }
    if let deadline = t.deadline {
      yamlKey("deadline", depth: t.depth)
      out.write(deadline)
      out.write("\n")
    }
    if let done = t.done {
      yamlKey("done", depth: t.depth)
      out.write(done)
      out.write("\n")
    }
    if t.hasChildren {
      indent(t.depth)
      out.write("    tasks:\n")
    }
  }

  private mutating func jsonTask(_ t: TaskFields) {
    // Close the lists of deeper tasks that ended.
    while open.count > t.depth + 1 {
      open.removeLast()
      out.write("]}")
    }
    out.write(open[t.depth] ? ",\n" : "\n")
    open[t.depth] = true
    out.write("{\"id\": ")
    out.writeJSON(t.id)
    out.write(", \"name\": ")
    out.writeJSON(t.name)
    out.write(", \"owner\": ")
    out.writeJSON(t.owner)
    if let duration = t.duration {
      out.write(", \"duration\": \"")
      out.write(duration)
      out.write("d\"")
    }
    if let every = t.every {
      out.write(", \"every\": ")
      out.writeJSON(every)
    }
    if !t.after.isEmpty {
      out.write(", \"after\": [")
      for (i, reference) in t.after.enumerated() {
        if i > 0 { out.write(", ") }
        out.writeJSON(reference)
      }
      out.write("]")
    }
    if let deadline = t.deadline {
      out.write(", \"deadline\": ")
      out.writeJSON(deadline)
    }
    if let done = t.done {
      out.write(", \"done\": ")
      out.writeJSON(done)
    }
    if t.hasChildren {
      out.write(", \"tasks\": [")
      open.append(false)
    } else {
      out.write("}")
    }
  }

  mutating func end() {
    switch format {
    case .yaml: break
    case .json:
      while open.count > 1 {
        open.removeLast()
        out.write("]}")
      }
      out.write("\n]\n}\n")
    }
  }
}
