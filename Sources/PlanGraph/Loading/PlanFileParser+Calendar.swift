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
        .invalidCalendar,
        Phrase(
          "'calendar' takes a name or a mapping {base, holidays, workdays}",
          "工作日历“calendar”要写日历名称，或映射“{base, holidays, workdays}”"), at: cursor.location(first),
        hint: Phrase(
          "calendar: cn, or calendar: { base: cn, holidays: [2025-06-03], workdays: [] }",
          "写“calendar: cn”，或“calendar: { base: cn, holidays: [2025-06-03], workdays: [] }”"))
      try cursor.skipNode(startingWith: first)
      return nil
    }
    var places = KeyPlaces<CalendarKey>()
    var base = WorkCalendar.Base.weekdays
    var lists: [CalendarKey: [(Day, SourcePosition)]] = [:]
    var valid = true
    while let key = try nextKey(&places) {
      let name = key.rawValue
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
        .invalidCalendar, Phrase("\(day.iso) is listed both as a holiday and as a workday", "\(day.iso) 既列为休息日又列为工作日"),
        at: cursor.location(position), hint: Phrase("keep it in one of the two lists", "只保留在其中一个列表里"))
      valid = false
    }
    guard valid else { return nil }
    return WorkCalendar(base: base, holidays: holidays.map(\.0), workdays: workdays.map(\.0))
  }

  private mutating func calendarBase(_ scalar: Scalar) -> WorkCalendar.Base? {
    if let base = WorkCalendar.Base(rawValue: scalar.text) { return base }
    let names = WorkCalendar.Base.allCases.map(\.rawValue)
    bag.error(
      .invalidCalendar, Phrase("unknown calendar '\(scalar.text)'", "日历“\(scalar.text)”无法识别"),
      at: cursor.location(scalar.position),
      hint: ParserPhrases.didYouMean(scalar.text, in: names)
        ?? Phrase(
          "one of: weekdays (Monday to Friday), cn (China's official calendar)", "可以写：weekdays（周一至周五）、cn（国家法定工作日）"))
    return nil
  }

  /// A day of `holidays`/`workdays`: any absolute date form, a period meaning its last day.
  private mutating func calendarDay(_ scalar: Scalar, list: String) -> Day? {
    switch DateExpression.parse(scalar.text) {
    case .success(.day(let day)):
      return day
    case .success:
      bag.error(
        .invalidCalendar,
        Phrase("a day in '\(list)' cannot be relative to the plan start", "“\(list)”中的日期不能相对于计划开始日期"),
        at: cursor.location(scalar.position),
        hint: Phrase("write the day itself, such as 2025-06-03", "直接写出那一天，如 2025-06-03"))
    case .failure:
      bag.error(
        .invalidCalendar, Phrase("'\(scalar.text)' in '\(list)' is not a day", "“\(list)”中的“\(scalar.text)”不是日期"),
        at: cursor.location(scalar.position),
        hint: ParserPhrases.writeInstead(ofDate: scalar.text)
          ?? Phrase("write a day such as 2025-06-03 or 2025年6月3日", "写一个日期，如 2025-06-03 或 2025年6月3日"))
    }
    return nil
  }
}
