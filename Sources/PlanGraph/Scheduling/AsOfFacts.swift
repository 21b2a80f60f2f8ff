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

  /// What is known of a task with a target: met on `metDay`, under way once measured or when its status
  /// says so, else waiting.
  init(metDay: Int?, measured: Bool, status: TaskStatus, progress: Int?) {
    if let metDay {
      self = .met(day: metDay)
    } else if measured || status == .active {
      self = .active(progress: progress ?? 0)
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
    latest: Measurement?, metDay: Int?
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
    guard let latest = byDay.last else { return (nil, nil) }
    guard target.isMet(by: latest.value) else { return (latest, nil) }
    var first = byDay.count - 1
    while first > 0, target.isMet(by: byDay[first - 1].value) { first -= 1 }
    return (latest, byDay[first].date.ordinal)
  }
}
