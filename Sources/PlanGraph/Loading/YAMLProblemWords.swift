/// libyaml's problems in Chinese words: the syntax errors `YAMLSyntaxExplanation` does not retell are
/// said in the planner's language too, and any other problem keeps libyaml's words in “…”.
enum YAMLProblemWords {
  /// The Chinese for libyaml's `problem` (its `context` is left out: the words say where already).
  static func chinese(problem: String, said: String) -> String {
    for (english, chinese) in table where problem.hasPrefix(english) { return "YAML 语法错误：" + chinese }
    return "YAML 语法错误：“\(said)”"
  }

  /// libyaml's problem texts (scanner.c, parser.c, reader.c), longest first where one begins another.
  private static let table: [(String, String)] = [
    ("did not find expected ',' or ']'", "方括号里的列表缺少“,”或“]”"),
    ("did not find expected ',' or '}'", "花括号里的映射缺少“,”或“}”"),
    ("did not find expected key", "这里应是一个键（“键: 值”），缩进可能不齐"),
    ("did not find expected '-' indicator", "这里应是以“- ”开头的列表项，缩进可能不齐"),
    ("did not find expected node content", "这里缺少值"),
    ("did not find expected <document start>", "一个文件只能有一个 YAML 文档"),
    ("mapping values are not allowed in this context", "这里不能出现“: ”（名称里有冒号时要给整个值加引号）"),
    ("block sequence entries are not allowed in this context", "这里不能出现列表项“- ”"),
    ("could not find expected ':'", "键后面缺少“:”"),
    ("found character that cannot start any token", "这个字符不能出现在值的开头（“@”“`”“%”开头的值要加引号）"),
    ("found unexpected end of stream", "文件在引号或括号结束之前就结束了"),
    ("found unknown escape character", "双引号里有未知的转义字符"),
    ("found undefined tag handle", "未定义的标签"),
    ("found a tab character", "缩进里有制表符（Tab）"),
    ("found unexpected ':'", "这里不能出现“:”"),
    ("found unexpected document indicator", "引号里不能出现“---”或“...”"),
    ("control characters are not allowed", "文件里有控制字符"),
    ("invalid leading UTF-8 octet", "不是有效的 UTF-8"),
    ("invalid trailing UTF-8 octet", "不是有效的 UTF-8"),
    ("incomplete UTF-8 octet sequence", "不是有效的 UTF-8"),
    ("invalid Unicode character", "不是有效的 UTF-8"),
  ]
}
