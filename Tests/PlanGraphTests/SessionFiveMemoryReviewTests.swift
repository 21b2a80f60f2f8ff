import Testing

@testable import PlanGraph

/// An independent review of the issue-18 memory branch (session five): the 48-byte `TaskSchedule` (flags
/// as bits, a duty's counts sharing the measurement's box), the overdue list made once sorted from keys,
/// the facts' arrays moved out into the constraints and the passes, and the summaries' rows kept only
/// for tasks with children. Each case states the promise it attacks, against a plain reference.
@Suite struct SessionFiveMemoryReviewTests {
  // MARK: - TaskSchedule: every property reads back what was written, in every combination

  /// One public property of a row: how to write a non-default value, clear it, and read it as text.
  private struct Property: Sendable {
    var name: String
    var set: @Sendable (inout TaskSchedule) -> Void
    var clear: @Sendable (inout TaskSchedule) -> Void
    var read: @Sendable (TaskSchedule) -> String
  }

  private static let measurement: Measurement = {
    guard let value = DecimalNumber("93.5") else { preconditionFailure("93.5 is a decimal") }
    return Measurement(date: Day(ordinal: 736_600), value: value)
  }()

  private static let properties: [Property] = [
    Property(
      name: "start", set: { $0.start = Day(ordinal: 736_000) }, clear: { $0.start = nil },
      read: { "\(String(describing: $0.start?.ordinal))" }),
    Property(
      name: "finish", set: { $0.finish = Day(ordinal: 736_001) }, clear: { $0.finish = nil },
      read: { "\(String(describing: $0.finish?.ordinal))" }),
    Property(
      name: "latestStart", set: { $0.latestStart = Day(ordinal: 736_002) }, clear: { $0.latestStart = nil },
      read: { "\(String(describing: $0.latestStart?.ordinal))" }),
    Property(
      name: "latestFinish", set: { $0.latestFinish = Day(ordinal: 736_003) }, clear: { $0.latestFinish = nil },
      read: { "\(String(describing: $0.latestFinish?.ordinal))" }),
    Property(
      name: "deadline", set: { $0.deadline = Day(ordinal: 736_004) }, clear: { $0.deadline = nil },
      read: { "\(String(describing: $0.deadline?.ordinal))" }),
    Property(
      name: "forecastFinish", set: { $0.forecastFinish = Day(ordinal: 736_005) },
      clear: { $0.forecastFinish = nil }, read: { "\(String(describing: $0.forecastFinish?.ordinal))" }),
    Property(
      name: "finishedOn", set: { $0.finishedOn = Day(ordinal: 736_006) }, clear: { $0.finishedOn = nil },
      read: { "\(String(describing: $0.finishedOn?.ordinal))" }),
    // 0 and negative slack are real values, not "none".
    Property(
      name: "slack", set: { $0.slack = -7 }, clear: { $0.slack = nil },
      read: { "\(String(describing: $0.slack))" }),
    Property(
      name: "daysOverdue", set: { $0.daysOverdue = 0 }, clear: { $0.daysOverdue = nil },
      read: { "\(String(describing: $0.daysOverdue))" }),
    Property(
      name: "status", set: { $0.status = .overdue }, clear: { $0.status = .onTrack },
      read: { $0.status.rawValue }),
    Property(
      name: "ownStatus", set: { $0.ownStatus = .blocked }, clear: { $0.ownStatus = .onTrack },
      read: { $0.ownStatus.rawValue }),
    Property(
      name: "isBlocked", set: { $0.isBlocked = true }, clear: { $0.isBlocked = false },
      read: { "\($0.isBlocked)" }),
    Property(
      name: "isCritical", set: { $0.isCritical = true }, clear: { $0.isCritical = false },
      read: { "\($0.isCritical)" }),
    Property(
      name: "isLate", set: { $0.isLate = true }, clear: { $0.isLate = false }, read: { "\($0.isLate)" }),
    Property(
      name: "latestMeasurement", set: { $0.latestMeasurement = Self.measurement },
      clear: { $0.latestMeasurement = nil },
      read: { "\(String(describing: $0.latestMeasurement))" }),
    // Zero counts are a duty with no occurrences, not "no counts".
    Property(
      name: "occurrences", set: { $0.occurrences = (total: 0, due: 0, missed: 0) },
      clear: { $0.occurrences = nil },
      read: { $0.occurrences.map { "\($0.total)/\($0.due)/\($0.missed)" } ?? "nil" }),
  ]

