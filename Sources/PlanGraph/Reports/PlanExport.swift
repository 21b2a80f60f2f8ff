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
    json(into: &out)
    return out.takeBytes()
  }

  /// Writes the JSON into `out`, through the object writer: no comma is written here.
  public func json(into out: inout ByteWriter) {
    var top = out.beginObject(multiline: true)
    out.field("plan", plan.title, in: &top)
    out.field("start", plan.start, in: &top)
    out.field("asOf", schedule.asOf, in: &top)
    out.field("finish", schedule.finish, in: &top)
    out.field("files", plan.files, in: &top)
    out.key("owners", in: &top)
    var owners = out.beginArray(indent: 4)
    for owner in plan.owners {
      out.element(in: &owners)
      var object = out.beginObject()
      out.field("id", owner.id, in: &object)
      out.field("name", owner.name, in: &object)
      out.field("parent", owner.parent.map { plan.owners[$0].id }, in: &object)
      out.end(object)
    }
    out.end(owners)
    out.key("criticalPath", in: &top)
    ScheduleReport.writeCriticalPaths(schedule, plan: plan, into: &out)
    out.key("tasks", in: &top)
    var tasks = out.beginArray(indent: 4)
    let keys = ScheduleReport.FieldKeys()
    for i in plan.tasks.indices {
      out.element(in: &tasks)
      writeTask(i, keys: keys, to: &out)
    }
    out.end(tasks)
    out.end(top)
  }

  private func writeTask(_ i: Int, keys: ScheduleReport.FieldKeys, to out: inout ByteWriter) {
    let task = plan.tasks[i]
    let row = schedule.tasks[i]
    var object = out.beginObject()
    out.field("id", task.fullID, in: &object)
    out.field("name", task.name, in: &object)
    out.field(
      "kind", task.isDuty ? "duty" : task.isSummary ? "summary" : task.isMilestone ? "milestone" : "task", in: &object)
    out.field("parent", task.parent.map { plan.tasks[$0].fullID }, in: &object)
    out.field("owner", ReportText.ownerID(task, in: plan), in: &object)
    out.field("support", task.support.map { plan.owners[$0].id }, in: &object)
    out.field("after", task.after.map { plan.tasks[$0].fullID }, in: &object)
    out.field("duration", task.duration?.description, in: &object)
    out.key("written", in: &object)
    var written = out.beginObject()
    out.field("start", task.start, in: &written)
    out.field("deadline", task.deadline, in: &written)
    out.field("status", task.status.rawValue, in: &written)
    out.field("done", task.doneDate, in: &written)
    out.field("progress", task.progress, in: &written)
    out.end(written)
    if let target = task.target {
      out.key("target", in: &object)
      var goal = out.beginObject()
      out.field("metric", target.metric, in: &goal)
      out.field("op", target.comparison.rawValue, in: &goal)
      out.field("value", number: target.value, in: &goal)
      out.field("unit", target.unit, in: &goal)
      out.end(goal)
      out.key("measurements", in: &object)
      var measurements = out.beginInlineArray()
      for measurement in task.measurements {
        out.element(in: &measurements)
        var pair = out.beginObject()
        out.field("date", measurement.date, in: &pair)
        out.field("value", number: measurement.value, in: &pair)
        out.end(pair)
      }
      out.end(measurements)
    }
    if let every = task.recurrence {
      out.field("every", every.rawValue, in: &object)
      out.key("held", in: &object)
      out.writeJSON(task.heldDates)
      if let occurrences = row.occurrences {
        out.field("occurrences", occurrences.total, in: &object)
        out.field("missed", occurrences.missed, in: &object)
      }
    }
    ScheduleReport.writeScheduleFields(of: row, keys: keys, to: &out, in: &object)
    out.field("finishedOn", row.finishedOn, in: &object)
    out.field("late", row.isLate, in: &object)
    out.field("source", task.source, in: &object)
    out.field("note", task.note, in: &object)
    out.field("evidence", task.evidence, in: &object)
    out.field("tags", task.tags, in: &object)
    out.end(object)
  }
}
