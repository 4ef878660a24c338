/// One non-blank line of the document as the `dedupe` stage compares it: a paragraph after
/// `unwrap`, a physical line without it.
struct DedupeUnit: Sendable {
  /// Index into ``Document/lines``.
  let line: Int
  /// The line's text as Unicode scalars.
  let scalars: [Unicode.Scalar]
  /// ``WordPlausibility/foldCase(_:)`` of each scalar: what alignment compares.
  let keys: [UInt32]
  /// The folded text with runs of spaces collapsed and ends trimmed: equal for exact copies.
  let exactKey: String
  /// Characters of ``exactKey``.
  let length: Int
  let wordCount: Int

  init(line: Int, text: String) {
    self.line = line
    scalars = Array(text.unicodeScalars)
    keys = scalars.map { WordPlausibility.foldCase($0.value) }
    var collapsed = String.UnicodeScalarView()
    var pendingSpace = false
    for key in keys {
      let scalar = Unicode.Scalar(key) ?? "\u{FFFD}"
      if scalar.properties.isWhitespace {
        pendingSpace = !collapsed.isEmpty
        continue
      }
      if pendingSpace { collapsed.append(" ") }
      pendingSpace = false
      collapsed.append(scalar)
    }
    exactKey = String(collapsed)
    length = collapsed.count
    wordCount = exactKey.split(separator: " ").count
  }

  /// The non-blank lines of `lines`, in order.
  static func units(of lines: [TextLine]) -> [DedupeUnit] {
    lines.enumerated().compactMap { index, line in
      let unit = DedupeUnit(line: index, text: line.text)
      return unit.length == 0 ? nil : unit
    }
  }

  /// Whether the text ends a sentence or a field, so that the next line does not continue it.
  var endsClosed: Bool {
    guard let last = exactKey.unicodeScalars.last else { return true }
    return ".:;?!)\"".unicodeScalars.contains(last)
  }

  /// Whether the text opens a paragraph of its own (`--` bullet, `3.` or `(A)` numbering).
  var opensParagraph: Bool {
    let text = exactKey
    if text.hasPrefix("--") || text.hasPrefix("(") { return true }
    let digits = text.prefix(while: \.isNumber)
    return !digits.isEmpty && text.dropFirst(digits.count).hasPrefix(".")
  }
}
