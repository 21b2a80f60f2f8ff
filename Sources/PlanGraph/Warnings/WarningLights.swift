/// Every task's warning light, by task index, four bytes a task: what the reports look up per row.
///
/// Why not `[WarningLight]`: an enum with a payload takes sixteen bytes, so a million tasks' lights were
/// 16 MB read in the order of the overdue list, a cache miss per item; these are 4 MB.
public struct WarningLights: RandomAccessCollection, Hashable, Sendable {
  /// A level's index, or `done`, `cancelled`, `none` below.
  let codes: [Int32]

  static let done: Int32 = -1
  static let cancelled: Int32 = -2
  static let none: Int32 = -3

  /// The lights of `lights`.
  public init(_ lights: [WarningLight]) {
    codes = lights.map {
      switch $0 {
      case .level(let n): return Int32(clamping: n)
      case .done: return Self.done
      case .cancelled: return Self.cancelled
      case .none: return Self.none
      }
    }
  }

  init(codes: [Int32]) {
    self.codes = codes
  }

  /// The first task's index: 0.
  public var startIndex: Int { 0 }
  /// The number of tasks.
  public var endIndex: Int { codes.count }

  /// The light of task `index`.
  public subscript(index: Int) -> WarningLight {
    let code = codes[index]
    switch code {
    case Self.done: return .done
    case Self.cancelled: return .cancelled
    case Self.none: return .none
    default: return .level(Int(code))
    }
  }
}

extension WarningRules {
  /// Every task's light, as `lights(plan:schedule:)` gives them, in one pass over the tasks with the
  /// levels' conditions laid out flat, and one pass back for the summaries.
  ///
  /// Why: asking `light(for:)` per task built its facts and walked each level's conditions, retaining
  /// each level; at a million tasks that was most of the overdue report's model.
  public func lightTable(plan: Plan, schedule: Schedule) -> WarningLights {
    // The conditions of the levels before the first without any (which every open task reaching it
    // gets), in the order they are tried, each with its level.
    var kinds: [UInt8] = []
    var values: [Int] = []
    var levelOf: [Int32] = []
    var catchAll = WarningLights.none
    for n in levels.indices {
      if levels[n].conditions.isEmpty {
        catchAll = Int32(clamping: n)
        break
      }
      for condition in levels[n].conditions {
        switch condition {
        case .overdue(let days): (kinds, values) = (kinds + [0], values + [days])
        case .dueWithin(let days): (kinds, values) = (kinds + [1], values + [days])
        case .behind(let points): (kinds, values) = (kinds + [2], values + [points])
        case .atRisk: (kinds, values) = (kinds + [3], values + [0])
        }
        levelOf.append(Int32(clamping: n))
      }
    }
    let asOf = schedule.asOf.ordinal
    let count = plan.tasks.count
    // The rows below are read without bounds checks: a schedule of another plan must stop here.
    precondition(schedule.tasks.count == count, "a schedule of \(schedule.tasks.count) tasks for a plan of \(count)")
    var codes = [Int32](repeating: 0, count: count)
    // What the passes read of each task, from the scheduler's flat arrays: reading a 144-byte `PlanTask`
    // per task (and its children's array) twice was half the time of this pass.
    let facts = schedule.facts(of: plan)
    let (isLeaf, progress, parentOf) = (facts.isLeaf, facts.progress, facts.parent)
    codes.withUnsafeMutableBufferPointer { codes in
      do {
        schedule.tasks.withUnsafeBufferPointer { rows in
          for i in 0..<count {
            let status = rows[i].status
            if status == .done {
              codes[i] = WarningLights.done
              continue
            }
            if status == .cancelled {
              codes[i] = WarningLights.cancelled
              continue
            }
            // The facts of `WarningRules.facts(for:plan:schedule:)`.
            let daysOverdue = status == .overdue ? max(1, rows[i].daysOverdue ?? 1) : nil
            let daysUntilDeadline = rows[i].deadline.map { $0.ordinal - asOf }
            var behind: Int?
            if isLeaf[i], let start = rows[i].start?.ordinal, let finish = rows[i].finish?.ordinal {
              let span = max(1, finish + 1 - start)
              let elapsed = min(span, max(0, asOf - start))
              behind = elapsed * 100 / span - Int(progress[i])
            }
            var code = catchAll
            for c in kinds.indices {
              let holds: Bool
              switch kinds[c] {
              case 0: holds = (daysOverdue ?? .min) >= values[c]
              case 1:
                if daysOverdue == nil, let left = daysUntilDeadline {
                  holds = left >= 0 && left <= values[c]
                } else {
                  holds = false
                }
              case 2: holds = (behind ?? .min) >= values[c]
              default: holds = status == .atRisk
              }
              if holds {
                code = levelOf[c]
                break
              }
            }
            codes[i] = code
          }
          // Children come after their parents: walking backwards, every child is final before its parent.
          for i in stride(from: count - 1, through: 0, by: -1) {
            let child = codes[i]
            let parent = Int(parentOf[i])
            guard child >= 0, parent >= 0 else { continue }
            let own = codes[parent]
            if own >= 0 {
              codes[parent] = min(own, child)
            } else if own != WarningLights.cancelled {
              codes[parent] = child
            }
          }
        }
      }
    }
    return WarningLights(codes: codes)
  }
}
