/// What is known about a leaf on the as-of date: facts dated later are not yet known.
enum AsOfFact: Sendable {
  /// Finished, ending (half-open) on this day ordinal.
  case finished(end: Int, on: Int?)
  /// Its target was met by the measurement of this day.
  case met(day: Int)
  /// Under way, with this percent done.
  case active(progress: Int)
  /// Not started: cannot start before the as-of date.
  case waiting

  /// Whether the task is done on the as-of date.
  var isDone: Bool {
    switch self {
    case .finished, .met: return true
    default: return false
    }
  }

  /// What is known of a task with a target: met on `metDay`; else *started* once measured, marked
  /// `active` or given `progress` above 0%, with its own `progress` or else the one its measurements show;
  /// else waiting.
  init(metDay: Int?, measured: Bool, status: TaskStatus, progress: Int?, measuredProgress: Int) {
    if let metDay {
      self = .met(day: metDay)
    } else if measured || status == .active || (progress ?? 0) > 0 {
      self = .active(progress: progress ?? measuredProgress)
    } else {
      self = .waiting
    }
  }
}

/// Reads a target's measurements as of a date.
enum TargetProgress {
  /// The latest measurement dated on or before `asOf` (of two on one day, the one listed later), and the
  /// day the target was met: the earliest measurement day from which every later one still meets it.
  static func evaluate(_ measurements: [Measurement], target: Target, asOf: Int) -> (
    latest: Measurement?, metDay: Int?, progress: Int
  ) {
    // One measurement per day, the later listed winning, in date order.
    var byDay: [Measurement] = []
    let known = measurements.enumerated().filter { $0.element.date.ordinal <= asOf }
      .sorted { $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset }
    for (_, measurement) in known {
      if let last = byDay.last, last.date == measurement.date {
        byDay[byDay.count - 1] = measurement
      } else {
        byDay.append(measurement)
      }
    }
    guard let latest = byDay.last else { return (nil, nil, 0) }
    guard target.isMet(by: latest.value) else {
      return (latest, nil, percent(from: byDay[0].value, to: latest.value, target: target.value))
    }
    var first = byDay.count - 1
    while first > 0, target.isMet(by: byDay[first - 1].value) { first -= 1 }
    return (latest, byDay[first].date.ordinal, 100)
  }

  /// The progress of a target not yet met: `⌊100 × (m − m₀) / (v − m₀)⌋` clamped to 0…99, exactly;
  /// 0 when `v = m₀` (a single measurement has `m = m₀`, so 0 too).
  static func percent(from first: DecimalNumber, to latest: DecimalNumber, target: DecimalNumber) -> Int {
    let digits = [first, latest, target].map(fractionDigits).max() ?? 0
    if let m0 = scaled(first, digits), let m = scaled(latest, digits), let v = scaled(target, digits) {
      let (gain, o1) = m.subtractingReportingOverflow(m0)
      let (span, o2) = v.subtractingReportingOverflow(m0)
      let (hundredGain, o3) = gain.multipliedReportingOverflow(by: 100)
      if !o1 && !o2 && !o3 {
        guard span != 0 else { return 0 }
        let (a, b) = span < 0 ? (-hundredGain, -span) : (hundredGain, span)
        let floor = a >= 0 ? a / b : -((-a + b - 1) / b)
        return min(99, max(0, floor))
      }
    }
    // Numbers too long for 64 bits: a close enough proportion.
    let span = target.doubleValue - first.doubleValue
    guard span != 0 else { return 0 }
    let value = (100 * (latest.doubleValue - first.doubleValue) / span).rounded(.down)
    return value.isFinite ? Int(min(99, max(0, value))) : 0
  }

  /// How many digits a number has after its point.
  private static func fractionDigits(_ number: DecimalNumber) -> Int {
    let text = number.description
    guard let point = text.firstIndex(of: ".") else { return 0 }
    return text.distance(from: point, to: text.endIndex) - 1
  }

  /// The number times 10^digits as an integer, nil when it does not fit.
  private static func scaled(_ number: DecimalNumber, _ digits: Int) -> Int? {
    var text = number.description
    let own = fractionDigits(number)
    text.removeAll { $0 == "." }
    text += String(repeating: "0", count: digits - own)
    return text.count <= 18 ? Int(text) : nil
  }
}
