import PlanGraph
import PropertyBased
import Testing

/// Properties every schedule must have, on random acyclic plans with summaries and dependencies.
@Suite struct SchedulerPropertyTests {
  /// A random plan: leaf durations, dependencies between earlier and later leaves, leaves grouped
  /// under up to five summaries (some with their own `after`), and optionally deadlines and start
  /// constraints (days after the plan start; 0 for none).
  static func plan(
    durations: [Int], links: [Int], groups: [Int], withDeadlines: [Int] = [], starts: [Int] = []
  ) -> String {
    let n = durations.count
    var after = [[String]](repeating: [], count: n)
    for pair in stride(from: 0, to: links.count - 1, by: 2) {
      let (x, y) = (links[pair] % n, links[pair + 1] % n)
      if x < y && !after[y].contains("t\(x)") { after[y].append("t\(x)") }
    }
    var yaml = header
    func fullID(_ i: Int) -> String {
      let g = i < groups.count ? groups[i] : 0
      return g > 0 ? "s\(g).t\(i)" : "t\(i)"
    }
    func leaf(_ i: Int, indent: String) -> String {
      var text = indent + "- { id: t\(i), name: 任务\(i), duration: \(durations[i])d"
      // References by full id: the third resolution step of the contract.
      let refs = after[i].compactMap { Int($0.dropFirst()) }.map(fullID)
      if !refs.isEmpty { text += ", after: [\(refs.joined(separator: ", "))]" }
      if i < withDeadlines.count, withDeadlines[i] > 0 { text += ", deadline: +\(withDeadlines[i])d" }
      if i < starts.count, starts[i] > 0 { text += ", start: +\(starts[i])d" }
      return text + " }\n"
    }
    for i in 0..<n where (i < groups.count ? groups[i] : 0) == 0 { yaml += leaf(i, indent: "  ") }
    for g in 1...5 {
      let members = (0..<n).filter { (i: Int) in (i < groups.count ? groups[i] : 0) == g }
      guard let first = members.min() else { continue }
      yaml += "  - id: s\(g)\n    name: 阶段\(g)\n"
      // Every other summary waits, through its own `after`, for a leaf that comes before all of its own.
      if g % 2 == 0, first > 0 { yaml += "    after: [\(fullID(first - 1))]\n" }
      yaml += "    tasks:\n"
      for i in members { yaml += leaf(i, indent: "      ") }
    }
    return yaml
  }

  static let durations = Gen.int(in: 0...40).array(of: 1...40)
  static let links = Gen.int(in: 0...1000).array(of: 0...80)
  static let groups = Gen.int(in: 0...5).array(of: 0...40)
  /// Mostly no start constraint; otherwise up to 120 days after the plan start.
  static let starts = Gen.int(in: -360...120).array(of: 0...40)

  /// The leaves each leaf waits for: its own and its ancestors' `after`, summaries expanded to leaves.
  static func effectivePredecessors(_ plan: Plan) -> [[Int]] {
    func leaves(of index: Int) -> [Int] {
      var result: [Int] = []
      var stack = [index]
      while let next = stack.popLast() {
        let task = plan.tasks[next]
        if task.isLeaf { result.append(next) } else { stack += task.children }
      }
      return result
    }
    return plan.tasks.indices.map { i in
      var preds: [Int] = []
      var current: Int? = i
      while let c = current {
        for ref in plan.tasks[c].after { preds += leaves(of: ref) }
        current = plan.tasks[c].parent
      }
      return preds
    }
  }

  @Test func everyTaskStartsAfterEachPredecessorEndsAndNotBeforeItsStartDate() async {
    await propertyCheck(count: 150, input: Self.durations, Self.links, Self.groups, Self.starts) {
      durations, links, groups, starts in
      guard let s = try? Scheduled(Self.plan(durations: durations, links: links, groups: groups, starts: starts))
      else {
        Issue.record("plan did not load")
        return
      }
      let preds = Self.effectivePredecessors(s.plan)
      for (i, task) in s.plan.tasks.enumerated() where task.isLeaf {
        for p in preds[i] {
          let end =
            s.plan.tasks[p].isMilestone ? s.schedule.tasks[p].finish : s.schedule.tasks[p].finish?.adding(days: 1)
          #expect((s.schedule.tasks[i].start ?? Day(ordinal: .min)) >= (end ?? Day(ordinal: .max)))
        }
        if let constraint = task.start {
          #expect((s.schedule.tasks[i].start ?? Day(ordinal: .min)) >= constraint)
        }
      }
    }
  }

