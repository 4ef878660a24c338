/// Splits text into words with the word-boundary rules of Unicode Standard Annex #29, then keeps
/// the segments that contain a letter or a digit (as dinglehopper does).
///
/// Implemented rules: WB3 to WB3d (line ends, ZWJ before a pictograph, runs of spaces), WB4
/// (combining marks, format characters and ZWJ stay with what precedes them), WB5 to WB13b
/// (letters, Hebrew letters and digits run together; `.` `'` `’` `:` inside letters and `.` `,`
/// `;` `'` inside digits; the Hebrew quote rules; Katakana runs; `_` joins) and WB15/16
/// (regional-indicator pairs). Character classes come from the Swift standard library's Unicode
/// properties plus the UAX #29 lists of mid-word punctuation; Extended_Pictographic is
/// approximated by the Emoji property (above U+00FF, plus © and ®).
///
/// This gives the word sequence dinglehopper takes from the `uniseg` package (checked by
/// `Scripts/check-dinglehopper`).
/// - Complexity: O(n) in scalars.
enum WordSegmenter {
  private enum Kind: Equatable {
    case letter, hebrew, digit, katakana, midLetter, midNum, midNumLet, singleQuote, doubleQuote
    case extendNumLet, regionalIndicator, pictographic, space, newline, other
  }

  private static func kind(_ s: Unicode.Scalar) -> Kind {
    switch s.value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return .newline
    case 0x22: return .doubleQuote
    case 0x27: return .singleQuote
    case 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2027, 0xFE13, 0xFE55, 0xFF1A: return .midLetter
    case 0x2E, 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E: return .midNumLet
    case 0x2C, 0x3B, 0x37E, 0x589, 0x60C, 0x60D, 0x66C, 0x7F8, 0x2044, 0xFE10, 0xFE14, 0xFE50, 0xFE54,
      0xFF0C, 0xFF1B:
      return .midNum
    case 0x202F: return .extendNumLet
    case 0x5F3: return .letter
    case 0x5D0...0x5EA, 0x5EF...0x5F2, 0xFB1D, 0xFB1F...0xFB28, 0xFB2A...0xFB4F: return .hebrew
    case 0x3031...0x3035, 0x309B, 0x309C, 0x30A0...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF,
      0x32D0...0x32FE, 0x3300...0x3357, 0xFF66...0xFF9D:
      return .katakana
    case 0x1F1E6...0x1F1FF: return .regionalIndicator
    // Letters of scripts written without spaces (Line_Break=SA) are not ALetter.
    case 0xE00...0xEFF, 0x1000...0x109F, 0x1780...0x17FF, 0x1950...0x19DF, 0x1A20...0x1AAF,
      0xA9E0...0xA9FF, 0xAA60...0xAADF:
      return .other
    default: break
    }
    // An extending character with nothing to attach to (after a line end) stands alone.
    if isExtend(s) { return .other }
    let p = s.properties
    switch p.generalCategory {
    case .decimalNumber: return .digit
    case .connectorPunctuation: return .extendNumLet
    case .spaceSeparator: return .space
    default: break
    }
    if p.isAlphabetic && !p.isIdeographic && !isHiragana(s) { return .letter }
    if p.isEmoji && (s.value > 0xFF || s.value == 0xA9 || s.value == 0xAE) { return .pictographic }
    return .other
  }

  private static func isHiragana(_ s: Unicode.Scalar) -> Bool { (0x3041...0x309F).contains(s.value) }

  private static func isExtend(_ s: Unicode.Scalar) -> Bool {
    // UAX #29 takes ZERO WIDTH SPACE out of Format: it separates words.
    if s.value == 0x200B { return false }
    switch s.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
    default: return s.properties.isGraphemeExtend || s.properties.isEmojiModifier
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

  /// A base character with the extending characters after it (WB4).
  private struct Unit {
    var kind: Kind
    var scalars: Substring.UnicodeScalarView
    var endsWithZWJ: Bool
  }

  /// The words of `text`, in order.
  static func words(_ text: String) -> [String] {
    var units: [Unit] = []
    let scalars = Substring(text).unicodeScalars
    var i = scalars.startIndex
    while i < scalars.endIndex {
      let start = i
      let k = kind(scalars[i])
      i = scalars.index(after: i)
      if k != .newline {
        while i < scalars.endIndex && isExtend(scalars[i]) { i = scalars.index(after: i) }
      }
      let last = scalars[scalars.index(before: i)]
      units.append(Unit(kind: k, scalars: scalars[start..<i], endsWithZWJ: last == "\u{200D}"))
    }
    var words: [String] = []
    var current = String.UnicodeScalarView()
    var regionalRun = 0
    for index in units.indices {
      if index > 0 && breaks(units, at: index, regionalRun: regionalRun) {
        flush(&current, into: &words)
      }
      regionalRun = units[index].kind == .regionalIndicator ? regionalRun + 1 : 0
      current.append(contentsOf: units[index].scalars)
    }
    flush(&current, into: &words)
    return words
  }

  private static func flush(_ current: inout String.UnicodeScalarView, into words: inout [String]) {
    if current.contains(where: isWordy) { words.append(String(current)) }
    current = String.UnicodeScalarView()
  }

  // Classes the rules group together.
  private static let letters: Set<Kind> = [.letter, .hebrew]
  private static let alnum: Set<Kind> = [.letter, .hebrew, .digit]
  private static let insideLetters: Set<Kind> = [.midLetter, .midNumLet, .singleQuote]
  private static let insideDigits: Set<Kind> = [.midNum, .midNumLet, .singleQuote]
  private static let joinable: Set<Kind> = [.letter, .hebrew, .digit, .katakana, .extendNumLet]

  /// Whether UAX #29 breaks between `units[index - 1]` and `units[index]`; `regionalRun` is the
  /// number of regional indicators ending at `index - 1`.
  private static func breaks(_ units: [Unit], at index: Int, regionalRun: Int) -> Bool {
    let before = units[index - 1].kind
    let after = units[index].kind
    let before2: Kind? = index >= 2 ? units[index - 2].kind : nil
    let after2: Kind? = index + 1 < units.count ? units[index + 1].kind : nil
    if before == .newline || after == .newline { return true }  // WB3a, WB3b
    if units[index - 1].endsWithZWJ && after == .pictographic { return false }  // WB3c
    if before == .space && after == .space { return false }  // WB3d
    if alnum.contains(before) && alnum.contains(after) { return false }  // WB5, WB8, WB9, WB10
    if letters.contains(before) && insideLetters.contains(after), let a2 = after2, letters.contains(a2) {
      return false  // WB6
    }
    if let b2 = before2, letters.contains(b2), insideLetters.contains(before), letters.contains(after) {
      return false  // WB7
    }
    if before == .hebrew && after == .singleQuote { return false }  // WB7a
    if before == .hebrew && after == .doubleQuote && after2 == .hebrew { return false }  // WB7b
    if before2 == .hebrew && before == .doubleQuote && after == .hebrew { return false }  // WB7c
    if before == .digit && insideDigits.contains(after) && after2 == .digit { return false }  // WB12
    if before2 == .digit && insideDigits.contains(before) && after == .digit { return false }  // WB11
    if before == .katakana && after == .katakana { return false }  // WB13
    if after == .extendNumLet && joinable.contains(before) { return false }  // WB13a
    if before == .extendNumLet && joinable.contains(after) { return false }  // WB13b
    if before == .regionalIndicator && after == .regionalIndicator && regionalRun % 2 == 1 {
      return false  // WB15, WB16
    }
    return true  // WB999
  }
}
