/// A unified diff of two versions of a file, for `--dry-run`: what `git diff` would show.
public enum UnifiedDiff {
  /// The diff of `old` and `new` (`--- a/path`, `+++ b/path`, hunks with three lines of context);
  /// empty when they are equal.
  public static func text(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
    let a = lines(old)
    let b = lines(new)
    if a == b { return "" }
    // Common head and tail, then a longest common subsequence over the (small) changed middle.
    var head = 0
    while head < a.count && head < b.count && a[head] == b[head] { head += 1 }
    var tail = 0
    while tail < a.count - head && tail < b.count - head && a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
    let midA = Array(a[head..<(a.count - tail)])
    let midB = Array(b[head..<(b.count - tail)])
    var ops: [(Character, String)] = a[..<head].map { (" ", $0) }
    if midA.count * midB.count <= 4_000_000 {
      var table = Array(repeating: Array(repeating: 0, count: midB.count + 1), count: midA.count + 1)
      for i in stride(from: midA.count - 1, through: 0, by: -1) {
        for j in stride(from: midB.count - 1, through: 0, by: -1) {
          table[i][j] = midA[i] == midB[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
      }
      var i = 0
      var j = 0
      while i < midA.count || j < midB.count {
        if i < midA.count && j < midB.count && midA[i] == midB[j] {
          ops.append((" ", midA[i]))
          i += 1
          j += 1
        } else if i < midA.count && (j == midB.count || table[i + 1][j] >= table[i][j + 1]) {
          ops.append(("-", midA[i]))
          i += 1
        } else {
          ops.append(("+", midB[j]))
          j += 1
        }
      }
    } else {
      ops += midA.map { ("-", $0) } + midB.map { ("+", $0) }
    }
    ops += a[(a.count - tail)...].map { (" ", $0) }

    var out = "--- a/\(path)\n+++ b/\(path)\n"
    var index = 0
    while index < ops.count {
      guard let firstChange = ops[index...].firstIndex(where: { $0.0 != " " }) else { break }
      let start = max(index, firstChange - context)
      var end = firstChange
      while end < ops.count && ops[end].0 != " " { end += 1 }
      // Extend the hunk while the next change lies within twice the context.
      while let next = ops[end...].firstIndex(where: { $0.0 != " " }), next - end <= 2 * context {
        end = next
        while end < ops.count && ops[end].0 != " " { end += 1 }
      }
      let stop = min(ops.count, end + context)
      let oldStart = ops[..<start].filter { $0.0 != "+" }.count
      let newStart = ops[..<start].filter { $0.0 != "-" }.count
      let slice = ops[start..<stop]
      let oldCount = slice.filter { $0.0 != "+" }.count
      let newCount = slice.filter { $0.0 != "-" }.count
      out +=
        "@@ -\(oldStart + (oldCount > 0 ? 1 : 0)),\(oldCount) +\(newStart + (newCount > 0 ? 1 : 0)),\(newCount) @@\n"
      for (sign, line) in slice {
        out += String(sign) + line
        if !line.hasSuffix("\n") { out += "\n\\ No newline at end of file\n" }
      }
      index = stop
    }
    return out
  }

  /// The lines of a text, each with its line end (a missing final newline stays missing).
  private static func lines(_ bytes: [UInt8]) -> [String] {
    var result: [String] = []
    var start = 0
    for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      result.append(String(decoding: bytes[start...i], as: UTF8.self))
      start = i + 1
    }
    if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
    return result
  }
}
