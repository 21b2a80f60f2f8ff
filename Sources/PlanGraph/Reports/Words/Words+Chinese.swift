extension Words {
  /// Simplified Chinese: every word of every output, in one table.
  static let zh = Words(
    noOwner: "未指定责任单位", status: "状态", task: "任务", deadline: "截止", days: "天数", planned: "计划完成",
    forecast: "预测完成", source: "依据条款", critical: "关键", warning: "预警", supportingMark: "【配合】",
    markedBlocked: "标记受阻", missedOccurrences: "未按期开展次数", closed: "已销号", extendedFrom: "已延期，原定 ", hintLabel: "提示：",
    statuses: [
      .done: "已完成", .overdue: "逾期", .atRisk: "有风险", .dueSoon: "即将到期", .blocked: "受阻", .onTrack: "正常",
      .cancelled: "已取消",
    ],
    report: reportZH, chart: chartZH, history: historyZH, ledger: ledgerZH)

  /// A period in Chinese without its 每: 周, 月, 季度, 半年, 年.
  private static func period(_ recurrence: Recurrence) -> String {
    switch recurrence {
    case .week: return "周"
    case .month: return "月"
    case .quarter: return "季度"
    case .halfYear: return "半年"
    case .year: return "年"
    }
  }

  private static let reportZH = ReportWords(
    asOf: "截至 ", asOfCapital: "截至 ", total: "合计：", colon: "：", semicolon: "；", comma: "，", openParen: "（",
    closeParen: "）", id: "编号", start: "开始", finish: "完成", latestFinish: "最迟完成", latest: "最迟完成",
    slack: "时差", duration: "工期", planStart: "计划开始 ", plannedFinish: "计划完成 ",
    dueSoonWindow: { "，即将到期窗口 \($0) 天" }, dueSoonWithin: { "即将到期窗口 \($0) 天" },
    nothingToAct: "没有逾期、有风险、即将到期或受阻的事项。", unitMissed: { " · 例行工作未按期开展 \($0) 次" },
    moreMissedThanListed: { "例行工作未按期开展的次数多于所列的 \($0) 次。" },
    daysLate: { "逾期\($0)天" }, daysLeft: { "剩\($0)天" }, today: "今天",
    occurrenceDue: { "本期应于 \($0) 前开展" }, missedOnce: { "未按期开展：应于 \($0)" },
    missedTimes: { "\($0.count) 次未按期开展：\($0.first) 至 \($0.last)" },
    holdsUp: { "影响后续 \($0) 项" }, nearestDeadline: { "，最近截止 \($0.iso)" },
    targetPrefix: "目标 ", latestPrefix: "，最新 ", criticalKey: "★ 关键路径上的任务", criticalNoSlackKey: "★ 关键任务（无时差）",
    criticalPath: { "关键路径 \($0)" },
    pathSummary: { "：\($0.days) 天，\($0.first) → \($0.last)，\($0.tasks) 项任务" },
    days: { "\($0) 天" }, noCriticalPath: "没有关键路径：计划中没有可排程的任务。",
    moreCriticalPaths: { "关键路径多于所列的 \($0) 条。" },
    unmetDeadlines: "按计划无法满足的截止日期", allDeadlinesMet: "无：按计划所有截止日期都能满足。",
    checkOK: "通过：", checkOKGap: "", checkFiles: "文件", checkTasks: "任务", checkOwners: "责任单位",
    checkDependencies: "依赖关系", checkDates: "起止", checkDeadlines: "截止日期", checkTargets: "量化目标",
    checkStatus: "状态", checkCritical: "关键任务", checkLabelWidth: 10,
    taskKinds: { "\($0.leaves) 项具体任务（其中里程碑 \($0.milestones) 项），\($0.summaries) 项汇总任务，\($0.duties) 项例行工作" },
    inOrganisations: { "分属 \($0) 个组织" }, withMeasurements: { "其中 \($0) 项有测量值" },
    spanMeaning: "（计划开始 → 计划完成）",
    onCriticalPaths: { "位于 \($0.paths) 条关键路径上" + ($0.more ? "（另有未列出的）" : "") },
    attention: "逾期、有风险、即将到期和受阻", targets: "量化目标", recurringDuties: "例行工作", roadmap: "路线图",
    criticalPathHeading: "关键路径", madeBy: "由 plangraph 生成，依据 ", summariesCountedThrough: "。汇总任务按其下任务统计。",
    criticalTask: "关键任务", blockedColon: "受阻：", noTargets: "计划中没有量化目标。", targetHeading: "目标",
    latestMeasurement: "最新测量", notMeasured: "尚无测量", noDuties: "计划中没有例行工作。", dutyHeading: "工作",
    every: "周期", ownerHeading: "责任单位", heldOfDue: "已开展 / 应开展", missedHeading: "未按期开展",
    path: { "路径 \($0)" }, nothingScheduled: "没有可排程的任务。", moreCriticalPathsNotShown: "另有关键路径未列出。",
    unmetDeadlinesColon: "按计划无法满足的截止日期：", period: { "每" + period($0) }, htmlLanguage: "zh-CN",
    occurrencesHeld: { "应开展 \($0.due) 次，已开展 \($0.held) 次，未按期 \($0.missed) 次" },
    occurrenceOfDuty: "例行工作", ownerLabel: "责任单位：", statusLabel: "状态：", sourceLabel: "依据条款：",
    targetLabel: "目标：", taskLabel: "任务编号：", asOfInParens: { "（截至 \($0.iso)）" },
    ledgerColumns: [
      "编号", "名称", "责任单位", "单位名称", "依据条款", "计划开始", "截止", "计划完成", "预测完成", "时差", "状态", "受阻", "逾期天数",
      "预警", "进度", "最新测量值", "测量日期", "目标", "完成日期", "佐证材料", "备注", "关键",
    ],
    yes: "是", leafScope: { "\($0) 项具体任务" }, dutyScope: { "和 \($0) 项例行工作" },
    statusCount: { $0.status + " \($0.count)" },
    countExtras: { "例行工作未按期开展 \($0.missed) 次 · 标记受阻 \($0.blocked) 项 · 已取消 \($0.cancelled) 项" },
    weekdaysCalendar: "工作日：周一至周五", chinaCalendar: { "工作日：国家法定节假日安排（含调休，\($0) 年）" },
    ownDays: { "，另有本地休息日 \($0.holidays) 天、调整工作日 \($0.workdays) 天" })

  private static let chartZH = ChartWords(
    graph: "依赖关系图", timeline: "路线图", gantt: "甘特图", battleMap: "挂图作战图", asOf: { "截至 \($0.iso)" },
    due: { "截止 \($0.iso)" },
    forecast: { "预计 \($0.iso)" }, finishedOn: { "完成于 \($0.iso)" }, planned: { "计划 \($0.iso)" },
    tasks: { "\($0) 项任务" }, foldedTasks: { "含 \($0) 项任务" }, overdueDays: { "逾期 \($0) 天" },
    missed: { "漏 \($0) 次" }, critical: "关键", criticalDependency: "关键依赖", dependency: "依赖", criticalTask: "关键任务",
    deadlineMark: "期限", forecastSlip: "预计晚于计划", nonWorkingDay: "休息日", makeUpWorkingDay: "调休上班",
    milestone: "里程碑", late: "晚于期限", recurringDuties: "定期工作（不在依赖图中）", noTasks: "没有符合条件的任务。",
    every: { "每" + period($0) },
    foldedAutomatically: {
      "\($0.tasks) 项任务已折叠为 \($0.shown) 项（\($0.depth == 1 ? "显示第 1 层" : "显示第 1–\($0.depth) 层")）"
    },
    levels: { $0 == 1 ? "显示第 1 层" : "显示第 1–\($0) 层" }, moreOrganisations: { "其他 \($0) 个单位" }, more: { "另有 \($0) 项" },
    month: { "\($0)月" }, year: { "\($0)年" }, quarter: { "\($0.year)年第\($0.quarter)季度" }, unit: "单位",
    daysLate: { " · 逾期\($0)天" }, nothingToDraw: "没有可绘制的内容",
    trendKey: "里程碑趋势：各版本（横轴）的预计完成日期（纵轴）；虚线：预计完成 = 报告日期",
    legendExtra: { "未按期开展 \($0.missed) 次 · 标记受阻 \($0.blocked) 项" }, warningLabel: "预警：")

  private static let historyZH = HistoryWords(
    language: .zh,
    fields: [
      "id": "编号", "name": "名称", "owner": "责任单位", "start": "开始", "duration": "工期", "deadline": "截止日期",
      "after": "前置任务", "status": "状态", "done": "完成日期", "progress": "进度", "target": "目标",
      "measurements": "测量值", "evidence": "佐证", "source": "来源",
    ],
    dayUnit: "天", plannedStatus: "未开始", activeStatus: "进行中", none: "无", task: "任务", forecast: "预计完成",
    planned: "计划完成", movedHeader: "变动", status: "状态", deadline: "截止日期", changesHeader: "变更内容", change: "变化",
    detail: "详情", noUnit: "（无责任单位）",
    changesTitle: { "从 \($0.from) 到 \($0.to) 的变化（截至 \($0.asOf.iso)）" }, planFinishLabel: "计划完成：",
    criticalPathBefore: "原关键路径：", criticalPathAfter: "现关键路径：", added: { "新增（\($0)）" },
    removed: { "删除（\($0)）" }, changed: { "变更（\($0)）" }, noChanges: "没有变化。",
    pastDeadline: "预计完成已晚于截止日期",
    slipHeading: { "自 \($0.since) 以来的变化（至 \($0.to)，截至 \($0.asOf.iso)）" },
    newlyOverdue: "新增逾期", slipped: "推迟", extended: "延期", closed: "新办结", addedWord: "新增", cancelled: "取消",
    removedWord: "删除", uncommitted: "尚未提交", noEvidence: "未记录佐证", noChange: "无变化",
    unitCount: { "\($0.word) \($0.count) 项" }, workingTree: "工作区", commit: "提交", date: "日期", finish: "计划完成",
    tasks: "任务数",
    message: "说明", invalid: "无效")

  private static let ledgerZH = LedgerWords(
    title: "督查督办台账", keywords: "督查督办, 台账, 预警", number: "序号", leadUnit: "牵头单位", supportingUnits: "配合单位",
    timeLimit: "时限", progress: "进度", targetLatest: "目标/最新测量", daysOverdue: "逾期天数", affects: "影响后续",
    evidence: "佐证材料", note: "备注", summarySheet: "总表", unassignedSheet: "未指定单位", unit: "单位", total: "合计",
    rank: "名次", supported: "配合任务", onTimeRate: "按期完成率", overdueShare: "逾期占比", onTimeRanking: "按期完成率排名",
    overdueRanking: "逾期占比排名", tasks: "任务数", heading: { $0 }, asOf: { "截至 \($0.iso)" }, finishedLate: "（逾期完成）",
    every: { "每" + period($0) }, listCount: { "\($0) 项：" }, listMore: { _ in " 等" },
    latestMeasurement: { "／最新 \($0.value)（\($0.date.iso)）" }, pageFooter: "&C第 &P 页，共 &N 页",
    notes: [
      "计数口径：本单位及其下属单位牵头的未取消的末级任务和常态化任务（汇总任务不计），已取消的另计。",
      "按期完成率 = 按时限完成的任务数 ÷（截至统计日已到时限的任务数与已完成任务数之和，去重）；由高到低排名。",
      "逾期占比 = 逾期任务数 ÷ 任务数；由低到高排名（第 1 名逾期占比最小）。",
      "预警按计划的预警规则（warnings:）确定；默认：逾期为红灯；有风险、落后序时进度 10 个百分点及以上或 7 天内到期为黄灯；其余为绿灯。",
      "序时进度 = 截至统计日，任务计划起止期间已经过去的比例。",
    ])
}
