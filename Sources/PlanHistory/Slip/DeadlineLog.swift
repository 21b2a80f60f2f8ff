import PlanGraph

/// Who changed each task's deadline: the last commit, after a starting commit and up to a tip, that
/// changed it (the record a supervisor asks for when a deadline was extended).
public enum DeadlineLog {
  /// For each task (by full id) whose own deadline changed in a commit after `start` up to `tip`, the
  /// last such commit. Only commits that changed the plan's folder are read; a revision whose plan does
  /// not load is skipped (its changes are credited to the next one that does).
  public static func lastChanges(
    in repository: PlanRepository, after start: GitCommit, upTo tip: GitCommit
  ) throws(GitError) -> [String: GitCommit] {
    let before = Set(try repository.repository.log(from: start.id).map(\.id))
    let touching = try repository.commitsTouchingPlan(from: tip).filter { !before.contains($0.id) }
    var current = deadlines(repository, at: start) ?? [:]
    var out: [String: GitCommit] = [:]
    for commit in touching.reversed() {  // oldest first
      guard let next = deadlines(repository, at: commit) else { continue }
      for (id, deadline) in next where current[id] != nil && current[id] != deadline {
        out[id] = commit
      }
      current = next
    }
    return out
  }

  /// Each task's own deadline (nil when it has none) at `commit`; nil when the plan does not load there.
  public static func deadlines(_ repository: PlanRepository, at commit: GitCommit) -> [String: Day?]? {
    let loaded = PlanLoader(fileSystem: repository.fileSystem(at: commit)).load(path: repository.planPath)
    guard let plan = loaded.plan else { return nil }
    var out: [String: Day?] = [:]
    out.reserveCapacity(plan.tasks.count)
    for task in plan.tasks { out[task.fullID] = .some(task.deadline) }
    return out
  }
}
