import PlanGraph
import Testing

/// Member names made once (`JSONKey`) and dates copied from the writer's table of days must write
/// exactly the bytes the plain forms write, in every kind of object and for every day.
@Suite struct JSONKeyTests {
  private func written(_ body: (inout ByteWriter) -> Void) -> String {
    var writer = ByteWriter()
    body(&writer)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  @Test func keysWriteWhatNamesWrite() {
    let names = [
      "id", "forecastFinish", "a\"b", "名称", "", "a name that is far too long for thirty-two bytes", "x\\y",
    ]
    for name in names {
      let key = JSONKey(name)
      for kind in 0..<3 {
        func open(_ out: inout ByteWriter) -> JSONObject {
          switch kind {
          case 0: return out.beginObject()
          case 1: return out.beginCompactObject()
          default: return out.beginObject(multiline: true)
          }
        }
        let plain = written { out in
          var object = open(&out)
          out.field(name, 1, in: &object)
          out.field(name, "v", in: &object)
          out.end(object)
        }
        let made = written { out in
          var object = open(&out)
          out.field(key, 1, in: &object)
          out.field(key, "v", in: &object)
          out.end(object)
        }
        #expect(made == plain, "\(name) in object kind \(kind)")
      }
    }
    // A wrong key (no comma, or no escape) would differ here.
    #expect(
      written { out in
        var object = out.beginObject()
        out.field(JSONKey("a"), true, in: &object)
        out.field(JSONKey("b\""), nil as Int?, in: &object)
        out.end(object)
      } == #"{"a": true, "b\"": null}"#)
  }

  @Test func datesFromTheTableAreTheDatesOfEveryDay() {
    // Days that share a slot of the table (4,096 apart), the ends of the years 0–9999 and beyond them.
    var days: [Int] = []
    for base in [-719_528, -1, 0, 18_000, 2_932_896] {
      for k in [0, 1, 4096, 8192, -4096] { days.append(base + k) }
    }
    days += [-719_529, 2_932_897, 5_000_000, -5_000_000]
    for ordinal in days + days.reversed() {
      let day = Day(ordinal: ordinal)
      #expect(written { $0.writeJSON(day as Day?) } == "\"" + day.iso + "\"", "\(ordinal)")
    }
    #expect(written { $0.writeJSON(Day(ordinal: 0) as Day?) } == #""1970-01-01""#)
    #expect(written { $0.writeJSON(nil as Day?) } == "null")
    #expect(written { $0.writeJSON(false) } == "false")
  }

  @Test func aStreamedWriterCutsNoFragment() {
    // Fragments and dates written through a tiny buffer land whole, in order.
    let sink = CollectingSink()
    var out = ByteWriter(sink: sink, bufferSize: 7)
    var expected = ""
    var array = out.beginInlineArray()
    expected += "["
    for n in 0..<200 {
      out.element(in: &array)
      expected += n == 0 ? "" : ", "
      var object = out.beginObject()
      out.field(JSONKey("day"), Day(ordinal: n * 37) as Day?, in: &object)
      out.field(JSONKey("ok"), n % 2 == 0, in: &object)
      out.end(object)
      expected += "{\"day\": \"" + Day(ordinal: n * 37).iso + "\", \"ok\": " + (n % 2 == 0 ? "true" : "false") + "}"
    }
    out.end(array)
    out.finish()
    expected += "]"
    #expect(String(decoding: sink.bytes, as: UTF8.self) == expected)
  }
}

/// A sink that keeps what it is given.
private final class CollectingSink: ByteSink, @unchecked Sendable {
  var bytes: [UInt8] = []
  func write(_ chunk: UnsafeRawBufferPointer) { bytes += chunk }
}
