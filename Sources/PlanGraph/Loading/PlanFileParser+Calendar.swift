extension PlanFileParser {
  /// Reads `calendar:`: `weekdays`, `cn`, or `{base, holidays, workdays}`; nil (reported) when wrong.
  mutating func readCalendar() throws(YAMLSyntaxError) -> WorkCalendar? {
    let first = try cursor.next()
    if first.kind == .scalar {
      if first.isNull { return .weekdays }
      return calendarBase(Scalar(text: first.text, position: cursor.position(first), isNull: false))
        .map { WorkCalendar(base: $0) }
    }
    guard first.kind == .mappingStart else {
      bag.error(
        .invalidCalendar, "'calendar' takes a name or a mapping {base, holidays, workdays}", at: cursor.location(first),
        hint: "calendar: cn, or calendar: { base: cn, holidays: [2025-06-03], workdays: [] }")
      try cursor.skipNode(startingWith: first)
      return nil
    }
    var seen = Set<CalendarKey>()
    var base = WorkCalendar.Base.weekdays
    var lists: [CalendarKey: [(Day, SourcePosition)]] = [:]
    var valid = true
    while true {
      let event = try cursor.next()
      if event.kind == .mappingEnd || event.kind == .streamEnd { break }
      guard let name = try mappingKey(event, known: CalendarKey.allCases.map(\.rawValue), context: "a calendar"),
        let key = CalendarKey(rawValue: name)
      else { continue }
      if seen.contains(key) {
        try duplicateKey(event)
        continue
      }
      seen.insert(key)
      switch key {
      case .base:
        if let scalar = try cursor.readText(for: name, into: &bag) {
          if let named = calendarBase(scalar) { base = named } else { valid = false }
        }
      case .holidays, .workdays:
        var days: [(Day, SourcePosition)] = []
        for item in try cursor.readScalarList(for: name, into: &bag)?.items ?? [] where !item.isNull {
          if let day = calendarDay(item, list: name) { days.append((day, item.position)) } else { valid = false }
        }
        lists[key] = days
      }
    }
    let holidays = lists[.holidays] ?? []
    let workdays = lists[.workdays] ?? []
    let holidaySet = Set(holidays.map(\.0))
    for (day, position) in workdays where holidaySet.contains(day) {
      bag.error(
        .invalidCalendar, "\(day.iso) is listed both as a holiday and as a workday", at: cursor.location(position),
        hint: "keep it in one of the two lists")
      valid = false
    }
    guard valid else { return nil }
    return WorkCalendar(base: base, holidays: holidays.map(\.0), workdays: workdays.map(\.0))
  }

  private mutating func calendarBase(_ scalar: Scalar) -> WorkCalendar.Base? {
    if let base = WorkCalendar.Base(rawValue: scalar.text) { return base }
    let names = WorkCalendar.Base.allCases.map(\.rawValue)
    bag.error(
      .invalidCalendar, "unknown calendar '\(scalar.text)'", at: cursor.location(scalar.position),
      hint: NearestNames.hint(for: scalar.text, in: names)
        ?? "one of: weekdays (Monday to Friday), cn (China's official calendar)")
    return nil
  }

  /// A day of `holidays`/`workdays`: any absolute date form, a period meaning its last day.
  private mutating func calendarDay(_ scalar: Scalar, list: String) -> Day? {
    switch DateExpression.parse(scalar.text) {
    case .success(.day(let day)):
      return day
    case .success:
      bag.error(
        .invalidCalendar, "a day in '\(list)' cannot be relative to the plan start",
        at: cursor.location(scalar.position),
        hint: "write the day itself, such as 2025-06-03")
    case .failure:
      bag.error(
        .invalidCalendar, "'\(scalar.text)' in '\(list)' is not a day", at: cursor.location(scalar.position),
        hint: DateWordingHint.suggestion(forDate: scalar.text).map { "write '\($0)'" }
          ?? "write a day such as 2025-06-03 or 2025年6月3日")
    }
    return nil
  }
}
