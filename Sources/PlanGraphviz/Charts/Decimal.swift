/// Numbers as DOT attributes want them: fixed decimals, no exponent, no trailing zeros, same on every machine.
enum DecimalText {
  /// `value` rounded to `places` decimals, trailing zeros dropped: `12.5`, `3`, `-0.25`.
  static func format(_ value: Double, places: Int = 2) -> String {
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((value * Double(scale)).rounded())
    let sign = scaled < 0 ? "-" : ""
    let magnitude = abs(scaled)
    var text = sign + String(magnitude / scale)
    let fraction = magnitude % scale
    guard fraction != 0 else { return text }
    var digits = String(fraction)
    digits = String(repeating: "0", count: places - digits.count) + digits
    while digits.hasSuffix("0") { digits.removeLast() }
    text += "." + digits
    return text
  }
}
