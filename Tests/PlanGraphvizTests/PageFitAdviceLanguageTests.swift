import PlanGraph
import Testing

@testable import PlanGraphviz

/// PageFit's advice in the command's language.
@Suite struct PageFitAdviceLanguageTests {
  @Test func adviceInChineseAndNeverZero() throws {
    let (plan, schedule) = try PageFitTests.scheduled(PageFitTests.busyPlan)
    var options = ChartOptions(language: .zh)
    options.byUnit = true
    options.pageSize = try PageSize.pixels("16x16")
    let tiny = try PageFit(.timeline, plan: plan, schedule: schedule, options: options)
    let chinese = try #require(tiny.advice(in: .zh))
    #expect(chinese.hasPrefix("任务名称只有 ") && chinese.contains("用 --size "), "\(chinese)")
    #expect(!chinese.contains(" 0 像素"))
    #expect(tiny.advice == tiny.advice(in: .en))
    options.pageSize = try PageSize.paper("A4", landscape: true)
    let a4 = try PageFit(.timeline, plan: plan, schedule: schedule, options: options)
    if let name = a4.nameSize, name < PageFit.readableSize {
      let printed = try #require(a4.advice(in: .zh))
      #expect(printed.contains("磅，难以看清") && printed.contains("--landscape"), "\(printed)")
    }
  }
}