  /// Every property's reading of `row`.
  private static func readings(_ row: TaskSchedule) -> [String] { properties.map { $0.read(row) } }

  /// A row with the properties in `mask` set, written in the order given.
  private static func row(_ mask: Int, order: [Int]) -> TaskSchedule {
    var row = TaskSchedule()
    for p in order where mask & (1 << p) != 0 { properties[p].set(&row) }
    return row
  }

  @Test func everySubsetOfPropertiesReadsBackInAnyOrderAndEqualsItself() {
    let count = Self.properties.count
    let empty = Self.readings(TaskSchedule())
    let set = Self.properties.map { property -> String in
      var row = TaskSchedule()
      property.set(&row)
      return property.read(row)
    }
    #expect(zip(empty, set).allSatisfy { $0 != $1 }, "every set value must read differently from the default")
    var failures = 0
    var generator = SplitMix(seed: 18)
    for mask in 0..<(1 << count) {
      let forward = Self.row(mask, order: Array(0..<count))
      let backward = Self.row(mask, order: Array((0..<count).reversed()))
      let expected = (0..<count).map { mask & (1 << $0) != 0 ? set[$0] : empty[$0] }
      if Self.readings(forward) != expected || forward != backward || forward.hashValue != backward.hashValue {
        failures += 1
        if failures < 5 { Issue.record("mask \(String(mask, radix: 2)): \(Self.readings(forward)) vs \(expected)") }
      }
      // Then clear a random subset (in a random order): the row must equal one built with the rest only.
      let clearMask = Int(generator.next() % UInt64(1 << count))
      var cleared = forward
      for p in (0..<count).shuffled(using: &generator) where clearMask & (1 << p) != 0 {
        Self.properties[p].clear(&cleared)
      }
      let rest = Self.row(mask & ~clearMask, order: Array(0..<count))
      if cleared != rest || cleared.hashValue != rest.hashValue || Self.readings(cleared) != Self.readings(rest) {
        failures += 1
        if failures < 5 {
          Issue.record(
            "mask \(String(mask, radix: 2)) cleared \(String(clearMask, radix: 2)): differs from a fresh row")
        }
      }
    }
    #expect(failures == 0)
  }

  @Test func aDutysCountsSurviveTheMeasurementBeingClearedAndTheOtherWayRound() {
    var row = TaskSchedule()
    row.occurrences = (total: 5, due: 4, missed: 2)
    row.latestMeasurement = Self.measurement
    row.latestMeasurement = nil
    #expect(row.occurrences.map { [$0.total, $0.due, $0.missed] } == [5, 4, 2])
    var only = TaskSchedule()
    only.occurrences = (total: 5, due: 4, missed: 2)
    #expect(row == only && row.hashValue == only.hashValue)

    row.latestMeasurement = Self.measurement
    row.occurrences = nil
    #expect(row.latestMeasurement == Self.measurement && row.occurrences == nil)
    var measured = TaskSchedule()
    measured.latestMeasurement = Self.measurement
    #expect(row == measured && row.hashValue == measured.hashValue)

    // Both cleared: the emptied box must equal no box.
    row.latestMeasurement = nil
    #expect(row == TaskSchedule() && row.hashValue == TaskSchedule().hashValue)
    #expect(Set([row, TaskSchedule()]).count == 1)

    // Rows sharing a box (copies) stay independent: a box is never changed in place.
    var a = TaskSchedule()
    a.occurrences = (total: 3, due: 2, missed: 1)
    var b = a
    b.occurrences = (total: 9, due: 9, missed: 9)
    b.latestMeasurement = Self.measurement
    #expect(a.occurrences.map { [$0.total, $0.due, $0.missed] } == [3, 2, 1] && a.latestMeasurement == nil)
    // Counts differing only in `due` or `missed` are different rows.
    var c = a
    c.occurrences = (total: 3, due: 2, missed: 0)
    #expect(a != c)
    c.occurrences = (total: 3, due: 1, missed: 1)
    #expect(a != c)
  }

