import PlanGraph
import PropertyBased
import Testing

/// The v2 status rules against a naive implementation written from the contract's words: on random plans
/// with nested summaries (own deadlines, starts, `after`), done, active, blocked and cancelled tasks,
/// progress, targets with measurements and recurring duties, as of random dates with random windows.
@Suite struct StatusPropertyTests {
  /// Random numbers from a list, so the property library's generator drives the plan.
  struct Dice {
    var numbers: [Int]
    var next = 0
    mutating func roll(_ count: Int) -> Int {
      defer { next += 1 }
      return numbers.isEmpty ? 0 : numbers[next % numbers.count] % max(count, 1)
    }
    mutating func chance(_ percent: Int) -> Bool { roll(100) < percent }
  }

  /// A random plan as YAML, with an as-of date and window.
  static func randomPlan(_ numbers: [Int]) -> (yaml: String, asOf: String, window: Int) {
    var dice = Dice(numbers: numbers)
    let start = day("2017-09-01")
    func date(_ offset: Int) -> String { start.adding(days: offset).iso }
    let leafCount = 3 + dice.roll(14)
    // Groups: 0 top level, 1 and 2 top summaries, 3 a summary inside 1.
    var groupOf: [Int] = []
    var leafLines: [String] = []
    for i in 0..<leafCount {
      let group = dice.roll(4)
      groupOf.append(group)
      var fields = ["id: t\(i)", "name: 任务\(i)", "duration: \(dice.roll(30))d"]
      if i > 0, dice.chance(40) {
        let p = dice.roll(i)
        fields.append("after: [\(fullID(p, groupOf[p]))]")
      }
      if dice.chance(50) { fields.append("deadline: \(date(dice.roll(160)))") }
      if dice.chance(15) { fields.append("start: \(date(dice.roll(60)))") }
      if dice.chance(25) {
        fields.append("target: { metric: 指标, op: \"\(dice.chance(50) ? ">=" : "<=")\", value: \(dice.roll(100)) }")
        let count = dice.roll(4)
        if count > 0 {
          let values = (0..<count).map { _ in "{ date: \(date(dice.roll(200))), value: \(dice.roll(120)) }" }
          fields.append("measurements: [\(values.joined(separator: ", "))]")
        }
        if dice.chance(30) { fields.append("progress: \(dice.roll(101))%") }
        if dice.chance(20) { fields.append(["status: active", "status: blocked", "status: cancelled"][dice.roll(3)]) }
      } else {
        switch dice.roll(8) {
        case 0: fields.append("status: active")
        case 1: fields.append("status: blocked")
        case 2: fields.append("status: cancelled")
        case 3: fields.append("done: \(date(dice.roll(200)))")
        case 4: fields.append("status: done")
        default: break
        }
        if dice.chance(30) { fields.append("progress: \(dice.roll(101))%") }
      }
      leafLines.append("{ " + fields.joined(separator: ", ") + " }")
    }
    var dutyLines: [(group: Int, text: String)] = []
    for d in 0..<dice.roll(4) {
      var fields = ["id: d\(d)", "name: 例行\(d)", "every: \(["week", "month", "quarter"][dice.roll(3)])"]
      if dice.chance(60) { fields.append("from: \(date(dice.roll(120) - 10))") }
      if dice.chance(30) { fields.append("until: \(date(dice.roll(200)))") }
      let held = (0..<dice.roll(6)).map { _ in date(dice.roll(200)) }
      if !held.isEmpty { fields.append("done: [\(held.joined(separator: ", "))]") }
      if dice.chance(20) { fields.append(dice.chance(50) ? "status: blocked" : "status: cancelled") }
      dutyLines.append((dice.roll(4), "{ " + fields.joined(separator: ", ") + " }"))
    }
    func members(_ group: Int, indent: String) -> String {
      var text = ""
      for i in 0..<leafCount where groupOf[i] == group { text += indent + "- " + leafLines[i] + "\n" }
      for duty in dutyLines where duty.group == group { text += indent + "- " + duty.text + "\n" }
      return text
    }
    func summary(_ g: Int, indent: String, inner: String) -> String {
      var text = indent + "- id: s\(g)\n" + indent + "  name: 阶段\(g)\n"
      if dice.chance(50) { text += indent + "  deadline: \(date(dice.roll(160)))\n" }
      if dice.chance(15) { text += indent + "  start: \(date(dice.roll(40)))\n" }
      if g == 2, dice.chance(10) { text += indent + "  status: cancelled\n" }
      let body = members(g, indent: indent + "    ") + inner
      if body.isEmpty { return "" }
      return text + indent + "  tasks:\n" + body
    }
    var yaml = header + members(0, indent: "  ")
    yaml += summary(1, indent: "  ", inner: summary(3, indent: "      ", inner: ""))
    yaml += summary(2, indent: "  ", inner: "")
    return (yaml, date(dice.roll(220) - 10), dice.roll(45))
  }

