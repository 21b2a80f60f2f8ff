import Foundation
import PlanGraph
import Testing

/// The embedded China calendar against its source, the PyPI package chinesecalendar, day by day over
/// every covered year (when the package is installed: `make test` installs it).
@Suite struct ChinaCalendarDataTests {
  /// One character per day of the covered years, `1` for a working day, from Python; nil without the package.
  static func fromPackage() -> String? {
    let years = ChinaCalendar.coveredYears
    let script = """
      import datetime, chinese_calendar
      d = datetime.date(\(years.lowerBound), 1, 1)
      out = []
      while d.year <= \(years.upperBound):
          out.append("1" if chinese_calendar.is_workday(d) else "0")
          d += datetime.timedelta(days=1)
      print("".join(out))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    guard (try? process.run()) != nil else { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func everyDayOfEveryCoveredYearAgreesWithThePackage() throws {
    guard let expected = Self.fromPackage() else {
      // Without Python's chinesecalendar there is nothing to compare with; `make test` installs it.
      return
    }
    let index = WorkingDays(calendar: .cn)
    let first = day("\(ChinaCalendar.coveredYears.lowerBound)-01-01").ordinal
    let last = day("\(ChinaCalendar.coveredYears.upperBound)-12-31").ordinal
    #expect(expected.count == last - first + 1)
    var differences: [String] = []
    for (offset, flag) in expected.enumerated() where index.isWorking(first + offset) != (flag == "1") {
      differences.append(Day(ordinal: first + offset).iso)
    }
    #expect(differences.isEmpty, "days that differ from chinesecalendar: \(differences.prefix(20))")
  }

  @Test func theDataHoldsTheKnownMakeUpDays() {
    // Sundays worked in 2019 that one open library missed: 3 February and 29 September.
    let cn = WorkingDays(calendar: .cn)
    for text in ["2019-02-03", "2019-09-29", "2018-02-11", "2018-02-24", "2018-09-29", "2018-09-30", "2019-10-12"] {
      #expect(cn.isWorking(day(text).ordinal), "\(text)")
    }
    for text in ["2018-02-15", "2018-02-21", "2018-10-05", "2019-02-04", "2019-02-08", "2019-10-07", "2019-10-03"] {
      #expect(!cn.isWorking(day(text).ordinal), "\(text)")
    }
  }
}