  @Test func flagsAreIndependentBitsAndTheRowIs48Bytes() {
    #expect(MemoryLayout<TaskSchedule>.size <= 48)
    for mask in 0..<8 {
      var row = TaskSchedule()
      row.isBlocked = mask & 1 != 0
      row.isCritical = mask & 2 != 0
      row.isLate = mask & 4 != 0
      // Setting a flag to the value it has, and clearing one, leave the others.
      row.isBlocked = row.isBlocked
      row.isCritical = !row.isCritical
      row.isCritical = !row.isCritical
      #expect([row.isBlocked, row.isCritical, row.isLate] == [mask & 1 != 0, mask & 2 != 0, mask & 4 != 0])
    }
  }

  @Test func extremeCountsAndDaysClampRatherThanReadAsNone() {
    var row = TaskSchedule()
    row.occurrences = (total: Int.max, due: Int.min, missed: -1)
    let counts = row.occurrences
    #expect(counts?.total == Int(Int32.max) && counts?.due == Int(Int32.min) && counts?.missed == -1)
    row.slack = Int.min
    #expect(row.slack == Int(Int32.min) + 1)
    row.deadline = Day(ordinal: Int.min)
    #expect(row.deadline != nil)
  }

  // MARK: - Random plans with duties, ties and long shared id prefixes

  /// Ids sharing their first eight UTF-8 bytes (and one cut inside a character), so that the overdue
  /// list's id prefix ties and the full ids decide.
  private static let ids = [
    "abcdefgh", "abcdefgh1", "abcdefgh0", "abcdefgi", "任务甲", "任务乙", "任务", "a", "b", "z-9", "abcdefg",
  ]
  /// Period ends (a Sunday, month ends), so that task deadlines tie with missed occurrences' due days.
  private static let deadlines = ["2017-09-10", "2017-09-30", "2017-10-31", "2017-11-20", "2017-12-31"]

  private static func plan(seed: UInt64) -> String {
    var random = SplitMix(seed: seed)
    var text =
      "plan: p\nstart: 2017-09-01\nowner: o1\nowners:\n  - { id: o1, name: 一 }\n  - { id: o2, name: 二 }\ntasks:\n"
    func leaf(_ id: String, _ indent: String) {
      var fields = ["id: \(id)", "name: 任\(id)", "duration: \(1 + random.below(12))d"]
      if random.below(3) != 0 { fields.append("deadline: \(deadlines[random.below(deadlines.count)])") }
      switch random.below(7) {
      case 0: fields.append("status: blocked")
      case 1: fields.append("status: cancelled")
      case 2: fields.append("status: done")
      case 3: fields.append("status: active, progress: \(10 * random.below(10))%")
      default: break
      }
      text += "\(indent)- { \(fields.joined(separator: ", ")) }\n"
    }
    func duty(_ id: String, _ indent: String) {
      let every = ["week", "month", "quarter"][random.below(3)]
      var fields = ["id: \(id)", "name: 责\(id)", "every: \(every)"]
      if random.below(4) == 0 { fields.append("status: blocked") }
      // Starting in the as-of dates' month or week: no missed occurrence yet, the current one due soon.
      if random.below(3) == 0 { fields.append("from: \(["2017-09-25", "2017-11-01", "2017-11-13"][random.below(3)])") }
      text += "\(indent)- { \(fields.joined(separator: ", ")) }\n"
    }
    func node(_ id: String, _ indent: String, depth: Int) {
      let kind = random.below(depth > 1 ? 3 : 5)
      if kind == 0 {
        duty(id, indent)
        return
      }
      guard kind >= 3 else {
        leaf(id, indent)
        return
      }
      text += "\(indent)- id: \(id)\n\(indent)  name: 总\(id)\n"
      if random.below(2) == 0 { text += "\(indent)  owner: o\(1 + random.below(2))\n" }
      if random.below(3) == 0 { text += "\(indent)  deadline: \(deadlines[random.below(deadlines.count)])\n" }
      if random.below(6) == 0 { text += "\(indent)  status: cancelled\n" }
      text += "\(indent)  tasks:\n"
      for child in ids.shuffled(using: &random).prefix(1 + random.below(4)) {
        node(child, indent + "    ", depth: depth + 1)
      }
    }
    for id in ids.shuffled(using: &random).prefix(3 + random.below(ids.count - 3)) {
      node(id, "  ", depth: 0)
    }
    return text
  }

