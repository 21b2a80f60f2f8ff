import Dispatch

/// Turns the fast reader's rows into a `Plan`: owners, full ids (hashed, never built to be looked up),
/// owners of tasks, `after` references and the dependency graph; nil ("decline") at the first thing the
/// full assembler would report, so that it runs and reports it.
struct FastPlanAssembler {
  let rows: FastPlanRows
  /// The tasks the scanner made, moved out of `rows` (and out of here when assembled) so that
  /// completing them copies nothing.
  var planTasks: [PlanTask]
  /// The `after` entries, moved out of `rows` likewise, so that `complete` can let them go once their
  /// positions are taken, before the arena is made (the loader's peak of memory).
  var references: [FastPlanRows.Reference]
  /// The tasks' names back to back (`FastPlanRows.text`), moved out of `rows` likewise, so that the
  /// full ids are written after them where they lie, not copied with them into a new text.
  var names: [UInt8]
  let bytes: UnsafeBufferPointer<UInt8>
  let path: String
  let observer: StageObserver

  private typealias Rows = UnsafeBufferPointer<FastPlanRows.Task>

  /// The plan without its dependency graph, or nil to decline.
  mutating func assemble() -> Plan? {
    guard let title = rows.title, let planStart = rows.planStart else { return nil }
    guard let (owners, ownerBytes) = collectOwners() else { return nil }
    let count = rows.tasks.count
    guard count < Int(Int32.max) / 4 else { return nil }
    var hashes = [UInt64](repeating: 0, count: count)
    var ownerOf = [Int32](repeating: -1, count: count)
    var table = FastIDTable(count: count)
    let twoThreads = Self.useTwoThreads(tasks: count)
    let ok = rows.tasks.withUnsafeBufferPointer { tasks -> Bool in
      hashes.withUnsafeMutableBufferPointer { hashes -> Bool in
        ownerOf.withUnsafeMutableBufferPointer { ownerOf -> Bool in
          // Full ids and owners are independent: each writes only its own arrays (`hashes` and `table`,
          // `ownerOf`), and both read the rows and the text only.
          guard twoThreads else {
            return assignFullIDs(tasks, hashes: hashes, into: &table)
              && resolveOwners(tasks, owners: ownerBytes, into: ownerOf)
          }
          return Self.bothOnTwoThreads { part in
            part == 0
              ? assignFullIDs(tasks, hashes: hashes, into: &table)
              : resolveOwners(tasks, owners: ownerBytes, into: ownerOf)
          }
        }
      }
    }
    guard ok else { return nil }
    observer.end(.ids)
    var targets = [Int32](repeating: -1, count: references.count)
    let resolved = rows.tasks.withUnsafeBufferPointer { tasks -> Bool in
      hashes.withUnsafeMutableBufferPointer { hashes -> Bool in
        self.references.withUnsafeBufferPointer { references -> Bool in
          targets.withUnsafeMutableBufferPointer { targets -> Bool in
            let hashes = UnsafeBufferPointer(hashes)
            guard twoThreads, let cut = Self.cut(tasks, references: references.count) else {
              return resolveReferences(
                tasks, 0..<tasks.count, references: references, hashes: hashes, table: table, into: targets)
            }
            // Each `after` entry is looked up on its own in tables no thread writes: the tasks before
            // `cut` on one thread, the rest on another, each writing only its own tasks' range of
            // `targets` (the entries are in task order).
            return Self.bothOnTwoThreads { part in
              resolveReferences(
                tasks, part == 0 ? 0..<cut : cut..<tasks.count, references: references, hashes: hashes,
                table: table, into: targets)
            }
          }
        }
      }
    }
    guard resolved else { return nil }
    // Let go of the lookups before the arena is made: at a million tasks the table alone is 32 MiB,
    // and `complete` is the loader's peak of memory (file bytes, rows, tasks and arena all alive).
    // The hashes' memory is reused for each task's full id offsets (fresh pages cost a fault and
    // zeroing each).
    table = FastIDTable(count: 0)
    var planTasks = self.planTasks
    self.planTasks = []
    var text = names
    names = []
    let completed = ownerOf.withUnsafeBufferPointer { ownerOf in
      hashes.withUnsafeMutableBufferPointer { full in
        complete(&planTasks, text: &text, ownerOf: ownerOf, targets: targets, full: full)
      }
    }
    hashes = []
    guard completed else { return nil }
    observer.end(.references)
    // The graph and the cycle check come once the rows and the file's bytes are let go
    // (`FastPlanReader.finish`).
    return Plan(title: title, start: planStart, owners: owners, tasks: planTasks, files: [path])
  }

