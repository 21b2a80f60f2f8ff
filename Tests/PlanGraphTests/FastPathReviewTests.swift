import Foundation
import Testing

@testable import PlanGraph

/// An independent review of the loader's fast path: hand-made inputs meant to break its promise that
/// whenever `FastPlanReader` returns a plan, the full loader returns the same plan (places included)
/// with no diagnostic, and that it never traps, hangs or goes quadratic.
@Suite struct FastPathReviewTests {
  /// The invariant for `text` at `path`; returns whether the fast path took it.
  @discardableResult
  static func check(
    _ text: String, path: String = "plan.json", sourceLocation: SourceLocation = #_sourceLocation
  ) -> Bool {
    check(Array(text.utf8), path: path, sourceLocation: sourceLocation)
  }

  @discardableResult
  static func check(
    _ bytes: [UInt8], path: String = "plan.json", sourceLocation: SourceLocation = #_sourceLocation
  ) -> Bool {
    let (problem, accepted) = FastPathSupport.violation(bytes, path: path)
    #expect(
      problem == nil, "\(String(decoding: bytes.prefix(300), as: UTF8.self)): \(problem ?? "")",
      sourceLocation: sourceLocation)
    return accepted
  }

  static let owners = #""owners": [{"id": "o", "name": "办公室", "units": [{"id": "u", "name": "科室"}]}]"#

  /// A JSON plan whose tasks are `tasks` (the text inside the list).
  static func json(_ tasks: String, head: String = "") -> String {
    #"{"plan": "P", "start": "2021-01-04", \#(head)\#(owners), "tasks": [\#(tasks)]}"#
  }

  static let leaf = #"{"id": "a", "name": "A", "owner": "o", "duration": "3d"}"#

  // MARK: - JSON strings

  @Test func theBaseJSONPlanIsTaken() {
    #expect(Self.check(Self.json(Self.leaf)), "the reviewed base plan should take the fast path")
  }

  @Test(arguments: [
    #"\ud83d\ude00"#, #"\uD83D\uDE00"#, #"\ud83d"#, #"\ude00"#, #"\ud83dx"#, #"\ud83d\u0041"#, #"\/"#,
    #"\u0000"#, #"\u001f"#, #"a\u"#, #"\u12"#, #"\u12g4"#, #"\x"#, #"\'"#, #"\"#, #"\\"#, #"\b\f\n\r\t"#,
    #"\u00e9"#, #"\u4e2d\u6587"#, "tab\there", #"\uFEFF"#, #"\uFFFF"#, #"\uDBFF\uDFFF"#,
  ])
  func escapesInNamesAgreeOrDecline(_ escaped: String) {
    Self.check(Self.json(#"{"id": "a", "name": "x\#(escaped)y", "owner": "o", "duration": "3d"}"#))
    Self.check(Self.json(Self.leaf).replacingOccurrences(of: #""plan": "P""#, with: #""plan": "\#(escaped)""#))
    // An escape in a key, an id, an owner, a date, a status or an `after`.
    Self.check(Self.json(#"{"i\#(escaped)d": "a", "name": "A", "owner": "o", "duration": "3d"}"#))
    Self.check(Self.json(#"{"id": "a\#(escaped)", "name": "A", "owner": "o", "duration": "3d"}"#))
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o\#(escaped)", "duration": "3d"}"#))
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "note": "\#(escaped)"}"#))
    Self.check(
      Self.json(Self.leaf + #", {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["a\#(escaped)"]}"#))
  }

  @Test func escapedSpellingsOfPlainWordsDecline() {
    // `\u0061` is "a": the full reader reads it as the same id; the fast path must agree or decline.
    Self.check(Self.json(#"{"\u0069d": "a", "name": "A", "owner": "o", "duration": "3d"}"#))
    Self.check(Self.json(#"{"id": "\u0061", "name": "A", "owner": "o", "duration": "3d"}"#))
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "\u006f", "duration": "3d"}"#))
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "duration": "3\u0064"}"#))
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "status": "\u0064one"}"#))
    Self.check(
      Self.json(Self.leaf + #", {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["\u0061"]}"#))
    Self.check(Self.json(Self.leaf).replacingOccurrences(of: "2021-01-04", with: #"2021\u002d01-04"#))
  }

  @Test func invalidUTF8InStringsAndKeysDeclines() {
    let base = Array(Self.json(#"{"id": "a", "name": "NAME", "owner": "o", "duration": "3d"}"#).utf8)
    let bad: [[UInt8]] = [
      [0xFF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xF5, 0x80, 0x80, 0x80], [0x80], [0xE4, 0xB8], [0xE4, 0xB8, 0x41], [0xF0, 0x9F, 0x98], [0x7F], [0x00],
    ]
    for sequence in bad {
      // In a name, an id, a key and the title.
      for word in ["NAME", #""id""#, #""plan""#] {
        let pattern = Array(word.utf8)
        guard let at = base.firstRange(of: pattern) else { continue }
        var bytes = base
        bytes.insert(contentsOf: sequence, at: at.lowerBound + 1)
        Self.check(bytes)
      }
      // At the very end, cut inside the sequence.
      Self.check(base + sequence)
    }
  }

  @Test func byteOrderMarksAndLineEnds() {
    let text = Self.json(
      Self.leaf
        + #", {"id": "b", "name": "乙", "owner": "o", "deadline": "2021-03-01", "duration": "2d", "after": ["a"]}"#
    )
    .replacingOccurrences(of: ", ", with: ",\n\t")
    for newline in ["\n", "\r\n", "\r", "\n\r", "\u{2028}", "\u{85}", "\u{0B}", "\u{0C}"] {
      let changed = text.replacingOccurrences(of: "\n", with: newline)
      Self.check(changed)
      Self.check([0xEF, 0xBB, 0xBF] + Array(changed.utf8))
      // A byte-order mark twice, or inside.
      Self.check([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array(changed.utf8))
      Self.check(Array(changed.utf8) + [0xEF, 0xBB, 0xBF])
      Self.check([0xEF, 0xBB] + Array(changed.utf8))
    }
    // A UTF-16 or UTF-32 byte-order mark.
    Self.check([0xFF, 0xFE] + Array(text.utf8))
    Self.check([0xFE, 0xFF] + Array(text.utf8))
  }

  @Test func numbersBooleansAndNullsWhereStringsAreExpected() {
    for value in ["5", "-1", "1e3", "true", "false", "null", "[]", "{}", #"["a"]"#, "0", "3.5"] {
      for key in [
        "id", "name", "owner", "duration", "deadline", "start", "done", "status", "progress", "every", "note",
      ] {
        Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "\#(key)": \#(value)}"#))
        Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "\#(key)": \#(value), "duration": "3d"}"#))
      }
      Self.check(
        Self.json(Self.leaf + #", {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": [\#(value)]}"#))
      Self.check(
        Self.json(Self.leaf + #", {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": \#(value)}"#))
      Self.check(Self.json(Self.leaf).replacingOccurrences(of: #""plan": "P""#, with: #""plan": \#(value)"#))
      Self.check(Self.json(Self.leaf).replacingOccurrences(of: #""2021-01-04""#, with: value))
    }
  }

  @Test func duplicateAndOddKeys() {
    for extra in [
      #""id": "b""#, #""name": "B""#, #""ID": "b""#, #""Id": "b""#, #""name ": "B""#, #"" id": "b""#, #""": "x""#,
      #""tasks": []"#, #""after": []"#, #""done": []"#, #""include": []"#, #""support": []"#, #""owner": "o.u""#,
      #""kind": "task""#, #""x-note": "x""#, #""$schema": "x""#,
    ] {
      Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "duration": "3d", \#(extra)}"#))
    }
    // Root keys twice, and keys the root allows that the fast path does not read.
    for head in [
      #""plan": "Q", "#, #""start": "2021-01-05", "#, #""owner": "o", "#, #""owner": "o.u", "#, #""owner": "", "#,
      #""include": [], "#, #""version": 2, "#, #""calendar": {}, "#, #""warnings": [], "#, #""Plan": "x", "#,
    ] {
      Self.check(Self.json(Self.leaf, head: head))
    }
    Self.check(Self.json(Self.leaf) + "")
    Self.check(#"{"plan": "P", "start": "2021-01-04", "owners": [], "owners": [], "tasks": []}"#)
    Self.check(#"{"plan": "P", "start": "2021-01-04", "tasks": [], "tasks": []}"#)
    Self.check(#"{"plan": "P", "start": "2021-01-04"}"#)
    Self.check(#"{"plan": "", "start": "2021-01-04", "tasks": []}"#)
    Self.check(#"{"start": "2021-01-04", "plan": "P", "tasks": []}"#)
  }

  @Test(arguments: [
    "", " ", "a", "a.b", "a b", "a\tb", "任务一", "任务-1_x", "ｆｕｌｌ", "a\u{301}", "\u{301}", "٣", "Ⅻ", "²", "😀", "a😀",
    "-", "_", "--", "0", "007", "1e3", "0x1F", "yes", "no", "on", "null", "~", "true", "é", "e\u{301}", "ǅ", "ـ",
    "\u{200B}", "\u{00A0}", "a.", ".a", "a..b", "a-", "Ǆ",
  ])
  func oddIDsAgreeOrDecline(_ id: String) {
    let escapedID = id.replacingOccurrences(of: "\t", with: "\\t")
    let one = #"{"id": "\#(escapedID)", "name": "A", "owner": "o", "duration": "3d"}"#
    Self.check(Self.json(one))
    // Referred to from a sibling, and as an owner id.
    Self.check(
      Self.json(one + #", {"id": "z", "name": "Z", "owner": "o", "duration": "1d", "after": ["\#(escapedID)"]}"#))
    Self.check(
      #"{"plan": "P", "start": "2021-01-04", "owners": [{"id": "\#(escapedID)", "name": "N"}], "tasks": [{"id": "a", "name": "A", "owner": "\#(escapedID)", "duration": "3d"}]}"#
    )
    // Nested, referred to by its full id.
    Self.check(
      Self.json(
        #"{"id": "p", "name": "P", "owner": "o", "tasks": [\#(one)]}, {"id": "z", "name": "Z", "owner": "o", "duration": "1d", "after": ["p.\#(escapedID)"]}"#
      ))
  }

  @Test func veryLongLinesCountColumnsInScalars() {
    for filler in ["x", "中", "😀", "e\u{301}", "\t"] {
      let long = String(repeating: filler, count: 40_000)
      // A long name before the places the plan keeps, on the same line.
      let text = Self.json(
        #"{"id": "a", "name": "\#(long.replacingOccurrences(of: "\t", with: "\\t"))", "owner": "o", "deadline": "2021-05-01", "duration": "3d"}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["a"], "deadline": "2021-06-01"}"#
      )
      #expect(Self.check(text), "a long line with \(filler) should still take the fast path")
      // A long run of spaces before a value.
      Self.check(
        Self.json(Self.leaf).replacingOccurrences(
          of: #""name": "A""#, with: #""name":"# + String(repeating: " ", count: 50_000) + #""A""#))
    }
  }

  @Test(arguments: [198, 199, 200, 201, 202])
  func taskNestingAtTheDeclineLimit(_ depth: Int) {
    var text = ""
    for level in 0..<depth {
      text += #"{"id": "t\#(level)", "name": "N", "owner": "o", "#
      text += level == depth - 1 ? #""duration": "1d"}"# : #""tasks": ["#
    }
    text += String(repeating: "]}", count: depth - 1)
    Self.check(Self.json(text))
    var owners = ""
    for level in 0..<depth {
      owners += #"{"id": "u\#(level)""# + (level == depth - 1 ? "}" : #", "units": ["#)
    }
    owners += String(repeating: "]}", count: depth - 1)
    Self.check(
      #"{"plan": "P", "start": "2021-01-04", "owners": [\#(owners)], "tasks": [{"id": "a", "name": "A", "owner": "u0", "duration": "1d"}]}"#
    )
  }

  @Test func garbageAfterTheRootAndTwoRoots() {
    let plan = Self.json(Self.leaf)
    for tail in [
      "x", "}", "]", ",", " {}", plan, "\n" + plan, "\u{0}", "// c", "/* c */", "#", "\n\n\n ", "\u{A0}", "\u{FEFF}",
      ",]",
    ] {
      Self.check(plan + tail)
    }
    for head in ["[", "// c\n", "#\n", "\u{A0}", "x", "\u{0}", "---\n"] {
      Self.check(head + plan)
    }
    Self.check("[" + plan + "]")
  }

  @Test func everyPrefixAndEveryDeletedByteOfARichPlan() {
    let text = Self.rich
    let bytes = Array(text.utf8)
    #expect(Self.check(bytes), "the rich plan should take the fast path")
    for n in 0..<bytes.count {
      Self.check(Array(bytes[..<n]))
      var cut = bytes
      cut.remove(at: n)
      Self.check(cut)
    }
  }

  static let rich = Self.json(
    #"""
    {"id": "p", "name": "总\ud83d\ude00", "owner": "o.u", "tasks": [
      {"id": "a", "name": "A\n", "duration": "3d", "deadline": "2021-02-01", "progress": "40%"},
      {"id": "b", "name": "乙", "duration": "2w", "after": ["a"], "status": "active"},
      {"id": "c", "name": "C", "done": "2021-01-10", "start": "2021-01-05"}]},
    {"id": "d", "name": "D", "owner": "o", "every": "month", "done": ["2021-01-31", "2021-02-28"]},
    {"id": "e", "name": "E", "owner": "o", "duration": "1d", "after": ["p.b", "p"], "status": "blocked", "note": "n"},
    {"id": "f", "name": "F", "owner": "o", "status": "cancelled"}
    """#)

  // MARK: - Values

  @Test(arguments: [
    "0d", "00d", "007d", "1d", "999999d", "1000000d", "-1d", "+1d", "1D", "1w", "0w", "1.5d", "1 d", " 1d", "1d ", "d",
    "1", "1m", "1y", "1wd", "3工作日", "3天", "١d", "99999999999999999999d", "1e3d", "0x1Fd",
  ])
  func durationsAgreeOrDecline(_ duration: String) {
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "duration": "\#(duration)"}"#))
  }

  @Test(arguments: [
    "0%", "00%", "000%", "0000%", "-0%", "-00%", "100%", "0100%", "00100%", "101%", "5.5%", "50", "50 %", " 50%",
    "+5%", "%", "-%", "1000%", "99999999999999999999%", "٥%", "5％",
  ])
  func progressAgreesOrDeclines(_ progress: String) {
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "progress": "\#(progress)"}"#))
    Self.check(
      Self.json(
        #"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "progress": "\#(progress)", "status": "done"}"#))
  }

  @Test(arguments: [
    "2021-02-28", "2021-02-29", "2020-02-29", "2021-04-31", "2021-00-10", "2021-13-01", "2021-01-00", "0000-01-01",
    "1899-12-31", "1900-01-01", "2099-12-31", "2100-01-01", "9999-12-31", "2021-1-4", "2021/01/04", "2021.01.04",
    "20210104", "2021-01-04T00:00", "2021-01-04 ", "+2d", "2021-W01-1", "2021-004", "2021年1月4日", "2021-01",
    "2021", "１９９９-01-01", "2021-0a-04", "2021-01-0４", "2021--1-04", "2021-01-04Z",
  ])
  func datesAgreeOrDecline(_ date: String) {
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "deadline": "\#(date)"}"#))
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "start": "\#(date)"}"#))
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "done": "\#(date)"}"#))
    Self.check(Self.json(Self.leaf).replacingOccurrences(of: "2021-01-04", with: date))
    Self.check(Self.json(#"{"id": "d", "name": "D", "owner": "o", "every": "week", "done": ["\#(date)"]}"#))
  }

  @Test func orderingsTheFullLoaderMightWarnAbout() {
    for task in [
      // Deadline before start, before the plan start, done before start, start before the plan.
      #"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "start": "2021-03-01", "deadline": "2021-02-01"}"#,
      #"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "deadline": "2020-01-01"}"#,
      #"{"id": "a", "name": "A", "owner": "o", "start": "2021-03-01", "done": "2021-02-01"}"#,
      #"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "start": "2020-01-01"}"#,
      #"{"id": "a", "name": "A", "owner": "o", "done": "2020-01-01"}"#,
      #"{"id": "a", "name": "A", "owner": "o", "done": "2030-01-01"}"#,
      #"{"id": "a", "name": "A", "owner": "o", "duration": "0d"}"#,
      #"{"id": "a", "name": "A", "owner": "o", "duration": "0d", "deadline": "2021-01-01"}"#,
      #"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "start": "2021-01-04", "deadline": "2021-01-04"}"#,
    ] {
      Self.check(Self.json(task))
    }
  }

  @Test func statusesDoneAndProgressTogether() {
    let statuses = ["", "planned", "active", "blocked", "done", "cancelled", "Done", "DONE", "完成", "finished"]
    let extras = ["", #", "done": "2021-01-10""#, #", "progress": "100%""#, #", "progress": "50%""#, #", "done": []"#]
    for status in statuses {
      for extra in extras {
        for duration in ["", #", "duration": "3d""#] {
          let statusKey = status.isEmpty ? "" : #", "status": "\#(status)""#
          let task = #"{"id": "a", "name": "A", "owner": "o"\#(duration)\#(statusKey)\#(extra)}"#
          Self.check(Self.json(task))
          // The same keys on a summary and on a duty.
          Self.check(
            Self.json(
              #"{"id": "s", "name": "S", "owner": "o"\#(duration)\#(statusKey)\#(extra), "tasks": [\#(Self.leaf)]}"#))
          Self.check(
            Self.json(#"{"id": "d", "name": "D", "owner": "o", "every": "month"\#(duration)\#(statusKey)\#(extra)}"#))
        }
      }
    }
  }

  @Test func duties() {
    for every in ["week", "month", "quarter", "half-year", "year", "day", "Month", "halfYear", "half_year", ""] {
      Self.check(Self.json(#"{"id": "d", "name": "D", "owner": "o", "every": "\#(every)"}"#))
      Self.check(
        Self.json(
          #"{"id": "d", "name": "D", "owner": "o", "every": "\#(every)", "done": ["2021-01-10", "2021-01-10"]}"#))
      Self.check(
        Self.json(
          #"{"id": "d", "name": "D", "owner": "o", "every": "\#(every)", "done": ["2021-03-10", "2021-01-10"]}"#))
      Self.check(Self.json(#"{"id": "d", "name": "D", "owner": "o", "every": "\#(every)", "done": "2021-01-10"}"#))
      Self.check(Self.json(#"{"id": "d", "name": "D", "owner": "o", "every": "\#(every)", "done": "2020-01-10"}"#))
      Self.check(Self.json(#"{"id": "d", "name": "D", "every": "\#(every)"}"#))
      Self.check(Self.json(#"{"id": "d", "name": "D", "owner": "o", "every": "\#(every)", "deadline": "2021-01-10"}"#))
      Self.check(Self.json(#"{"id": "d", "name": "D", "owner": "o", "every": "\#(every)", "start": "2021-01-10"}"#))
      Self.check(Self.json(#"{"id": "d", "name": "D", "owner": "o", "every": "\#(every)", "status": "cancelled"}"#))
      // A task after a duty, a duty after a task.
      Self.check(
        Self.json(
          #"{"id": "d", "name": "D", "owner": "o", "every": "\#(every)"}, {"id": "a", "name": "A", "owner": "o", "duration": "3d", "after": ["d"]}"#
        ))
      // A duty inside a summary.
      Self.check(
        Self.json(#"{"id": "s", "name": "S", "owner": "o", "tasks": [{"id": "d", "name": "D", "every": "\#(every)"}]}"#)
      )
    }
  }

  // MARK: - References

  @Test func afterResolution() {
    let cases: [String] = [
      // Self, parent, ancestor, child, a summary elsewhere, itself by full id.
      #"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "after": ["a"]}"#,
      #"{"id": "p", "name": "P", "owner": "o", "tasks": [{"id": "a", "name": "A", "duration": "1d", "after": ["p"]}]}"#,
      #"{"id": "p", "name": "P", "owner": "o", "tasks": [{"id": "q", "name": "Q", "tasks": [{"id": "a", "name": "A", "duration": "1d", "after": ["p"]}]}]}"#,
      #"{"id": "p", "name": "P", "owner": "o", "after": ["p.a"], "tasks": [{"id": "a", "name": "A", "duration": "1d"}]}"#,
      #"{"id": "p", "name": "P", "owner": "o", "tasks": [{"id": "a", "name": "A", "duration": "1d", "after": ["p.a"]}]}"#,
      #"{"id": "p", "name": "P", "owner": "o", "tasks": [{"id": "a", "name": "A", "duration": "1d"}]}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["p"]}"#,
      // The same id at two depths: a sibling first, then the top-level one by its full id.
      #"{"id": "a", "name": "A", "owner": "o", "duration": "1d"}, {"id": "p", "name": "P", "owner": "o", "tasks": [{"id": "a", "name": "A2", "duration": "1d"}, {"id": "b", "name": "B", "duration": "1d", "after": ["a"]}]}"#,
      #"{"id": "p", "name": "P", "owner": "o", "tasks": [{"id": "a", "name": "A2", "duration": "1d"}]}, {"id": "a", "name": "A", "owner": "o", "duration": "1d"}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["a", "p.a"]}"#,
      // An id known only deeper: a nested task's undotted reference to a cousin.
      #"{"id": "p", "name": "P", "owner": "o", "tasks": [{"id": "a", "name": "A", "duration": "1d"}]}, {"id": "q", "name": "Q", "owner": "o", "tasks": [{"id": "b", "name": "B", "duration": "1d", "after": ["a"]}]}"#,
      // A dotted reference that is relative to the parent (`q.x` from inside `p` meaning `p.q.x`).
      #"{"id": "p", "name": "P", "owner": "o", "tasks": [{"id": "q", "name": "Q", "tasks": [{"id": "x", "name": "X", "duration": "1d"}]}, {"id": "b", "name": "B", "duration": "1d", "after": ["q.x"]}]}"#,
      // Twice the same reference, a missing one, odd dotted spellings.
      #"{"id": "a", "name": "A", "owner": "o", "duration": "1d"}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["a", "a"]}"#,
      #"{"id": "a", "name": "A", "owner": "o", "duration": "1d"}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["c"]}"#,
      #"{"id": "a", "name": "A", "owner": "o", "duration": "1d"}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": [""]}"#,
      #"{"id": "a", "name": "A", "owner": "o", "duration": "1d"}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": [".a"]}"#,
      #"{"id": "a", "name": "A", "owner": "o", "duration": "1d"}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["a."]}"#,
      #"{"id": "p", "name": "P", "owner": "o", "tasks": [{"id": "a", "name": "A", "duration": "1d"}]}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["p..a"]}"#,
      #"{"id": "p", "name": "P", "owner": "o", "tasks": [{"id": "a", "name": "A", "duration": "1d"}]}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": [".p.a"]}"#,
      #"{"id": "a", "name": "A", "owner": "o", "duration": "1d"}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["A"]}"#,
      #"{"id": "a", "name": "A", "owner": "o", "duration": "1d"}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": [" a"]}"#,
      #"{"id": "a", "name": "A", "owner": "o", "duration": "1d"}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["plan.a"]}"#,
      // A cycle of two, of three through a summary.
      #"{"id": "a", "name": "A", "owner": "o", "duration": "1d", "after": ["b"]}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["a"]}"#,
      #"{"id": "p", "name": "P", "owner": "o", "after": ["c"], "tasks": [{"id": "a", "name": "A", "duration": "1d"}]}, {"id": "c", "name": "C", "owner": "o", "duration": "1d", "after": ["p.a"]}"#,
      // Forward references.
      #"{"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["a"]}, {"id": "a", "name": "A", "owner": "o", "duration": "1d"}"#,
      // `after` a cancelled task and a done task.
      #"{"id": "a", "name": "A", "owner": "o", "status": "cancelled"}, {"id": "c", "name": "C", "owner": "o", "done": "2021-01-05"}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["a", "c"]}"#,
    ]
    for tasks in cases { Self.check(Self.json(tasks)) }
  }

  // MARK: - Owners

  @Test func ownersAndInheritance() {
    let cases: [(head: String, tasks: String)] = [
      ("", #"{"id": "p", "name": "P", "owner": "o.u", "tasks": [{"id": "a", "name": "A", "duration": "1d"}]}"#),
      ("", #"{"id": "p", "name": "P", "tasks": [{"id": "a", "name": "A", "duration": "1d"}]}"#),
      ("", #"{"id": "p", "name": "P", "tasks": [{"id": "a", "name": "A", "owner": "u", "duration": "1d"}]}"#),
      (
        "",
        #"{"id": "p", "name": "P", "owner": "o", "tasks": [{"id": "a", "name": "A", "owner": "o.u", "duration": "1d"}]}"#
      ),
      ("", #"{"id": "a", "name": "A", "owner": "o.", "duration": "1d"}"#),
      ("", #"{"id": "a", "name": "A", "owner": ".u", "duration": "1d"}"#),
      ("", #"{"id": "a", "name": "A", "owner": "O", "duration": "1d"}"#),
      ("", #"{"id": "a", "name": "A", "owner": "办公室", "duration": "1d"}"#),
      ("", #"{"id": "a", "name": "A", "duration": "1d"}"#),
      (#""owner": "o.u", "#, #"{"id": "a", "name": "A", "duration": "1d"}"#),
      (#""owner": "x", "#, #"{"id": "a", "name": "A", "owner": "o", "duration": "1d"}"#),
      (#""owner": "o", "#, #"{"id": "p", "name": "P", "tasks": [{"id": "a", "name": "A", "duration": "1d"}]}"#),
    ]
    for (head, tasks) in cases { Self.check(Self.json(tasks, head: head)) }
    // Owner lists: duplicates, a unit with the id of another top-level owner, no name, empty units.
    for owners in [
      #"[{"id": "o"}]"#, #"[{"id": "o", "name": ""}]"#, #"[{"id": "o", "name": "A"}, {"id": "o", "name": "B"}]"#,
      #"[{"id": "o", "units": []}]"#, #"[{"id": "o", "units": [{"id": "o"}]}]"#,
      #"[{"id": "x", "units": [{"id": "u"}]}, {"id": "o", "units": [{"id": "u"}]}]"#, #"[{"name": "o"}]"#,
      #"[{"id": "o", "units": [{"id": "u"}], "units": []}]"#, #"[{"id": "o", "id": "o"}]"#,
      #"[{"id": "o", "kind": "x"}]"#,
      #"[{"id": "o", "name": "\ud83d"}]"#, #"[{"id": "o", "units": {}}]"#, #"[{"id": "o"},]"#, #"[{"id": "o"}"#, #"[]"#,
      #"{}"#,
    ] {
      Self.check(
        #"{"plan": "P", "start": "2021-01-04", "owners": \#(owners), "tasks": [{"id": "a", "name": "A", "owner": "o", "duration": "1d"}]}"#
      )
      Self.check(
        #"{"plan": "P", "start": "2021-01-04", "owners": \#(owners), "tasks": [{"id": "a", "name": "A", "owner": "o.u", "duration": "1d"}]}"#
      )
    }
  }

  // MARK: - Size

  @Test func manyIDsOfTheSameLengthAndManyOwners() {
    // 20,000 ids of the same length at one level, many with the same FNV-1a prefix; 3,000 owners.
    var tasks: [String] = []
    for n in 0..<20_000 {
      let id = String(format: "t%05d", n)
      let after = n > 0 ? #", "after": ["\#(String(format: "t%05d", (n * 7919) % n))"]"# : ""
      tasks.append(#"{"id": "\#(id)", "name": "N", "owner": "u\#(n % 3_000)", "duration": "1d"\#(after)}"#)
    }
    let owners = (0..<3_000).map { #"{"id": "u\#($0)", "name": "单位\#($0)"}"# }.joined(separator: ",")
    let text =
      #"{"plan": "P", "start": "2021-01-04", "owners": [\#(owners)], "tasks": [\#(tasks.joined(separator: ",\n"))]}"#
    #expect(Self.check(text), "a big flat plan should take the fast path")
    // The same ids each nested one level deeper under its own summary: many equal last segments.
    var nested: [String] = []
    for n in 0..<2_000 {
      nested.append(
        #"{"id": "s\#(n)", "name": "S", "owner": "o", "tasks": [{"id": "x", "name": "X", "duration": "1d"\#(n > 0 ? #", "after": ["s\#(n - 1).x"]"# : "")}]}"#
      )
    }
    #expect(Self.check(Self.json(nested.joined(separator: ","))))
  }

  // MARK: - YAML

  static let yamlHead = """
    plan: P
    start: 2021-01-04
    owners:
      - id: o
        name: 办公室
        units:
          - id: u
            name: 科室
    tasks:

    """

  @Test func theBaseYAMLPlanIsTaken() {
    #expect(Self.check(Self.yamlHead + "  - {id: a, name: A, owner: o, duration: 3d}\n", path: "plan.yaml"))
    #expect(Self.check(Self.yamlHead + "  - id: a\n    name: A\n    owner: o\n    duration: 3d\n", path: "plan.yaml"))
  }

  @Test(arguments: [
    "A", "'A'", "\"A\"", "|\n      A", ">\n      A", "|-\n      A", ">-\n      A", "|+\n      A\n", "\"A\\n\"",
    "'A''s'",
    "\"\\u4e2d\"", "\"\\x41\"", "\"\\U0001F600\"", "\"\\ud83d\"", "\"\\ud83d\\ude00\"", "A # comment", "A#not",
    "'A # q'",
    "A\n      continued", "\"A\n      B\"", "", "~", "null", "Null", "NULL", "yes", "on", "true", "1e3", "0x1F", "007",
    "2021-01-04", "!!str A", "!x A", "&anchor A", "*anchor", "[A]", "{a: A}", "中文名称😀", "\"\\t\"", "'\t'", "A\t",
    "A  ", "\"A\\\n      B\"", "\"\\/\"", "\"\\0\"", "\"\\e\"", "\"\\N\"", "\"\\_\"", "\"\\L\"", "\"\\P\"",
  ])
  func yamlScalarStylesForNames(_ value: String) {
    let base = "  - id: a\n    name: A\n    owner: o\n    duration: 3d\n"
    for key in ["name", "id", "owner", "note", "duration", "status", "deadline", "every", "progress"] {
      let line = "    \(key): \(value)\n"
      let task =
        base.contains("    \(key): ")
        ? base.split(separator: "\n").map {
          $0.hasPrefix("    \(key): ") || $0.hasPrefix("  - \(key): ")
            ? ($0.hasPrefix("  -") ? "  - \(key): \(value)" : "    \(key): \(value)") : String($0)
        }.joined(separator: "\n") + "\n"
        : base + line
      Self.check(Self.yamlHead + task, path: "plan.yaml")
    }
    let rest = Self.yamlHead.components(separatedBy: "start: 2021-01-04\n")[1]
    Self.check("plan: \(value)\nstart: 2021-01-04\n" + rest + base, path: "plan.yaml")
  }

  @Test(arguments: [
    "yes", "no", "on", "off", "y", "n", "true", "True", "null", "Null", "~", "1e3", "0x1F", "0o17", "007", "1_000",
    ".inf",
    ".NaN", "-.5", "2021-01-04", "12:30", "1:2:3", "a_b", "中", "-a", "-", "a-", "\"yes\"", "'007'", "\"0x1F\"",
  ])
  func yamlIDsThatLookLikeOtherTypes(_ id: String) {
    let task = "  - id: \(id)\n    name: A\n    owner: o\n    duration: 3d\n"
    let after = "  - id: z\n    name: Z\n    owner: o\n    duration: 1d\n    after: [\(id)]\n"
    Self.check(Self.yamlHead + task, path: "plan.yaml")
    Self.check(Self.yamlHead + task + after, path: "plan.yaml")
    Self.check(
      Self.yamlHead + task + after.replacingOccurrences(of: "[\(id)]", with: "\n      - \(id)"), path: "plan.yaml")
    Self.check(
      "plan: P\nstart: 2021-01-04\nowners:\n  - id: \(id)\n    name: N\ntasks:\n  - id: a\n    name: A\n    owner: \(id)\n    duration: 1d\n",
      path: "plan.yaml")
  }

  @Test(arguments: [
    "2021-01-04", "'2021-01-04'", "\"2021-01-04\"", "2021-1-4", "2021-01-04T00:00:00Z", "2021-01-04 00:00",
    "2021-01-04t00:00", "2021/01/04", "2021.01.04", "20210104", "!!timestamp 2021-01-04", "!!str 2021-01-04",
    "2021-01-04 # c", "2021-02-29", "+2d", "2021年1月4日", "|\n      2021-01-04", ">-\n      2021-01-04",
  ])
  func yamlDatesInOtherForms(_ date: String) {
    let base = "  - id: a\n    name: A\n    owner: o\n    duration: 3d\n"
    Self.check(Self.yamlHead + base + "    deadline: \(date)\n", path: "plan.yaml")
    Self.check(Self.yamlHead + "  - id: a\n    name: A\n    owner: o\n    done: \(date)\n", path: "plan.yaml")
    Self.check(
      Self.yamlHead.replacingOccurrences(of: "start: 2021-01-04", with: "start: \(date)") + base, path: "plan.yaml")
  }

  @Test func yamlDocumentsCommentsAndLayout() {
    let body = Self.yamlHead + "  - id: a\n    name: A\n    owner: o\n    duration: 3d\n"
    let variants: [String] = [
      "---\n" + body, "--- \n" + body, "---\n" + body + "...\n", body + "...\n", body + "---\n", body + "---\n" + body,
      "%YAML 1.2\n---\n" + body, "%YAML 1.1\n---\n" + body, "%TAG ! tag:x,2000:\n---\n" + body, "# c\n" + body,
      body + "# c", body + "# c\n", body.replacingOccurrences(of: "\n", with: " # c\n"),
      body.replacingOccurrences(of: "\n", with: "\r\n"), body.replacingOccurrences(of: "\n", with: "\r"),
      body.replacingOccurrences(of: "  - id: a", with: "  -   id: a"), body.replacingOccurrences(of: ":", with: " :"),
      body.replacingOccurrences(of: "name: A", with: "name : A"),
      body.replacingOccurrences(of: "name:", with: "\"name\":"),
      body.replacingOccurrences(of: "name:", with: "'name':"),
      body.replacingOccurrences(of: "name:", with: "? name\n    :"),
      body.replacingOccurrences(of: "    ", with: "\t"),
      body.replacingOccurrences(of: "duration: 3d", with: "duration:  3d  "),
      body + "  - id: a\n    name: A2\n    owner: o\n    duration: 1d\n",
      body.replacingOccurrences(of: "name: A", with: "Name: A"),
      body + "tasks: []\n", body + "plan: Q\n", body + "include: []\n", "include: []\n" + body,
      body.replacingOccurrences(of: "tasks:\n", with: "tasks: !!seq\n"),
      body.replacingOccurrences(of: "  - id: a", with: "  - &x id: a"),
      body.replacingOccurrences(of: "  - id: a", with: "  - <<: {status: active}\n    id: a"),
      body.replacingOccurrences(of: "owner: o\n    duration", with: "owner: &own o\n    duration")
        + "  - {id: b, name: B, owner: *own, duration: 1d}\n",
      body.replacingOccurrences(of: "tasks:\n", with: "tasks: &t\n") + "other: *t\n",
      "{plan: P, start: 2021-01-04, owners: [{id: o, name: O}], tasks: [{id: a, name: A, owner: o, duration: 3d}]}\n",
      "{\"plan\": \"P\", \"start\": \"2021-01-04\", \"owners\": [{\"id\": \"o\"}], \"tasks\": [{\"id\": \"a\", \"name\": \"A\", \"owner\": \"o\", \"duration\": \"3d\"}]}",
      "\u{FEFF}" + body, body + "\u{0}", body + "\u{85}",
      body.replacingOccurrences(of: "name: A", with: "name: A\u{85}B"),
      body.replacingOccurrences(of: "name: A", with: "name: A\u{2028}B"),
      body.replacingOccurrences(of: "name: A", with: "name: 'A\n\n      B'"),
      body.replacingOccurrences(of: "owners:", with: "owners: ~\nx:"),
      body.replacingOccurrences(of: "tasks:\n", with: "tasks: []\n"),
      "plan: P\nstart: 2021-01-04\ntasks:\n", "plan: P\nstart: 2021-01-04\ntasks: ~\n", "plan: P\nstart: 2021-01-04\n",
      "", "---\n", "---\n...\n", "~\n", "- a\n", "plan\n",
    ]
    for text in variants { Self.check(text, path: "plan.yaml") }
  }

  @Test func theRichPlanAsFlowYAMLEveryPrefix() {
    // The rich plan's JSON is also flow YAML (without the JSON-only surrogate escapes).
    let bytes = Array(Self.rich.replacingOccurrences(of: #"\ud83d\ude00"#, with: "😀").utf8)
    #expect(FastPathSupport.full(bytes, path: "plan.yaml").diagnostics.isEmpty)
    for n in 0...bytes.count {
      Self.check(Array(bytes[..<n]), path: "plan.yaml")
    }
  }

  @Test(arguments: [99, 100, 101, 199, 200, 201, 202])
  func yamlNestingAroundTheLimits(_ depth: Int) {
    var text = Self.yamlHead
    for level in 0..<depth {
      let indent = String(repeating: "  ", count: level + 1)
      text += "\(indent)- id: t\(level)\n\(indent)  name: N\n\(indent)  owner: o\n"
      text += level == depth - 1 ? "\(indent)  duration: 1d\n" : "\(indent)  tasks:\n"
    }
    Self.check(text, path: "plan.yaml")
    // Flow style, as deep.
    var flow = ""
    for level in 0..<depth {
      flow += "{id: t\(level), name: N, owner: o, " + (level == depth - 1 ? "duration: 1d}" : "tasks: [")
    }
    flow += String(repeating: "]}", count: depth - 1)
    Self.check(Self.yamlHead + "  - " + flow + "\n", path: "plan.yaml")
  }

  // MARK: - The loader's hook

  /// The loader with and without the fast path: the same plan, diagnostics and files.
  static func sameLoad(
    _ files: [String: [UInt8]], root: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let fileSystem = MemoryFileSystem(files: files)
    let fast = PlanLoader(fileSystem: fileSystem).load(path: root)
    var slow = PlanLoader(fileSystem: fileSystem)
    slow.usesFastPath = false
    let full = slow.load(path: root)
    #expect(fast.plan == full.plan, "\(root)", sourceLocation: sourceLocation)
    #expect(fast.diagnostics == full.diagnostics, "\(root)", sourceLocation: sourceLocation)
    #expect(fast.files == full.files, "\(root)", sourceLocation: sourceLocation)
  }

  @Test func theHookKeepsIncludesStdinAndMissingFilesAsTheyWere() {
    let plan = Array(Self.json(Self.leaf).utf8)
    let yaml = Array((Self.yamlHead + "  - {id: a, name: A, owner: o, duration: 3d}\n").utf8)
    let part = Array(#"{"tasks": [{"id": "b", "name": "B", "owner": "o", "duration": "1d"}]}"#.utf8)
    let withInclude = Array(Self.json(Self.leaf, head: #""include": ["part.json"], "#).utf8)
    let withEmptyInclude = Array(Self.json(Self.leaf, head: #""include": [], "#).utf8)
    Self.sameLoad(["plan.json": plan], root: "plan.json")
    Self.sameLoad(["plan.yaml": yaml], root: "plan.yaml")
    Self.sameLoad(["-": plan], root: "-")
    Self.sameLoad(["-": yaml], root: "-")
    Self.sameLoad(["plan.json": withInclude, "part.json": part], root: "plan.json")
    Self.sameLoad(["plan.json": withEmptyInclude], root: "plan.json")
    Self.sameLoad(["plan.json": withInclude], root: "plan.json")
    Self.sameLoad([:], root: "plan.json")
    Self.sameLoad(["dir/plan.json": plan], root: "dir/plan.json")
    Self.sameLoad(["dir/plan.json": plan], root: "./dir/../dir/plan.json")
    Self.sameLoad(["plan.JSON": plan], root: "plan.JSON")
    Self.sameLoad(["plan.yml": plan], root: "plan.yml")
    Self.sameLoad(["plan": plan], root: "plan")
    Self.sameLoad(["plan.json": yaml], root: "plan.json")
    // A cycle: the fast path reads and declines, then the full loader reads again.
    let cycle = Array(
      Self.json(
        #"{"id": "a", "name": "A", "owner": "o", "duration": "1d", "after": ["b"]}, {"id": "b", "name": "B", "owner": "o", "duration": "1d", "after": ["a"]}"#
      ).utf8)
    Self.sameLoad(["plan.json": cycle], root: "plan.json")
  }

  @Test func theFastPathKeepsTheSameSourcesAsTheFullLoader() {
    // Not part of `==` on plans, but what a caller of `PlanLoadResult.sources` sees.
    let plan = Array(Self.json(Self.leaf).utf8)
    let fileSystem = MemoryFileSystem(files: ["plan.json": plan])
    let fast = PlanLoader(fileSystem: fileSystem).load(path: "plan.json")
    var slow = PlanLoader(fileSystem: fileSystem)
    slow.usesFastPath = false
    let full = slow.load(path: "plan.json")
    #expect(fast.plan != nil && full.plan != nil)
    #expect(fast.sources == full.sources)
  }

  // MARK: - More semantics

  @Test func emptyAndBlankTexts() {
    for name in ["", " ", "\\t", "\\n", "\\u3000"] {
      Self.check(Self.json(#"{"id": "a", "name": "\#(name)", "owner": "o", "duration": "3d"}"#))
      Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "note": "\#(name)"}"#))
      Self.check(
        #"{"plan": "P", "start": "2021-01-04", "owners": [{"id": "o", "name": "\#(name)"}], "tasks": [\#(Self.leaf)]}"#)
    }
    for value in ["''", "\"\"", "' '", "\"\\t\""] {
      for key in ["name", "note", "source", "evidence", "id", "owner", "status", "every", "duration", "deadline"] {
        Self.check(
          Self.yamlHead
            + "  - id: a\n    name: A\n    owner: o\n    duration: 3d\n".replacingOccurrences(
              of: "    duration: 3d\n",
              with: key == "duration" ? "    duration: \(value)\n" : "    duration: 3d\n    \(key)-x: 1\n"
            ).replacingOccurrences(of: "    \(key)-x: 1\n", with: "    \(key): \(value)\n"), path: "plan.yaml")
      }
      Self.check(
        "plan: \(value)\nstart: 2021-01-04\ntasks:\n  - {id: a, name: A, owner: o, duration: 3d}\nowners: [{id: o}]\n",
        path: "plan.yaml")
    }
  }

  @Test func keysOnSummaries() {
    for extra in [
      #""start": "2021-02-01""#, #""deadline": "2021-02-01""#, #""deadline": "2020-02-01""#, #""after": ["z"]"#,
      #""every": "month""#, #""status": "active""#, #""status": "cancelled""#, #""status": "blocked""#,
      #""status": "planned""#, #""note": "n""#, #""source": "s""#, #""evidence": "e""#, #""owner": "o.u""#,
      #""owner": "x""#,
    ] {
      Self.check(
        Self.json(
          #"{"id": "z", "name": "Z", "owner": "o", "duration": "1d"}, {"id": "s", "name": "S", "owner": "o", \#(extra), "tasks": [{"id": "a", "name": "A", "duration": "3d"}]}"#
        ))
    }
    // A nested task's undotted reference to a top-level task (no sibling of that id).
    Self.check(
      Self.json(
        #"{"id": "a", "name": "A", "owner": "o", "duration": "1d"}, {"id": "q", "name": "Q", "owner": "o", "tasks": [{"id": "b", "name": "B", "duration": "1d", "after": ["a"]}]}"#
      ))
  }

  /// Ids that are the same text to Swift's `String ==` (canonically equivalent) but differ in bytes:
  /// the full loader keys ids by `String`, the fast path compares bytes.
  @Test(arguments: [
    ("\u{E9}", "e\u{301}"), ("\u{AC00}", "\u{1100}\u{1161}"), ("\u{F900}", "\u{8C48}"), ("\u{FA10}", "\u{585A}"),
    ("a\u{301}\u{323}", "a\u{323}\u{301}"), ("\u{212B}", "\u{C5}"),
  ])
  func canonicallyEquivalentIDs(_ pair: (String, String)) {
    let (one, other) = pair
    // Two siblings whose ids are equivalent: a duplicate to the full loader (`duplicateID`), two
    // different ids to the fast path, which compares and hashes bytes (`FastPlanAssembler.sameID`,
    // `assignFullIDs`): it declines such ids (`FastValues.comparesByBytes`) and the full loader decides.
    Self.check(
      Self.json(
        #"{"id": "\#(one)", "name": "A", "owner": "o", "duration": "1d"}, {"id": "\#(other)", "name": "B", "owner": "o", "duration": "1d"}"#
      ))
    Self.check(
      Self.yamlHead
        + "  - {id: \(one), name: A, owner: o, duration: 1d}\n  - {id: \(other), name: B, owner: o, duration: 1d}\n",
      path: "plan.yaml")
    // The same one level down, under one summary.
    Self.check(
      Self.json(
        #"{"id": "s", "name": "S", "owner": "o", "tasks": [{"id": "\#(one)", "name": "A", "duration": "1d"}, {"id": "\#(other)", "name": "B", "duration": "1d"}]}"#
      ))
    // Equivalent summaries' ids: children then have equal full ids to the full loader.
    Self.check(
      Self.json(
        #"{"id": "\#(one)", "name": "A", "owner": "o", "tasks": [\#(Self.leaf)]}, {"id": "\#(other)", "name": "B", "owner": "o", "tasks": [\#(Self.leaf)]}"#
      ))
    // A reference and an owner written the other way.
    Self.check(
      Self.json(
        #"{"id": "\#(one)", "name": "A", "owner": "o", "duration": "1d"}, {"id": "z", "name": "B", "owner": "o", "duration": "1d", "after": ["\#(other)"]}"#
      ))
    Self.check(
      #"{"plan": "P", "start": "2021-01-04", "owners": [{"id": "\#(one)"}], "tasks": [{"id": "a", "name": "A", "owner": "\#(other)", "duration": "1d"}]}"#
    )
    Self.check(
      #"{"plan": "P", "start": "2021-01-04", "owners": [{"id": "\#(one)"}, {"id": "\#(other)"}], "tasks": [{"id": "a", "name": "A", "owner": "\#(other)", "duration": "1d"}]}"#
    )
  }
}

extension FastPathReviewTests {
  /// The forms above that a careful fast path should take, so that the agreement tests are not vacuous.
  @Test func commonFormsAreTakenSoTheChecksMeanSomething() {
    let body = Self.yamlHead + "  - id: a\n    name: A\n    owner: o\n    duration: 3d\n"
    for text in [
      body, "\u{FEFF}" + body, "---\n" + body, "---\n" + body + "...\n", "# c\n" + body,
      body.replacingOccurrences(of: "\n", with: "\r\n"), body.replacingOccurrences(of: "\n", with: " # c\n"),
      body.replacingOccurrences(of: "name: A", with: "name: '中文 名称😀'"),
      body.replacingOccurrences(of: "name: A", with: "name: |\n      多行\n      文本"),
      body.replacingOccurrences(of: "id: a", with: "id: 任务一"),
    ] {
      #expect(Self.check(text, path: "plan.yaml"), "\(text)")
    }
    let json = Self.json(Self.leaf)
    for text in [
      json, "\u{FEFF}" + json, json.replacingOccurrences(of: ", ", with: ",\r\n\t"),
      json.replacingOccurrences(of: #""name": "A""#, with: #""name": "\u4e2d\ud83d\ude00\/\"""#),
      json.replacingOccurrences(of: #""id": "a""#, with: #""id": "任务一""#),
    ] {
      #expect(Self.check(text), "\(text)")
    }
  }

  /// The Kelvin sign is canonically `K`: ids `K` and `\u{212A}` are one id to `String`.
  @Test func kelvinSignAndKAreOneID() {
    Self.check(
      Self.json(
        #"{"id": "K", "name": "A", "owner": "o", "duration": "1d"}, {"id": "\#u{212A}", "name": "B", "owner": "o", "duration": "1d"}"#
      ))
    // Referred to the other way: the fast path does not find it and declines (allowed).
    Self.check(
      Self.json(
        #"{"id": "K", "name": "A", "owner": "o", "duration": "1d"}, {"id": "z", "name": "B", "owner": "o", "duration": "1d", "after": ["\#u{212A}"]}"#
      ))
  }
}

extension FastPathReviewTests {
  /// Keys in any order: `tasks` or `units` before `id`, `after` before the task it names is read.
  @Test func keysInAnyOrder() {
    Self.check(
      Self.json(
        #"{"tasks": [{"after": ["b"], "duration": "1d", "name": "A", "id": "a"}, {"name": "B", "duration": "2d", "id": "b"}], "name": "P", "owner": "o", "id": "p"}, {"after": ["p.a"], "id": "z", "owner": "o.u", "name": "Z", "duration": "1d"}"#
      ))
    Self.check(
      #"{"tasks": [{"owner": "o.u", "id": "a", "name": "A", "duration": "1d"}], "owners": [{"units": [{"name": "U", "id": "u"}], "name": "O", "id": "o"}], "start": "2021-01-04", "plan": "P"}"#
    )
    Self.check(
      "tasks:\n  - {name: A, duration: 1d, owner: o.u, id: a}\nowners:\n  - units: [{id: u}]\n    id: o\nstart: 2021-01-04\nplan: P\n",
      path: "plan.yaml")
  }

  /// The date forms Chinese plans write (quarters, halves, months, year ends) for each role.
  @Test(arguments: [
    "2021-Q1", "2021Q1", "2021-q1", "2021-H1", "2021-H2", "2021年一季度", "2021年第一季度", "2021年上半年", "2021年底", "2021年末",
    "2021年3月", "2021年3月底", "2021-03", "2021-3", "2021年", "2021", "2021/3/1", "2021.3.1", "3月1日", "2021-03-01 ",
  ])
  func chineseDateFormsInEveryRole(_ date: String) {
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "deadline": "\#(date)"}"#))
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "duration": "3d", "start": "\#(date)"}"#))
    Self.check(Self.json(#"{"id": "a", "name": "A", "owner": "o", "done": "\#(date)"}"#))
    Self.check(Self.json(#"{"id": "d", "name": "D", "owner": "o", "every": "quarter", "done": ["\#(date)"]}"#))
    Self.check(Self.json(#"{"id": "d", "name": "D", "owner": "o", "every": "quarter", "done": "\#(date)"}"#))
    Self.check(Self.json(Self.leaf).replacingOccurrences(of: "2021-01-04", with: date))
    let yaml = Self.yamlHead + "  - id: a\n    name: A\n    owner: o\n    duration: 3d\n"
    Self.check(yaml + "    deadline: \(date)\n", path: "plan.yaml")
    Self.check(yaml.replacingOccurrences(of: "start: 2021-01-04", with: "start: \(date)"), path: "plan.yaml")
    Self.check(
      Self.yamlHead + "  - id: d\n    name: D\n    owner: o\n    every: quarter\n    done: [\(date)]\n",
      path: "plan.yaml")
  }
}

extension FastPathReviewTests {
  /// Owner texts that name one owner by id and another by a unit's short id or by name.
  @Test func ownerTextsThatAreAmbiguous() {
    for owners in [
      #"[{"id": "o", "units": [{"id": "u"}]}, {"id": "u"}]"#, #"[{"id": "u"}, {"id": "o", "units": [{"id": "u"}]}]"#,
      #"[{"id": "a", "name": "b"}, {"id": "b", "name": "a"}]"#,
      #"[{"id": "a", "name": "a"}, {"id": "b", "name": "a"}]"#,
      #"[{"id": "o", "units": [{"id": "a"}]}, {"id": "x", "units": [{"id": "a"}]}, {"id": "a"}]"#,
      #"[{"id": "o", "name": "u", "units": [{"id": "u", "name": "o"}]}]"#,
    ] {
      for owner in ["a", "b", "u", "o", "o.u", "o.a"] {
        Self.check(
          #"{"plan": "P", "start": "2021-01-04", "owners": \#(owners), "tasks": [{"id": "t", "name": "T", "owner": "\#(owner)", "duration": "1d"}]}"#
        )
        Self.check(
          #"{"plan": "P", "start": "2021-01-04", "owner": "\#(owner)", "owners": \#(owners), "tasks": [{"id": "t", "name": "T", "duration": "1d"}]}"#
        )
      }
    }
  }
}

extension FastPathReviewTests {
  /// A reference whose bytes miss the sibling it is equivalent to, but hit a top-level task: the full
  /// loader (sibling first, by `String`) and the fast path (by bytes) would pick different tasks; the fast
  /// path declines the reference (`FastValues.comparesByBytes`).
  @Test func anEquivalentSiblingBeatsAByteEqualTopLevelTask() {
    let nfc = "\u{E9}"
    let nfd = "e\u{301}"
    let text = Self.json(
      #"{"id": "\#(nfd)", "name": "top", "owner": "o", "duration": "1d"}, {"id": "p", "name": "P", "owner": "o", "tasks": [{"id": "\#(nfc)", "name": "sibling", "duration": "1d"}, {"id": "b", "name": "B", "duration": "1d", "after": ["\#(nfd)"]}]}"#
    )
    Self.check(text)
  }
}
