/// Trimming without Foundation: `trimmingCharacters(in:)` bridges every call through
/// `NSString`, which made it a hot spot of the furniture stages (called for each token of each
/// line). These give the same results on Unicode scalars, as Foundation does.
extension StringProtocol {
  /// The text without the leading and trailing scalars for which `trimmed` holds.
  func trimmingScalars(where trimmed: (Unicode.Scalar) -> Bool) -> String {
    let scalars = Substring(self).unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, trimmed(scalars[start]) { start = scalars.index(after: start) }
    while end > start {
      let before = scalars.index(before: end)
      guard trimmed(scalars[before]) else { break }
      end = before
    }
    return String(scalars[start..<end])
  }

  /// The text without leading and trailing scalars among `set` (ASCII, a handful).
  func trimmingScalars(in set: String) -> String {
    trimmingScalars { set.unicodeScalars.contains($0) }
  }

  /// Same as `trimmingCharacters(in: .whitespaces)`: general category Zs and tab.
  func trimmingWhitespace() -> String {
    trimmingScalars(where: Self.isWhitespace)
  }

  /// Foundation's `CharacterSet.whitespaces`: general category Zs and U+0009.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " || scalar == "\t" }
    return scalar.properties.generalCategory == .spaceSeparator
  }
}
