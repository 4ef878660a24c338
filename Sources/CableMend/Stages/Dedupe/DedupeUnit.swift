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

  /// True for a line too long to align (see ``DedupeSettings/maximumAlignedCharacters``): it
  /// keeps only its text as ``exactKey``, so that a hostile 50 MB line costs one hash.
  let isGiant: Bool

  /// `bytePath: false` skips the ASCII fast path (tests compare the two).
  init(line: Int, text: String, alignedLimit: Int = .max, bytePath: Bool = true) {
    self.line = line
    guard text.utf8.count <= alignedLimit else {
      isGiant = true
      scalars = []
      keys = []
      exactKey = text
      length = text.utf8.count
      wordCount = length
      return
    }
    isGiant = false
    if bytePath, let ascii = Self.asciiFields(text) {
      (scalars, keys, exactKey, length, wordCount) = ascii
      return
    }
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

  /// The fields for pure ASCII text, on bytes: the same values as the general path (for ASCII,
  /// whitespace is tab to carriage return and space, and each byte is one `Character` once
  /// whitespace is collapsed, so words are spaces + 1). Nil when `text` is not ASCII.
  private static func asciiFields(_ text: String)
    -> (scalars: [Unicode.Scalar], keys: [UInt32], exactKey: String, length: Int, wordCount: Int)?
  {
    var text = text
    return text.withUTF8 { bytes in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      var scalars: [Unicode.Scalar] = []
      var keys: [UInt32] = []
      scalars.reserveCapacity(bytes.count)
      keys.reserveCapacity(bytes.count)
      var spaces = 0
      let exactKey = String(unsafeUninitializedCapacity: bytes.count) { out -> Int in
        var count = 0
        var pendingSpace = false
        for byte in bytes {
          scalars.append(Unicode.Scalar(byte))
          let key = WordPlausibility.foldCase(UInt32(byte))
          keys.append(key)
          if Self.isASCIIWhitespace(UInt8(key)) {
            pendingSpace = count > 0
            continue
          }
          if pendingSpace {
            out[count] = 0x20
            count += 1
            spaces += 1
          }
          pendingSpace = false
          out[count] = UInt8(key)
          count += 1
        }
        return count
      }
      let length = exactKey.utf8.count
      return (scalars, keys, exactKey, length, length == 0 ? 0 : spaces + 1)
    }
  }

  /// `Unicode.Scalar.Properties.isWhitespace` for an ASCII byte.
  @inline(__always)
  static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

  /// Whether `text` has a character that is not whitespace.
  static func hasContent(_ text: String) -> Bool {
    for byte in text.utf8 where byte < 0x80 && !isASCIIWhitespace(byte) { return true }
    guard text.utf8.contains(where: { $0 >= 0x80 }) else { return false }
    return text.unicodeScalars.contains(where: { !$0.properties.isWhitespace })
  }

  /// The non-blank lines of `lines`, in order.
  static func units(of lines: [TextLine], alignedLimit: Int = .max) -> [DedupeUnit] {
    lines.enumerated().compactMap { index, line in
      guard hasContent(line.text) else { return nil }
      return DedupeUnit(line: index, text: line.text, alignedLimit: alignedLimit)
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
