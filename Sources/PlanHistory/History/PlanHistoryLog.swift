import PlanGraph

/// One task as scheduled at one revision.
public struct TaskSnapshot: Hashable, Sendable {
  /// The full id at that revision.
  public var id: String
  /// The name at that revision.
  public var name: String
  /// The effective deadline.
  public var deadline: Day?
  /// The planned finish.
  public var plannedFinish: Day?
  /// The forecast finish as of the revision's report date.
  public var forecastFinish: Day?
  /// The status as of the revision's report date.
  public var status: ScheduleStatus
}

/// The plan at one commit that changed it: its finish, counts and the selected tasks.
public struct HistoryPoint: Hashable, Sendable {
  /// The commit.
  public var commit: GitCommit
  /// The report date the revision was scheduled as of (the commit's day, or the fixed `--as-of`).
  public var reportDay: Day
  /// Whether the plan loaded and scheduled at this commit; the rest is empty when not.
  public var isValid: Bool
  /// The plan's finish.
  public var finish: Day?
  /// The plan's counts as of `reportDay`: the same numbers `check` and `schedule --format json` give
  /// for this revision (leaves and duties, summaries never counted).
  public var counts: StatusCounts
  /// The selected tasks, parallel to `PlanHistoryLog.selection`; nil where the task did not exist.
  public var tasks: [TaskSnapshot?]
}

/// The milestone trend of a plan: for each commit that changed the plan's files, oldest first, the
/// selected tasks' deadline, planned and forecast finish and status, or the plan's finish and counts.
public struct PlanHistoryLog: Sendable {
  /// The tasks asked for, as given (a full id or a name).
  public var selection: [String]
  /// The display names of the selected tasks (their latest names).
  public var names: [String]
  /// One point per commit, oldest first.
  public var points: [HistoryPoint]

  /// Reads every commit reachable from `tip` that changed the plan's folder, and schedules each as of
  /// its own day (or `asOf` for all). `selection` names tasks by full id or exact name.
  public init(
    repository: PlanRepository, tip: GitCommit, selection: [String], asOf: Day? = nil,
    window: Int = Schedule.defaultWindow
  ) throws(GitError) {
    self.selection = selection
    var names = selection
    var points: [HistoryPoint] = []
    var cache: [String: HistoryPoint] = [:]  // by folder tree and report day: merges repeat trees
    for commit in try repository.commitsTouchingPlan(from: tip).reversed() {
      let reportDay = asOf ?? commit.day
      let key = (repository.folderTree(at: commit)?.description ?? "") + reportDay.iso
      if var cached = cache[key] {
        cached.commit = commit
        points.append(cached)
        continue
      }
      var point = HistoryPoint(
        commit: commit, reportDay: reportDay, isValid: false, finish: nil, counts: StatusCounts(),
        tasks: Array(repeating: nil, count: selection.count))
      if let check = try? repository.check(at: commit, revision: commit.id.short, asOf: reportDay, window: window),
        let plan = check.plan, let schedule = check.schedule
      {
        point.isValid = true
        point.finish = schedule.finish
        point.counts = StatusCounts(plan: plan, schedule: schedule)
        for (k, wanted) in selection.enumerated() {
          guard let index = plan.taskIndex(wanted) ?? plan.tasks.firstIndex(where: { $0.name == wanted }) else {
            continue
          }
          let row = schedule.tasks[index]
          names[k] = plan.tasks[index].name
          point.tasks[k] = TaskSnapshot(
            id: plan.tasks[index].fullID, name: plan.tasks[index].name, deadline: row.deadline,
            plannedFinish: row.finish, forecastFinish: row.forecastFinish, status: row.status)
        }
      }
      cache[key] = point
      points.append(point)
    }
    self.names = names
    self.points = points
  }

  /// The selected tasks that no revision has.
  public var unknownTasks: [String] {
    selection.indices.filter { k in points.allSatisfy { $0.tasks[k] == nil } }.map { selection[$0] }
  }
}
