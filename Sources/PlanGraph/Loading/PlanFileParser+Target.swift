/// Reading a task's quantified target and its measurements.
extension PlanFileParser {
  mutating func readTarget() throws(YAMLSyntaxError) -> Target? {
    let start = try cursor.next()
    guard start.kind == .mappingStart else {
      bag.error(
        .invalidValue,
        Phrase("'target' takes a mapping {metric, op, value, unit}", "量化目标“target”要写成映射“{metric, op, value, unit}”"),
        at: cursor.location(start), hint: Phrase(verbatim: "target: { metric: 社工人数, op: \">=\", value: 100, unit: 人 }"))
      try cursor.skipNode(startingWith: start)
      return nil
    }
    var places = KeyPlaces<TargetKey>()
    var fields = [Scalar?](repeating: nil, count: TargetKey.allCases.count)
    while let key = try nextKey(&places) {
      fields[key.index] = try cursor.readText(for: key.rawValue, into: &bag)
    }
    let location = cursor.location(cursor.position(start))
    var valid = true
    for key in [TargetKey.metric, .op, .value] where fields[key.index] == nil {
      bag.error(
        .missingKey, Phrase("the target has no '\(key.rawValue)'", "量化目标缺少“\(key.rawValue)”"), at: location,
        hint: Phrase("a target needs metric, op and value", "量化目标须写“metric”、“op”和“value”"))
      valid = false
    }
    var comparison: Target.Comparison?
    if let op = fields[TargetKey.op.index] {
      comparison = Target.Comparison(rawValue: op.text)
      if comparison == nil {
        bag.error(
          .invalidValue, Phrase("unknown comparison '\(op.text)'", "比较方式“\(op.text)”无法识别"),
          at: cursor.location(op.position),
          hint: Phrase(
            "one of >=, <=, >, <, = (quote it in flow style: op: \">=\")", "可以写：>=、<=、>、<、=（写在花括号里时要加引号：“op: \">=\"”）"))
      }
    }
    var value: DecimalNumber?
    if let scalar = fields[TargetKey.value.index] {
      value = DecimalNumber(scalar.text)
      if value == nil {
        bag.error(
          .invalidValue,
          Phrase("the target value '\(scalar.text)' is not a decimal number", "目标值“\(scalar.text)”不是十进制数"),
          at: cursor.location(scalar.position),
          hint: Phrase("write digits with an optional point, such as 80 or 0.5", "写数字，可以带小数点，如 80 或 0.5"))
      }
    }
    guard valid, let metric = fields[TargetKey.metric.index], let comparison, let value else { return nil }
    return Target(metric: metric.text, comparison: comparison, value: value, unit: fields[TargetKey.unit.index]?.text)
  }

  /// Reads `measurements`; values written with a `%` are noted in `percentValues`, for the rules to check
  /// against the target's unit.
  mutating func readMeasurements(percentValues: inout [Scalar]) throws(YAMLSyntaxError) -> [(
    date: DateSlot, value: DecimalNumber
  )] {
    var result: [(date: DateSlot, value: DecimalNumber)] = []
    var percents: [Scalar] = []
    try readMappingList(
      notAList: Phrase("'measurements' takes a list of {date, value}", "“measurements”要写“{date, value}”的列表"),
      notAMapping: Phrase("a measurement must be a mapping {date, value}", "测量值须写成映射“{date, value}”"),
      hint: Phrase(verbatim: "- { date: 2018-12-31, value: 35 }")
    ) { (parser: inout Self, item: YAMLEvent) throws(YAMLSyntaxError) in
      var date: DateSlot?
      var value: DecimalNumber?
      var places = KeyPlaces<MeasurementKey>()
      while let key = try parser.nextKey(&places) {
        guard let scalar = try parser.cursor.readText(for: key.rawValue, into: &parser.bag) else { continue }
        switch key {
        case .date:
          date = parser.parseDate(scalar)
        case .value:
          // `90.5%` is accepted when the target's unit is `%`; checked when the task ends.
          var text = scalar.text
          if text.hasSuffix("%") || text.hasSuffix("％") {
            text.removeLast()
            percents.append(scalar)
          }
          value = DecimalNumber(text)
          if value == nil {
            parser.bag.error(
              .invalidValue,
              Phrase("the measured value '\(scalar.text)' is not a decimal number", "测量值“\(scalar.text)”不是十进制数"),
              at: parser.cursor.location(scalar.position), hint: nil)
          }
        }
      }
      for key in MeasurementKey.allCases where !places.has(key) {
        parser.bag.error(
          .missingKey, Phrase("the measurement has no '\(key.rawValue)'", "测量值缺少“\(key.rawValue)”"),
          at: parser.cursor.location(item), hint: nil)
      }
      if let date, let value { result.append((date, value)) }
    }
    percentValues.append(contentsOf: percents)
    return result
  }
}
