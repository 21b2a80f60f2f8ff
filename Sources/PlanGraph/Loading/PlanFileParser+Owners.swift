/// Reading the owner tree: owners and their units, with an explicit stack.
extension PlanFileParser {
  private enum OwnerFrame {
    case list(parent: Int?)
    case owner(index: Int, places: KeyPlaces<OwnerKey>)
  }

  mutating func parseOwnerTree() throws(YAMLSyntaxError) {
    let notAList = Phrase("'owners' takes a list of owners", "“owners”要写责任单位的列表")
    guard try listStarts(notAList: notAList) else { return }
    var stack: [OwnerFrame] = [.list(parent: nil)]
    while let top = stack.last {
      switch top {
      case .list(let parent):
        guard let event = try nextMapping(notAMapping: Self.notAnOwner) else {
          stack.removeLast()
          continue
        }
        file.owners.append(OwnerDraft(parent: parent, position: cursor.position(event)))
        stack.append(.owner(index: file.owners.count - 1, places: KeyPlaces()))
      case .owner(let index, var places):
        stack[stack.count - 1] = .list(parent: nil)  // lets go of `places`, so that it is not copied
        guard let key = try nextKey(&places) else {
          file.owners[index].places = places
          FormatRules(path: cursor.path).check(file.owners[index], into: &bag)
          stack.removeLast()
          continue
        }
        var units = false
        switch key {
        case .id:
          file.owners[index].id = try readID(for: key.rawValue)
        case .name:
          file.owners[index].name = try cursor.readText(for: key.rawValue, into: &bag)?.text
        case .units:
          units = try listStarts(notAList: Phrase("'units' takes a list of owners", "“units”要写下属单位的列表"))
        }
        stack[stack.count - 1] = .owner(index: index, places: places)
        if units { stack.append(.list(parent: index)) }
      }
    }
  }

  private static func notAnOwner(_ shape: YAMLEvent.Kind) -> Phrase {
    Phrase(
      "an owner must be a mapping with 'id' and 'name', not \(shape.nodeName.english)",
      "责任单位须写成含“id”和“name”的映射，不能是\(shape.nodeName.chinese)")
  }
}
