/// The checks that need a schedule or the as-of date: warnings a planner should look at.
public enum PlanLinter {
  /// Deadlines earlier than the earliest possible finish, and done dates after the as-of date.
  public static func warnings(for plan: Plan, schedule: Schedule) -> [Diagnostic] {
    var result: [Diagnostic] = []
    for i in plan.tasks.indices {
      guard plan.tasks[i].deadline != nil || plan.tasks[i].locations.done != nil else { continue }
      let task = plan.tasks[i]
      let row = schedule.tasks[i]
      if let deadline = task.deadline, let position = task.locations.deadline, let finish = row.finish,
        finish > deadline, row.status != .cancelled, row.status != .done, task.doneDate == nil
      {
        result.append(
          Diagnostic(
            .warning, .deadlineBeforeFinish,
            Phrase(
              "the deadline \(deadline.iso) of '\(task.fullID)' is earlier than its earliest possible finish \(finish.iso)",
              "“\(task.fullID)”的截止日期 \(deadline.iso) 早于它最早可能的完成日期 \(finish.iso)"),
            at: plan.location(position),
            hint: Phrase(
              "shorten or start earlier the work before it, or move the deadline",
              "缩短或提前它的前置任务，或调整截止日期")))
      }
      let lateDates = ([task.doneDate].compactMap { $0 } + task.heldDates).filter { $0 > schedule.asOf }
      if let first = lateDates.first, let position = task.locations.done {
        result.append(
          Diagnostic(
            .warning, .doneAfterAsOf,
            Phrase(
              "the done date \(first.iso) of '\(task.fullID)' is after the as-of date \(schedule.asOf.iso)",
              "“\(task.fullID)”的完成日期 \(first.iso) 晚于统计日期 \(schedule.asOf.iso)"),
            at: plan.location(position),
            hint: Phrase(
              "facts dated after the as-of date are ignored for status and forecast; check the date",
              "晚于统计日期的记录不计入状态和预测；核对这个日期")))
      }
    }
    result += calendarWarnings(for: plan, schedule: schedule)
    return result + LookalikeIDs.warnings(for: plan)
  }

  /// One warning for each year the plan reaches (from its start to its latest finish or deadline) that the
  /// `cn` calendar has no data for: working days there are Monday to Friday.
  static func calendarWarnings(for plan: Plan, schedule: Schedule) -> [Diagnostic] {
    guard plan.calendar.base == .cn else { return [] }
    var last = schedule.finish ?? plan.start
    for row in schedule.tasks {
      if let day = row.latestFinish, day > last { last = day }
      if let day = row.deadline, day > last { last = day }
    }
    let years = plan.start.year...max(plan.start.year, last.year)
    let position = plan.calendarPosition ?? SourcePosition(file: 0, line: 1, column: 1, length: 1)
    return plan.calendar.yearsWithoutData(in: years).map { year in
      let covered = "\(ChinaCalendar.coveredYears.lowerBound)–\(ChinaCalendar.coveredYears.upperBound)"
      return Diagnostic(
        .warning, .calendarWithoutData,
        Phrase(
          "China's official calendar has no data for \(year); its working days are taken as Monday to Friday",
          "国家法定节假日安排中没有 \(year) 年的数据；该年按周一至周五为工作日计算"),
        at: plan.location(position),
        hint: Phrase(
          "the data covers \(covered); "
            + "list that year's holidays and make-up days in calendar: { base: cn, holidays: [...], workdays: [...] }",
          "现有数据覆盖 \(covered) 年；在“calendar: { base: cn, holidays: [...], workdays: [...] }”中列出该年的节假日和调休上班日"))
    }
  }
}
