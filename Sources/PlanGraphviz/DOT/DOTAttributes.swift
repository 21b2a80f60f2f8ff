/// Attributes of a graph, subgraph, node or edge, kept in the order first set so that output is stable.
public struct DOTAttributes: Hashable, Sendable, ExpressibleByDictionaryLiteral {
  /// One attribute: its name and value.
  public struct Entry: Hashable, Sendable {
    /// The attribute's name (`label`, `fillcolor`).
    public var name: String
    /// The attribute's value.
    public var value: DOTValue
  }

  /// The attributes in the order they were first set.
  public private(set) var entries: [Entry] = []

  /// No attributes.
  public init() {}

  /// Attributes from a literal, in its order; a repeated name keeps its last value.
  public init(dictionaryLiteral elements: (String, DOTValue)...) {
    for (name, value) in elements { self[name] = value }
  }

  /// The value of `name`; setting nil removes it, setting a value keeps the name's first position.
  public subscript(name: String) -> DOTValue? {
    get { entries.first { $0.name == name }?.value }
    set {
      let index = entries.firstIndex { $0.name == name }
      switch (index, newValue) {
      case (let index?, let value?): entries[index].value = value
      case (let index?, nil): entries.remove(at: index)
      case (nil, let value?): entries.append(Entry(name: name, value: value))
      case (nil, nil): break
      }
    }
  }

  /// Whether no attribute is set.
  public var isEmpty: Bool { entries.isEmpty }

  /// These attributes with `other`'s set over them.
  public func merging(_ other: DOTAttributes) -> DOTAttributes {
    var result = self
    for entry in other.entries { result[entry.name] = entry.value }
    return result
  }
}
