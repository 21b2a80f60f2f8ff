/// A quantitative target on a leaf task (`target:`): the task is done when a measurement meets it.
public struct Target: Hashable, Sendable {
  /// What is measured, in the plan's words (`社工人数`).
  public var metric: String
  /// How a measurement is compared with `value`.
  public var comparison: Comparison
  /// The value to reach.
  public var value: DecimalNumber
  /// The unit of `value` (`人`, `%`), if any.
  public var unit: String?

  /// Creates a target.
  public init(metric: String, comparison: Comparison, value: DecimalNumber, unit: String? = nil) {
    self.metric = metric
    self.comparison = comparison
    self.value = value
    self.unit = unit
  }

  /// Whether an observed value meets this target.
  public func isMet(by observed: DecimalNumber) -> Bool {
    comparison.holds(observed, value)
  }

  /// A comparator of the contract: `>=`, `<=`, `>`, `<`, `=`.
  public enum Comparison: String, CaseIterable, Hashable, Sendable {
    case atLeast = ">="
    case atMost = "<="
    case greater = ">"
    case less = "<"
    case equal = "="

    /// Whether `lhs op rhs` holds.
    public func holds(_ lhs: DecimalNumber, _ rhs: DecimalNumber) -> Bool {
      switch self {
      case .atLeast: return lhs >= rhs
      case .atMost: return lhs <= rhs
      case .greater: return lhs > rhs
      case .less: return lhs < rhs
      case .equal: return lhs == rhs
      }
    }
  }
}

/// One observed value of a target's metric (`measurements:`).
public struct Measurement: Hashable, Sendable {
  /// The day it was observed.
  public var date: Day
  /// The value observed.
  public var value: DecimalNumber

  /// Creates a measurement.
  public init(date: Day, value: DecimalNumber) {
    self.date = date
    self.value = value
  }
}
