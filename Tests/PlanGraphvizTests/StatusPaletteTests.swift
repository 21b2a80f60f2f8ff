import Testing

@testable import PlanGraph
@testable import PlanGraphviz

/// One set of status colours, in the charts and in the HTML report.
@Suite struct StatusPaletteTests {
  @Test func theReportMarksStatusesInThePalettesColours() {
    let palette = StatusPalette.standard
    // The report marks a status with a stripe on white: the chart's fill where it is strong, its
    // border where the fill is too pale to show there (due soon, done).
    let expected: [(variable: String, colour: String)] = [
      ("--overdue", palette.look(.overdue).fill),
      ("--risk", palette.look(.atRisk).fill),
      ("--soon", palette.look(.dueSoon).border),
      ("--done", palette.look(.done).border),
      ("--blocked", palette.look(.blocked).fill),
    ]
    let css = HTMLReport.css.lowercased()
    for (variable, colour) in expected {
      #expect(css.contains("\(variable): \(colour.lowercased());"), "\(variable) should be \(colour)")
    }
  }
}
