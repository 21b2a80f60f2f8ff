extension OverdueReport {
  /// What the supervisors' report says, computed once from the schedule and with no formatting in it:
  /// the items, their groups by owner unit, each unit's counts and the totals. Every format (table,
  /// Markdown, CSV, JSON, the HTML page) renders this one value.
  public struct Model: Sendable {
    /// A line of the human formats: an item, or all missed occurrences of one duty.
    public struct Row: Sendable {
      /// The item (for a duty's missed occurrences, the first listed).
      public var item: OverdueList.Item
      /// For a duty: how many occurrences were missed (the schedule's exact count), and the last one's due day.
      public var missedCount = 1
      /// The due day of the last missed occurrence on the row.
      public var lastDue: Day?
      /// Whether the row is listed under a supporting unit (`support:`), repeating its lead unit's.
      public var isSupporting = false
    }

    /// One owner unit's rows, with the counts over the tasks it owns.
    public struct Group: Sendable {
      /// The unit (nil: tasks without an owner, listed last).
      public var owner: Int?
      /// The unit's counts over the leaves and duties it owns.
      public var counts: StatusCounts
      /// Its rows: its own, then those it supports.
      public var rows: [Row]
    }

    /// The items in the contract's order (the JSON and the CSV list these, one per missed occurrence).
    public var items: [OverdueList.Item]
    /// The rows grouped by owner in the plan's owner order, no owner last (empty when not asked for).
    public var groups: [Group]
    /// The counts over every task the report covers: the totals.
    public var counts: StatusCounts
    /// Each task's warning light, by task index.
    public var lights: WarningLights
    /// What each listed task (duties aside) holds up: the tasks downstream and their nearest deadline
    /// (empty when the groups were not asked for).
    public var holdsUp: [Int: (count: Int, nearestDeadline: Day?)]
    /// The number of missed occurrences listed, when the schedule lists fewer than there are.
    public var missedListedOfMore: Int?
  }

  /// The report's model: computed once per output. The groups and what each task holds up (a walk
  /// downstream of every late task, a quarter of a large table's time) are for the formats people
  /// read; `grouped: false` leaves them out for the JSON and the CSV, which list the items.
  public func model(grouped isGrouped: Bool = true) -> Model {
    let lights = warningRules.lightTable(plan: plan, schedule: schedule)
    var holdsUp: [Int: (count: Int, nearestDeadline: Day?)] = [:]
    var groups: [Model.Group] = []
    if isGrouped {
      var downstream = Downstream(plan: plan, schedule: schedule, tasks: list.items.map(\.task))
      for item in list.items where item.occurrence == nil && !plan.tasks[item.task].isDuty && holdsUp[item.task] == nil
      {
        let blocks = downstream.blocks(of: item.task)
        if blocks.count > 0 { holdsUp[item.task] = blocks }
      }
      let ownerCounts = ownerCounts()
      groups = grouped().map {
        Model.Group(owner: $0.owner, counts: ownerCounts[($0.owner ?? -1) + 1], rows: $0.rows)
      }
    }
    return Model(
      items: list.items, groups: groups, counts: list.counts, lights: lights, holdsUp: holdsUp,
      missedListedOfMore: schedule.hasMoreMissedOccurrences ? schedule.missedOccurrences.count : nil)
  }

  /// Each owner's counts (the tasks it owns; `nil`'s: those with no owner), tallied in one pass over
  /// the plan: counting per group line instead cost a pass per unit, 1 s of a 100,000-task table.
  ///
  /// Each owner's counts are at its index plus one, those of tasks with no owner at 0: tallied into an
  /// array, where a dictionary cost a hash per task, and only for the grouped formats that show them.
  private func ownerCounts() -> [StatusCounts] {
    var counts = [StatusCounts](repeating: StatusCounts(), count: plan.owners.count + 1)
    let tasks = plan.tasks
    let rows = schedule.tasks
    for i in tasks.indices where tasks[i].isLeaf || tasks[i].isDuty {
      counts[(tasks[i].owner ?? -1) + 1].add(rows[i], isDuty: tasks[i].isDuty)
    }
    return counts
  }

  /// Rows grouped by owner in the plan's owner order (no owner last); a duty's missed occurrences on one row.
  func grouped() -> [(owner: Int?, rows: [Model.Row])] {
    var rowsByOwner: [Int: [Model.Row]] = [:]
    var dutyRow: [Int: (owner: Int, index: Int)] = [:]
    for item in list.items {
      let key = plan.tasks[item.task].owner ?? -1
      if item.occurrence != nil, let existing = dutyRow[item.task] {
        let due = item.deadline
        let last = rowsByOwner[existing.owner, default: []][existing.index].lastDue
        if let due, last.map({ due > $0 }) ?? true {
          rowsByOwner[existing.owner, default: []][existing.index].lastDue = due
        }
        continue
      }
      if item.occurrence != nil { dutyRow[item.task] = (key, rowsByOwner[key, default: []].count) }
      // A duty's count is the schedule's, exact, however many of its occurrences are listed.
      let missed = item.occurrence == nil ? 1 : schedule.tasks[item.task].occurrences?.missed ?? 1
      rowsByOwner[key, default: []].append(Model.Row(item: item, missedCount: missed, lastDue: item.deadline))
    }
    // Each supporting unit lists the items it supports too, after its own, marked 配合, in the list's order.
    var supporting: [Int: [Model.Row]] = [:]
    for key in rowsByOwner.keys.sorted() {
      for row in rowsByOwner[key] ?? [] {
        for supporter in plan.tasks[row.item.task].support {
          var copy = row
          copy.isSupporting = true
          supporting[supporter, default: []].append(copy)
        }
      }
    }
    if !supporting.isEmpty {
      var position: [OverdueList.Item: Int] = [:]
      for (n, item) in list.items.enumerated() where position[item] == nil { position[item] = n }
      for (supporter, rows) in supporting {
        rowsByOwner[supporter, default: []] += rows.sorted {
          position[$0.item, default: 0] < position[$1.item, default: 0]
        }
      }
    }
    var result: [(owner: Int?, rows: [Model.Row])] = []
    for owner in plan.owners.indices { if let rows = rowsByOwner[owner] { result.append((owner, rows)) } }
    if let rows = rowsByOwner[-1] { result.append((nil, rows)) }
    return result
  }
}
