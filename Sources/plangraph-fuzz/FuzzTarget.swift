import PlanGraph

// A libFuzzer target over the whole pipeline. `make fuzz` builds it with -DFUZZING and
// -sanitize=fuzzer,address; an ordinary build gets a stub saying so.
#if FUZZING
  import CFuzzer

  /// The process's entry point under SwiftPM's name for this target's main: hands control to libFuzzer.
  @_cdecl("plangraph_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
  }

  /// libFuzzer's entry for one input (its own `main` is linked in too, and calls this).
  @_cdecl("LLVMFuzzerTestOneInput")
  public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzOneInput(data, count)
  }

  /// One fuzz input: the first byte picks what is read, the rest is the input.
  func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let mode = bytes.first else { return 0 }
    let input = Array(bytes.dropFirst())
    switch mode % 8 {
    case 0, 1:
      let path = mode % 4 == 0 ? "plan.yaml" : "plan.json"
      let check = PlanCheck(
        path: path, asOf: nil, strict: mode & 4 != 0, fileSystem: MemoryFileSystem(files: [path: input]))
      // Every diagnostic must print without trapping, caret and all.
      _ = DiagnosticFormatter().format(check.diagnostics, sources: check.sources)
      _ = DiagnosticFormatter.json(check.diagnostics)
      guard let plan = check.plan, let scheduler = try? Scheduler(plan: plan) else { return 0 }
      guard let schedule = try? scheduler.schedule(asOf: plan.start.adding(days: Int(mode) * 37)) else { return 0 }
      let language: Language = mode & 8 == 0 ? .zh : .en
      _ = CheckReport.text(plan: plan, path: path, schedule: schedule, style: .plain, language: language)
      let report = ScheduleReport(plan: plan, schedule: schedule, language: language)
      _ = (report.table(width: 80, style: .plain), report.csv(), report.json(), report.markdown())
      let list = OverdueList(plan: plan, schedule: schedule)
      let overdue = OverdueReport(plan: plan, schedule: schedule, list: list, language: language)
      _ = (overdue.table(width: 60, style: .plain), overdue.csv(), overdue.json(), overdue.markdown())
      let critical = CriticalReport(plan: plan, schedule: schedule, language: language)
      _ = (critical.text(width: 80, style: .plain), critical.json(), critical.markdown())
      _ = HTMLReport(plan: plan, schedule: schedule, language: language).html()
      _ = PlanExport(plan: plan, schedule: schedule).json()
      _ = CalendarExport(plan: plan, schedule: schedule, language: language).ics()
      _ = MermaidExport(plan: plan, schedule: schedule, language: language).markdown()
    case 2:
      _ = DateExpression.parse(String(decoding: input, as: UTF8.self))
    case 4:
      fuzzEscaping(String(decoding: input, as: UTF8.self))
    case 5:
      fuzzMermaid(input)
    case 6:
      fuzzFastPath(input, path: "plan.json")
    case 7:
      fuzzFastPath(input, path: "plan.yaml")
    default:
      _ = PlanDuration.parse(String(decoding: input, as: UTF8.self))
      _ = DecimalNumber(String(decoding: input, as: UTF8.self))
    }
    return 0
  }

  /// The loader's fast path on any input, as JSON or YAML: whenever it takes a plan, the full loader
  /// (fast path off) gives the same plan, places included, and no diagnostic.
  ///
  /// The input is also read cut for two threads, at the guessed cut and at a line after a third of
  /// it: each reading equals the one-thread reading.
  func fuzzFastPath(_ input: [UInt8], path: String) {
    let fast = FastPlanReader.read(input, path: path, split: .never)
    let textStart = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var splits: [FastYAMLReader.Split] = [.guessed]
    let third = textStart + (input.count - textStart) / 3
    let json = path.hasSuffix(".json")
    // For JSON, the first line after a third whose first byte is `{` (a generated plan has one every
    // line); for YAML, the first line after a third.
    if let line = input[third...].indices.first(where: {
      input[$0] == UInt8(ascii: "\n") && (!json || input[($0 + 1)...].first { $0 != 0x20 } == UInt8(ascii: "{"))
    }) {
      splits.append(.line(line + 1 - textStart))
    }
    for split in splits {
      precondition(
        FastPlanReader.read(input, path: path, split: split) == fast,
        "the fast path read on two threads differs from one")
    }
    guard let fast else { return }
    var loader = PlanLoader(fileSystem: MemoryFileSystem(files: [path: input]))
    loader.usesFastPath = false
    let full = loader.load(path: path)
    precondition(full.diagnostics.isEmpty, "the fast path took a plan the full loader reports")
    precondition(full.plan == fast, "the fast path's plan differs from the full loader's")
  }

  /// The CSV and terminal writers on any text: a CSV field never starts a formula, a terminal line
  /// holds no control character, and widths never trap.
  func fuzzEscaping(_ text: String) {
    let field = CSVText.neutralised(text)
    if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      precondition(
        field.hasPrefix("'") || text.unicodeScalars.allSatisfy { "+-.0123456789".unicodeScalars.contains($0) })
    }
    precondition(!CSVText.field(text).utf8.contains(0))
    let inline = TerminalText.inline(text)
    precondition(!inline.unicodeScalars.contains { TerminalText.isUnsafe($0) })
    let screen = TerminalText.screen(text, keepingStyles: false)
    precondition(!screen.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
    _ = TerminalText.screen(text, keepingStyles: true)
    var table = TextTable(columns: [TextTable.Column("a"), TextTable.Column("b", flexible: true)])
    table.rows = [.cells([.init(text), .init(text)]), .line(.init(text), indent: 2)]
    let rendered = table.render(width: 40, style: .plain)
    precondition(!rendered.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
    _ = TextWidth.truncate(text, to: 7)
    let location = FileLocation(file: text, line: 1, column: 3, length: 4)
    let formatted = DiagnosticFormatter().format(
      [Diagnostic(.error, .invalidValue, text, at: location, hint: text)], sources: [text: Array(text.utf8)])
    precondition(!formatted.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
    precondition(formatted.split(separator: "\n", omittingEmptySubsequences: false).count <= 5)
  }

  /// The Mermaid writer on a plan whose task names are the input's lines: every task line keeps the
  /// shape Mermaid's gantt grammar accepts (text, then `:` and the data, no `#`, `;` or `%`).
  func fuzzMermaid(_ input: [UInt8]) {
    let names = String(decoding: input, as: UTF8.self).split(separator: "\n").prefix(50)
    var yaml = "plan: f\nstart: 2017-09-01\ntasks:\n"
    for (i, name) in names.enumerated() {
      var quoted = "\""
      for scalar in name.unicodeScalars {
        switch scalar {
        case "\\": quoted += "\\\\"
        case "\"": quoted += "\\\""
        default:
          if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.value == 0xFEFF
            || (0xD800...0xDFFF).contains(scalar.value)
          {
            let hex = String(scalar.value, radix: 16)
            quoted += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
          } else {
            quoted.unicodeScalars.append(scalar)
          }
        }
      }
      yaml += "  - { id: t\(i), name: \(quoted)\", duration: 1d }\n"
    }
    let result = PlanLoader.load(text: yaml)
    guard let plan = result.plan, let schedule = try? Scheduler(plan: plan).schedule(asOf: plan.start) else { return }
    let text = MermaidExport(plan: plan, schedule: schedule, language: .en).markdown()
    for line in text.split(separator: "\n") where line.hasPrefix("    ") && line.contains(" :") {
      guard !line.hasPrefix("    section "), !line.hasPrefix("    title ") else { continue }
      let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      precondition(parts.count == 2)
      precondition(!line.contains("#") && !line.contains(";") && !line.contains("%"))
      let start = parts[0].drop { $0 == " " }
      precondition(start.unicodeScalars.first.map { !$0.isASCII && !$0.properties.isWhitespace } ?? false)
    }
  }
#else
  @main
  struct FuzzStub {
    static func main() {
      print("plangraph-fuzz is a libFuzzer target: run it with `make fuzz SECONDS=60`.")
    }
  }
#endif
