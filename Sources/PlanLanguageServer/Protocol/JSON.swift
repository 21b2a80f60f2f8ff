// FoundationEssentials, not Foundation: the command line links this module, and Foundation would load
// ICU and its own libraries (about ten milliseconds) at every start of every command.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A JSON value: what JSON-RPC messages carry, read with FoundationEssentials' decoder, written by hand.
///
/// The language server's messages are small and varied; one value type serves them all, without a
/// Codable struct for each message.
public enum JSON: Hashable, Sendable, Codable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A whole number.
  case int(Int)
  /// Any other number.
  case double(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSON])
  /// An object.
  case object([String: JSON])

  /// Reads any JSON value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .int(value)
    } else if let value = try? container.decode(Double.self) {
      self = .double(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSON].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSON].self))
    }
  }

  /// Writes the value.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .int(let value): try container.encode(value)
    case .double(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// The member `key` of an object; nil for anything else or a missing key.
  public subscript(_ key: String) -> JSON? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The string, if this is one.
  public var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The whole number, if this is one (a double with no fraction counts).
  public var int: Int? {
    switch self {
    case .int(let value): return value
    case .double(let value) where value.rounded() == value && abs(value) < 1e15: return Int(value)
    default: return nil
    }
  }

  /// The Boolean, if this is one.
  public var bool: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// The elements, if this is an array.
  public var array: [JSON]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// Parses JSON text; nil when it is not JSON.
  public static func parse(_ bytes: [UInt8]) -> JSON? {
    try? JSONDecoder().decode(JSON.self, from: Data(bytes))
  }

  /// The value as compact JSON text, keys sorted so that output is stable. Written by hand: Foundation's
  /// encoder takes seconds over the 10,000 symbols or completions of a large plan.
  public var encoded: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    // Iterative: a value nested however deep costs no stack.
    enum Step {
      case value(JSON)
      case raw(UInt8)
      case key(String)
    }
    var steps: [Step] = [.value(self)]
    while let step = steps.popLast() {
      switch step {
      case .raw(let byte):
        out.append(byte)
      case .key(let key):
        Self.writeString(key, to: &out)
        out.append(UInt8(ascii: ":"))
      case .value(let value):
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .double(let number):
          out.append(contentsOf: (number.isFinite ? String(number) : "null").utf8)
        case .string(let text): Self.writeString(text, to: &out)
        case .array(let elements):
          out.append(UInt8(ascii: "["))
          steps.append(.raw(UInt8(ascii: "]")))
          for (i, element) in elements.enumerated().reversed() {
            steps.append(.value(element))
            if i > 0 { steps.append(.raw(UInt8(ascii: ","))) }
          }
        case .object(let members):
          out.append(UInt8(ascii: "{"))
          steps.append(.raw(UInt8(ascii: "}")))
          for (i, key) in members.keys.sorted().enumerated().reversed() {
            steps.append(.value(members[key] ?? .null))
            steps.append(.key(key))
            if i > 0 { steps.append(.raw(UInt8(ascii: ","))) }
          }
        }
      }
    }
    return out
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped, the rest UTF-8 as is.
  private static func writeString(_ text: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [
          UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)],
        ])
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
  /// A string literal.
  public init(stringLiteral value: String) { self = .string(value) }
  /// An integer literal.
  public init(integerLiteral value: Int) { self = .int(value) }
  /// A Boolean literal.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  /// An array literal.
  public init(arrayLiteral elements: JSON...) { self = .array(elements) }
  /// An object literal.
  public init(dictionaryLiteral elements: (String, JSON)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
  /// `nil` as JSON's null.
  public init(nilLiteral: ()) { self = .null }
}
