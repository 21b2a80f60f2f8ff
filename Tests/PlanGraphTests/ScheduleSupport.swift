import PlanGraph
import Testing

/// Loads a plan from YAML text and schedules it, for tests that state their plan inline.
struct Scheduled {
  let plan: Plan
  let schedule: Schedule

  init(
    _ yaml: String, asOf: String = "2017-09-01", window: Int = 30,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  )
    throws
  {
    let result = PlanLoader.load(text: yaml)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.message))", sourceLocation: sourceLocation)
    guard let loaded = result.plan else {
      Issue.record("the plan did not load", sourceLocation: sourceLocation)
      throw PlanFileError.missing
    }
    plan = loaded
    schedule = try Scheduler(plan: plan).schedule(asOf: day(asOf), window: window)
  }

  /// The schedule row of the task with full id `id`.
  func row(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> TaskSchedule {
    let index = try #require(plan.taskIndex(id), "no task \(id)", sourceLocation: sourceLocation)
    return schedule.tasks[index]
  }

  /// The full ids along each critical path.
  var criticalPathIDs: [[String]] {
    schedule.criticalPaths.map { $0.map { plan.tasks[$0].fullID } }
  }
}

/// A day from ISO text; records an issue (and gives 1970-01-01) when malformed.
func day(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Day {
  guard case .success(.day(let value)) = DateExpression.parse(text) else {
    Issue.record("bad date \(text)", sourceLocation: sourceLocation)
    return Day(ordinal: 0)
  }
  return value
}

/// The header every inline plan starts with: a title, a start on Friday 2017-09-01 and one owner.
let header = """
  plan: 测试计划
  start: 2017-09-01
  owner: org
  owners:
    - { id: org, name: 组织 }
  tasks:

  """
