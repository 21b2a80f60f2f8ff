/// The keys of one kind of mapping in a plan file: the mapping reader's table of names, of where each
/// key stands in a draft's places, and of how the mapping is called in messages.
///
/// A key is one case of a `String`-backed enum (its raw value is its name); its index is its place among
/// the cases, so a draft keeps one slot per key in declaration order and a key is found by its name
/// without hashing a `String`.
package protocol PlanKey: RawRepresentable<String>, CaseIterable, Equatable, Sendable
where AllCases == [Self] {
  /// How a mapping of these keys is called in messages ("a task", "任务").
  static var mappingName: Phrase { get }
  /// The keys by name, built once.
  static var table: KeyTable<Self> { get }
}

extension PlanKey {
  /// The key's place among all keys of its kind, for per-key slots: its declaration order.
  package var index: Int {
    // A payload-free enum of fewer than 256 cases is stored as its case's ordinal in one byte.
    Int(unsafeBitCast(self, to: UInt8.self))
  }

  /// The key a text names, or nil.
  package init?(key text: String) {
    guard let key = Self.table.key(named: text) else { return nil }
    self = key
  }

  /// Every key's name, in declaration order: for messages and completion.
  package static var names: [String] { allCases.map(\.rawValue) }
}

/// The keys of one kind, found by name: candidates are grouped by their length in UTF-8, so a lookup
/// compares the text with the two or three names of its length and nothing else (it runs for every key
/// of every task).
package struct KeyTable<Key: PlanKey>: Sendable {
  private var byLength: [[(name: String, key: Key)]]

  /// The table of all of `Key`'s cases.
  package init() {
    precondition(MemoryLayout<Key>.size == 1, "a plan key is an enum of fewer than 256 cases")
    let longest = Key.allCases.map(\.rawValue.utf8.count).max() ?? 0
    byLength = Array(repeating: [], count: longest + 1)
    for key in Key.allCases { byLength[key.rawValue.utf8.count].append((key.rawValue, key)) }
  }

  /// The key named `text`, or nil.
  package func key(named text: String) -> Key? {
    let length = text.utf8.count
    guard length < byLength.count else { return nil }
    for candidate in byLength[length] where candidate.name == text { return candidate.key }
    return nil
  }
}

/// The keys of a plan file's top-level mapping.
package enum FileKey: String, PlanKey {
  case plan, start, calendar, id, owner, include, owners, tasks
  /// The warning rules (an extension of the contract; root file only).
  case warnings

  package static let mappingName = Phrase("a plan file", "计划文件")
  package static let table = KeyTable<FileKey>()

  /// Whether only the root file may have the key: it speaks for the whole plan.
  package var isRootOnly: Bool {
    switch self {
    case .plan, .start, .calendar, .warnings: return true
    case .id, .owner, .include, .owners, .tasks: return false
    }
  }
}

/// The keys of a `calendar:` mapping.
package enum CalendarKey: String, PlanKey {
  case base, holidays, workdays

  package static let mappingName = Phrase("a calendar", "工作日历")
  package static let table = KeyTable<CalendarKey>()
}

/// The kinds of task a key may be written on.
package struct TaskKinds: OptionSet, Sendable {
  package let rawValue: UInt8
  package init(rawValue: UInt8) { self.rawValue = rawValue }

  /// A task without children or `every`.
  package static let leaf = TaskKinds(rawValue: 1)
  /// A task with children.
  package static let summary = TaskKinds(rawValue: 2)
  /// A task with `every`.
  package static let duty = TaskKinds(rawValue: 4)
  /// Every kind.
  package static let all: TaskKinds = [.leaf, .summary, .duty]
}

/// The keys of a task mapping.
package enum TaskKey: String, PlanKey {
  case id, name, owner, duration, start, deadline, after, status, done, progress, evidence, target
  case measurements, every, from, until, source, note, tags, tasks
  case verifiedBy = "verified-by"
  case extensions
  /// Supporting units (配合单位): an extension of the contract.
  case support

  package static let mappingName = Phrase("a task", "任务")
  package static let table = KeyTable<TaskKey>()

  /// The kinds of task the key may be written on; the rules report it on the others (`FormatRules`).
  package var allowedOn: TaskKinds {
    switch self {
    case .duration, .target: return .leaf
    case .done: return [.leaf, .duty]
    case .after, .tasks, .measurements, .progress: return [.leaf, .summary]
    case .from, .until: return .duty
    case .id, .name, .owner, .start, .deadline, .status, .evidence, .every, .source, .note, .tags, .verifiedBy,
      .extensions, .support:
      return .all
    }
  }
}

/// The keys of an owner mapping.
package enum OwnerKey: String, PlanKey {
  case id, name, units

  package static let mappingName = Phrase("an owner", "责任单位")
  package static let table = KeyTable<OwnerKey>()
}

/// The keys of a target mapping.
package enum TargetKey: String, PlanKey {
  case metric, op, value, unit

  package static let mappingName = Phrase("a target", "量化目标")
  package static let table = KeyTable<TargetKey>()
}

/// The keys of a measurement mapping.
package enum MeasurementKey: String, PlanKey {
  case date, value

  package static let mappingName = Phrase("a measurement", "测量值")
  package static let table = KeyTable<MeasurementKey>()
}

/// The keys of a deadline extension (`extensions:` items).
package enum ExtensionKey: String, PlanKey {
  case from, to, on, reason
  case approvedBy = "approved-by"

  package static let mappingName = Phrase("an extension", "延期记录")
  package static let table = KeyTable<ExtensionKey>()
}

/// Checks ids: letters of any script, digits, `_` and `-`.
package enum IDSyntax {
  /// Whether `text` is a valid task or owner id.
  package static func isValid(_ text: String) -> Bool {
    !text.isEmpty && text.unicodeScalars.allSatisfy(isIDScalar)
  }

  private static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "_" || scalar == "-" { return true }
    if scalar.isASCII {
      return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
      .nonspacingMark, .spacingMark:
      return true
    default:
      return false
    }
  }
}
