import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads an SVG file made by Graphviz with Foundation's XML parser: the text of every node, by node name.
final class SVGText: NSObject, XMLParserDelegate {
  private var texts: [String: [String]] = [:]
  private var allText: [String] = []
  private var fonts = Set<String>()
  private var inGroupClass: String?
  private var currentTitle: String?
  private var reading: String?
  private var readingTitle = false
  private var buffer = ""

  /// The lines of text of each node, by the node's name (its `<title>`).
  static func nodeTexts(_ bytes: [UInt8]) throws -> [String: [String]] {
    try parse(bytes).texts
  }

  /// Every text element and every font family of a well-formed SVG; throws when it is not well formed.
  static func parse(_ bytes: [UInt8]) throws -> SVGText {
    let reader = SVGText()
    let parser = XMLParser(data: Data(bytes))
    parser.delegate = reader
    guard parser.parse() else {
      throw parser.parserError ?? CocoaError(.fileReadCorruptFile)
    }
    return reader
  }

  /// Every text element's content, in order.
  var strings: [String] { allText }
  /// Every `font-family` used.
  var fontFamilies: Set<String> { fonts }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch elementName {
    case "g":
      if let kind = attributes["class"], kind == "node" || kind == "edge" || kind == "cluster" {
        inGroupClass = kind
        currentTitle = nil
      }
    case "title":
      readingTitle = true
      buffer = ""
    case "text":
      reading = ""
      if let family = attributes["font-family"] { fonts.insert(family) }
    default:
      break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if readingTitle { buffer += string }
    if reading != nil { reading? += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
  ) {
    switch elementName {
    case "title":
      readingTitle = false
      currentTitle = buffer
    case "text":
      let text = reading ?? ""
      allText.append(text)
      if inGroupClass == "node", let title = currentTitle { texts[title, default: []].append(text) }
      reading = nil
    default:
      break
    }
  }
}
