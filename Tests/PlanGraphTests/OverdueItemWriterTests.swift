import Foundation
import Testing

@testable import PlanGraph

/// The overdue JSON's items formatted on two threads, a chunk each at a time, give the very bytes one
/// thread gives, kept or streamed through a small buffer, at every chunk size.
@Suite struct OverdueItemWriterTests {
  private static func report(_ asOf: String) throws -> (OverdueReport, OverdueReport.Model) {
    let plan = try ChengquPlanTests.plan()
    let schedule = try Scheduler(plan: plan).schedule(asOf: day(asOf))
    let report = OverdueReport(
      plan: plan, schedule: schedule, list: OverdueList(plan: plan, schedule: schedule), language: .zh)
    return (report, report.model(grouped: false))
  }

  /// A sink that keeps every chunk it is handed.
  private final class Kept: ByteSink, @unchecked Sendable {
    var bytes: [UInt8] = []
    func write(_ chunk: UnsafeRawBufferPointer) { bytes += chunk }
  }

  @Test(arguments: ["2018-03-31", "2018-06-01", "2018-12-31"])
  func everyChunkSizeGivesTheSameBytes(_ asOf: String) throws {
    let (report, model) = try Self.report(asOf)
    #expect(model.items.count > 8, "too few items to cut")
    var one = ByteWriter()
    report.json(model, into: &one, chunk: nil)
    #expect(one.bytes == report.json())
    for chunk in [1, 2, 3, 5, 8, model.items.count - 1, model.items.count, model.items.count + 1] {
      var kept = ByteWriter()
      report.json(model, into: &kept, chunk: chunk)
      #expect(kept.bytes == one.bytes, "chunk \(chunk)")
      let sink = Kept()
      var streamed = ByteWriter(sink: sink, bufferSize: 100)
      report.json(model, into: &streamed, chunk: chunk)
      streamed.finish()
      #expect(sink.bytes == one.bytes, "streamed, chunk \(chunk)")
    }
  }

  @Test func anEmptyListIsAnEmptyArray() throws {
    let (report, model) = try Self.report("2017-09-01")
    var empty = model
    empty.items = []
    var one = ByteWriter()
    report.json(empty, into: &one, chunk: nil)
    var two = ByteWriter()
    report.json(empty, into: &two, chunk: 1)
    #expect(one.bytes == two.bytes)
    #expect(String(decoding: one.bytes, as: UTF8.self).contains("\"items\": []"))
  }
}
