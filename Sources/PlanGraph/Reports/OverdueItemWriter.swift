/// Writes the overdue report's JSON items: on one thread, or, for a long list, on two, a chunk of items
/// each at a time.
///
/// With two threads, each round formats two consecutive chunks at once: the first straight into the output
/// writer (streamed through its fixed buffer), the second into a writer of its own that keeps its bytes
/// (a chunk of items, about a megabyte), which are then copied into the output after the first's, as its
/// own writes would be: the bytes are the same, and no more than a chunk's text is held beside the
/// buffer. Each thread writes only its own writer, and the second's is read, and the output written
/// again, only after `concurrentPerform` returns, which orders the writes before the reads.
struct OverdueItemWriter: Sendable {
  let plan: Plan
  let model: OverdueReport.Model
  let rules: WarningRules
  // The member names, owner ids, status codes and light names made once, each written with one store.
  let id = JSONKey("id")
  let name = JSONKey("name")
  let owner = JSONKey("owner")
  let status = JSONKey("status")
  let blocked = JSONKey("blocked")
  let deadline = JSONKey("deadline")
  let forecastFinish = JSONKey("forecastFinish")
  let daysOverdue = JSONKey("daysOverdue")
  let warning = JSONKey("warning")
  let source = JSONKey("source")
  let codes = ScheduleReport.FieldKeys()
  let ownerIDs: [JSONFragment]
  let levelNames: [JSONFragment]

  /// How many items a thread formats in one go.
  static let chunkItems = 4_096
  /// From this many items on, the items are formatted on two threads.
  static let minimumItems = 16_384

  /// The chunk for a list of `items` items: nil (one thread) for a short list.
  static func chunk(items: Int) -> Int? {
    items >= minimumItems ? chunkItems : nil
  }

  init(report: OverdueReport, model: OverdueReport.Model) {
    plan = report.plan
    self.model = model
    rules = report.warningRules
    ownerIDs = report.plan.owners.map { JSONFragment(quoting: $0.id) }
    levelNames = report.warningRules.levels.map { JSONFragment(quoting: $0.name) }
  }

  /// Writes every item into `out` as members of `array`: on one thread without a `chunk`, else on two,
  /// `chunk` items at a time each.
  func write(into out: inout ByteWriter, array: inout JSONObject, chunk: Int?) {
    let count = model.items.count
    guard let chunk, chunk > 0, count > chunk else {
      write(0..<count, into: &out, array: &array)
      return
    }
    let second = SecondWriter(capacity: chunk * 320)
    var start = 0
    withUnsafeMutablePointer(to: &out) { out in
      let output = OutputWriter(writer: out)
      while start < count {
        let firstRange = start..<min(start + chunk, count)
        let secondRange = firstRange.upperBound..<min(firstRange.upperBound + chunk, count)
        // The first chunk's array as it stands (its first member has no comma before it), the second's as
        // continued after the first's.
        let (firstArray, secondArray) = (array, array.continued)
        AsOfThreads.both(
          {
            var state = firstArray
            self.write(firstRange, into: &output.writer.pointee, array: &state)
          },
          {
            var state = secondArray
            self.write(secondRange, into: &second.writer, array: &state)
          })
        out.pointee.write(writtenBy: second.writer)
        second.writer.removeAll()
        array = array.continued
        start = secondRange.upperBound
      }
    }
  }

  /// The output, which only the first thread writes during a round (and only this one between rounds).
  private struct OutputWriter: @unchecked Sendable {
    let writer: UnsafeMutablePointer<ByteWriter>
  }

  /// The second thread's writer, which only it writes during a round.
  private final class SecondWriter: @unchecked Sendable {
    var writer: ByteWriter

    init(capacity: Int) {
      writer = ByteWriter(capacity: capacity)
    }
  }

  /// Writes the items of `range` into `out` as members of `array`.
  func write(_ range: Range<Int>, into out: inout ByteWriter, array items: inout JSONObject) {
    // Each task's fields read where they lie: a copy of a `PlanTask` per item costs a retain and a
    // release of each of its strings and arrays.
    plan.tasks.withUnsafeBufferPointer { tasks in
      model.items.withUnsafeBufferPointer { list in
        for k in range {
          let item = list[k]
          let index = item.task
          // Read without bounds checks below: a model of another plan stops here.
          precondition(index >= 0 && index < tasks.count, "an overdue item of another plan")
          out.element(in: &items)
          var object = out.beginObject()
          // Id and name straight from the plan's UTF-8: decoding each to a `String` validates it again.
          out.key(id, in: &object)
          tasks[index].withFullIDUTF8 { out.writeJSON(utf8: $0) }
          out.key(name, in: &object)
          tasks[index].withNameUTF8 { out.writeJSON(utf8: $0) }
          if let unit = tasks[index].owner {
            out.field(owner, ownerIDs[unit], fallback: plan.owners[unit].id, in: &object)
          } else {
            out.field(owner, nil as String?, in: &object)
          }
          out.field(status, codes.code(item.status), fallback: item.status.rawValue, in: &object)
          out.field(blocked, item.isBlocked, in: &object)
          out.field(deadline, item.deadline, in: &object)
          out.field(forecastFinish, item.forecastFinish, in: &object)
          out.field(daysOverdue, item.daysOverdue, in: &object)
          if case .level(let n) = model.lights[index] {
            out.field(warning, levelNames[n], fallback: rules.levels[n].name, in: &object)
          } else {
            out.field(warning, nil as String?, in: &object)
          }
          out.field(source, tasks[index].source, in: &object)
          out.end(object)
        }
      }
    }
  }
}
