/// The one-screen summary `plangraph check` prints for a valid plan.
public enum CheckReport {
  /// What the summary says, with no formatting in it: what the plan holds, the counts as of the date
  /// (the schedule's one set) and the critical paths.
  public struct Model: Sendable {
    /// What the plan holds.
    public var summary: PlanSummary
    /// The statuses as of the schedule's date: the same counts as every other output.
    public var counts: StatusCounts
    /// How many tasks lie on a critical path, on how many paths, and whether more paths exist.
    public var criticalTasks, criticalPaths: Int
    /// Whether more critical paths exist than the schedule lists.
    public var moreCriticalPaths: Bool

    /// The model of `plan` and its `schedule`.
    public init(plan: Plan, schedule: Schedule) {
      summary = PlanSummary(plan: plan)
      counts = schedule.counts
      criticalTasks = Set(schedule.criticalPaths.flatMap { $0 }).count
      criticalPaths = schedule.criticalPaths.count
      moreCriticalPaths = schedule.hasMoreCriticalPaths
    }
  }

  /// What the plan holds, its span and its critical paths, in aligned lines, in `language`.
  public static func text(
    plan: Plan, path: String, schedule: Schedule, style: TerminalStyle, language: Language = .en
  ) -> String {
    var out = ByteWriter()
    write(
      Model(plan: plan, schedule: schedule), plan: plan, path: path, schedule: schedule, style: style,
      language: language, into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the summary of `model` into `out`.
  public static func write(
    _ model: Model, plan: Plan, path: String, schedule: Schedule, style: TerminalStyle, language: Language,
    into out: inout ByteWriter
  ) {
    let words = language.words.report
    // Labels padded past the longest label of the language.
    func line(_ label: String, _ count: Int?, _ detail: String) {
      let number = count.map { TextWidth.pad(String($0), to: 6, right: true) } ?? "      "
      out.write("  " + TextWidth.pad(label, to: words.checkLabelWidth) + number)
      out.write((detail.isEmpty ? "" : "  " + detail) + "\n")
    }
    let s = model.summary
    out.write(style.green(words.checkOK) + words.checkOKGap + style.bold(plan.title) + " — \(path)\n")
    line(words.checkFiles, s.files, "")
    line(words.checkTasks, s.tasks, words.taskKinds((s.leaves, s.milestones, s.summaries, s.duties)))
    line(words.checkOwners, s.owners, words.inOrganisations(s.organisations))
    line(words.checkDependencies, s.dependencies, "")
    let span = schedule.finish.map { "\(plan.start.iso) → \($0.iso)" + words.spanMeaning }
    line(words.checkDates, nil, span ?? plan.start.iso)
    line(
      words.checkDeadlines, s.deadlines, s.deadlineRange.map { "\($0.lowerBound.iso) … \($0.upperBound.iso)" } ?? "")
    line(words.checkTargets, s.targets, words.withMeasurements(s.measuredTargets))
    line(
      words.checkStatus, model.counts.tasks,
      words.asOf + schedule.asOf.iso + words.colon + model.counts.statusLine(language))
    line("", nil, model.counts.extras(language))
    line(
      words.checkCritical, model.criticalTasks,
      words.onCriticalPaths((model.criticalTasks, model.criticalPaths, model.moreCriticalPaths)))
  }
}
