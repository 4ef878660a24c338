import Foundation

/// Judges how plausible a stretch of text is as clean telegram text: words that are known (in
/// the English word list or used elsewhere in the same document) score up, characters that OCR
/// typically produces by mistake (a digit inside a word, punctuation between letters, a lower-case
/// letter in upper-case text, U+FFFD) score down.
///
/// Two uses: breaking ties when two copies of a duplicate disagree on a character, and telling
/// an OCR difference (a non-word) from a real difference in content (one known word where the
/// other copy has another known word, as in "FIRST" and "SECOND" of two parallel paragraphs).
struct WordPlausibility: Sendable {
  /// Upper-case words of the system word list (`/usr/share/dict/words`, from `wamerican`).
  let dictionary: Set<String>
  /// How often each upper-case word occurs in the document being mended.
  let documentCounts: [String: Int]

  init(dictionary: Set<String>, documentTexts: some Sequence<String>) {
    self.dictionary = dictionary
    var counts: [String: Int] = [:]
    for text in documentTexts {
      for word in Self.words(in: Array(text.unicodeScalars)) { counts[word, default: 0] += 1 }
    }
    documentCounts = counts
  }

  /// A word is known when the word list has it, or when the document uses it at least twice (so
  /// it is not just the one reading under judgement).
  func isKnown(_ word: String) -> Bool {
    dictionary.contains(word) || documentCounts[word, default: 0] >= 2
  }

  /// Higher is more plausible. Known words score 2 each; each OCR-suspicious character costs 1.
  func score(_ scalars: some Collection<Unicode.Scalar>) -> Double {
    let array = Array(scalars)
    var total = 0.0
    for word in Self.words(in: array) where word.unicodeScalars.contains(where: Self.isLetter) {
      if isKnown(word) { total += 2 }
    }
    for (index, scalar) in array.enumerated() {
      total -= Self.suspicion(of: scalar, previous: index > 0 ? array[index - 1] : nil,
                              next: index + 1 < array.count ? array[index + 1] : nil)
    }
    return total
  }

  /// True when `a` and `b` read as two different real words or numbers rather than one word and
  /// an OCR misreading of it.
  func isContentDifference(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
    let wordsA = Self.words(in: a)
    let wordsB = Self.words(in: b)
    guard wordsA.count == 1, wordsB.count == 1 else { return false }
    let x = wordsA[0]
    let y = wordsB[0]
    if x.allSatisfy(\.isNumber) && y.allSatisfy(\.isNumber) { return x != y }
    guard x.count >= 2, y.count >= 2, isKnown(x), isKnown(y) else { return false }
    let distance = EditDistance.levenshtein(Array(x.unicodeScalars), Array(y.unicodeScalars))
    return distance >= 2
  }

  /// Upper-cased runs of letters and digits (apostrophes kept inside a word).
  static func words(in scalars: [Unicode.Scalar]) -> [String] {
    var result: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in scalars {
      if isWordCharacter(scalar) {
        current.append(Unicode.Scalar(foldCase(scalar.value)) ?? scalar)
      } else if !current.isEmpty {
        result.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { result.append(String(current)) }
    return result
  }

  static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "'"
  }

  static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }

  /// ASCII lower case to upper case; whitespace of any kind to a space. Comparison key of a
  /// character, so that case and spacing variants of one reading compare equal.
  static func foldCase(_ value: UInt32) -> UInt32 {
    if value >= 0x61 && value <= 0x7A { return value - 0x20 }
    if value == 0x09 || value == 0xA0 { return 0x20 }
    return value
  }

  private static func suspicion(of scalar: Unicode.Scalar, previous: Unicode.Scalar?,
                                next: Unicode.Scalar?) -> Double
  {
    if scalar == "\u{FFFD}" { return 2 }
    if !scalar.isASCII { return 1 }
    let letterBefore = previous.map(isLetter) ?? false
    let letterAfter = next.map(isLetter) ?? false
    if ("0"..."9").contains(scalar) { return letterBefore || letterAfter ? 1 : 0 }
    if ("a"..."z").contains(scalar) { return 0.5 }
    if scalar == " " || scalar == "-" || scalar == "/" || scalar == "'" || isLetter(scalar) { return 0 }
    // Other punctuation between two letters is a typical speck or broken glyph.
    return letterBefore && letterAfter ? 1 : 0
  }
}

/// The system word list, read once.
enum SystemWordList {
  static let path = "/usr/share/dict/words"

  /// Upper-case words of letters only; empty when the list is not installed.
  static let words: Set<String> = load(path: path)

  static func load(path: String) -> Set<String> {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    var result = Set<String>()
    result.reserveCapacity(100_000)
    var word: [UInt8] = []
    var lettersOnly = true
    for byte in data {
      if byte == 0x0A {
        if lettersOnly && !word.isEmpty { result.insert(String(decoding: word, as: UTF8.self)) }
        word.removeAll(keepingCapacity: true)
        lettersOnly = true
      } else if (0x41...0x5A).contains(byte) {
        word.append(byte)
      } else if (0x61...0x7A).contains(byte) {
        word.append(byte - 0x20)
      } else {
        lettersOnly = false
      }
    }
    if lettersOnly && !word.isEmpty { result.insert(String(decoding: word, as: UTF8.self)) }
    return result
  }
}