  private static func load(_ text: String) -> Plan? {
    let result = PlanLoader.load(text: text)
    return result.diagnostics.contains { $0.severity == .error } ? nil : result.plan
  }

  /// The list as the contract states it, built and sorted plainly: by status, most days overdue, deadline
  /// (none last), full id by code point, then tasks in plan order before missed occurrences in theirs.
  private static func referenceItems(_ plan: Plan, _ schedule: Schedule) -> [OverdueList.Item] {
    var items: [OverdueList.Item] = []
    for i in plan.tasks.indices {
      let task = plan.tasks[i]
      let row = schedule.tasks[i]
      if task.isDuty {
        if row.status == .dueSoon, let due = row.deadline, let every = task.recurrence {
          items.append(
            .init(
              task: i, status: .dueSoon, isBlocked: row.isBlocked, deadline: due, forecastFinish: nil,
              daysOverdue: nil, occurrence: Occurrence(task: i, period: every.period(containing: due))))
        } else if row.status == .blocked {
          items.append(
            .init(
              task: i, status: .blocked, isBlocked: true, deadline: nil, forecastFinish: nil, daysOverdue: nil,
              occurrence: nil))
        }
        continue
      }
      let status = row.ownStatus
      guard [.overdue, .atRisk, .dueSoon].contains(status) || (status == .blocked && !task.isSummary) else {
        continue
      }
      items.append(
        .init(
          task: i, status: status, isBlocked: row.isBlocked, deadline: row.deadline,
          forecastFinish: row.forecastFinish,
          daysOverdue: status == .overdue ? row.deadline.map { schedule.asOf.days(since: $0) } : nil,
          occurrence: nil))
    }
    for occurrence in schedule.missedOccurrences {
      items.append(
        .init(
          task: occurrence.task, status: .overdue, isBlocked: schedule.tasks[occurrence.task].isBlocked,
          deadline: occurrence.due, forecastFinish: nil, daysOverdue: schedule.asOf.days(since: occurrence.due),
          occurrence: occurrence))
    }
    func rank(_ s: ScheduleStatus) -> Int { [.overdue, .atRisk, .dueSoon, .blocked].firstIndex(of: s) ?? 4 }
    let ids = plan.tasks.map { Array($0.fullID.utf8) }
    return items.enumerated().sorted { x, y in
      let (a, b) = (x.element, y.element)
      if rank(a.status) != rank(b.status) { return rank(a.status) < rank(b.status) }
      if (a.daysOverdue ?? 0) != (b.daysOverdue ?? 0) { return (a.daysOverdue ?? 0) > (b.daysOverdue ?? 0) }
      let (da, db) = (a.deadline?.ordinal ?? .max, b.deadline?.ordinal ?? .max)
      if da != db { return da < db }
      if ids[a.task] != ids[b.task] { return ids[a.task].lexicographicallyPrecedes(ids[b.task]) }
      return x.offset < y.offset
    }.map(\.element)
  }

