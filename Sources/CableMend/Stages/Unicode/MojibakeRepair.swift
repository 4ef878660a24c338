/// Repairs mojibake: UTF-8 text that was once decoded as Windows-1252 or Latin-1, so that each
/// encoded character became two to four characters (`â€™` for `’`, `Ã©` for `é`).
///
/// A *candidate* is a run of characters whose Windows-1252 bytes form one well-formed UTF-8
/// sequence (CESU-8 surrogate pairs included). Correct text contains such runs too (`NESTLÉ®`
/// is valid UTF-8 once written in Windows-1252), so each candidate is scored before it is
/// accepted, and the score only uses general Unicode data from ICU:
///
/// - sequences of three or four bytes are accepted unless they decode to an unassigned or
///   private-use code point, or to a letter of another script glued to a Latin word
///   (`Brontë…”` is not `Bront녔`);
/// - two-byte sequences gain evidence when the second character is a C1 control, a Latin-1
///   symbol glued to a letter or digit (`Ã©t`, `Ä±r`), a Windows-1252 letter or currency sign
///   (`Ãœ`, `Ã€`), or punctuation glued to a following letter; leads `Ã`/`Â` (the Latin-1
///   letters and symbols) count once more;
/// - they lose it when the result is implausible beside its neighbours: a lowercase letter
///   after an uppercase one at a word end or inside an uppercase run (`VOCÊ…`), an uppercase
///   letter after a lowercase one, a lone letter of another script (`5×£35`);
/// - a candidate whose result is itself part of a sequence one level down (double mojibake,
///   `Ã¢â‚¬â„¢`) is confirmed; so are runs of adjacent candidates in one script (Hebrew, Arabic)
///   and pairs that repeat.
///
/// A candidate needs a score of 2, or 1 once the line has had a repair (mojibake is rarely
/// alone). What the score cannot tell apart is left as it is: the repair must never make
/// correct text worse, so it prefers to miss.
enum MojibakeRepair {
  struct Candidate {
    /// Scalar indices of the mojibake characters.
    var range: Range<Int>
    var decoded: Unicode.Scalar
    var bytes: [UInt8]
    var isStrong: Bool { bytes.count >= 3 }
  }

  static let charset = LegacyCharset.windows1252

  /// The repairs for one level of mojibake in `view`.
  static func repairs(_ view: ScalarView, lineHasRepairs: Bool) -> [TextRepair] {
    let scalars = view.scalars
    let found = candidates(scalars)
    guard !found.isEmpty else { return [] }
    let context = Context(scalars: scalars, found: found)
    let threshold = lineHasRepairs ? 1 : 2
    var result: [TextRepair] = []
    for index in found.indices {
      let score = context.score(index)
      guard score >= threshold else { continue }
      let candidate = found[index]
      let hex = candidate.bytes.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
      result.append(
        TextRepair(
          range: view.byteRange(candidate.range),
          replacement: String(candidate.decoded),
          reason: "mojibake: UTF-8 bytes \(hex) read as Windows-1252",
          confidence: candidate.isStrong ? 0.95 : 0.8,
          evidence: [Edit.Evidence("score", String(score))]))
    }
    return result
  }

  /// `Ã` ending a word before a space is `à` whose second byte, a no-break space (0xA0), was
  /// turned into a plain space on the way (`voilÃ le travail`, `jusqu'Ã nos jours`). Only when
  /// the next word starts in lower case and the `Ã` stands alone or after a lowercase letter or
  /// an apostrophe: uppercase `Ã` never ends a lowercase word in correct text.
  ///
  /// - Parameter charset: the charset the line's mojibake went through, when not Windows-1252
  ///   (`Г` is byte C3 in Windows-1251).
  static func lostNoBreakSpace(_ view: ScalarView, following: Unicode.Scalar?, charset name: String?)
    -> [TextRepair]
  {
    let charset = WholePieceMojibake.charsets.first { $0.name == name } ?? Self.charset
    guard let last = view.scalars.last, last == charset.decode[0xC3], let following,
      ICU.isLowercase(following)
    else { return [] }
    if view.count >= 2 {
      let before = view.scalars[view.count - 2]
      guard ICU.isLowercase(before) || before == "'" || before == "\u{2019}" else { return [] }
    }
    return [
      TextRepair(
        range: view.byteRange((view.count - 1)..<view.count), replacement: "\u{E0}",
        reason: "mojibake: UTF-8 bytes C3 A0 read as \(charset.name), no-break space lost",
        confidence: 0.8)
    ]
  }

