/// The kinds of Unicode damage found in OCR dumps that went through word processors, PDF
/// extractors and mis-declared encodings.
public enum UnicodeDamageKind: String, Sendable, CaseIterable, Codable, Hashable {
  /// `'` and `"` turned typographic (U+2018/2019/201C/201D).
  case curlyQuote
  /// `--` turned into an em dash (U+2014).
  case dash
  /// A space turned into a no-break space (U+00A0).
  case noBreakSpace
  /// An invisible character inside a word: zero-width space, byte-order mark or soft hyphen.
  case zeroWidth
  /// A Latin capital replaced by its Cyrillic look-alike (A, B, C, E, H, K, M, O, P, T, X).
  case cyrillic
  /// A typographic character encoded in UTF-8 and decoded as Windows-1252 (`’` -> `â€™`).
  case mojibake
}

/// Damages characters of the dump's text lines: each eligible character is damaged with the
/// settings' rate, by one of the allowed kinds. Furniture, duplicates and protected words (name
/// misspellings already recorded) are left alone so that every truth entry stays exact. Each
/// damaged word is recorded in `truth.unicode` as it appears in the dump.
/// - Complexity: O(n) in the length of the text.
public struct UnicodeDamager: NoiseComponent {
  public var kind: String { "unicode" }
  public var rate: Double
  public var kinds: [UnicodeDamageKind]

  public init(rate: Double, kinds: [UnicodeDamageKind]) {
    self.rate = rate
    self.kinds = kinds
  }

  static let cyrillic: [Character: Character] = [
    "A": "\u{0410}", "B": "\u{0412}", "C": "\u{0421}", "E": "\u{0415}", "H": "\u{041D}",
    "K": "\u{041A}", "M": "\u{041C}", "O": "\u{041E}", "P": "\u{0420}", "T": "\u{0422}",
    "X": "\u{0425}",
  ]
  static let invisible: [String] = ["\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{200C}"]

  public func apply(to dump: inout NoisyDump, using random: inout SeededRandom) {
    guard rate > 0, !kinds.isEmpty else { return }
    var count = 0
    for (p, l) in dump.textLinePositions {
      let line = dump.pages[p].lines[l].text
      let (damaged, records) = damage(line, protected: dump.protectedWords, random: &random)
      dump.pages[p].lines[l].text = damaged
      dump.truth.unicode += records
      count += records.count
    }
    dump.truth.damage.append("unicode \(count) words, rate \(rate), kinds "
      + kinds.map(\.rawValue).joined(separator: ","))
  }

  /// Damages one line; returns it and one record per damaged word (a no-break space joins two
  /// words into one record).
  func damage(_ line: String, protected: Set<String>, random: inout SeededRandom)
    -> (String, [TruthFile.Substitution])
  {
    var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    var records: [TruthFile.Substitution] = []
    var joinNext = Set<Int>()
    for i in words.indices where !protected.contains(words[i]) && !words[i].isEmpty {
      let original = words[i]
      words[i] = damageWord(original, random: &random)
      if i + 1 < words.count, kinds.contains(.noBreakSpace), !words[i + 1].isEmpty,
        !protected.contains(words[i + 1]), random.chance(rate * 4)
      {
        joinNext.insert(i)
      }
      if words[i] != original { records.append(.init(wrong: words[i], right: original)) }
    }
    guard !joinNext.isEmpty else { return (words.joined(separator: " "), records) }
    var out = ""
    for i in words.indices {
      out += words[i]
      if i + 1 < words.count { out += joinNext.contains(i) ? "\u{00A0}" : " " }
    }
    for i in joinNext.sorted() {
      records.append(.init(wrong: words[i] + "\u{00A0}" + words[i + 1], right: words[i] + " " + words[i + 1]))
    }
    return (out, records)
  }

  private func damageWord(_ word: String, random: inout SeededRandom) -> String {
    var out = ""
    let chars = Array(word)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "-", i + 1 < chars.count, chars[i + 1] == "-", kinds.contains(.dash), random.chance(rate * 20) {
        out += emit("\u{2014}", random: &random)
        i += 2
        continue
      }
      if (c == "'" || c == "\"") && kinds.contains(.curlyQuote) && random.chance(rate * 40) {
        let opening = i == 0
        let curly = c == "'" ? (opening ? "\u{2018}" : "\u{2019}") : (opening ? "\u{201C}" : "\u{201D}")
        out += emit(curly, random: &random)
      } else if let look = Self.cyrillic[c], kinds.contains(.cyrillic), random.chance(rate) {
        out.append(look)
      } else if c.isLetter, i > 0, kinds.contains(.zeroWidth), random.chance(rate / 2) {
        out += Self.invisible.randomElement(using: &random)! + String(c)
      } else {
        out.append(c)
      }
      i += 1
    }
    return out
  }

  /// A typographic character, sometimes mis-decoded as Windows-1252 bytes.
  private func emit(_ typographic: String, random: inout SeededRandom) -> String {
    guard kinds.contains(.mojibake), random.chance(0.5) else { return typographic }
    return String(typographic.utf8.map { Self.windows1252(byte: $0) })
  }

  /// How Windows-1252 shows one byte (the 0x80–0x9F block differs from Latin-1).
  static func windows1252(byte: UInt8) -> Character {
    let block: [UInt8: Unicode.Scalar] = [
      0x80: "\u{20AC}", 0x82: "\u{201A}", 0x84: "\u{201E}", 0x93: "\u{201C}", 0x94: "\u{201D}",
      0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9C: "\u{0153}", 0x9D: "\u{009D}",
    ]
    return Character(block[byte] ?? Unicode.Scalar(byte))
  }
}
