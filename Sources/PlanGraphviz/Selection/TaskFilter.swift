import PlanGraph

/// Which part of a plan a chart shows: an owner's tasks, a task's subtree, some levels, or the critical tasks.
public struct TaskFilter: Hashable, Sendable {
  /// Only tasks owned by this owner or one of its units (an index into `Plan.owners`).
  public var owner: Int?
  /// Only this task and the tasks below it (an index into `Plan.tasks`).
  public var root: Int?
  /// Only this many levels of the task tree, counted from the top (or from `root`); summaries on the
  /// last level stand for everything below them. Below 1 counts as 1.
  public var depth: Int?
  /// Only critical tasks.
  public var criticalOnly: Bool

  /// A filter from indices.
  public init(owner: Int? = nil, root: Int? = nil, depth: Int? = nil, criticalOnly: Bool = false) {
    self.owner = owner
    self.root = root
    self.depth = depth
    self.criticalOnly = criticalOnly
  }

  /// A filter from what a user writes: an owner's full id (`league` or `league.office`), a task's full id.
  public init(
    plan: Plan, ownerID: String? = nil, rootID: String? = nil, depth: Int? = nil, criticalOnly: Bool = false
  ) throws(FilterError) {
    var owner: Int?
    if let ownerID {
      do {
        owner = try plan.owner(named: ownerID)
      } catch {
        throw .unknownOwner(error.description)
      }
    }
    var root: Int?
    if let rootID {
      guard let index = plan.taskIndex(rootID) else { throw .unknownTask(rootID) }
      root = index
    }
    if let depth, depth < 1 { throw .badDepth(depth) }
    self.init(owner: owner, root: root, depth: depth, criticalOnly: criticalOnly)
  }
}

/// Why a filter does not fit the plan.
public enum FilterError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No owner (or more than one) has this name; the associated text says which.
  case unknownOwner(String)
  /// No task has this full id.
  case unknownTask(String)
  /// A depth below 1.
  case badDepth(Int)

  /// The problem in words.
  public var description: String {
    switch self {
    case .unknownOwner(let problem): return problem
    case .unknownTask(let id): return "no task '\(id)' in the plan"
    case .badDepth(let depth): return "the depth must be 1 or more, not \(depth)"
    }
  }
}
