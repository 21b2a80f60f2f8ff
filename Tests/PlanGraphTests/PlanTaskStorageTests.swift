import Testing

@testable import PlanGraph

/// How a `PlanTask` keeps its text and references: in the plan's shared arena (the fast path) or in
/// its own box (set from code). Equality, hashing and value semantics must not depend on which.
@Suite struct PlanTaskStorageTests {
  private static func position(_ line: Int32, _ column: Int32 = 1) -> SourcePosition {
    SourcePosition(file: 0, line: line, column: column, length: 1)
  }

  /// Two arena-backed tasks sharing one arena: `root` ("示范区建设领导小组", full id `plan`) and its
  /// child `plan.a` named "" with `after` = [0] written at line 7, column 9.
  private static func arenaTasks() -> [PlanTask] {
    let name = Array("示范区建设领导小组".utf8)
    // Names, then the full ids (`plan`, `plan.a`), whose tails are the ids.
    let text = name + Array("planplan.a".utf8)
    let arena = PlanArena(text: text, targets: [0], positions: [position(7, 9)])
    let n = Int32(name.count)
    var root = PlanTask(parent: -1, position: position(2))
    root.setName(start: 0, length: n)
    root.attach(arena, id: (n, 4), fullID: (n, 4), afterStart: 0, afterCount: 0)
    root.children = [1]
    var child = PlanTask(parent: 0, position: position(5))
    child.setName(start: n, length: 0)
    child.attach(arena, id: (n + 9, 1), fullID: (n + 4, 6), afterStart: 0, afterCount: 1)
    return [root, child]
  }

  /// The same two tasks made from `String`s and arrays, as the full loader makes them.
  private static func ownedTasks() -> [PlanTask] {
    var root = PlanTask(
      id: "plan", fullID: "plan", name: "示范区建设领导小组", parent: nil, locations: TaskLocations(id: position(2)))
    root.children = [1]
    var child = PlanTask(id: "", fullID: "", name: "", parent: 0, locations: TaskLocations(id: position(5)))
    child.id = "a"
    child.fullID = "plan.a"
    child.after.append(0)
    child.locations.after.append(position(7, 9))
    return [root, child]
  }

  @Test func arenaTasksReadAsTheirValues() {
    let tasks = Self.arenaTasks()
    #expect(tasks[0].name == "示范区建设领导小组" && tasks[0].id == "plan" && tasks[0].fullID == "plan")
    #expect(tasks[1].name.isEmpty && tasks[1].id == "a" && tasks[1].fullID == "plan.a")
    #expect(tasks[0].after.isEmpty && tasks[0].locations.after.isEmpty && tasks[0].afterCount == 0)
    #expect(tasks[1].after == [0] && tasks[1].locations.after == [Self.position(7, 9)])
    #expect(tasks[1].afterCount == 1 && tasks[1].parent == 0 && tasks[1].locations.id == Self.position(5))
    var seen: [[Int]] = []
    tasks[1].forEachAfter { seen.append([$0, $1]) }
    #expect(seen == [[0, 0]])
    #expect(tasks[1].afterTarget(0) == 0)
  }

  @Test func equalityAndHashingGoByValueAcrossStorageKinds() {
    let arena = Self.arenaTasks()
    let owned = Self.ownedTasks()
    #expect(arena == owned)
    #expect(Set(arena + owned).count == 2)
    #expect(arena.map(\.hashValue) == owned.map(\.hashValue))
    // A difference in any one stored value shows, whichever side keeps it.
    var renamed = arena[0]
    renamed.name = "示范区建设领导小组 "
    #expect(renamed != owned[0] && owned[0] != renamed)
    var moved = owned[1]
    moved.locations.after = [Self.position(7, 10)]
    #expect(moved != arena[1] && arena[1] != moved)
    var retargeted = arena[1]
    retargeted.after = [1]
    #expect(retargeted != owned[1])
    // Setting a value back to what the arena holds makes it equal again.
    renamed.name = "示范区建设领导小组"
    retargeted.after = [0]
    #expect(renamed == arena[0] && retargeted == arena[1] && retargeted.hashValue == arena[1].hashValue)
  }

  @Test func writingACopyLeavesTheOriginalAndItsArenaAlone() {
    let tasks = Self.arenaTasks()
    var copy = tasks[0]
    copy.name = "新名称"
    copy.id = "x"
    #expect(copy.name == "新名称" && copy.id == "x" && copy.fullID == "plan")
    #expect(tasks[0].name == "示范区建设领导小组" && tasks[0].id == "plan")
    #expect(tasks[1].fullID == "plan.a" && tasks[1].name.isEmpty)
    // A copy of a copy shares the box until one of them writes.
    var second = copy
    second.name = "第二"
    second.after.append(1)
    second.locations.after.append(Self.position(3))
    #expect(copy.name == "新名称" && copy.after.isEmpty && copy.locations.after.isEmpty)
    #expect(second.after == [1] && second.locations.after == [Self.position(3)])
  }

  @Test func afterSetFromCodeOnAnArenaTaskKeepsTheRest() {
    var task = Self.arenaTasks()[1]
    task.after.append(5)
    #expect(task.after == [0, 5] && task.afterCount == 2)
    // The positions still come from the arena until they are written.
    #expect(task.locations.after == [Self.position(7, 9)])
    task.locations.after.append(Self.position(8))
    #expect(task.locations.after == [Self.position(7, 9), Self.position(8)])
    var seen: [Int] = []
    task.forEachAfter { _, target in seen.append(target) }
    #expect(seen == [0, 5])
    #expect((0..<task.afterCount).map { task.afterTarget($0) } == [0, 5])
    // Changing another location does not turn arena positions into a copy of their own, nor change them.
    var other = Self.arenaTasks()[1]
    other.locations.deadline = Self.position(9)
    #expect(other.locations.after == [Self.position(7, 9)] && other.locations.deadline == Self.position(9))
    other.after = []
    #expect(other.after.isEmpty && other.afterCount == 0 && other.fullID == "plan.a")
  }

  @Test func emptyAndLongTextRoundTrip() {
    var task = Self.arenaTasks()[1]
    #expect(task.name.isEmpty)
    let long = String(repeating: "督查督办", count: 40)
    task.name = long
    #expect(task.name == long)
    task.name = ""
    #expect(task.name.isEmpty && task == Self.arenaTasks()[1])
  }

  @Test func fullIDsSortInCodePointOrderWithoutStrings() {
    // Code point order, not `String`'s `<` (which differs for some scalars) and not by length.
    let ids = ["plan", "plan.a", "plan.b", "plan-z", "planA", "示范", "示范区", "𠀀", "\u{FFFD}", "ab", "b"]
    var tasks = ids.map {
      PlanTask(id: $0, fullID: $0, name: "", parent: nil, locations: TaskLocations(id: Self.position(1)))
    }
    tasks.append(contentsOf: Self.arenaTasks())  // `plan` and `plan.a` again, from the arena
    for a in tasks {
      for b in tasks {
        #expect(
          PlanTask.fullIDPrecedes(a, b) == ReportText.codePointLess(a.fullID, b.fullID), "\(a.fullID) \(b.fullID)")
      }
    }
  }

  @Test func aFastPathTaskStaysCompact() {
    // Was 168 bytes with three `String`s and two arrays inline; a wrong layout (a `String` back
    // inline, padding between the one-byte fields) grows it.
    #expect(MemoryLayout<PlanTask>.size <= 128)
  }
}
