import Testing

@testable import PlanGraph

/// The key tables the one mapping reader works from: every key found by its name and no other text,
/// slots that are the declaration order, and the table of which kinds of task may have a key agreeing
/// with the format's documented table (docs/plan-format.md, "Which keys a summary and a duty may have").
struct KeyTableTests {
  func check<Key: PlanKey>(_: Key.Type) {
    for key in Key.allCases {
      #expect(Key(key: key.rawValue) == key)
      #expect(Key.allCases[key.index] == key)
      #expect(Key(key: key.rawValue + "s") == nil || Key.names.contains(key.rawValue + "s"))
      #expect(Key(key: key.rawValue.uppercased()) == nil)
      #expect(Key(key: " " + key.rawValue) == nil)
    }
    #expect(Key(key: "") == nil)
    #expect(Key(key: "目标") == nil)
  }

  @Test func everyKeyOfEveryTableIsFoundByItsNameOnly() {
    check(FileKey.self)
    check(TaskKey.self)
    check(OwnerKey.self)
    check(TargetKey.self)
    check(MeasurementKey.self)
    check(ExtensionKey.self)
    check(CalendarKey.self)
  }

  @Test func whereTaskKeysAreAllowedFollowsTheFormat() {
    let leafOnly = TaskKey.allCases.filter { $0.allowedOn == .leaf }
    #expect(leafOnly == [.duration, .target])
    let dutyOnly = TaskKey.allCases.filter { $0.allowedOn == .duty }
    #expect(dutyOnly == [.from, .until])
    let notOnDuty = TaskKey.allCases.filter { !$0.allowedOn.contains(.duty) }
    #expect(Set(notOnDuty) == [.duration, .after, .tasks, .target, .measurements, .progress])
    let notOnSummary = TaskKey.allCases.filter { !$0.allowedOn.contains(.summary) }
    #expect(Set(notOnSummary) == [.duration, .done, .target, .from, .until])
    #expect(FileKey.allCases.filter(\.isRootOnly) == [.plan, .start, .calendar, .warnings])
  }

  @Test func draftsKeepWhereEachKeyAndValueIsWritten() {
    var places = KeyPlaces<TaskKey>()
    #expect(!places.has(.name) && places.key(.name) == nil && places.value(.name) == nil)
    let key = SourcePosition(file: 2, line: 7, column: 5, length: 4)
    let value = SourcePosition(file: 2, line: 7, column: 11, length: 6)
    places.setKey(.name, key)
    places.setValue(.name, value)
    #expect(places.key(.name) == key && places.value(.name) == value)
    #expect(!places.has(.id) && !places.has(.support))
    places.reset()
    #expect(!places.has(.name))
  }

  @Test func aRepeatedKeyInEveryKindOfMappingIsReportedOnce() {
    let text = """
      plan: 重复
      plan: 重复
      start: 2017-09-01
      calendar: { base: cn, base: cn }
      owners: [{ id: o, id: p, name: O }]
      owner: o
      tasks:
        - id: a
          name: A
          name: B
          duration: 1d
          target: { metric: m, metric: n, op: ">=", value: 1 }
          measurements: [{ date: 2018-01-01, date: 2018-01-02, value: 1 }]
          extensions: [{ from: 2018-01-01, from: 2018-01-02, to: 2018-02-01 }]
      """
    let duplicates = PlanLoader.load(text: text).diagnostics.filter { $0.code == .duplicateKey }
    #expect(duplicates.map(\.location.line) == [2, 4, 5, 10, 12, 13, 14])
    #expect(duplicates.allSatisfy { $0.message(in: .zh).hasSuffix("在这里写了两次") })
  }
}
