/// What the `names` stage reads around a token: the words of each line, the cable's date, the
/// office symbol of a clearance line, the title before a name, the routing prefix of a post.
struct CableContext {
  /// A run of ASCII letters in a line.
  struct Token {
    var line: Int
    var range: Range<Int>
    var text: String
    /// Lower-case letters (not cable text: stamps such as "Review Authority").
    var hasLower: Bool
    /// A digit or letter-digit code touches it (`SS09427`, `AB3`).
    var touchesDigit: Bool
    var before: UInt8?
    var after: UInt8?
  }

  var tokens: [[Token]]
  var protectedLines: Set<Int>
  var date: LexiconDate?
  /// How often each upper-case token occurs in the document.
  var counts: [String: Int]
  /// Word pairs (`UNDER SECRETARY`) seen in the document, with counts.
  var pairs: [String: Int]

  init(lines: [TextLine]) {
    var tokens: [[Token]] = []
    var protectedLines: Set<Int> = []
    var counts: [String: Int] = [:]
    var pairs: [String: Int] = [:]
    var date: LexiconDate?
    for (number, line) in lines.enumerated() {
      let bytes = Array(line.text.utf8)
      let lineTokens = Self.tokenize(bytes, line: number)
      tokens.append(lineTokens)
      if Self.isProtected(bytes) { protectedLines.insert(number) }
      if date == nil { date = Self.dtgDate(bytes) }
      for token in lineTokens where !token.hasLower { counts[token.text, default: 0] += 1 }
      for (a, b) in zip(lineTokens, lineTokens.dropFirst()) where Self.adjacent(a, b, in: bytes) {
        pairs[a.text + " " + b.text, default: 0] += 1
      }
    }
    if date == nil { date = lines.lazy.compactMap { Self.slashDate(Array($0.text.utf8)) }.first }
    self.tokens = tokens
    self.protectedLines = protectedLines
    self.counts = counts
    self.pairs = pairs
    self.date = date
  }

  static func tokenize(_ bytes: [UInt8], line: Int) -> [Token] {
    var result: [Token] = []
    var i = 0
    while i < bytes.count {
      guard isLetter(bytes[i]) else {
        i += 1
        continue
      }
      let start = i
      var hasLower = false
      while i < bytes.count && isLetter(bytes[i]) {
        if bytes[i] >= 97 { hasLower = true }
        i += 1
      }
      let before = start > 0 ? bytes[start - 1] : nil
      let after = i < bytes.count ? bytes[i] : nil
      let touchesDigit = before.map(isDigit) == true || after.map(isDigit) == true
      result.append(Token(line: line, range: start..<i, text: String(decoding: bytes[start..<i], as: UTF8.self),
                          hasLower: hasLower, touchesDigit: touchesDigit, before: before, after: after))
    }
    return result
  }

  @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
  @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

  /// True when only spaces separate the two tokens.
  static func adjacent(_ a: Token, _ b: Token, in bytes: [UInt8]) -> Bool {
    bytes[a.range.upperBound..<b.range.lowerBound].allSatisfy { $0 == 32 }
  }

  /// TAGS, E.O. and DTG lines carry codes, not words.
  static func isProtected(_ bytes: [UInt8]) -> Bool {
    let text = String(decoding: bytes.prefix(8), as: UTF8.self)
    return text.hasPrefix("TAGS") || text.hasPrefix("E.O.") || text.hasPrefix("E. O.") || dtgDate(bytes) != nil
  }

  private static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

  /// The date of a date-time group such as `040336Z DEC 90` at the start of a line (after the
  /// precedence letters).
  static func dtgDate(_ bytes: [UInt8]) -> LexiconDate? {
    guard bytes.count >= 14, bytes.count < 80 else { return nil }
    var i = 0
    // Precedence letters: up to two single capitals, each followed by a space.
    while i + 1 < bytes.count && bytes[i] >= 65 && bytes[i] <= 90 && bytes[i + 1] == 32 && i < 4 { i += 2 }
    guard i + 14 <= bytes.count, bytes[i..<(i + 6)].allSatisfy(isDigit), bytes[i + 6] == 90, bytes[i + 7] == 32
    else { return nil }
    let month = String(decoding: bytes[(i + 8)..<(i + 11)], as: UTF8.self)
    guard let m = months.firstIndex(of: month), bytes[i + 11] == 32,
      bytes[(i + 12)..<(i + 14)].allSatisfy(isDigit)
    else { return nil }
    let day = Int(bytes[i] - 48) * 10 + Int(bytes[i + 1] - 48)
    let yy = Int(bytes[i + 12] - 48) * 10 + Int(bytes[i + 13] - 48)
    guard (1...31).contains(day) else { return nil }
    return LexiconDate(year: yy >= 30 ? 1900 + yy : 2000 + yy, month: m + 1, day: day)
  }

  /// A line that is only a date, `YYYY/MM/DD`.
  static func slashDate(_ bytes: [UInt8]) -> LexiconDate? {
    guard bytes.count == 10, bytes[4] == 47, bytes[7] == 47 else { return nil }
    return LexiconDate(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "/", with: "-"))
  }

  /// The office symbol a clearance line puts before this token (`EAP` in `EAP: RSOLCHON` and
  /// in `EAP/CM: KVISBEMANN/MOHR`), as the set of its prefixes that are known offices.
  func clearanceOffices(_ token: Token, line bytes: [UInt8], offices: Set<String>) -> [String]? {
    var i = token.range.lowerBound - 1
    // Walk back over other names of the same clearance (`A/B/C`) and spaces to the colon.
    while i >= 0 && (Self.isLetter(bytes[i]) || bytes[i] == 47 || bytes[i] == 32) { i -= 1 }
    guard i >= 1, bytes[i] == 58 else { return nil }
    var end = i
    while end > 0 && bytes[end - 1] == 32 { end -= 1 }
    var start = end
    while start > 0 && (Self.isLetter(bytes[start - 1]) || Self.isDigit(bytes[start - 1])
      || bytes[start - 1] == 47 || bytes[start - 1] == 45) { start -= 1 }
    let symbol = String(decoding: bytes[start..<end], as: UTF8.self)
    var prefixes: [String] = []
    for (index, char) in symbol.enumerated() where char == "/" || char == "-" {
      prefixes.append(String(symbol.prefix(index)))
    }
    prefixes.append(symbol)
    let known = prefixes.filter { offices.contains($0) }
    guard let longest = known.last else { return nil }
    return known.filter { $0.count >= 2 || $0 == longest }
  }

  /// The title words right before a name (`UNDER SECRETARY` in `UNDER SECRETARY KIMMITT`):
  /// up to eight role words separated only by spaces, the last of which (next to the name) is a
  /// common title word of four letters or more, so that `THE GATT` is no cue.
  func titleCue(before index: Int, in lineTokens: [Token], line bytes: [UInt8],
                isRoleWord: (String) -> Bool, isTitleWord: (String) -> Bool) -> [String] {
    guard index > 0, lineTokens[index - 1].text.utf8.count >= 4, isTitleWord(lineTokens[index - 1].text),
      Self.adjacent(lineTokens[index - 1], lineTokens[index], in: bytes)
    else { return [] }
    var cue: [String] = []
    var k = index - 1
    while k >= 0 && cue.count < 8 && Self.adjacent(lineTokens[k], lineTokens[k + 1], in: bytes)
      && isRoleWord(lineTokens[k].text)
    {
      cue.append(lineTokens[k].text)
      k -= 1
    }
    return cue.reversed()
  }
}
