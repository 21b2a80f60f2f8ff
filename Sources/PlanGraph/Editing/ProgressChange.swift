/// A report of progress to record in a plan file: what `done`, `progress`, `measure`, `held`, `block`,
/// `unblock`, `cancel` and `extend` write. Dates are given by the caller; the library never reads the clock.
public enum ProgressChange: Hashable, Sendable {
  /// 销号: the task was finished on a day, with what proves it and who checked it.
  case done(on: Day, evidence: String?, verifiedBy: String?)
  /// How far the task has got, a whole percent 0…100.
  case progress(percent: Int)
  /// A new observed value of the task's target metric (the text of a decimal number).
  case measure(value: String, on: Day)
  /// A recurring duty was held on a day.
  case held(on: Day)
  /// The task cannot go on; why.
  case block(note: String)
  /// A blocked task goes on again (`status: active`).
  case unblock
  /// The task is given up; why.
  case cancel(note: String)
  /// The deadline moves later, with the reason, who approved it and the day it was granted.
  case extend(to: Day, reason: String, approvedBy: String?, on: Day)
}

/// Why a change was not made: the message, and a hint at what to do instead.
public struct ProgressRefusal: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, in one sentence.
  public var message: String
  /// What to do instead, if there is something.
  public var hint: String?

  /// Creates a refusal.
  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  /// `message` and, on a second line, `hint: …`.
  public var description: String { message + (hint.map { "\nhint: " + $0 } ?? "") }
}

/// A change worked out on one file: its bytes before and after.
public struct PlanFileEdit: Hashable, Sendable {
  /// The file's path, as the plan names it.
  public var path: String
  /// The bytes the change was computed from.
  public var original: [UInt8]
  /// The bytes to write.
  public var edited: [UInt8]
  /// The full id of the task changed.
  public var taskID: String
  /// The bytes of the original the task's lines span (from its first line's start to its last line's
  /// end): every byte before and after is the same in `edited`.
  public var taskLines: Range<Int>
}
