import Foundation
import PlanGraph
import Testing

/// The four shared renderers every report writes through: the JSON object writer, CSV, Markdown and the
/// terminal table. Each owns its punctuation and escaping, so these are the rules a wrong renderer breaks.
@Suite struct RendererTests {
  private func written(_ body: (inout ByteWriter) -> Void) -> String {
    var out = ByteWriter()
    body(&out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  // MARK: JSON

  @Test func theObjectWriterPutsACommaBetweenMembersAndNoneElsewhere() throws {
    let text = written { out in
      var top = out.beginObject(multiline: true)
      out.field("a", 1, in: &top)
      out.field("b", "x\"y", in: &top)
      out.field("none", nil as String?, in: &top)
      out.field("day", Day(year: 2018, month: 1, day: 5), in: &top)
      out.field("list", ["p", "q"], in: &top)
      out.field("empty", [String](), in: &top)
      out.key("items", in: &top)
      var items = out.beginArray(indent: 4)
      for n in 0..<2 {
        out.element(in: &items)
        var object = out.beginObject()
        out.field("n", n, in: &object)
        out.field("ok", n == 1, in: &object)
        out.end(object)
      }
      out.end(items)
      out.key("nothing", in: &top)
      let nothing = out.beginArray(indent: 4)
      out.end(nothing)
      out.end(top)
    }
    #expect(
      text == """
        {
          "a": 1,
          "b": "x\\"y",
          "none": null,
          "day": "2018-01-05",
          "list": ["p", "q"],
          "empty": [],
          "items": [
            {"n": 0, "ok": false},
            {"n": 1, "ok": true}
          ],
          "nothing": []
        }

        """)
    // And it is JSON.
    let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect((object["items"] as? [Any])?.count == 2)
  }

  @Test func anEmptyObjectAndInlineArraysOfObjectsAreWellFormed() throws {
    let text = written { out in
      let empty = out.beginObject()
      out.end(empty)
      out.write(" ")
      var array = out.beginInlineArray()
      for name in ["a", "b,c"] {
        out.element(in: &array)
        var object = out.beginObject()
        out.field("name", name, in: &object)
        out.end(object)
      }
      out.end(array)
    }
    #expect(text == #"{} [{"name": "a"}, {"name": "b,c"}]"#)
  }

  @Test func compactJSONHasNoSpaceAnywhere() {
    let text = written { out in
      var top = out.beginCompactObject()
      out.field("a", 1, in: &top)
      out.field("b", ["x", "y"], compact: true, in: &top)
      out.key("c", in: &top)
      var array = out.beginInlineArray(compact: true)
      for n in 0..<2 {
        out.element(in: &array)
        var object = out.beginCompactObject()
        out.field("n", n, in: &object)
        out.end(object)
      }
      out.end(array)
      out.key("d", in: &top)
      out.end(out.beginCompactObject())
      out.end(top)
    }
    #expect(text == #"{"a":1,"b":["x","y"],"c":[{"n":0},{"n":1}],"d":{}}"#)
  }

  // MARK: CSV

  @Test func csvStartsWithTheMarkEndsRecordsWithCRLFAndQuotesWhatItMust() {
    let text = written { out in
      CSVText.write(
        header: ["名称", "备注"], records: [["a,b", "say \"hi\""], ["=SUM(A1)", "-5"], ["line\nbreak", " padded "]],
        into: &out)
    }
    #expect(text.hasPrefix("\u{FEFF}名称,备注\r\n"))
    #expect(text.contains("\"a,b\",\"say \"\"hi\"\"\"\r\n"))
    // A formula is made text; a plain negative number stays a number.
    #expect(text.contains("'=SUM(A1),-5\r\n"))
    #expect(text.contains("\"line\nbreak\",\" padded \"\r\n"))
    #expect(text.hasSuffix("\r\n"))
    // The String form is the same bytes.
    #expect(
      CSVText.document(
        header: ["名称", "备注"], records: [["a,b", "say \"hi\""], ["=SUM(A1)", "-5"], ["line\nbreak", " padded "]])
        == text)
  }

  // MARK: Markdown

  @Test func markdownTablesAlignAndKeepCellsInTheirCells() {
    let text = written { out in
      MarkdownText.writeTable(
        header: ["任务", "天数"], rightAligned: [1], rows: [[MarkdownText.cell("a|b <c>"), "3"]], into: &out)
    }
    #expect(text == "| 任务 | 天数 |\n| --- | ---: |\n| a\\|b &lt;c&gt; | 3 |\n")
  }

  // MARK: Terminal table

  @Test func theTableAlignsChineseByDisplayWidthAndCutsOnlyTheFlexibleColumn() {
    var table = TextTable(columns: [
      TextTable.Column("状态"), TextTable.Column("n", rightAligned: true), TextTable.Column("任务", flexible: true),
    ])
    table.rows.append(.cells([TextTable.Cell("逾期"), TextTable.Cell("12"), TextTable.Cell("完善社工人才培养体系建设工作")]))
    table.rows.append(.cells([TextTable.Cell("ok"), TextTable.Cell("3"), TextTable.Cell("short")]))
    let wide = table.render(width: 200, style: .plain)
    let lines = wide.split(separator: "\n").map(String.init)
    // Every line's third column starts at the same display column: 4 (状态) + 2 + 2 (n) + 2.
    #expect(lines[0] == "状态   n  任务")
    #expect(lines[1] == "逾期  12  完善社工人才培养体系建设工作")
    #expect(lines[2] == "ok     3  short")
    let narrow = table.render(width: 24, style: .plain)
    for line in narrow.split(separator: "\n") { #expect(TextWidth.of(String(line)) <= 24) }
    #expect(narrow.contains("…"))
    #expect(narrow.contains("逾期  12  "))
    // Written into a buffer, the same bytes.
    #expect(written { table.render(width: 24, style: .plain, into: &$0) } == narrow)
  }
}
