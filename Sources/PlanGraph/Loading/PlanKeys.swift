/// The keys of a plan file's top-level mapping.
package enum FileKey: String, CaseIterable {
  case plan, start, calendar, id, owner, include, owners, tasks
  /// The warning rules (an extension of the contract; root file only).
  case warnings
}

/// The keys of a `calendar:` mapping.
package enum CalendarKey: String, CaseIterable {
  case base, holidays, workdays
}

/// The keys of a task mapping.
package enum TaskKey: String, CaseIterable {
  case id, name, owner, duration, start, deadline, after, status, done, progress, evidence, target
  case measurements, every, from, until, source, note, tags, tasks
  case verifiedBy = "verified-by"
  case extensions
  /// Supporting units (配合单位): an extension of the contract.
  case support

  /// The key's position among all keys, for per-key slots.
  var index: Int {
    switch self {
    case .id: return 0
    case .name: return 1
    case .owner: return 2
    case .duration: return 3
    case .start: return 4
    case .deadline: return 5
    case .after: return 6
    case .status: return 7
    case .done: return 8
    case .progress: return 9
    case .evidence: return 10
    case .target: return 11
    case .measurements: return 12
    case .every: return 13
    case .from: return 14
    case .until: return 15
    case .source: return 16
    case .note: return 17
    case .tags: return 18
    case .tasks: return 19
    case .verifiedBy: return 20
    case .extensions: return 21
    case .support: return 22
    }
  }

  /// The key a text names, found by its length and first letter before any string comparison:
  /// this runs for every key of every task.
  init?(key text: String) {
    let utf8 = text.utf8
    guard let first = utf8.first else { return nil }
    let candidates: [TaskKey]
    switch (utf8.count, first) {
    case (2, UInt8(ascii: "i")): candidates = [.id]
    case (4, UInt8(ascii: "n")): candidates = [.name, .note]
    case (4, UInt8(ascii: "d")): candidates = [.done]
    case (4, UInt8(ascii: "f")): candidates = [.from]
    case (4, UInt8(ascii: "t")): candidates = [.tags]
    case (5, UInt8(ascii: "o")): candidates = [.owner]
    case (5, UInt8(ascii: "s")): candidates = [.start]
    case (5, UInt8(ascii: "a")): candidates = [.after]
    case (5, UInt8(ascii: "e")): candidates = [.every]
    case (5, UInt8(ascii: "u")): candidates = [.until]
    case (5, UInt8(ascii: "t")): candidates = [.tasks]
    case (6, UInt8(ascii: "s")): candidates = [.status, .source]
    case (6, UInt8(ascii: "t")): candidates = [.target]
    case (7, UInt8(ascii: "s")): candidates = [.support]
    case (8, UInt8(ascii: "d")): candidates = [.duration, .deadline]
    case (8, UInt8(ascii: "p")): candidates = [.progress]
    case (8, UInt8(ascii: "e")): candidates = [.evidence]
    case (12, UInt8(ascii: "m")): candidates = [.measurements]
    case (11, UInt8(ascii: "v")): candidates = [.verifiedBy]
    case (10, UInt8(ascii: "e")): candidates = [.extensions]
    default: return nil
    }
    for candidate in candidates where candidate.rawValue == text {
      self = candidate
      return
    }
    return nil
  }
}

/// The keys of an owner mapping.
package enum OwnerKey: String, CaseIterable {
  case id, name, units
}

/// The keys of a target mapping.
package enum TargetKey: String, CaseIterable {
  case metric, op, value, unit
}

/// The keys of a measurement mapping.
package enum MeasurementKey: String, CaseIterable {
  case date, value
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
