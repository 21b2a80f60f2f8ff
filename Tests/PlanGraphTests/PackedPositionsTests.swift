import Testing

@testable import PlanGraph

/// The arena's positions in 8 bytes each: every position must read back exactly, whatever its file,
/// line, column or length, through `PackedPositions` and through an arena-backed task's locations.
@Suite struct PackedPositionsTests {
  /// A random value from one of the ranges a packing could get wrong: small, near 65,535, huge, negative.
  private static func field(_ random: inout SplitMix) -> Int32 {
    switch random.below(8) {
    case 0: return 0
    case 1: return Int32(random.below(200)) + 1
    case 2: return 0xFFFF - 2 + Int32(random.below(5))
    case 3: return Int32(truncatingIfNeeded: random.next())
    case 4: return Int32.max - Int32(random.below(3))
    case 5: return Int32.min + Int32(random.below(3))
    case 6: return 0x1_0000 + Int32(random.below(1 << 20))
    default: return Int32(random.below(0xFFFF))
    }
  }

  @Test func randomPositionsRoundTrip() {
    var random = SplitMix(seed: 18)
    for round in 0..<200 {
      let files: [Int32] = [0, 1, 7, -1]
      let count = random.below(300)
      let positions = (0..<count).map { _ in
        SourcePosition(
          file: random.below(5) == 0 ? files[random.below(files.count)] : 0, line: Self.field(&random),
          column: Self.field(&random), length: Self.field(&random))
      }
      let packed = PackedPositions(positions)
      #expect(packed.count == positions.count)
      #expect((0..<count).map { packed[$0] } == positions, "round \(round)")
      if count > 2 {
        let start = random.below(count - 1)
        let length = random.below(count - start)
        #expect(packed.values(start, length) == Array(positions[start..<start + length]))
      }
    }
  }

  @Test func edgesOfTheEightBytes() {
    let edges: [SourcePosition] = [
      SourcePosition(file: 0, line: 1, column: 0xFFFE, length: 0xFFFE),
      SourcePosition(file: 0, line: 1, column: 0xFFFF, length: 1),
      SourcePosition(file: 0, line: 1, column: 1, length: 0xFFFF),
      SourcePosition(file: 0, line: Int32.max, column: 0, length: 0),
      SourcePosition(file: 0, line: -1, column: 1, length: 1),
      SourcePosition(file: 3, line: 2, column: 2, length: 2),
      SourcePosition(file: 0, line: 0, column: -1, length: 1),
      SourcePosition(file: 0, line: 0, column: 1, length: -1),
    ]
    // Each as the first (which sets the file) and after a plain one.
    for edge in edges {
      let plain = SourcePosition(file: 0, line: 5, column: 6, length: 7)
      for list in [[edge, plain, edge], [plain, edge, plain]] {
        let packed = PackedPositions(list)
        #expect((0..<list.count).map { packed[$0] } == list)
      }
    }
  }

  @Test func anArenaTaskReadsItsPositionsBack() {
    let positions = [
      SourcePosition(file: 0, line: 3, column: 70_000, length: 2),
      SourcePosition(file: 0, line: 4, column: 5, length: 6),
    ]
    let text = Array("ab".utf8)
    let arena = PlanArena(text: text, targets: [0, 0], positions: positions)
    var task = PlanTask(parent: -1, position: SourcePosition(file: 0, line: 1, column: 1, length: 1))
    task.attach(arena, id: (0, 1), fullID: (0, 1), afterStart: 0, afterCount: 2)
    #expect(task.locations.after == positions)
  }

  /// A task's own three positions, packed in `TaskPlaces`: random ones (both packed forms, boxed ones,
  /// several files) read back exactly, set in any order and over each other, and equality and hashing
  /// go by the values.
  @Test func taskPlacesRoundTrip() {
    var random = SplitMix(seed: 42)
    func position() -> SourcePosition {
      SourcePosition(
        file: random.below(4) == 0 ? [0, 1, 15, 16, -1][random.below(5)] : 0, line: Self.field(&random),
        column: Self.field(&random), length: Self.field(&random))
    }
    for round in 0..<2_000 {
      var places = TaskPlaces(id: position())
      var expected: (SourcePosition, SourcePosition?, SourcePosition?) = (places.id, nil, nil)
      for _ in 0..<random.below(6) {
        let value = position()
        switch random.below(5) {
        case 0:
          places.id = value
          expected.0 = value
        case 1:
          places.deadline = value
          expected.1 = value.line == 0 ? nil : value
        case 2:
          places.done = value
          expected.2 = value.line == 0 ? nil : value
        case 3:
          places.deadline = nil
          expected.1 = nil
        default:
          places.done = nil
          expected.2 = nil
        }
      }
      #expect(places.id == expected.0, "round \(round)")
      #expect(places.deadline == expected.1, "round \(round)")
      #expect(places.done == expected.2, "round \(round)")
      // The same values set afresh, in another order, are equal and hash alike.
      var again = TaskPlaces(id: SourcePosition(file: 0, line: 1, column: 1, length: 1))
      again.done = expected.2
      again.deadline = expected.1
      again.id = expected.0
      #expect(again == places && again.hashValue == places.hashValue, "round \(round)")
    }
  }

  @Test func taskPlacesEdges() {
    let edges: [SourcePosition] = [
      SourcePosition(file: 0, line: 1, column: 0xFFFE, length: 2047),
      SourcePosition(file: 15, line: Int32.max, column: 0, length: 0),
      SourcePosition(file: 0, line: 1, column: 0xFFFF, length: 1),
      SourcePosition(file: 0, line: 1, column: 1, length: 2048),
      SourcePosition(file: 0, line: (1 << 20) - 1, column: Int32.max, length: 4095),
      SourcePosition(file: 0, line: 1 << 20, column: 70_000, length: 1),
      SourcePosition(file: 0, line: 1, column: 70_000, length: 4096),
      SourcePosition(file: 16, line: 1, column: 1, length: 1),
      SourcePosition(file: 1, line: 1, column: 70_000, length: 1),
      SourcePosition(file: 0, line: -5, column: 70_000, length: 1),
    ]
    for edge in edges {
      var places = TaskPlaces(id: edge)
      places.deadline = edge
      places.done = edge
      #expect(places.id == edge && places.deadline == edge && places.done == edge)
      let plain = SourcePosition(file: 0, line: 9, column: 9, length: 9)
      places.id = plain
      places.deadline = nil
      #expect(places.id == plain && places.deadline == nil && places.done == edge)
      places.done = plain
      #expect(
        places
          == {
            var p = TaskPlaces(id: plain)
            p.done = plain
            return p
          }())
    }
    #expect(MemoryLayout<TaskPlaces>.size == 32)
  }
}