  @Test(arguments: 0..<60)
  func theOverdueListIsTheReferenceOrderIncludingTies(_ seed: Int) throws {
    let text = Self.plan(seed: UInt64(seed) &* 7919 &+ 3)
    let plan = try #require(Self.load(text), "seed \(seed) did not load:\n\(text)")
    for asOf in ["2017-09-25", "2017-11-15", "2018-02-01"] {
      let schedule = try Scheduler(plan: plan).schedule(asOf: day(asOf), window: 30)
      let expected = Self.referenceItems(plan, schedule)
      let list = OverdueList(plan: plan, schedule: schedule)
      #expect(list.items == expected, "seed \(seed) as of \(asOf)")
      // An owner filter only drops items: the rest keep their order.
      for owners in [Set([0]), Set([1]), Set<Int>()] {
        let filtered = OverdueList(plan: plan, schedule: schedule, owners: owners).items
        let kept = expected.filter { ReportText.isIncluded($0.task, owners: owners, in: plan) }
        #expect(filtered == kept, "seed \(seed) as of \(asOf), owners \(owners)")
      }
    }
  }

  @Test func tiesOnDeadlineAndIdPrefixBetweenTasksAndOccurrences() throws {
    // A task and two weekly duties, all due on Sunday 2017-09-10, ids equal in their first eight bytes.
    let text = """
      plan: p
      start: 2017-09-01
      owner: o
      owners: [{ id: o, name: 组 }]
      tasks:
        - { id: abcdefgh2, name: 乙, every: week }
        - { id: abcdefgh1, name: 甲, duration: 2d, deadline: 2017-09-10 }
        - { id: abcdefgh, name: 丙, every: week }
        - { id: abcdefgh10, name: 丁, duration: 2d, deadline: 2017-09-10 }

      """
    let plan = try #require(Self.load(text))
    let schedule = try Scheduler(plan: plan).schedule(asOf: day("2017-09-20"), window: 30)
    let items = OverdueList(plan: plan, schedule: schedule).items
    #expect(items == Self.referenceItems(plan, schedule))
    // Among the items due on 09-10 (ten days overdue): the full ids decide, occurrences and tasks mixed.
    let tied = items.filter { $0.deadline == day("2017-09-10") }.map { plan.tasks[$0.task].id }
    #expect(tied == ["abcdefgh", "abcdefgh1", "abcdefgh10", "abcdefgh2"])
  }

