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
    switch mode % 4 {
    case 0, 1:
      let path = mode % 4 == 0 ? "plan.yaml" : "plan.json"
      let check = PlanCheck(
        path: path, asOf: nil, strict: mode & 4 != 0, fileSystem: MemoryFileSystem(files: [path: input]))
      // Every diagnostic must print without trapping, caret and all.
      _ = DiagnosticFormatter().format(check.diagnostics, sources: check.sources)
      _ = DiagnosticFormatter.json(check.diagnostics)
      guard let plan = check.plan, let scheduler = try? Scheduler(plan: plan) else { return 0 }
      let schedule = scheduler.schedule(asOf: plan.start.adding(days: Int(mode) * 37))
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
    default:
      _ = PlanDuration.parse(String(decoding: input, as: UTF8.self))
      _ = DecimalNumber(String(decoding: input, as: UTF8.self))
    }
    return 0
  }
#else
  @main
  struct FuzzStub {
    static func main() {
      print("plangraph-fuzz is a libFuzzer target: run it with `make fuzz SECONDS=60`.")
    }
  }
#endif