  // MARK: - Two threads

  /// Whether the assembler uses a second thread: set only by tests, to force either way.
  enum Threads: Sendable {
    /// From `twoThreadMinimum` tasks on.
    case automatic
    case one
    /// Two threads whatever the size, `after` cut at the middle entry.
    case two
    /// Two threads, `after` cut before this task (clamped to the tasks).
    case cut(Int)
  }

  /// How the assembler of the current task runs (tests set it with `$threads.withValue`).
  @TaskLocal static var threads = Threads.automatic

  /// Below this many tasks a second thread (20–50 µs to start) costs more than half the work saves.
  static let twoThreadMinimum = 16_384

  private static func useTwoThreads(tasks: Int) -> Bool {
    switch threads {
    case .automatic: tasks >= twoThreadMinimum
    case .one: false
    case .two, .cut: true
    }
  }

  /// The first task whose `after` entries start at or past the middle of all the entries: the cut that
  /// gives the two threads about as many entries each; nil when there are none to share.
  private static func cut(_ tasks: Rows, references: Int) -> Int? {
    if case .cut(let task) = threads { return min(max(task, 0), tasks.count) }
    guard references > 1, tasks.count > 1 else { return nil }
    let middle = Int32(references / 2)
    var (low, high) = (0, tasks.count)
    // `afterStart` never decreases from task to task.
    while low < high {
      let mid = (low + high) / 2
      if tasks[mid].afterStart < middle { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Runs `part(0)` and `part(1)` at once (`concurrentPerform`: on one thread, one after the other,
  /// where there is one); true when both are. The caller makes the two parts write disjoint memory.
  private static func bothOnTwoThreads(_ part: (Int) -> Bool) -> Bool {
    withoutActuallyEscaping(part) { part in
      let job = TwoParts(part)
      DispatchQueue.concurrentPerform(iterations: 2) { job.run($0) }
      return job.first && job.second
    }
  }

  /// The two parts and what each found: each thread writes its own property only, and both are read
  /// after `concurrentPerform` returns, which orders the writes before the reads.
  private final class TwoParts: @unchecked Sendable {
    let part: (Int) -> Bool
    var first = false
    var second = false

    init(_ part: @escaping (Int) -> Bool) {
      self.part = part
    }

    func run(_ index: Int) {
      if index == 0 { first = part(0) } else { second = part(1) }
    }
  }

  // MARK: - Owners

  /// The owners with their full ids, and each full id's bytes; nil on a duplicate.
  private func collectOwners() -> ([Owner], [[UInt8]])? {
    var owners: [Owner] = []
    var seen = Set<String>()
    for row in rows.owners {
      let parent = row.parent >= 0 ? Int(row.parent) : nil
      let fullID = parent.map { owners[$0].id + "." + row.id } ?? row.id
      guard seen.insert(fullID).inserted else { return nil }
      owners.append(Owner(id: fullID, name: row.name ?? row.id, parent: parent, location: row.position))
    }
    return (owners, owners.map { Array($0.id.utf8) })
  }

  /// Each task's owner: written, else its parent's, else the file's; false on an unknown owner or a
  /// leaf or duty left without one (a warning).
  private func resolveOwners(_ tasks: Rows, owners: [[UInt8]], into ownerOf: UnsafeMutableBufferPointer<Int32>) -> Bool
  {
    // The owners' full ids in a table of their hashes, like the tasks': a plan may declare many.
    var table = FastIDTable(count: owners.count)
    for (n, id) in owners.enumerated() {
      let h = id.withUnsafeBufferPointer { FastIDTable.hash(FastIDTable.basis, $0, 0, $0.count) }
      guard table.insert(Int32(n), hash: h) else { return false }
    }
    func lookup(_ start: Int32, _ length: Int32) -> Int32? {
      let s = Int(start)
      let e = s + Int(length)
      guard FastValues.comparesByBytes(UnsafeBufferPointer(rebasing: bytes[s..<e])) else { return nil }
      let h = FastIDTable.hash(FastIDTable.basis, bytes, s, e)
      let found = table.find(h) { n in
        let id = owners[Int(n)]
        return id.count == e - s
          && id.withUnsafeBufferPointer { $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[s..<e])) }
      }
      return found ?? nil
    }
    var fileOwner: Int32 = -1
    if let written = rows.fileOwner {
      guard let found = lookup(written.start, written.length) else { return false }
      fileOwner = found
    }
    // The last owner text and what it resolved to: plans name the same unit many times in a row.
    var lastStart: Int32 = -1
    var lastLength: Int32 = 0
    var lastOwner: Int32 = -1
    for i in 0..<tasks.count {
      let task = tasks[i]
      var owner: Int32
      if task.ownerStart >= 0 {
        if lastStart >= 0, lastLength == task.ownerLength,
          // The JSON scanner gives an owner repeated from the task before the same copy.
          lastStart == task.ownerStart
            || UnsafeBufferPointer(rebasing: bytes[Int(lastStart)..<Int(lastStart + lastLength)]).elementsEqual(
              UnsafeBufferPointer(rebasing: bytes[Int(task.ownerStart)..<Int(task.ownerStart + task.ownerLength)]))
        {
          owner = lastOwner
        } else {
          guard let found = lookup(task.ownerStart, task.ownerLength) else { return false }
          owner = found
          (lastStart, lastLength, lastOwner) = (task.ownerStart, task.ownerLength, found)
        }
      } else {
        owner = task.parent >= 0 ? ownerOf[Int(task.parent)] : fileOwner
      }
      if owner < 0 && task.childCount == 0 { return false }
      ownerOf[i] = owner
    }
    return true
  }

  // MARK: - Full ids

  /// Hashes each task's full id by continuing its parent's and registers it; false on a duplicate.
  private func assignFullIDs(
    _ tasks: Rows, hashes: UnsafeMutableBufferPointer<UInt64>, into table: inout FastIDTable
  ) -> Bool {
    // The first slots of a batch of rows are read before any is looked up, so that their cache misses
    // overlap. A slot once filled never changes, so a filled one read ahead is still right; an empty
    // one may have been filled by the batch since, and is read again.
    var firstSlot = [UInt64](repeating: 0, count: Self.batch)
    var batchStart = 0
    while batchStart < tasks.count {
      let batchEnd = min(batchStart + Self.batch, tasks.count)
      for i in batchStart..<batchEnd {
        let task = tasks[i]
        let start = Int(task.idStart)
        // A parent comes before its children, so its hash is made (in this batch or before).
        var h =
          task.parent >= 0 ? FastIDTable.hash(hashes[Int(task.parent)], byte: UInt8(ascii: ".")) : FastIDTable.basis
        h = FastIDTable.hash(h, bytes, start, start + Int(task.idLength))
        hashes[i] = h
      }
      // The slots read in a loop of their own, a few instructions each, so that all the batch's cache
      // misses are in flight at once (between hashes, the loads waiting filled the processor's window).
      for i in batchStart..<batchEnd { firstSlot[i - batchStart] = table.first(hashes[i]) }
      for i in batchStart..<batchEnd {
        let h = hashes[i]
        let row = Int32(i)
        let first = firstSlot[i - batchStart]
        guard let found = table.find(h, first: first != 0 ? first : nil, matches: { sameFullID($0, row, tasks) })
        else { return false }
        guard found == nil, table.insert(row, hash: h) else { return false }
      }
      batchStart = batchEnd
    }
    return true
  }

  @inline(__always)
  private func sameID(_ a: FastPlanRows.Task, _ start: Int, _ length: Int) -> Bool {
    guard Int(a.idLength) == length else { return false }
    let s = Int(a.idStart)
    if s == start { return true }
    for k in 0..<length where bytes[s + k] != bytes[start + k] { return false }
    return true
  }

  /// Whether two rows have the same full id: the same ids along both parent chains.
  private func sameFullID(_ a: Int32, _ b: Int32, _ tasks: Rows) -> Bool {
    var (x, y) = (a, b)
    while x >= 0 && y >= 0 {
      if x == y { return true }
      let tx = tasks[Int(x)]
      let ty = tasks[Int(y)]
      guard sameID(tx, Int(ty.idStart), Int(ty.idLength)) else { return false }
      (x, y) = (tx.parent, ty.parent)
    }
    return x < 0 && y < 0
  }

  /// Whether row `r`'s full id is the dotted text `bytes[start ..< end]`, compared segment by segment
  /// from the end along the parent chain.
  private func fullID(of r: Int32, is start: Int, _ end: Int, _ tasks: Rows) -> Bool {
    var row = r
    var segmentEnd = end
    while row >= 0 {
      var segmentStart = segmentEnd
      while segmentStart > start && bytes[segmentStart - 1] != UInt8(ascii: ".") { segmentStart -= 1 }
      let task = tasks[Int(row)]
      guard sameID(task, segmentStart, segmentEnd - segmentStart) else { return false }
      row = task.parent
      if row >= 0 {
        guard segmentStart > start else { return false }
        segmentEnd = segmentStart - 1
      } else {
        return segmentStart == start
      }
    }
    return false
  }

  // MARK: - References

  /// How many earlier rows `resolveReferences` looks through for a sibling before the id table.
  static let siblingWindow = 32
  /// How many `after` entries have their id table slot read ahead at once.
  static let batch = 16

  /// Resolves `after` by the contract's steps (a sibling, then the full id; a single file has no
  /// namespace); false on an unknown name or a duty (a warning).
  ///
  /// Most names are a sibling written just before (`t11` after `t10`): the few rows before the task
  /// are looked through first, which are in the cache, and only then the id table. A dotted name goes
  /// to the table; the slots of a batch of them are read first, so that their cache misses overlap.
  ///
  /// Only the entries of the tasks in `range` are resolved (their range of `targets` written).
  private func resolveReferences(
    _ tasks: Rows, _ range: Range<Int>, references: UnsafeBufferPointer<FastPlanRows.Reference>,
    hashes: UnsafeBufferPointer<UInt64>, table: FastIDTable, into targets: UnsafeMutableBufferPointer<Int32>
  ) -> Bool {
    // Each entry's full-text hash (0 for an undotted name) and its first slot, for one batch.
    var fullHash = [UInt64](repeating: 0, count: Self.batch)
    var firstSlot = [UInt64](repeating: 0, count: Self.batch)
    var batchStart = 0
    var batchEnd = 0
    for i in range {
      let task = tasks[i]
      guard task.afterCount > 0 else { continue }
      for n in Int(task.afterStart)..<Int(task.afterStart + task.afterCount) {
        if n >= batchEnd || n < batchStart {
          batchStart = n
          batchEnd = min(n + Self.batch, references.count)
          for m in batchStart..<batchEnd {
            let reference = references[m]
            let start = Int(reference.start)
            let end = start + Int(reference.length)
            var dotted = false
            for k in start..<end where bytes[k] == UInt8(ascii: ".") {
              dotted = true
              break
            }
            guard dotted else {
              fullHash[m - batchStart] = 0
              continue
            }
            fullHash[m - batchStart] = FastIDTable.hash(FastIDTable.basis, bytes, start, end)
          }
          // As in `assignFullIDs`: the batch's slots read back to back, their cache misses overlapping.
          for m in batchStart..<batchEnd where fullHash[m - batchStart] != 0 {
            firstSlot[m - batchStart] = table.first(fullHash[m - batchStart])
          }
        }
        let reference = references[n]
        let start = Int(reference.start)
        let end = start + Int(reference.length)
        guard FastValues.comparesByBytes(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return false }
        var target: Int32 = -1
        let full = fullHash[n - batchStart]
        if full == 0 {
          let parent = task.parent
          // A sibling among the rows just before, else anywhere through the table.
          var j = i - 1
          let last = max(0, i - Self.siblingWindow)
          while j >= last {
            if tasks[j].parent == parent && sameID(tasks[j], start, end - start) {
              target = Int32(j)
              break
            }
            j -= 1
          }
          if target < 0 {
            var h = parent >= 0 ? FastIDTable.hash(hashes[Int(parent)], byte: UInt8(ascii: ".")) : FastIDTable.basis
            h = FastIDTable.hash(h, bytes, start, end)
            guard
              let found = table.find(
                h,
                matches: { tasks[Int($0)].parent == parent && sameID(tasks[Int($0)], start, end - start) })
            else { return false }
            target = found ?? -1
          }
        }
        if target < 0 {
          let h = full != 0 ? full : FastIDTable.hash(FastIDTable.basis, bytes, start, end)
          let first = full != 0 ? firstSlot[n - batchStart] : nil
          guard let found = table.find(h, first: first, matches: { fullID(of: $0, is: start, end, tasks) }),
            let found
          else { return false }
          target = found
        }
        guard tasks[Int(target)].every < 0 else { return false }
        targets[n] = target
      }
    }
    return true
  }

  // MARK: - The plan's tasks

  /// Makes the plan's one arena (the names, then each full id, whose tail is the id) and attaches the
  /// tasks the scanner made to it, with their owners; false (decline) past `Int32` offsets.
  /// `full` is scratch memory of a word per task, for each task's full id as a range of the text.
  private mutating func complete(
    _ planTasks: inout [PlanTask], text: inout [UInt8], ownerOf: UnsafeBufferPointer<Int32>, targets: [Int32],
    full: UnsafeMutableBufferPointer<UInt64>
  ) -> Bool {
    // The entries' positions are all the arena keeps of them: packed first (8 bytes each, not the
    // entries' 24), the entries let go.
    var positions = PackedPositions(file: 0)
    positions.reserveCapacity(references.count)
    for reference in references { positions.append(reference.position) }
    references = []
    return attach(&planTasks, text: &text, ownerOf: ownerOf, targets: targets, positions: positions, full: full)
  }

  /// `complete` once the positions are packed: `full[i]` gets task `i`'s full id in the arena's text
  /// (the names, `text`, then the full ids written after them), the start in the low 32 bits and the
  /// length in the high.
  private func attach(
    _ planTasks: inout [PlanTask], text: inout [UInt8], ownerOf: UnsafeBufferPointer<Int32>, targets: [Int32],
    positions: PackedPositions, full: UnsafeMutableBufferPointer<UInt64>
  ) -> Bool {
    let count = planTasks.count
    precondition(full.count >= count, "a word per task")
    func fullStart(_ i: Int) -> Int32 { Int32(truncatingIfNeeded: full[i]) }
    func fullLength(_ i: Int) -> Int32 { Int32(truncatingIfNeeded: full[i] >> 32) }
    var total = text.count
    for i in 0..<count {
      let row = rows.tasks[i]
      let length = Int(row.idLength) + (row.parent >= 0 ? Int(fullLength(Int(row.parent))) + 1 : 0)
      guard let start = UInt32(exactly: total), let stored = UInt32(exactly: length) else { return false }
      full[i] = UInt64(start) | UInt64(stored) << 32
      total += length
    }
    guard total < Int(Int32.max) else { return false }
    let bytes = self.bytes
    // Within the room the scanner reserved (names and full ids together are about a quarter of a
    // machine-written file), the names stay where they are and nothing is copied.
    text.reserveCapacity(total)
    text.append(contentsOf: repeatElement(0, count: total - text.count))
    text.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress, let source = bytes.baseAddress else { return }
      for i in 0..<count {
        let row = rows.tasks[i]
        var at = Int(fullStart(i))
        if row.parent >= 0 {
          let parent = Int(row.parent)
          let length = Int(fullLength(parent))
          (base + at).update(from: base + Int(fullStart(parent)), count: length)
          at += length
          base[at] = UInt8(ascii: ".")
          at += 1
        }
        (base + at).update(from: source + Int(row.idStart), count: Int(row.idLength))
      }
    }
    let arena = PlanArena(text: text, targets: targets, positions: positions)
    for i in 0..<count {
      let row = rows.tasks[i]
      let fullID = (start: fullStart(i), length: fullLength(i))
      planTasks[i].attach(
        arena, id: (fullID.start + fullID.length - row.idLength, row.idLength), fullID: fullID,
        afterStart: row.afterStart, afterCount: row.afterCount)
      if ownerOf[i] >= 0 { planTasks[i].owner = Int(ownerOf[i]) }
    }
    return true
  }
}
