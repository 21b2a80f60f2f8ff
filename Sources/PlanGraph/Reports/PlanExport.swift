/// The whole plan with its schedule as one JSON object, for scripts: every task's written fields and
/// computed dates and status. Keys and status codes are English.
public struct PlanExport: Sendable {
  /// The plan.
  public let plan: Plan
  /// Its schedule.
  public let schedule: Schedule

  /// Creates the export.
  public init(plan: Plan, schedule: Schedule) {
    self.plan = plan
    self.schedule = schedule
  }

  /// The JSON text.
  public func json() -> String {
    var out = "{\n  \"plan\": \(JSONText.string(plan.title)),\n  \"start\": \"\(plan.start.iso)\",\n"
    out += "  \"asOf\": \"\(schedule.asOf.iso)\",\n  \"finish\": \(ReportText.jsonDay(schedule.finish)),\n"
    out += "  \"files\": [" + plan.files.map(JSONText.string).joined(separator: ", ") + "],\n"
    out += "  \"owners\": ["
    for (i, owner) in plan.owners.enumerated() {
      out += i == 0 ? "\n" : ",\n"
      out += "    {\"id\": \(JSONText.string(owner.id)), \"name\": \(JSONText.string(owner.name)), "
      out += "\"parent\": \(ReportText.jsonText(owner.parent.map { plan.owners[$0].id }))}"
    }
    out += "\n  ],\n  \"criticalPath\": ["
    out += schedule.criticalPaths.map { path in
      "[" + path.map { JSONText.string(plan.tasks[$0].fullID) }.joined(separator: ", ") + "]"
    }.joined(separator: ", ")
    out += "],\n  \"tasks\": ["
    for i in plan.tasks.indices {
      let task = plan.tasks[i]
      let row = schedule.tasks[i]
      out += i == 0 ? "\n" : ",\n"
      out += "    {\"id\": \(JSONText.string(task.fullID)), \"name\": \(JSONText.string(task.name)), "
      out +=
        "\"kind\": \"\(task.isDuty ? "duty" : task.isSummary ? "summary" : task.isMilestone ? "milestone" : "task")\", "
      out += "\"parent\": \(ReportText.jsonText(task.parent.map { plan.tasks[$0].fullID })), "
      out += "\"owner\": \(ReportText.jsonText(ReportText.ownerID(task, in: plan))), "
      out += "\"after\": [" + task.after.map { JSONText.string(plan.tasks[$0].fullID) }.joined(separator: ", ") + "], "
      out += "\"duration\": \(ReportText.jsonInt(task.duration?.days)), "
      out +=
        "\"written\": {\"start\": \(ReportText.jsonDay(task.start)), \"deadline\": \(ReportText.jsonDay(task.deadline)), "
      out += "\"status\": \"\(task.status.rawValue)\", \"done\": \(ReportText.jsonDay(task.doneDate)), "
      out += "\"progress\": \(ReportText.jsonInt(task.progress))}, "
      if let target = task.target {
        out += "\"target\": {\"metric\": \(JSONText.string(target.metric)), \"op\": \"\(target.comparison.rawValue)\", "
        out += "\"value\": \(target.value.description), \"unit\": \(ReportText.jsonText(target.unit))}, "
        out +=
          "\"measurements\": ["
          + task.measurements.map {
            "{\"date\": \"\($0.date.iso)\", \"value\": \($0.value.description)}"
          }.joined(separator: ", ") + "], "
      }
      if let every = task.recurrence {
        out +=
          "\"every\": \"\(every.rawValue)\", \"held\": ["
          + task.heldDates.map { "\"\($0.iso)\"" }.joined(separator: ", ") + "], "
        if let occurrences = row.occurrences {
          out += "\"occurrences\": \(occurrences.total), \"missed\": \(occurrences.missed), "
        }
      }
      out += "\"start\": \(ReportText.jsonDay(row.start)), \"finish\": \(ReportText.jsonDay(row.finish)), "
      out +=
        "\"latestStart\": \(ReportText.jsonDay(row.latestStart)), \"latestFinish\": \(ReportText.jsonDay(row.latestFinish)), "
      out += "\"slack\": \(ReportText.jsonInt(row.slack)), \"critical\": \(row.isCritical), "
      out +=
        "\"deadline\": \(ReportText.jsonDay(row.deadline)), \"forecastFinish\": \(ReportText.jsonDay(row.forecastFinish)), "
      out += "\"status\": \"\(row.status.rawValue)\", \"daysOverdue\": \(ReportText.jsonInt(row.daysOverdue)), "
      out += "\"finishedOn\": \(ReportText.jsonDay(row.finishedOn)), \"late\": \(row.isLate), "
      out += "\"source\": \(ReportText.jsonText(task.source)), \"note\": \(ReportText.jsonText(task.note)), "
      out += "\"evidence\": \(ReportText.jsonText(task.evidence)), "
      out += "\"tags\": [" + task.tags.map(JSONText.string).joined(separator: ", ") + "]}"
    }
    out += plan.tasks.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
    return out
  }
}
