/// A deadline extension granted to a task (`extensions:`): the ledger behind 已延期 and the original date.
public struct DeadlineExtension: Hashable, Sendable {
  /// The deadline before the extension.
  public var from: Day
  /// The deadline after it.
  public var to: Day
  /// The day it was granted.
  public var on: Day?
  /// Why.
  public var reason: String?
  /// Who approved it.
  public var approvedBy: String?

  /// Creates an extension.
  public init(from: Day, to: Day, on: Day? = nil, reason: String? = nil, approvedBy: String? = nil) {
    self.from = from
    self.to = to
    self.on = on
    self.reason = reason
    self.approvedBy = approvedBy
  }
}
