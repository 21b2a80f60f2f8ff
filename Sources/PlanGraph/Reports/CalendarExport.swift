/// An iCalendar feed (RFC 5545) of a plan: one `VTODO` per task with a deadline and one per occurrence
/// of a recurring duty, so that a unit can subscribe to its deadlines in any calendar app.
///
/// Byte-for-byte deterministic: UIDs come from full ids, and the only timestamp (`DTSTAMP`, required by
/// the standard) is the as-of date at midnight UTC, never the clock.
public struct CalendarExport: Sendable {
  /// The plan.
  public let plan: Plan
  /// Its schedule as of a date.
  public let schedule: Schedule
  /// Only tasks owned by these units, when given.
  public let owners: Set<Int>?
  /// The language of summaries and descriptions.
  public let language: Language

  /// Creates the export.
  public init(plan: Plan, schedule: Schedule, owners: Set<Int>? = nil, language: Language) {
    self.plan = plan
    self.schedule = schedule
    self.owners = owners
    self.language = language
  }

  /// The calendar as text with CRLF line ends, lines folded at 75 octets.
  public func ics() -> String {
    var out = ByteWriter()
    ics(into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the calendar into `out`, a task's lines at a time: CRLF line ends, lines folded at 75 octets.
  public func ics(into out: inout ByteWriter) {
    func write(_ lines: [String]) {
      for line in lines { out.write(Self.fold(line) + "\r\n") }
    }
    write([
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//plangraph//plangraph 0.1//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(plan.title),
    ])
    let stamp = Self.dateTime(schedule.asOf)
    var occurrencesByTask: [Int: [Occurrence]] = [:]
    // Per duty, the first held date listed in each period (by period number), known on the as-of date.
    var heldByTask: [Int: [Int: Day]] = [:]
    // A feed lists a duty's occurrences from its start to a year past the as-of date (never to its
    // `until` decades away), at most `maximumOccurrences` in all, shared fairly among the duties, the
    // latest kept when a duty's share is cut.
    let horizon = schedule.asOf.adding(days: 365)
    let duties = plan.tasks.indices.filter { plan.tasks[$0].isDuty && included($0) }
    let share = RecurringDuties.fairShare(
      of: Self.maximumOccurrences,
      among: duties.map { Self.windowCount(plan.tasks[$0], since: plan.start, until: horizon) })
    for i in duties {
      let task = plan.tasks[i]
      let found = RecurringDuties.occurrences(
        of: task, index: i, every: task.recurrence ?? .year, planStart: plan.start, asOf: schedule.asOf,
        horizon: horizon, limit: share, latest: true
      ).map(\.occurrence)
      occurrencesByTask[i] = found
      let every = task.recurrence ?? .year
      var held: [Int: Day] = [:]
      for day in task.heldDates where day <= schedule.asOf && held[every.index(of: day)] == nil {
        held[every.index(of: day)] = day
      }
      heldByTask[i] = held
    }
    for i in plan.tasks.indices where included(i) {
      let task = plan.tasks[i]
      let row = schedule.tasks[i]
      if task.isDuty {
        let every = task.recurrence ?? .year
        write(dutyParent(task, row: row, stamp: stamp))
        for occurrence in occurrencesByTask[i] ?? [] {
          let held = heldByTask[i]?[every.index(of: occurrence.period.lowerBound)]
          write(duty(task, occurrence: occurrence, held: held, row: row, stamp: stamp))
        }
      } else if let deadline = row.deadline {
        write(todo(task, row: row, due: deadline, stamp: stamp))
      }
    }
    write(["END:VCALENDAR"])
  }

  private func included(_ index: Int) -> Bool { ReportText.isIncluded(index, owners: owners, in: plan) }

  private func todo(_ task: PlanTask, row: TaskSchedule, due: Day, stamp: String) -> [String] {
    var lines = [
      "BEGIN:VTODO", "UID:" + Self.escape(task.fullID) + "@plangraph", "DTSTAMP:" + stamp,
      "SUMMARY:" + Self.escape(summary(task, row: row)),
    ]
    if let start = row.start, start <= due { lines.append("DTSTART;VALUE=DATE:" + Self.date(start)) }
    lines.append("DUE;VALUE=DATE:" + Self.date(due))
    lines.append("STATUS:" + Self.status(row.status, progress: task.progress))
    if let percent = percent(task, row: row) { lines.append("PERCENT-COMPLETE:\(percent)") }
    if let finished = row.finishedOn { lines.append("COMPLETED:" + Self.dateTime(finished)) }
    if row.isCritical { lines.append("PRIORITY:1") }
    lines += common(task, row: row)
    lines.append("END:VTODO")
    return lines
  }

  /// How many occurrences a feed lists at most, shared among its duties.
  public static let maximumOccurrences = 20_000

  /// The longest task name an occurrence repeats, in characters; the duty's own item has it whole.
  static let occurrenceNameLength = 100

  /// How many periods of a duty fall in `[its start, until]`, for sharing the feed's budget.
  private static func windowCount(_ task: PlanTask, since: Day, until: Day) -> Int {
    let every = task.recurrence ?? .year
    let from = task.recurrenceFrom ?? since
    let to = min(task.recurrenceUntil ?? until, until)
    return from <= to ? every.index(of: to) - every.index(of: from) + 1 : 0
  }

  /// The duty itself, which its occurrences refer to (`RELATED-TO`): it carries the note, the source
  /// and the counts once, instead of every occurrence repeating them.
  private func dutyParent(_ task: PlanTask, row: TaskSchedule, stamp: String) -> [String] {
    var lines = [
      "BEGIN:VTODO", "UID:" + Self.escape(task.fullID) + "@plangraph", "DTSTAMP:" + stamp,
      "SUMMARY:" + Self.escape(summary(task, row: row)),
    ]
    lines.append("DTSTART;VALUE=DATE:" + Self.date(task.recurrenceFrom ?? plan.start))
    lines.append("STATUS:" + (row.status == .cancelled ? "CANCELLED" : "NEEDS-ACTION"))
    let counts = row.occurrences ?? (total: 0, due: 0, missed: 0)
    lines.append(
      "X-PLANGRAPH-OCCURRENCES:"
        + language.words.report.occurrencesHeld((counts.due - counts.missed, counts.due, counts.missed)))
    lines += common(task, row: row)
    lines.append("END:VTODO")
    return lines
  }

  private func duty(_ task: PlanTask, occurrence: Occurrence, held: Day?, row: TaskSchedule, stamp: String)
    -> [String]
  {
    let missed = held == nil && occurrence.due < schedule.asOf
    let name = TextWidth.truncate(task.name, to: Self.occurrenceNameLength * 2)
    var lines = [
      "BEGIN:VTODO", "UID:" + Self.escape(task.fullID) + "/" + occurrence.due.iso + "@plangraph",
      "DTSTAMP:" + stamp,
      "SUMMARY:" + Self.escape((missed ? "[" + ScheduleStatus.overdue.label(language) + "] " : "") + name),
      "DTSTART;VALUE=DATE:" + Self.date(occurrence.period.lowerBound),
      "DUE;VALUE=DATE:" + Self.date(occurrence.due),
    ]
    if row.status == .cancelled {
      lines.append("STATUS:CANCELLED")
    } else if let held {
      lines += ["STATUS:COMPLETED", "PERCENT-COMPLETE:100", "COMPLETED:" + Self.dateTime(held)]
    } else {
      lines.append("STATUS:NEEDS-ACTION")
    }
    // The duty's own item has the note, source and owner; an occurrence names it and refers to it.
    lines.append("RELATED-TO;RELTYPE=PARENT:" + Self.escape(task.fullID) + "@plangraph")
    if let owner = task.owner { lines.append("CATEGORIES:" + Self.escape(plan.owners[owner].name)) }
    lines.append("DESCRIPTION:" + Self.escape(language.words.report.occurrenceOfDuty + task.fullID))
    lines.append("END:VTODO")
    return lines
  }

  private func common(_ task: PlanTask, row: TaskSchedule) -> [String] {
    var lines: [String] = []
    var description: [String] = []
    let words = language.words
    if let owner = task.owner {
      lines.append("CATEGORIES:" + Self.escape(plan.owners[owner].name))
      description.append(
        words.report.ownerLabel + plan.owners[owner].name + " (" + plan.owners[owner].id + ")")
    }
    description.append(words.report.statusLabel + row.status.label(language))
    if let source = task.source { description.append(words.report.sourceLabel + source) }
    if let target = task.target {
      description.append(words.report.targetLabel + ReportText.target(target))
    }
    if let note = task.note { description.append(note) }
    description.append(words.report.taskLabel + task.fullID)
    lines.append("DESCRIPTION:" + Self.escape(description.joined(separator: "\n")))
    return lines
  }

  private func summary(_ task: PlanTask, row: TaskSchedule) -> String {
    switch row.status {
    case .overdue, .atRisk: return "[" + row.status.label(language) + "] " + task.name
    default: return task.name
    }
  }

  private func percent(_ task: PlanTask, row: TaskSchedule) -> Int? {
    if row.status == .done { return 100 }
    if task.status == .active { return task.progress ?? 0 }
    return nil
  }

  private static func status(_ status: ScheduleStatus, progress: Int?) -> String {
    switch status {
    case .done: return "COMPLETED"
    case .cancelled: return "CANCELLED"
    default: return progress != nil ? "IN-PROCESS" : "NEEDS-ACTION"
    }
  }

  /// A DATE value: `YYYYMMDD`.
  static func date(_ day: Day) -> String {
    day.iso.replacingDashes()
  }

  /// A DATE-TIME value at midnight UTC.
  static func dateTime(_ day: Day) -> String {
    date(day) + "T000000Z"
  }

  /// TEXT escaping: backslash, semicolon, comma and line breaks.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n": out += "\\n"
      case "\r": break
      default:
        // Other control characters are not allowed in TEXT values.
        if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  /// A content line folded so that no line exceeds 75 octets, never splitting a UTF-8 sequence.
  static func fold(_ line: String) -> String {
    let bytes = Array(line.utf8)
    guard bytes.count > 75 else { return line }
    var pieces: [String] = []
    var start = 0
    var limit = 75
    while start < bytes.count {
      var end = min(bytes.count, start + limit)
      while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
      pieces.append(String(decoding: bytes[start..<end], as: UTF8.self))
      start = end
      limit = 74  // continuation lines start with a space
    }
    return pieces.joined(separator: "\r\n ")
  }
}

extension String {
  fileprivate func replacingDashes() -> String {
    String(filter { $0 != "-" })
  }
}
