/// Splits text into words with the word-boundary rules of Unicode Standard Annex #29 that matter
/// for alphabetic text, then keeps the segments that contain a letter or a digit.
///
/// Implemented rules: WB3 (CR LF), WB3a/b (break around newlines), WB3d (runs of spaces),
/// WB4 (combining marks, format characters and ZWJ stay with what precedes them), WB5 to WB13b
/// (letters and digits run together; `.` `'` `’` and `:` inside letters, `.` `,` `;` `'` inside
/// digits; `_` joins). Not implemented: the Hebrew, Katakana, emoji and regional-indicator
/// rules, which telegrams do not need; such characters are treated as letters or as breaks.
///
/// This matches the word sequence dinglehopper takes from the `uniseg` package for the text
/// CableMend measures (see `Scripts/check-dinglehopper`).
/// - Complexity: O(n) in scalars.
enum WordSegmenter {
  private enum Kind: Equatable {
    case letter, digit, midLetter, midNum, midNumLet, singleQuote, extendNumLet, space, newline, other
  }

  private static func kind(_ s: Unicode.Scalar) -> Kind {
    switch s.value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return .newline
    case 0x27: return .singleQuote
    case 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2027, 0xFE13, 0xFE55, 0xFF1A: return .midLetter
    case 0x2E, 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E: return .midNumLet
    case 0x2C, 0x3B, 0x37E, 0x589, 0x60C, 0x60D, 0x66C, 0x7F8, 0x2044, 0xFE10, 0xFE14, 0xFE50, 0xFE54,
      0xFF0C, 0xFF1B:
      return .midNum
    case 0x202F: return .extendNumLet
    default: break
    }
    let p = s.properties
    switch p.generalCategory {
    case .decimalNumber: return .digit
    case .connectorPunctuation: return .extendNumLet
    case .spaceSeparator: return .space
    default: break
    }
    if p.isAlphabetic && !p.isIdeographic { return .letter }
    return .other
  }

  private static func isExtend(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
    default: return s.properties.isGraphemeExtend
    }
  }

  private static func isWordy(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .privateUse, .unassigned, .surrogate:
      return true
    default: return false
    }
  }

  /// The words of `text`, in order.
  static func words(_ text: String) -> [String] {
    // Units: a base scalar with any extending scalars after it (WB4).
    var units: [(kind: Kind, scalars: String.UnicodeScalarView.SubSequence)] = []
    let scalars = text.unicodeScalars
    var i = scalars.startIndex
    while i < scalars.endIndex {
      let start = i
      let base = scalars[i]
      i = scalars.index(after: i)
      let k = kind(base)
      if k != .newline {
        while i < scalars.endIndex && isExtend(scalars[i]) { i = scalars.index(after: i) }
      }
      units.append((k, scalars[start..<i]))
    }
    var words: [String] = []
    let kinds = units.map(\.kind)
    var current = String.UnicodeScalarView()
    for index in units.indices {
      if index > 0 && breaks(kinds, at: index) {
        flush(&current, into: &words)
      }
      current.append(contentsOf: units[index].scalars)
    }
    flush(&current, into: &words)
    return words
  }

  private static func flush(_ current: inout String.UnicodeScalarView, into words: inout [String]) {
    if current.contains(where: isWordy) { words.append(String(current)) }
    current = String.UnicodeScalarView()
  }

  /// Whether UAX #29 breaks between `kinds[index - 1]` and `kinds[index]`.
  private static func breaks(_ kinds: [Kind], at index: Int) -> Bool {
    let before = kinds[index - 1]
    let after = kinds[index]
    let before2: Kind? = index >= 2 ? kinds[index - 2] : nil
    let after2: Kind? = index + 1 < kinds.count ? kinds[index + 1] : nil
    if before == .newline || after == .newline { return true }
    if before == .space && after == .space { return false }
    let alnum: Set<Kind> = [.letter, .digit]
    if alnum.contains(before) && alnum.contains(after) { return false }
    if after == .extendNumLet && (alnum.contains(before) || before == .extendNumLet) { return false }
    if before == .extendNumLet && alnum.contains(after) { return false }
    let insideLetters: Set<Kind> = [.midLetter, .midNumLet, .singleQuote]
    if before == .letter && insideLetters.contains(after) && after2 == .letter { return false }
    if after == .letter && insideLetters.contains(before) && before2 == .letter { return false }
    let insideDigits: Set<Kind> = [.midNum, .midNumLet, .singleQuote]
    if before == .digit && insideDigits.contains(after) && after2 == .digit { return false }
    if after == .digit && insideDigits.contains(before) && before2 == .digit { return false }
    return true
  }
}
