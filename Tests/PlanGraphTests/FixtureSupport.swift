import Foundation
import PlanGraph

/// Finds test fixtures beside this file and reads the expectations they declare.
enum Fixtures {
  /// The folder holding the fixtures.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// Path of a fixture relative to `Fixtures/`.
  static func path(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  /// Names of the entries of a fixture folder, sorted.
  static func entries(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []).sorted()
  }

  /// The root plan file of a fixture: the file itself, or the shallowest plan.yaml / plan.json in its folder.
  static func rootFile(_ relative: String) -> String {
    let full = path(relative)
    var isDirectory: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
    guard isDirectory.boolValue else { return full }
    let candidates = allFiles(in: full).filter {
      $0.hasSuffix("/plan.yaml") || $0.hasSuffix("/plan.json")
    }
    return candidates.min { $0.split(separator: "/").count < $1.split(separator: "/").count } ?? full
  }

  /// Every regular file below a folder (or the file itself).
  static func allFiles(in path: String) -> [String] {
    var isDirectory: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    guard isDirectory.boolValue else { return [path] }
    let enumerator = FileManager.default.enumerator(atPath: path)
    var files: [String] = []
    while let next = enumerator?.nextObject() as? String {
      let full = path + "/" + next
      var dir: ObjCBool = false
      if FileManager.default.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue { files.append(full) }
    }
    return files.sorted()
  }

  /// An expected diagnostic: the file's name, line, column and code.
  struct Expectation: Hashable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var code: String
    var description: String { "\(file):\(line):\(column) \(code)" }
  }

  /// The `# expect: line:column code` lines of every file of a fixture (JSON files: a `.expect` sidecar).
  static func expectations(_ relative: String) -> Set<Expectation> {
    var result = Set<Expectation>()
    for file in allFiles(in: path(relative)) {
      let name = (file as NSString).lastPathComponent
      let text: String
      if file.hasSuffix(".expect") {
        text = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n")
          .map { "# expect: " + $0 }.joined(separator: "\n")
      } else if file.hasSuffix(".json") {
        continue
      } else {
        text = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data(), as: UTF8.self)
      }
      let owner = file.hasSuffix(".expect") ? String(name.dropLast(".expect".count)) : name
      for line in text.split(separator: "\n") where line.hasPrefix("# expect: ") {
        let parts = line.dropFirst("# expect: ".count).split(separator: " ")
        let place = parts[0].split(separator: ":")
        result.insert(
          Expectation(file: owner, line: Int(place[0]) ?? -1, column: Int(place[1]) ?? -1, code: String(parts[1])))
      }
    }
    return result
  }
}