  static func fullID(_ i: Int, _ group: Int) -> String {
    ["t\(i)", "s1.t\(i)", "s2.t\(i)", "s1.s3.t\(i)"][group]
  }

  /// The contract's status rules, naively: what each task's status, own status, blocked flag, days overdue
  /// and forecast finish should be, the counts, and the overdue items.
  struct Naive {
    var status: [ScheduleStatus]
    var ownStatus: [ScheduleStatus]
    var blocked: [Bool]
    var daysOverdue: [Int?]
    var forecastFinish: [Int?]
    var counts = StatusCounts()
    var items: [(id: String, status: ScheduleStatus, deadline: Int?, days: Int?)] = []

    init(plan: Plan, planned: Schedule, asOf: Int, window: Int) {
      let n = plan.tasks.count
      let tasks = plan.tasks
      func ancestors(_ i: Int) -> [Int] {
        var result = [i]
        var current = tasks[i].parent
        while let c = current {
          result.append(c)
          current = tasks[c].parent
        }
        return result
      }
      func leaves(_ i: Int) -> [Int] {
        tasks[i].isLeaf ? [i] : tasks[i].children.flatMap(leaves)
      }
      func children(_ i: Int) -> [Int] { tasks[i].children }
      func descendants(_ i: Int) -> [Int] { children(i).flatMap { [$0] + descendants($0) } }
      var cancelled = (0..<n).map { i in ancestors(i).contains { tasks[$0].status == .cancelled } }
      for i in (0..<n).reversed() where tasks[i].isSummary {
        let below = leaves(i)
        if !below.isEmpty && below.allSatisfy({ cancelled[$0] }) { cancelled[i] = true }
      }
      func deadline(_ i: Int) -> Int? { ancestors(i).compactMap { tasks[$0].deadline?.ordinal }.min() }
      func startConstraint(_ i: Int) -> Int { ancestors(i).compactMap { tasks[$0].start?.ordinal }.max() ?? .min }
      let predecessors = SchedulerPropertyTests.effectivePredecessors(plan)
      let planStart = plan.start.ordinal

      // What is known on the as-of date.
      struct Known {
        var done = false
        var doneOn: Int?
        var metOn: Int?
        var started = false
        var progress = 0
      }
      func known(_ i: Int) -> Known {
        let task = tasks[i]
        var k = Known()
        if let target = task.target {
          var byDay: [Int: DecimalNumber] = [:]
          for m in task.measurements where m.date.ordinal <= asOf { byDay[m.date.ordinal] = m.value }
          let days = byDay.keys.sorted()
          func value(_ day: Int) -> DecimalNumber { byDay[day] ?? target.value }
          if let last = days.last, target.isMet(by: value(last)) {
            var first = days.count - 1
            while first > 0, target.isMet(by: value(days[first - 1])) { first -= 1 }
            k.done = true
            k.metOn = days[first]
            return k
          }
          k.started = !days.isEmpty || task.status == .active || (task.progress ?? 0) > 0
          if let given = task.progress {
            k.progress = given
          } else if let firstDay = days.first, let lastDay = days.last {
            let m0 = value(firstDay).doubleValue
            let m = value(lastDay).doubleValue
            let v = target.value.doubleValue
            // Integers only in these plans, so Double is exact here.
            k.progress = v == m0 ? 0 : min(99, max(0, Int((100 * (m - m0) / (v - m0)).rounded(.down))))
          }
          return k
        }
        if let on = task.doneDate, on.ordinal <= asOf {
          k.done = true
          k.doneOn = on.ordinal
          return k
        }
        if task.doneDate == nil, task.status == .done {
          k.done = true
          return k
        }
        k.started = task.status == .active || (task.progress ?? 0) > 0
        k.progress = task.progress ?? 0
        return k
      }

      // The forecast: a memoised forward pass over leaves, half-open ends.
      var end = [Int?](repeating: nil, count: n)
      func forecastEnd(_ i: Int) -> Int {
        if let e = end[i] { return e }
        var ready = planStart
        for p in predecessors[i] { ready = max(ready, forecastEnd(p)) }
        let days = tasks[i].duration?.days ?? 0
        let k = known(i)
        let result: Int
        if cancelled[i] {
          result = ready
        } else if let met = k.metOn {
          result = met + 1
        } else if k.done {
          let finish = planned.tasks[i].finish?.ordinal ?? 0
          result = days == 0 ? finish : finish + 1
        } else if k.started {
          let begin = max(ready, startConstraint(i))
          result = max(begin + days, asOf + (days * (100 - k.progress) + 99) / 100)
        } else {
          result = max(ready, startConstraint(i), asOf) + days
        }
        end[i] = result
        return result
      }

      status = [ScheduleStatus](repeating: .onTrack, count: n)
      daysOverdue = [Int?](repeating: nil, count: n)
      forecastFinish = [Int?](repeating: nil, count: n)
      blocked = (0..<n).map { tasks[$0].status == .blocked && !tasks[$0].isSummary }
      var isDone = [Bool](repeating: false, count: n)
      func table(_ done: Bool, _ deadline: Int?, _ forecast: Int?, _ marked: Bool) -> (ScheduleStatus, Int?) {
        if done { return (.done, nil) }
        if let deadline, deadline < asOf { return (.overdue, asOf - deadline) }
        if let deadline, let forecast, forecast > deadline { return (.atRisk, nil) }
        if let deadline, deadline <= asOf + window { return (.dueSoon, nil) }
        return (marked ? .blocked : .onTrack, nil)
      }
      for i in 0..<n where tasks[i].isLeaf {
        let e = forecastEnd(i)
        forecastFinish[i] = (tasks[i].duration?.days ?? 0) == 0 ? e : e - 1
        if cancelled[i] {
          status[i] = .cancelled
          continue
        }
        isDone[i] = known(i).done
        (status[i], daysOverdue[i]) = table(isDone[i], deadline(i), forecastFinish[i], blocked[i])
      }
      var pendingDue = [Int?](repeating: nil, count: n)
      var missedDue: [[Int]] = Array(repeating: [], count: n)
      for i in 0..<n where tasks[i].isDuty {
        if cancelled[i] {
          status[i] = .cancelled
          continue
        }
        guard let every = tasks[i].recurrence else { continue }
        let from = tasks[i].recurrenceFrom ?? plan.start
        let until = tasks[i].recurrenceUntil ?? Day(ordinal: asOf)
        let held = tasks[i].heldDates.filter { $0.ordinal <= asOf }
        // Walk the periods from the one holding `from`.
        var period = every.period(containing: from)
        while from <= until, period.lowerBound <= until {
          if period.upperBound.ordinal < asOf, !held.contains(where: { period.contains($0) }) {
            missedDue[i].append(period.upperBound.ordinal)
          }
          period = every.period(containing: period.upperBound.adding(days: 1))
        }
        let current = every.period(containing: Day(ordinal: asOf))
        // A written `until` before `from` leaves the duty without occurrences, the current one too.
        let isEmpty = tasks[i].recurrenceUntil.map { $0 < from } ?? false
        if !isEmpty, current.lowerBound <= until, current.upperBound >= from,
          !held.contains(where: { current.contains($0) })
        {
          pendingDue[i] = current.upperBound.ordinal
        }
        if let first = missedDue[i].first {
          status[i] = .overdue
          daysOverdue[i] = asOf - first
        } else if let due = pendingDue[i], due <= asOf + window {
          status[i] = .dueSoon
        } else {
          status[i] = blocked[i] ? .blocked : .onTrack
        }
      }
      ownStatus = status
      for i in (0..<n).reversed() where tasks[i].isSummary {
        if cancelled[i] {
          status[i] = .cancelled
          ownStatus[i] = .cancelled
          continue
        }
        let live = leaves(i).filter { !cancelled[$0] }
        let done = !live.isEmpty && live.allSatisfy { isDone[$0] }
        isDone[i] = done
        forecastFinish[i] = live.compactMap { forecastFinish[$0] }.max()
        let (own, ownDays) = table(done, deadline(i), forecastFinish[i], false)
        ownStatus[i] = own
        // Everything non-cancelled anywhere below, even under a summary cancelled because its leaves all are.
        let liveBelow = descendants(i).filter { status[$0] != .cancelled }
        // The contract's order, written out here rather than taken from the library.
        let order: [ScheduleStatus] = [.done, .onTrack, .blocked, .dueSoon, .atRisk, .overdue]
        status[i] =
          ([own] + liveBelow.map { status[$0] }).max {
            (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0)
          } ?? own
        let late = ([ownDays] + liveBelow.map { status[$0] == .overdue ? daysOverdue[$0] : nil }).compactMap { $0 }
        daysOverdue[i] = late.max()
        blocked[i] = liveBelow.contains { !tasks[$0].isSummary && blocked[$0] }
        if own == .overdue { items.append((tasks[i].fullID, own, deadline(i), ownDays)) }
        if own == .atRisk || own == .dueSoon { items.append((tasks[i].fullID, own, deadline(i), nil)) }
      }
      for i in 0..<n where (tasks[i].isLeaf || tasks[i].isDuty) {
        let s = status[i]
        if s == .cancelled {
          counts.cancelled += 1
          continue
        }
        counts.tasks += 1
        if tasks[i].isLeaf { counts.leaves += 1 }
        if blocked[i] { counts.markedBlocked += 1 }
        switch s {
        case .done: counts.done += 1
        case .overdue: counts.overdue += 1
        case .atRisk: counts.atRisk += 1
        case .dueSoon: counts.dueSoon += 1
        case .blocked: counts.blocked += 1
        default: counts.onTrack += 1
        }
        if tasks[i].isDuty {
          counts.missedOccurrences += missedDue[i].count
          for due in missedDue[i] { items.append((tasks[i].fullID, .overdue, due, asOf - due)) }
          if s == .dueSoon { items.append((tasks[i].fullID, .dueSoon, pendingDue[i], nil)) }
          if s == .blocked { items.append((tasks[i].fullID, .blocked, nil, nil)) }
        } else if s != .done && s != .onTrack {
          items.append((tasks[i].fullID, s, deadline(i), daysOverdue[i]))
        }
      }
      let rank: [ScheduleStatus: Int] = [.overdue: 0, .atRisk: 1, .dueSoon: 2, .blocked: 3]
      items.sort { a, b in
        if a.status != b.status { return rank[a.status, default: 4] < rank[b.status, default: 4] }
        if (a.days ?? 0) != (b.days ?? 0) { return (a.days ?? 0) > (b.days ?? 0) }
        if a.deadline != b.deadline { return (a.deadline ?? .max) < (b.deadline ?? .max) }
        return Array(a.id.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.id.unicodeScalars.map(\.value))
      }
    }
  }

