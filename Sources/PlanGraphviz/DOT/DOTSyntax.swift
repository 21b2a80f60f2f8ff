/// Quoting of names and values in DOT text, so that Graphviz's parser reads back exactly the string given.
public enum DOTSyntax {
  /// `text` as a DOT quoted string.
  ///
  /// DOT's scanner turns `\"` into `"`, keeps `\\` as two backslashes, drops a backslash before a line
  /// break and keeps any other backslash. Values built with `LabelText` always read back unchanged; a
  /// value with an odd run of backslashes before a quote, a line break or its end cannot, and gets one
  /// more backslash so that the text stays well formed.
  public static func quoted(_ text: String) -> String {
    var result = "\""
    var backslashes = 0
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\":
        backslashes += 1
        result.unicodeScalars.append(scalar)
        continue
      case "\"", "\n":
        if backslashes % 2 == 1 { result += "\\" }
        result += scalar == "\"" ? "\\\"" : "\n"
      case "\0":
        break
      default:
        result.unicodeScalars.append(scalar)
      }
      backslashes = 0
    }
    if backslashes % 2 == 1 { result += "\\" }
    return result + "\""
  }
}
