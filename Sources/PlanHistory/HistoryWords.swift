import PlanGraph

/// The words of `diff`, `slip` and `history` in both languages, in one table (to be folded into the
/// shared words table of the reports later).
public struct HistoryWords: Sendable {
  /// The language of the words.
  public let language: Language

  /// The words in `language`.
  public init(_ language: Language) {
    self.language = language
  }

  func pick(_ english: String, _ chinese: String) -> String { language.pick(english, chinese) }

  /// A plan-format key in words (`deadline` → 截止日期).
  public func field(_ key: String) -> String {
    switch key {
    case "id": return pick("id", "编号")
    case "name": return pick("name", "名称")
    case "owner": return pick("owner", "责任单位")
    case "start": return pick("start", "开始")
    case "duration": return pick("duration", "工期")
    case "deadline": return pick("deadline", "截止日期")
    case "after": return pick("after", "前置任务")
    case "status": return pick("status", "状态")
    case "done": return pick("done", "完成日期")
    case "progress": return pick("progress", "进度")
    case "target": return pick("target", "目标")
    case "measurements": return pick("measurements", "测量值")
    case "evidence": return pick("evidence", "佐证")
    case "source": return pick("source", "来源")
    default: return key
    }
  }

  /// A signed number of days: `+20d`, `-3d` (`+20天`).
  public func moved(_ days: Int?) -> String {
    guard let days else { return "" }
    if days == 0 { return "0" }
    return (days > 0 ? "+" : "") + "\(days)" + pick("d", "天")
  }

  /// A written status (`planned`, `active`, `blocked`, `done`, `cancelled`) in words, as the reports say
  /// the statuses (受阻, 已完成, 已取消); anything else as written.
  public func taskStatus(_ raw: String) -> String {
    switch raw {
    case TaskStatus.planned.rawValue: return pick("planned", "未开始")
    case TaskStatus.active.rawValue: return pick("active", "进行中")
    default: return ScheduleStatus(rawValue: raw)?.label(language) ?? raw
    }
  }

  /// A field's value in words: a written status translated, any other value as written.
  public func value(_ field: String, _ raw: String) -> String {
    field == "status" ? taskStatus(raw) : raw
  }

  /// "none" for an absent value.
  public var none: String { pick("none", "无") }
  var task: String { pick("Task", "任务") }
  var forecast: String { pick("Forecast", "预计完成") }
  var planned: String { pick("Planned", "计划完成") }
  var movedHeader: String { pick("Moved", "变动") }
  var status: String { pick("Status", "状态") }
  var deadline: String { pick("Deadline", "截止日期") }
  var noUnit: String { pick("(no owner)", "（无责任单位）") }

  func changes(from: String, to: String, asOf: Day) -> String {
    pick("Changes from \(from) to \(to), as of \(asOf.iso)", "从 \(from) 到 \(to) 的变化（截至 \(asOf.iso)）")
  }
  func planFinish(_ old: Day?, _ new: Day?, moved: Int?) -> String {
    let movedText = moved.map { " (\(self.moved($0)))" } ?? ""
    return pick("Plan finish: ", "计划完成：") + "\(old?.iso ?? none) → \(new?.iso ?? none)" + movedText
  }
  func criticalPath(before: Bool, _ path: [String]) -> String {
    (before ? pick("Critical path before: ", "原关键路径：") : pick("Critical path after:  ", "现关键路径："))
      + (path.isEmpty ? none : path.joined(separator: " → "))
  }
  func added(_ count: Int) -> String { pick("Added (\(count))", "新增（\(count)）") }
  func removed(_ count: Int) -> String { pick("Removed (\(count))", "删除（\(count)）") }
  func changed(_ count: Int) -> String { pick("Changed (\(count))", "变更（\(count)）") }
  var noChanges: String { pick("No changes.", "没有变化。") }
  var renamedFrom: String { pick("likely renamed from", "疑似改名自") }
  var pastDeadline: String { pick("now forecast past its deadline", "预计完成已晚于截止日期") }

  // slip
  func slipTitle(since: String, to: String, asOf: Day) -> String {
    pick("What changed since \(since), to \(to), as of \(asOf.iso)", "自 \(since) 以来的变化（至 \(to)，截至 \(asOf.iso)）")
  }
  var newlyOverdue: String { pick("newly overdue", "新增逾期") }
  var slipped: String { pick("slipped", "推迟") }
  var extended: String { pick("deadline extended", "延期") }
  var closed: String { pick("newly done", "新办结") }
  var addedWord: String { pick("added", "新增") }
  var cancelled: String { pick("cancelled", "取消") }
  var removedWord: String { pick("removed", "删除") }
  var uncommitted: String { pick("not yet committed", "尚未提交") }
  var noEvidence: String { pick("no evidence recorded", "未记录佐证") }
  func unitLine(_ counts: [(String, Int)]) -> String {
    let parts = counts.filter { $0.1 > 0 }.map { unitCount($0.0, $0.1) }
    return parts.isEmpty ? pick("no change", "无变化") : parts.joined(separator: pick(", ", "，"))
  }
  func unitCount(_ word: String, _ count: Int) -> String { pick("\(count) \(word)", "\(word) \(count) 项") }

  // history
  var commit: String { pick("Commit", "提交") }
  var date: String { pick("Date", "日期") }
  var finish: String { pick("Finish", "计划完成") }
  var tasks: String { pick("Tasks", "任务数") }
  var message: String { pick("Message", "说明") }
}
