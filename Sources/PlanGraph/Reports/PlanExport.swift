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

  /// The JSON text, as UTF-8.
  public func json() -> [UInt8] {
    var out = ByteWriter(capacity: 256 + plan.tasks.count * 700)
    out.write("{\n  \"plan\": ")
    out.writeJSON(plan.title)
    out.write(",\n  \"start\": ")
    out.writeJSON(plan.start)
    out.write(",\n  \"asOf\": ")
    out.writeJSON(schedule.asOf)
    out.write(",\n  \"finish\": ")
    out.writeJSON(schedule.finish)
    out.write(",\n  \"files\": ")
    writeList(plan.files, to: &out)
    out.write(",\n  \"owners\": [")
    for (i, owner) in plan.owners.enumerated() {
      out.write(i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
      out.writeJSON(owner.id)
      out.write(", \"name\": ")
      out.writeJSON(owner.name)
      out.write(", \"parent\": ")
      out.writeJSON(owner.parent.map { plan.owners[$0].id })
      out.write("}")
    }
    out.write("\n  ],\n  \"criticalPath\": [")
    for (n, path) in schedule.criticalPaths.enumerated() {
      if n > 0 { out.write(", ") }
      writeList(path.map { plan.tasks[$0].fullID }, to: &out)
    }
    out.write("],\n  \"tasks\": [")
    for i in plan.tasks.indices {
      writeTask(i, to: &out)
    }
    out.write(plan.tasks.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    return out.bytes
  }

  private func writeTask(_ i: Int, to out: inout ByteWriter) {
    let task = plan.tasks[i]
    let row = schedule.tasks[i]
    out.write(i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
    out.writeJSON(task.fullID)
    out.write(", \"name\": ")
    out.writeJSON(task.name)
    out.write(", \"kind\": ")
    out.writeJSON(task.isDuty ? "duty" : task.isSummary ? "summary" : task.isMilestone ? "milestone" : "task")
    out.write(", \"parent\": ")
    out.writeJSON(task.parent.map { plan.tasks[$0].fullID })
    out.write(", \"owner\": ")
    out.writeJSON(ReportText.ownerID(task, in: plan))
    out.write(", \"support\": ")
    writeList(task.support.map { plan.owners[$0].id }, to: &out)
    out.write(", \"after\": ")
    writeList(task.after.map { plan.tasks[$0].fullID }, to: &out)
    out.write(", \"duration\": ")
    out.writeJSON(task.duration?.description)
    out.write(", \"written\": {\"start\": ")
    out.writeJSON(task.start)
    out.write(", \"deadline\": ")
    out.writeJSON(task.deadline)
    out.write(", \"status\": ")
    out.writeJSON(task.status.rawValue)
    out.write(", \"done\": ")
    out.writeJSON(task.doneDate)
    out.write(", \"progress\": ")
    out.writeJSON(task.progress)
    out.write("}, ")
    if let target = task.target {
      out.write("\"target\": {\"metric\": ")
      out.writeJSON(target.metric)
      out.write(", \"op\": ")
      out.writeJSON(target.comparison.rawValue)
      out.write(", \"value\": ")
      out.write(target.value.description)
      out.write(", \"unit\": ")
      out.writeJSON(target.unit)
      out.write("}, \"measurements\": [")
      for (k, measurement) in task.measurements.enumerated() {
        out.write(k == 0 ? "{\"date\": " : ", {\"date\": ")
        out.writeJSON(measurement.date)
        out.write(", \"value\": ")
        out.write(measurement.value.description)
        out.write("}")
      }
      out.write("], ")
    }
    if let every = task.recurrence {
      out.write("\"every\": ")
      out.writeJSON(every.rawValue)
      out.write(", \"held\": [")
      for (k, day) in task.heldDates.enumerated() {
        if k > 0 { out.write(", ") }
        out.writeJSON(day)
      }
      out.write("], ")
      if let occurrences = row.occurrences {
        out.write("\"occurrences\": ")
        out.write(occurrences.total)
        out.write(", \"missed\": ")
        out.write(occurrences.missed)
        out.write(", ")
      }
    }
    ScheduleReport.writeScheduleFields(of: row, to: &out)
    out.write(", \"finishedOn\": ")
    out.writeJSON(row.finishedOn)
    out.write(", \"late\": ")
    out.writeJSON(row.isLate)
    out.write(", \"source\": ")
    out.writeJSON(task.source)
    out.write(", \"note\": ")
    out.writeJSON(task.note)
    out.write(", \"evidence\": ")
    out.writeJSON(task.evidence)
    out.write(", \"tags\": ")
    writeList(task.tags, to: &out)
    out.write("}")
  }

  private func writeList(_ texts: [String], to out: inout ByteWriter) {
    out.write("[")
    for (k, text) in texts.enumerated() {
      if k > 0 { out.write(", ") }
      out.writeJSON(text)
    }
    out.write("]")
  }
}
