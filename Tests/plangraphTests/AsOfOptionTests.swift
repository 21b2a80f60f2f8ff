import Testing

/// `--as-of` outside the years of plan dates is told as such, not as "not a date".
@Suite struct AsOfOptionTests {
  @Test(arguments: [("1899-12-31", 1899), ("2201-01-01", 2201)])
  func anAsOfDateOutsideThePlanYearsSaysSo(_ date: String, _ year: Int) throws {
    let result = try CommandRunner.run(["schedule", "plans/chengqu-2017/plan.yaml", "--as-of", date])
    #expect(result.status != 0)
    #expect(result.stderr.contains("the year \(year) of '\(date)' for --as-of is outside 1900–2200"))
    #expect(!result.stderr.contains("is not a date"))
  }

  @Test func aMalformedAsOfDateIsStillNotADate() throws {
    let result = try CommandRunner.run(["schedule", "plans/chengqu-2017/plan.yaml", "--as-of", "tomorrow"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("'tomorrow' is not a date for --as-of"))
  }
}