  @Test func statusesCountsAndOverdueItemsFollowTheV2RulesFieldForField() async {
    await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000).array(of: 300...300)) { numbers in
      let (yaml, asOf, window) = Self.randomPlan(numbers)
      guard let s = try? Scheduled(yaml, asOf: asOf, window: window) else {
        Issue.record("plan did not load:\n\(yaml)")
        return
      }
      let naive = Naive(plan: s.plan, planned: s.schedule, asOf: s.schedule.asOf.ordinal, window: window)
      for (i, task) in s.plan.tasks.enumerated() {
        let row = s.schedule.tasks[i]
        let context = "\(task.fullID) as of \(asOf), window \(window):\n\(yaml)"
        #expect(row.status == naive.status[i], "status of \(context)")
        #expect(row.ownStatus == naive.ownStatus[i], "ownStatus of \(context)")
        #expect(row.isBlocked == naive.blocked[i], "blocked of \(context)")
        if row.status != .cancelled {
          #expect(row.daysOverdue == naive.daysOverdue[i], "daysOverdue of \(context)")
        }
        if task.isLeaf && row.status != .cancelled {
          #expect(row.forecastFinish?.ordinal == naive.forecastFinish[i], "forecast of \(context)")
        }
      }
      #expect(s.schedule.counts == naive.counts, "counts as of \(asOf):\n\(yaml)")
      let list = OverdueList(plan: s.plan, schedule: s.schedule)
      let got = list.items.map {
        "\(s.plan.tasks[$0.task].fullID) \($0.status) \($0.deadline?.iso ?? "-") \($0.daysOverdue ?? -1)"
      }
      let want = naive.items.map {
        "\($0.id) \($0.status) \($0.deadline.map { Day(ordinal: $0).iso } ?? "-") \($0.days ?? -1)"
      }
      #expect(got == want, "items as of \(asOf), window \(window):\n\(yaml)")
    }
  }
}
