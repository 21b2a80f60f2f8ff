/// A Mermaid `gantt` block of a plan, which GitHub and GitLab draw inside Markdown: a section per
/// organisation, dependencies as `after`, done, active, critical and milestone tasks tagged.
///
/// Mermaid has no hierarchy and no recurrence: summaries and duties are left out; their leaves carry
/// the plan. Task ids are `t` and the task's index, stable for a given plan.
public struct MermaidExport: Sendable {
  /// The plan.
  public let plan: Plan
  /// Its schedule.
  public let schedule: Schedule
  /// Only tasks owned by these units, when given.
  public let owners: Set<Int>?
  /// The language of the title and section names.
  public let language: Language

  /// Creates the export.
  public init(plan: Plan, schedule: Schedule, owners: Set<Int>? = nil, language: Language) {
    self.plan = plan
    self.schedule = schedule
    self.owners = owners
    self.language = language
  }

  /// How many predecessors are written as `after` at most; beyond that the start date is written.
  static let maximumAfter = 8

  /// The block, fenced as a Markdown code block of language `mermaid`.
  public func markdown() -> String {
    var out = ByteWriter()
    markdown(into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the block into `out`, a task's line at a time.
  public func markdown(into out: inout ByteWriter) {
    out.write("```mermaid\ngantt\n")
    out.write(
      "    title "
        + Self.text(plan.title + language.words.report.asOfInParens(schedule.asOf)) + "\n")
    out.write("    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m\n    todayMarker off\n")
    var sections: [Int: [Int]] = [:]
    var order: [Int] = []
    for i in plan.tasks.indices where plan.tasks[i].isLeaf && included(i) {
      let key = plan.tasks[i].owner.map { plan.organisation(of: $0) } ?? -1
      if sections[key] == nil { order.append(key) }
      sections[key, default: []].append(i)
    }
    // Mermaid resolves `after` against tasks already defined: only those may be named.
    var defined = Set<Int>()
    for key in order.sorted(by: { ($0 < 0 ? Int.max : $0) < ($1 < 0 ? Int.max : $1) }) {
      let name = key >= 0 ? plan.owners[key].name : language.words.noOwner
      out.write("    section " + Self.text(name) + "\n")
      for i in sections[key] ?? [] {
        out.write("    " + line(i, defined: defined) + "\n")
        defined.insert(i)
      }
    }
    out.write("```\n")
  }

  private func included(_ index: Int) -> Bool { ReportText.isIncluded(index, owners: owners, in: plan) }

  private func line(_ index: Int, defined: Set<Int>) -> String {
    let task = plan.tasks[index]
    let row = schedule.tasks[index]
    var tags: [String] = []
    switch row.status {
    case .done: tags.append("done")
    case .cancelled: tags.append("done")
    default: if task.status == .active { tags.append("active") }
    }
    if row.isCritical { tags.append("crit") }
    if task.isMilestone { tags.append("milestone") }
    tags.append("t\(index)")
    let start = row.start ?? plan.start
    var days = task.isMilestone || row.status == .cancelled ? 0 : task.duration?.days ?? 0
    // Working days: Mermaid counts calendar days, so give it the days the task spans.
    if days > 0, task.duration?.isWorkingDays == true, let finish = row.finish { days = finish.days(since: start) + 1 }
    // `after` when the task starts right when its predecessors end, as Mermaid would place it.
    let predecessors = leaves(before: index)
    let predecessorEnd = predecessors.map { end(of: $0) }.max()
    if !predecessors.isEmpty, predecessors.count <= Self.maximumAfter, predecessors.allSatisfy(defined.contains),
      predecessorEnd == start
    {
      tags.append("after " + predecessors.map { "t\($0)" }.joined(separator: " "))
    } else {
      tags.append(start.iso)
    }
    tags.append("\(days)d")
    return Self.taskText(task.name) + " :" + tags.joined(separator: ", ")
  }

  /// A task's name as the start of its line. Mermaid's gantt lexer (jison, case-insensitive) tries
  /// its keyword rules (`section`, `title`, `click`, `call`, `href`, `dateFormat`, `includes`, a
  /// `YYYY-MM-DD` date, …) at the start of the line before the task-text rule, and skips leading
  /// whitespace; so leading whitespace is dropped and a name that starts with an ASCII character is
  /// preceded by a zero-width space, which no keyword rule matches and the task-text rule does.
  static func taskText(_ name: String) -> String {
    var text = Self.text(name)
    while let first = text.unicodeScalars.first, first.properties.isWhitespace || first == "\u{FEFF}" {
      text.unicodeScalars.removeFirst()
    }
    guard let first = text.unicodeScalars.first else { return "\u{200B}-" }
    return first.isASCII ? "\u{200B}" + text : text
  }

  /// The leaves a leaf waits for: its own and its ancestors' `after`, summaries expanded.
  private func leaves(before index: Int) -> [Int] {
    var result: [Int] = []
    var seen = Set<Int>()
    var current: Int? = index
    var stack: [Int] = []
    while let c = current {
      stack += plan.tasks[c].after
      current = plan.tasks[c].parent
    }
    while let next = stack.popLast(), result.count <= Self.maximumAfter {
      guard seen.insert(next).inserted else { continue }
      if plan.tasks[next].isLeaf { result.append(next) } else { stack += plan.tasks[next].children }
    }
    return result.sorted()
  }

  private func end(of index: Int) -> Day {
    let row = schedule.tasks[index]
    let finish = row.finish ?? plan.start
    return plan.tasks[index].isMilestone || row.status == .cancelled ? finish : finish.adding(days: 1)
  }

  /// Text that cannot end a task's name early or start a comment: Mermaid reads `:` `;` `#` as
  /// syntax and a `%` after any character but `}` as the start of a comment, so they are written as
  /// their fullwidth forms; line breaks and other controls are spaces, NUL is U+FFFD.
  static func text(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case ":": out += "："
      case ";": out += "；"
      case "#": out += "＃"
      case "%": out += "％"
      case "\0": out += "\u{FFFD}"
      case "`": out += "'"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}" {
          out += " "
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