  /// Non-overlapping candidates, found greedily from the left.
  static func candidates(_ scalars: [Unicode.Scalar]) -> [Candidate] {
    // Every candidate starts with two non-ASCII characters (a lead byte of 0xC2 and up, then a
    // continuation byte, both above 0x7F in any charset here); most pieces have no such pair.
    guard hasNonASCIIPair(scalars) else { return [] }
    var result: [Candidate] = []
    var index = 0
    while index < scalars.count {
      if let candidate = sequence(at: index, in: scalars) {
        result.append(candidate)
        index = candidate.range.upperBound
      } else {
        index += 1
      }
    }
    return result
  }

  private static func hasNonASCIIPair(_ scalars: [Unicode.Scalar]) -> Bool {
    var previous = false
    for scalar in scalars {
      let current = !scalar.isASCII
      if current && previous { return true }
      previous = current
    }
    return false
  }

  /// The UTF-8 sequence starting at `index` once the characters are written in Windows-1252.
  static func sequence(at index: Int, in scalars: [Unicode.Scalar]) -> Candidate? {
    guard let bytes = rawSequence(at: index, in: scalars) else {
      return lossySequence(at: index, in: scalars)
    }
    var value = decodeValue(bytes)
    var all = bytes
    switch bytes.count {
    case 2:
      break
    case 3:
      guard value >= 0x800 else { return nil }
      if (0xDC00...0xDFFF).contains(value) { return nil }
      if (0xD800...0xDBFF).contains(value) {
        // CESU-8: a high surrogate is only good when a low one follows.
        guard let low = rawSequence(at: index + 3, in: scalars), low.count == 3 else { return nil }
        let lowValue = decodeValue(low)
        guard (0xDC00...0xDFFF).contains(lowValue) else { return nil }
        value = 0x10000 + ((value - 0xD800) << 10) + (lowValue - 0xDC00)
        all += low
      }
    default:
      guard (0x10000...0x10FFFF).contains(value) else { return nil }
    }
    guard let scalar = Unicode.Scalar(value) else { return nil }
    return Candidate(range: index..<(index + all.count), decoded: scalar, bytes: all)
  }

  /// A sequence of three or four bytes whose last byte was lost on the way and shows as
  /// U+FFFD, or as `?` after `â€` (E2 80, the punctuation block: quotes and dashes).
  private static func lossySequence(at index: Int, in scalars: [Unicode.Scalar]) -> Candidate? {
    guard index < scalars.count, let lead = charset.byte(scalars[index]), lead >= 0xE0, lead <= 0xF4
    else { return nil }
    let length = lead < 0xF0 ? 3 : 4
    guard index + length <= scalars.count else { return nil }
    var bytes = [lead]
    for offset in 1..<(length - 1) {
      guard let byte = charset.byte(scalars[index + offset]), byte & 0xC0 == 0x80 else { return nil }
      bytes.append(byte)
    }
    let last = scalars[index + length - 1]
    guard last == "\u{FFFD}" || (last == "?" && bytes == [0xE2, 0x80]) else { return nil }
    return Candidate(range: index..<(index + length), decoded: "\u{FFFD}", bytes: bytes + [0x3F])
  }

  private static func rawSequence(at index: Int, in scalars: [Unicode.Scalar]) -> [UInt8]? {
    guard index < scalars.count, let lead = charset.byte(scalars[index]), lead >= 0xC2, lead <= 0xF4
    else { return nil }
    let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    guard index + length <= scalars.count else { return nil }
    var bytes = [lead]
    for offset in 1..<length {
      guard let byte = charset.byte(scalars[index + offset]), byte & 0xC0 == 0x80 else { return nil }
      bytes.append(byte)
    }
    return bytes
  }

  private static func decodeValue(_ bytes: [UInt8]) -> UInt32 {
    let leadBits: [UInt8] = [0, 0, 0x1F, 0x0F, 0x07]
    var value = UInt32(bytes[0] & leadBits[bytes.count])
    for byte in bytes.dropFirst() { value = value << 6 | UInt32(byte & 0x3F) }
    return value
  }
}
