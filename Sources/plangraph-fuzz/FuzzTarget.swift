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
      let result = PlanLoader(fileSystem: MemoryFileSystem(files: [path: input])).load(path: path)
      // Every diagnostic must print without trapping, caret and all.
      _ = DiagnosticFormatter().format(result.diagnostics, sources: result.sources)
      guard let plan = result.plan, let scheduler = try? Scheduler(plan: plan) else { return 0 }
      let schedule = scheduler.schedule(asOf: plan.start.adding(days: Int(mode) * 37))
      _ = PlanLinter.warnings(for: plan, schedule: schedule)
      _ = ScheduleReport(plan: plan, schedule: schedule, language: .zh).table(width: 80, style: .plain)
      _ = ScheduleReport(plan: plan, schedule: schedule, language: .en).csv()
      _ = ScheduleReport(plan: plan, schedule: schedule, language: .en).json()
      _ = PlanExport(plan: plan, schedule: schedule).json()
      let list = OverdueList(plan: plan, schedule: schedule)
      _ = OverdueReport(plan: plan, schedule: schedule, list: list, language: .zh).markdown()
      _ = OverdueReport(plan: plan, schedule: schedule, list: list, language: .zh).json()
      _ = CriticalReport(plan: plan, schedule: schedule, language: .en).json()
      _ = CalendarExport(plan: plan, schedule: schedule, language: .zh).ics()
      _ = MermaidExport(plan: plan, schedule: schedule, language: .en).markdown()
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
