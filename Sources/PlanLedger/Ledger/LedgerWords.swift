import PlanGraph

/// The ledger's words in both languages: column headings, the summary's headings and notes. Words the
/// other outputs say too come from the shared table (`Language.words`), so they are said the same way.
struct LedgerWords {
  let language: Language

  /// The task sheets' columns, in order.
  var taskColumns: [String] {
    [
      pick("No.", "序号"), words.task, words.source, pick("Lead unit", "牵头单位"),
      pick("Supporting units", "配合单位"), pick("Time limit", "时限"), words.planned,
      words.forecast, pick("Progress", "进度"), pick("Target / latest", "目标/最新测量"),
      words.status, words.warning, pick("Days overdue", "逾期天数"),
      pick("Affects", "影响后续"), pick("Evidence", "佐证材料"), pick("Note", "备注"),
    ]
  }

  var summarySheet: String { pick("Summary", "总表") }
  var unassignedSheet: String { pick("No unit", "未指定单位") }
  var supportMark: String { words.supportingMark }
  /// The shared table of words.
  var words: Words { language.words }
  var unit: String { pick("Unit", "单位") }
  var total: String { pick("Total", "合计") }
  var rank: String { pick("Rank", "名次") }
  var supported: String { pick("Supporting", "配合任务") }
  var onTimeRate: String { pick("On-time completion", "按期完成率") }
  var overdueShare: String { pick("Overdue share", "逾期占比") }
  var onTimeRanking: String { pick("Ranked by on-time completion rate", "按期完成率排名") }
  var overdueRanking: String { pick("Ranked by overdue share", "逾期占比排名") }
  var missed: String { words.missedOccurrences }

  func asOf(_ day: Day) -> String { pick("As of \(day.iso)", "截至 \(day.iso)") }

  /// The count columns of the summary, in the contract's order.
  var countColumns: [String] {
    [pick("Tasks", "任务数")]
      + ([.done, .overdue, .atRisk, .dueSoon, .blocked, .onTrack, .cancelled] as [ScheduleStatus]).map(heading)
      + [words.markedBlocked, missed]
  }

  /// A status word as a column heading: the shared word, capitalised in English.
  private func heading(_ status: ScheduleStatus) -> String {
    let word = status.label(language)
    return language == .zh ? word : word.prefix(1).uppercased() + word.dropFirst()
  }

  /// How the summary's numbers are computed, written under its tables.
  var notes: [String] {
    [
      pick(
        "Counts are over each unit's non-cancelled leaf tasks and recurring duties that it or one of its units leads (summaries are not counted); cancelled ones are counted apart.",
        "计数口径：本单位及其下属单位牵头的未取消的末级任务和常态化任务（汇总任务不计），已取消的另计。"),
      pick(
        "On-time completion rate = tasks done by their deadline ÷ tasks due by the as-of date or already done; ranked highest first.",
        "按期完成率 = 按时限完成的任务数 ÷（截至统计日已到时限的任务数与已完成任务数之和，去重）；由高到低排名。"),
      pick(
        "Overdue share = overdue tasks ÷ tasks; ranked lowest first (rank 1 has the smallest share).",
        "逾期占比 = 逾期任务数 ÷ 任务数；由低到高排名（第 1 名逾期占比最小）。"),
      pick(
        "Warning lights follow the plan's warning rules (warnings:), or by default: red when overdue; yellow when at risk, 10 or more points behind the expected progress, or due within 7 days; green otherwise.",
        "预警按计划的预警规则（warnings:）确定；默认：逾期为红灯；有风险、落后序时进度 10 个百分点及以上或 7 天内到期为黄灯；其余为绿灯。"),
      pick(
        "Expected progress = the elapsed share of the task's planned start-to-finish as of the as-of date.",
        "序时进度 = 截至统计日，任务计划起止期间已经过去的比例。"),
    ]
  }

  func pick(_ english: String, _ chinese: String) -> String { language.pick(english, chinese) }
}
