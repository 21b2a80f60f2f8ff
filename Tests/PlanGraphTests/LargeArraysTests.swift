import Testing

@testable import PlanGraph

/// `LargeArrays`: an array made on huge pages holds exactly what `Array(repeating:count:)` would, on
/// both sides of the size from which it advises (the scheduler's rows and passes of a million tasks take
/// the advised path, which no small plan reaches).
@Suite struct LargeArraysTests {
  @Test(arguments: [0, 1, 1_048_575, 1_048_576, 1_048_577, 3_000_001])
  func anArrayOfInt32HoldsItsValueEverywhere(count: Int) {
    let made = LargeArrays.repeating(-7 as Int32, count: count)
    #expect(made.count == count)
    #expect(made == [Int32](repeating: -7, count: count))
  }

  @Test func anArrayOfRowsAboveTheSizeIsMadeWhole() {
    // 48-byte rows: 100,000 of them are past the 4 MiB from which the pages are advised.
    let count = 100_000
    #expect(count * MemoryLayout<TaskSchedule>.stride >= LargeArrays.minimumBytes)
    let made = LargeArrays.repeating(TaskSchedule(), count: count)
    #expect(made.count == count && made.allSatisfy { $0 == TaskSchedule() })
  }
}
