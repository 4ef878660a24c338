import Testing

@testable import CableMend

/// The byte-level fast paths added for speed (unwrap's line classifier and hyphen index, the
/// word list loader, dedupe's units and word split) must give exactly what the `Character` or
/// scalar code they stand in for gives, on any text: they only take ASCII and hand everything
/// else to that code.
@Suite struct BytePathTests {
  static let samples = [
    "", " ", "A", "\t", "  RECOMMEND THAT WE\tRESPOND  ", "info amembassy rome", "1. (C) TEXT.",
    "NON-PRO-\nLIFERATION", "US-PRC AND INFORMA-", "- -- A-B-C -", "caf\u{E9} ZÜRICH", "straße",
    "e\u{301}lan VITAL", "\r\n", "A\r\nB", "X\u{0B}Y\u{0C}Z", "[]{}@`~^_|\\", "Ǆ ǅ ǆ", "\u{A0}NBSP\u{A0}",
  ]

  /// Random text: mostly ASCII (controls, spaces, tabs, letters, punctuation), sometimes one
  /// non-ASCII scalar, so both paths are taken.
  static func randomText(seed: Int, length: ClosedRange<Int> = 0...80) -> String {
    var rng = SeededRandom(seed: UInt64(seed))
    let pool: [Unicode.Scalar] = ["A", "b", "Z", "z", " ", " ", "\t", "-", "'", ".", "0", "9", "\r", "\n", "\u{0B}"]
    var scalars = String.UnicodeScalarView()
    for _ in 0..<Int.random(in: length, using: &rng) {
      if rng.chance(0.5) {
        scalars.append(pool[Int.random(in: 0..<pool.count, using: &rng)])
      } else if rng.chance(0.02) {
        scalars.append(["é", "\u{301}", "\u{A0}", "ß", "Ω"][Int.random(in: 0..<5, using: &rng)])
      } else {
        scalars.append(Unicode.Scalar(UInt8.random(in: 0...127, using: &rng)))
      }
    }
    return String(scalars)
  }

  static var cases: [String] { samples + (0..<60).map { randomText(seed: $0) } }

