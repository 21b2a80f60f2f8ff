import PlanGraph
import Synchronization
import Testing

/// The stages the library names as it loads and schedules a plan, in the order of the one-way flow.
@Suite struct StageObserverTests {
  @Test func loadingAndSchedulingNameEveryStageInOrder() throws {
    let seen = Mutex<[PlanStage]>([])
    let observer = StageObserver { stage in seen.withLock { $0.append(stage) } }
    let files = MemoryFileSystem(files: [
      "plan.yaml": Array(
        (header + """
            - { id: a, name: A, duration: 2d }
            - { id: b, name: B, duration: 2d, after: [a] }
          """).utf8)
    ])
    let check = PlanCheck(
      path: "plan.yaml", asOf: day("2017-09-05"), lint: false, fileSystem: files, observer: observer)
    #expect(check.schedule != nil)
    // Reading and parsing the file, assembling (ids, references, the graph's cycle check), then the
    // scheduler: the graph it is handed, both passes, the as-of pass.
    #expect(
      seen.withLock { $0 } == [.read, .parse, .ids, .references, .graph, .graph, .plannedSchedule, .asOf])
  }

  @Test func eachFileOfAnIncludeTreeIsReadAndParsedInTurn() throws {
    let seen = Mutex<[PlanStage]>([])
    let observer = StageObserver { stage in seen.withLock { $0.append(stage) } }
    let files = MemoryFileSystem(files: [
      "plan.yaml": Array((header + "    - { id: a, name: A, duration: 2d }\ninclude: [more.yaml]\n").utf8),
      "more.yaml": Array("id: more\nowner: org\ntasks:\n  - { id: b, name: B, duration: 2d }\n".utf8),
    ])
    let loaded = PlanLoader(fileSystem: files, observer: observer).load(path: "plan.yaml")
    #expect(loaded.plan?.tasks.count == 2, "\(loaded.diagnostics.map(\.message))")
    #expect(seen.withLock { $0 } == [.read, .parse, .read, .parse, .ids, .references, .graph])
  }
}