  @Test func slackIsNeverNegativeWithoutDeadlinesOrDoneDates() async {
    await propertyCheck(count: 150, input: Self.durations, Self.links, Self.groups) { durations, links, groups in
      guard let s = try? Scheduled(Self.plan(durations: durations, links: links, groups: groups)) else {
        Issue.record("plan did not load")
        return
      }
      for row in s.schedule.tasks {
        #expect((row.slack ?? 0) >= 0)
      }
    }
  }

  @Test func everyCriticalPathSpansTheWholeProject() async {
    await propertyCheck(count: 150, input: Self.durations, Self.links, Self.groups) { durations, links, groups in
      guard let s = try? Scheduled(Self.plan(durations: durations, links: links, groups: groups)) else {
        Issue.record("plan did not load")
        return
      }
      let ends = s.plan.tasks.indices.filter { s.plan.tasks[$0].isLeaf }.compactMap { i in
        s.plan.tasks[i].isMilestone ? s.schedule.tasks[i].finish : s.schedule.tasks[i].finish?.adding(days: 1)
      }
      let projectLength = (ends.max()?.ordinal ?? s.plan.start.ordinal) - s.plan.start.ordinal
      let report = CriticalReport(plan: s.plan, schedule: s.schedule, language: .en)
      #expect(!s.schedule.criticalPaths.isEmpty)
      for path in s.schedule.criticalPaths {
        #expect(report.length(of: path) == projectLength)
      }
    }
  }

  @Test func withNothingDoneAndAnEarlyAsOfDateTheForecastIsThePlan() async {
    await propertyCheck(count: 100, input: Self.durations, Self.links, Self.groups) { durations, links, groups in
      guard let s = try? Scheduled(Self.plan(durations: durations, links: links, groups: groups), asOf: "2017-08-01")
      else {
        Issue.record("plan did not load")
        return
      }
      for row in s.schedule.tasks where row.start != nil {
        #expect(row.forecastFinish == row.finish)
        #expect(row.status == .onTrack)
      }
    }
  }

  /// The backward pass checked against a naive one: each leaf's latest end is the least of the
  /// project's end, its deadline and the latest starts of the leaves that wait for it.
  @Test func latestDatesAreTheTightestThatKeepEveryDeadlineAndSuccessor() async {
    await propertyCheck(
      count: 100, input: Self.durations, Self.links, Self.groups, Gen.int(in: 0...90).array(of: 0...40), Self.starts
    ) {
      durations, links, groups, deadlines, starts in
      guard
        let s = try? Scheduled(
          Self.plan(durations: durations, links: links, groups: groups, withDeadlines: deadlines, starts: starts))
      else {
        Issue.record("plan did not load")
        return
      }
      let leaves = s.plan.tasks.indices.filter { s.plan.tasks[$0].isLeaf }
      func end(_ day: Day?, _ i: Int) -> Int { (day?.ordinal ?? 0) + (s.plan.tasks[i].isMilestone ? 0 : 1) }
      let projectEnd = leaves.map { end(s.schedule.tasks[$0].finish, $0) }.max() ?? s.plan.start.ordinal
      var successors = [[Int]](repeating: [], count: s.plan.tasks.count)
      for (i, preds) in Self.effectivePredecessors(s.plan).enumerated() where s.plan.tasks[i].isLeaf {
        for p in preds { successors[p].append(i) }
      }
      for i in leaves {
        let row = s.schedule.tasks[i]
        var tightest = projectEnd
        if let deadline = s.plan.tasks[i].deadline { tightest = min(tightest, deadline.ordinal + 1) }
        for successor in successors[i] {
          tightest = min(tightest, s.schedule.tasks[successor].latestStart?.ordinal ?? .max)
        }
        #expect(end(row.latestFinish, i) == tightest, "\(s.plan.tasks[i].fullID)")
        #expect(row.slack == (row.latestFinish?.ordinal ?? 0) - (row.finish?.ordinal ?? 0))
        #expect(
          row.latestStart?.ordinal == end(row.latestFinish, i) - (s.plan.tasks[i].duration?.days ?? 0))
      }
    }
  }
}
