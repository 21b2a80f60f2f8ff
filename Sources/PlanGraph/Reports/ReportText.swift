#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small shared pieces of report text: dates, owners, depths, status colours, ordering by code point.
package enum ReportText {
  /// A day as `YYYY-MM-DD`, or an em dash when absent.
  static func day(_ day: Day?) -> String { day?.iso ?? "—" }

  /// A task's status as a supervisor reads it: 已销号 instead of 已完成 when someone verified the
  /// closing (`verified-by`), and 已延期 with the original deadline when the deadline was extended
  /// (`extensions`, the first one's `from`): "逾期（已延期，原定 2017-12-31）".
  package static func statusWords(_ status: ScheduleStatus, of task: PlanTask, language: Language) -> String {
    let words = language.words
    var text = status == .done && task.verifiedBy != nil ? words.closed : status.label(language)
    if let first = task.extensions.first {
      text += words.report.openParen + words.extendedFrom + first.from.iso + words.report.closeParen
    }
    return text
  }

  /// A target as people write it: `社工人数 >= 100人`.
  static func target(_ target: Target) -> String {
    target.metric + " " + target.comparison.rawValue + " " + target.value.description + (target.unit ?? "")
  }

  /// Whether a report limited to `owners` (nil: all) shows the task: one of them leads or supports it.
  static func isIncluded(_ task: Int, owners: Set<Int>?, in plan: Plan) -> Bool {
    guard let owners else { return true }
    return plan.isLedOrSupported(task, by: owners)
  }

  /// The owner's full id, nil when the task has none.
  static func ownerID(_ task: PlanTask, in plan: Plan) -> String? {
    task.owner.map { plan.owners[$0].id }
  }

  /// An owner's names from its organisation down, `团区委 / 组织学校部`; empty for none.
  package static func ownerPath(_ owner: Int?, in plan: Plan) -> String {
    guard let owner else { return "" }
    var names: [String] = []
    var current: Int? = owner
    while let index = current, names.count < plan.owners.count {
      names.insert(plan.owners[index].name, at: 0)
      current = plan.owners[index].parent
    }
    return names.joined(separator: " / ")
  }

  /// The depth of each task in its tree (0 at the top), computed in one pass: parents come first.
  static func depths(_ plan: Plan) -> [Int] {
    var depth = [Int](repeating: 0, count: plan.tasks.count)
    for (i, task) in plan.tasks.enumerated() {
      if let parent = task.parent { depth[i] = depth[parent] + 1 }
    }
    return depth
  }

  /// How a warning light is coloured on a terminal: its level's colour as red, green or yellow.
  static func paint(_ light: WarningLight, _ rules: WarningRules, _ style: TerminalStyle)
    -> @Sendable (String) -> String
  {
    guard let color = rules.color(light) else { return { $0 } }
    let (r, g) = ((color >> 16) & 0xFF, (color >> 8) & 0xFF)
    if r > 180 && g < 120 { return { style.red($0) } }
    if g > 140 && r < 120 { return { style.green($0) } }
    return { style.yellow($0) }
  }

  /// How a status is coloured on a terminal.
  static func paint(_ status: ScheduleStatus, _ style: TerminalStyle) -> @Sendable (String) -> String {
    switch status {
    case .overdue: return { style.red($0) }
    case .atRisk: return { style.yellow($0) }
    case .dueSoon: return { style.cyan($0) }
    case .done: return { style.green($0) }
    case .blocked: return { style.magenta($0) }
    case .cancelled: return { style.dim($0) }
    case .onTrack: return { $0 }
    }
  }

  /// Whether `a` sorts before `b` by Unicode code points (not by Swift's canonical string order).
  static func codePointLess(_ a: String, _ b: String) -> Bool {
    // A Swift string is valid UTF-8, whose byte order is the code points' order.
    utf8Order(a, b) ?? false
  }

  /// Whether `a` comes before `b` by code points, compared as UTF-8 bytes (the same order); nil when they
  /// are equal.
  static func utf8Order(_ a: String, _ b: String) -> Bool? {
    var a = a
    var b = b
    return a.withUTF8 { left in
      b.withUTF8 { right in
        let common = min(left.count, right.count)
        if common > 0, let l = left.baseAddress, let r = right.baseAddress {
          let order = memcmp(l, r, common)
          if order != 0 { return order < 0 }
        }
        return left.count == right.count ? nil : left.count < right.count
      }
    }
  }

}