  @Test func theRandomPlansReachEveryKindOfItemAndTie() throws {
    var kinds = Set<String>()
    var prefixTies = 0
    for seed in 0..<60 {
      let plan = try #require(Self.load(Self.plan(seed: UInt64(seed) &* 7919 &+ 3)))
      let schedule = try Scheduler(plan: plan).schedule(asOf: day("2017-11-15"), window: 30)
      let items = OverdueList(plan: plan, schedule: schedule).items
      for item in items {
        kinds.insert("\(item.status.rawValue)\(item.occurrence == nil ? "" : "+occurrence")")
      }
      for (a, b) in zip(items, items.dropFirst())
      where a.status == b.status && a.deadline == b.deadline && a.daysOverdue == b.daysOverdue && a.task != b.task
        && plan.tasks[a.task].fullID.utf8.prefix(8).elementsEqual(plan.tasks[b.task].fullID.utf8.prefix(8))
      {
        prefixTies += 1
      }
    }
    #expect(
      kinds.isSuperset(of: ["overdue", "overdue+occurrence", "at-risk", "due-soon", "due-soon+occurrence", "blocked"]),
      "\(kinds)")
    #expect(prefixTies > 0)
  }

  @Test func theBundledPlansOverdueListIsTheReferenceOrderOnManyDates() throws {
    let plan = try #require(ChengquPlanTests.loaded.plan)
    var listed = 0
    let scheduler = try Scheduler(plan: plan)
    for date in ["2017-09-15", "2017-11-30", "2018-01-15", "2018-06-30", "2019-12-31", "2026-11-29"] {
      let schedule = try scheduler.schedule(asOf: day(date), window: 30)
      let items = OverdueList(plan: plan, schedule: schedule).items
      #expect(items == Self.referenceItems(plan, schedule), "as of \(date)")
      listed += items.count
    }
    #expect(listed > 50)
  }

  // MARK: - Facts moved out, then the passes and summaries

  @Test(arguments: 0..<30)
  func oneSchedulerAskedTwiceAgreesWithFreshSchedulers(_ seed: Int) throws {
    let text = Self.plan(seed: UInt64(seed) &* 104_729 &+ 11)
    let plan = try #require(Self.load(text), "seed \(seed) did not load:\n\(text)")
    let scheduler = try Scheduler(plan: plan)
    let dates = ["2018-02-01", "2017-09-25", "2017-11-15", "2017-09-25"]
    for date in dates {
      let reused = try scheduler.schedule(asOf: day(date), window: 30)
      let fresh = try Scheduler(plan: plan).schedule(asOf: day(date), window: 30)
      #expect(reused == fresh, "seed \(seed) as of \(date)")
      #expect(reused.tasks.map(\.hashValue) == fresh.tasks.map(\.hashValue))
    }
  }

  @Test(arguments: 0..<40)
  func summariesRollUpTheirChildrenAndChildlessTasksKeepTheirOwnStatus(_ seed: Int) throws {
    let text = Self.plan(seed: UInt64(seed) &* 31 &+ 5)
    let plan = try #require(Self.load(text), "seed \(seed) did not load:\n\(text)")
    for date in ["2017-09-25", "2017-11-15"] {
      let schedule = try Scheduler(plan: plan).schedule(asOf: day(date), window: 30)
      for i in plan.tasks.indices {
        let row = schedule.tasks[i]
        let children = plan.tasks[i].children
        let label = "seed \(seed) as of \(date), \(plan.tasks[i].fullID)"
        guard !children.isEmpty else {
          #expect(row.status == row.ownStatus, "\(label)")
          continue
        }
        guard row.status != .cancelled else { continue }
        let live = children.filter { schedule.tasks[$0].status != .cancelled }
        // Children all live: the worst of its own and theirs; blocked when any of them is.
        guard live.count == children.count else { continue }
        let worst = live.map { schedule.tasks[$0].status.severity }.max() ?? 0
        #expect(row.status.severity == max(row.ownStatus.severity, worst), "\(label)")
        #expect(row.isBlocked == live.contains { schedule.tasks[$0].isBlocked }, "\(label)")
        // Done leaves below, all of them dated: finished on the latest.
        let lateChild = live.compactMap { schedule.tasks[$0].status == .overdue ? schedule.tasks[$0].daysOverdue : nil }
          .max()
        if let lateChild { #expect((row.daysOverdue ?? .min) >= lateChild, "\(label)") }
      }
    }
  }

  @Test func aSummaryOfOnlyDutiesAndOneOfOnlyCancelledLeaves() throws {
    let text = """
      plan: p
      start: 2017-09-01
      owner: o
      owners: [{ id: o, name: 组 }]
      tasks:
        - id: duties
          name: 责
          deadline: 2017-12-31
          tasks:
            - { id: w, name: 周, every: week, status: blocked }
        - id: gone
          name: 消
          tasks:
            - { id: x, name: 叉, duration: 3d, status: cancelled }
            - { id: m, name: 月, every: month }
        - { id: after, name: 后, duration: 2d, after: [gone] }

      """
    let plan = try #require(Self.load(text))
    let schedule = try Scheduler(plan: plan).schedule(asOf: day("2017-10-15"), window: 30)
    let row = { (id: String) in schedule.tasks[plan.taskIndex(id)!] }
    // A summary with no leaves: not critical, not done, blocked by its duty, rolled up to overdue.
    #expect(!row("duties").isCritical && row("duties").finishedOn == nil)
    #expect(row("duties").isBlocked)
    #expect(row("duties").status == .overdue)
    // A summary whose leaves are all cancelled is cancelled; its live duty's missed weeks roll past it.
    #expect(row("gone").status == .cancelled && row("gone").ownStatus == .cancelled)
    #expect(row("after").start == day("2017-09-01"))
  }
}
