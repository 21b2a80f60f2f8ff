/// Reading the values that are words of the format: dates, durations, percentages.
extension PlanFileParser {
  /// Reads a task's date into `field`.
  mutating func readDate(_ field: PlanBuilder.DateField, for key: String, of index: Int) throws(YAMLSyntaxError) {
    guard let slot = try readDate(for: key, role: field == .start || field == .from ? .start : .end) else { return }
    setDate(field, of: index, to: slot)
    // `done` never comes here: it is read when its task ends (finishTask), which places it.
    if field == .deadline { builder.tasks[index].locations.deadline = slot.position }
  }

  /// Sets a date, resolving a relative one at once when the plan start is already known.
  mutating func setDate(_ field: PlanBuilder.DateField, of index: Int, to slot: DateSlot) {
    if case .relative(let days) = slot.expression, let start = builder.planStart {
      builder.resolve(
        field, of: index, days: days, planStart: start, at: cursor.location(slot.position), into: &bag)
      return
    }
    builder.set(field, of: index, to: slot)
  }

  /// Reads a date value, reporting malformed, impossible and out-of-range dates.
  mutating func readDate(for key: String, role: DateRole = .end) throws(YAMLSyntaxError) -> DateSlot? {
    guard let scalar = try cursor.readText(for: key, into: &bag) else { return nil }
    return parseDate(scalar, role: role)
  }

  /// Parses a scalar as a date, reporting what is wrong with it.
  mutating func parseDate(_ scalar: Scalar, role: DateRole = .end) -> DateSlot? {
    switch DateExpression.parse(scalar.text, role: role) {
    case .success(let expression):
      return DateSlot(expression: expression, position: scalar.position)
    case .failure(let error):
      let location = cursor.location(scalar.position)
      let text = scalar.text
      let years = ParserPhrases.years
      switch error {
      case .malformed:
        bag.error(
          .invalidDate, Phrase("'\(text)' is not a date", "“\(text)”不是日期"), at: location,
          hint: ParserPhrases.dateHint(text))
      case .impossible:
        bag.error(
          .invalidDate, Phrase("'\(text)' is not a day of the calendar", "日历上没有“\(text)”这一天"), at: location, hint: nil)
      case .yearOutOfRange(let year):
        bag.error(
          .dateOutOfRange,
          Phrase("the year \(year) of '\(text)' is outside \(years)", "“\(text)”的年份 \(year) 不在 \(years) 之间"),
          at: location,
          hint: ParserPhrases.writeInstead(ofDate: text) ?? ParserPhrases.yearsHint)
      case .tooFar:
        bag.error(
          .dateOutOfRange, Phrase("'\(text)' lies outside the years \(years)", "“\(text)”超出了 \(years) 年的范围"),
          at: location, hint: ParserPhrases.yearsHint)
      case .byAfterRelative:
        let fixed = DateWordingHint.suggestion(forDate: text)
        bag.error(
          .invalidDate,
          Phrase(
            "'\(text)': 前, 以前 or 之前 cannot follow a relative date", "“\(text)”：相对日期后面不能加“前”“以前”或“之前”"),
          at: location,
          hint: Phrase(
            (fixed.map { "write '\($0)'" } ?? "drop it") + ": a relative date already means 'by'",
            (fixed.map { "写作“\($0)”" } ?? "删去它") + "：相对日期本来就是“在此之前”的意思"))
      }
      return nil
    }
  }

  mutating func parseDuration(_ scalar: Scalar) -> PlanDuration? {
    let text = scalar.text
    let location = cursor.location(scalar.position)
    switch PlanDuration.parse(text) {
    case .success(let duration):
      return duration
    case .failure(.bareNumber):
      bag.error(
        .bareNumberDuration, Phrase("the duration '\(text)' has no unit", "工期“\(text)”没有单位"), at: location,
        hint: Phrase(
          "write \(text)d for days (or w, m, y, wd for weeks, months, years, working days; 天, 周, 个月, 年, 个工作日)",
          "按日历天写作“\(text)天”或“\(text)d”；也可以用周、个月、年、个工作日（w、m、y、wd）"))
    case .failure(.tooLong):
      let days = PlanLimits.maximumDurationDays
      bag.error(
        .invalidDuration, Phrase("the duration '\(text)' is longer than \(days) days", "工期“\(text)”超过了 \(days) 天"),
        at: location, hint: nil)
    case .failure(.malformed):
      bag.error(
        .invalidDuration, Phrase("'\(text)' is not a duration", "“\(text)”不是工期"), at: location,
        hint: ParserPhrases.durationHint(text))
    }
    return nil
  }

  mutating func parseProgress(_ scalar: Scalar) -> Int? {
    let location = cursor.location(scalar.position)
    let written = scalar.text
    let wholePercent = Phrase("write a whole percent such as 30%", "写整数百分比，如 30%")
    var text = Substring(written)
    guard text.hasSuffix("%") else {
      bag.error(
        .invalidProgress, Phrase("progress '\(written)' is not a percentage", "进度“\(written)”不是百分数"), at: location,
        hint: wholePercent)
      return nil
    }
    text.removeLast()
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.asciiDigit != nil }) else {
      bag.error(
        .invalidProgress, Phrase("progress '\(written)' is not a whole percent", "进度“\(written)”不是整数百分比"),
        at: location, hint: wholePercent)
      return nil
    }
    let digits = text.drop { $0 == "0" }
    guard !negative || digits.isEmpty, digits.count <= 3, let value = Int(digits.isEmpty ? "0" : digits), value <= 100
    else {
      bag.error(
        .invalidProgress, Phrase("progress '\(written)' is outside 0–100%", "进度“\(written)”不在 0–100% 之间"),
        at: location, hint: nil)
      return nil
    }
    return value
  }
}