  @Test(arguments: cases)
  func normalizedMatchesTheCharacterPath(text: String) {
    #expect(LineClassifier.normalized(text) == LineClassifier.characterNormalized(text))
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      #expect(LineClassifier.asciiNormalized(text) == LineClassifier.characterNormalized(text))
    } else {
      #expect(LineClassifier.asciiNormalized(text) == nil)
    }
  }

  @Test(arguments: cases)
  func dedupeUnitMatchesTheScalarPath(text: String) {
    let fast = DedupeUnit(line: 3, text: text)
    let slow = DedupeUnit(line: 3, text: text, bytePath: false)
    #expect(fast.scalars == slow.scalars)
    #expect(fast.keys == slow.keys)
    #expect(fast.exactKey == slow.exactKey)
    #expect(fast.length == slow.length)
    #expect(fast.wordCount == slow.wordCount)
    #expect(DedupeUnit.hasContent(text) == text.unicodeScalars.contains { !$0.properties.isWhitespace })
  }

  @Test(arguments: cases)
  func plausibilityWordsMatchTheScalarSplit(text: String) {
    var reference: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "'" {
        current.append(Unicode.Scalar(WordPlausibility.foldCase(scalar.value)) ?? scalar)
      } else if !current.isEmpty {
        reference.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { reference.append(String(current)) }
    #expect(WordPlausibility.words(in: Array(text.unicodeScalars)) == reference)
    for scalar in text.unicodeScalars {
      #expect(WordPlausibility.isLetter(scalar) == scalar.properties.isAlphabetic)
    }
  }

  @Test(arguments: 0..<20)
  func hyphenIndexMatchesTheCharacterPath(seed: Int) {
    let lines = (0..<Int(seed % 7)).map { Self.randomText(seed: seed * 31 + $0, length: 0...120) }
      + (seed.isMultiple(of: 3) ? ["INFORMA-", "TION AND NON-PROLIFERATION, US-PRC", "a-b-c- -d"] : [])
    let fast = HyphenJudge(document: lines)
    let slow = HyphenJudge(document: lines, bytePath: false)
    #expect(fast.words == slow.words)
    #expect(fast.compounds == slow.compounds)
  }

  @Test func hyphenIndexOfNothingAndOfHostileText() {
    let hostile: [[String]] = [
      [], [""], ["-"], ["--A--"], [String(repeating: "AB-", count: 500)], ["É-TAT", "ÉTAT"],
      ["\u{301}ABC-DEF", "X-\u{301}Y", "été-ÉTÉ straße", "A\u{600}", "-B", "C-", "D"], ["AB-", "-CD", "e\u{301}-f"],
    ]
    for lines in hostile {
      let fast = HyphenJudge(document: lines)
      let slow = HyphenJudge(document: lines, bytePath: false)
      #expect(fast.words == slow.words)
      #expect(fast.compounds == slow.compounds)
    }
  }

  @Test(arguments: [
    "", "\n", "apple\nApple's\nbanana\n\nzebra", "caf\u{E9}\nna\u{EF}ve\nstra\u{DF}e\nok", "a\r\nb\nc'd\r\n",
    "one", "x\n\n\ny'\n'\n",
  ])
  func wordListEntriesMatchTheCharacterSplit(list: String) {
    #expect(HyphenJudge.Dictionary.entries(of: list) == HyphenJudge.Dictionary.entries(of: list, bytePath: false))
  }
  @Test(arguments: cases)
  func furnitureTokensMatchTheCharacterSplit(text: String) {
    #expect(FurnitureText.tokens(text) == FurnitureText.characterTokens(text))
  }

  /// The per-word normalisation as it was written before the one-pass version.
  static func referenceNormalised(_ text: String, fold: Bool) -> [UInt8] {
    var out: [UInt8] = []
    for word in text.utf8.split(whereSeparator: { $0 == 32 || $0 == 9 }) {
      let upper = word.map { ($0 >= 97 && $0 <= 122) ? $0 - 32 : $0 }
      let letterCount = upper.filter { $0 >= 65 && $0 <= 90 }.count
      let digitCount = upper.filter { $0 >= 48 && $0 <= 57 }.count
      let foldThis = fold && letterCount > 0 && letterCount >= digitCount
      var pendingSpace = !out.isEmpty
      for byte in upper {
        guard (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) else {
          pendingSpace = !out.isEmpty
          continue
        }
        if pendingSpace { out.append(32) }
        pendingSpace = false
        let folded: [UInt8: UInt8] = [48: 79, 49: 73, 53: 83, 56: 66]
        out.append(foldThis ? folded[byte] ?? byte : byte)
      }
    }
    return out
  }

  @Test(arguments: cases + ["C0NFIDENTIAL", "S/S-0", "DATE/CASE ID: 9300158B", "1O5 8ANK", "a1b2 c3"])
  func furnitureNormalisationMatchesThePerWordVersion(text: String) {
    #expect(FurnitureText.letters(text) == Self.referenceNormalised(text, fold: false))
    #expect(FurnitureText.folded(text) == Self.referenceNormalised(text, fold: true))
  }
  /// The bounded distance as written with two heap rows, before the stack buffer.
  static func referenceDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        rowMin = min(rowMin, current[j])
      }
      if rowMin > limit { return limit + 1 }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  @Test(arguments: 0..<40)
  func furnitureDistanceMatchesTheHeapVersion(seed: Int) {
    var rng = SeededRandom(seed: UInt64(seed))
    let a = FurnitureText.folded(Self.randomText(seed: seed, length: 0...30))
    let b = rng.chance(0.5) ? a.shuffled(using: &rng) : FurnitureText.folded(Self.randomText(seed: seed + 1000, length: 0...30))
    for limit in [0, 1, 2, 5, 40] {
      #expect(FurnitureText.distance(a, b, limit: limit) == Self.referenceDistance(a, b, limit: limit))
    }
  }
  /// The substring distance as written with two heap rows.
  static func referenceSubstringDistance(_ needle: [UInt8], in haystack: [UInt8]) -> Int {
    if needle.isEmpty { return 0 }
    if haystack.isEmpty { return needle.count }
    var previous = [Int](repeating: 0, count: haystack.count + 1)
    var current = [Int](repeating: 0, count: haystack.count + 1)
    for i in 1...needle.count {
      current[0] = i
      for j in 1...haystack.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (needle[i - 1] == haystack[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous.min() ?? needle.count
  }

  @Test(arguments: 0..<40)
  func furnitureSubstringDistanceMatchesTheHeapVersion(seed: Int) {
    let a = FurnitureText.folded(Self.randomText(seed: seed, length: 0...12))
    let b = FurnitureText.folded(Self.randomText(seed: seed + 500, length: 0...40))
    #expect(FurnitureText.substringDistance(a, in: b) == Self.referenceSubstringDistance(a, in: b))
    #expect(FurnitureText.substringDistance(b, in: a) == Self.referenceSubstringDistance(b, in: a))
  }
}
