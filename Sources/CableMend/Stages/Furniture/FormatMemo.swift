/// The furniture format of each line, kept from the `pages` stage for the `furniture` stage.
///
/// Both stages match every line against every furniture format (``FurnitureFormats/match(_:)``),
/// about a fifth of their time; `pages` changes no text, so `furniture` would get the same
/// answers. The memo is used only when the lines are still exactly those it was made from
/// (same count, same texts), so a stage run alone, or lines changed in between, are matched
/// afresh and the results never depend on it.
struct FormatMemo: Sendable {
  let texts: [String]
  let formats: [FormatMatch?]

  init(lines: [TextLine], formats: [FormatMatch?]) {
    texts = lines.map(\.text)
    self.formats = formats
  }

  /// The formats of `lines`, from `memo` when it was made from the same texts.
  /// - Complexity: O(n) string comparisons (equal strings sharing storage compare in O(1)),
  ///   else O(n·p) matching.
  static func formats(of lines: [TextLine], memo: FormatMemo?) -> [FormatMatch?] {
    if let memo, memo.texts.count == lines.count,
      zip(memo.texts, lines).allSatisfy({ $0 == $1.text })
    {
      return memo.formats
    }
    return lines.map { FurnitureFormats.match($0.text) }
  }
}
