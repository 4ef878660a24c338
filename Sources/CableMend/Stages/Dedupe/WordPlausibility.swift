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
    self.init(dictionary: dictionary, documentScalars: documentTexts.lazy.map { Array($0.unicodeScalars) })
  }

  /// The same, from texts already split into scalars (the dedupe units hold them).
  init(dictionary: Set<String>, documentScalars: some Sequence<[Unicode.Scalar]>) {
    self.dictionary = dictionary
    var counts: [String: Int] = [:]
    for scalars in documentScalars {
      for word in Self.words(in: scalars) { counts[word, default: 0] += 1 }
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
  /// `ownCounts` are the words of the two texts compared: a word counts as known from the
  /// document only when it also occurs outside them.
  func isContentDifference(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], ownCounts: [String: Int] = [:]) -> Bool {
    let wordsA = Self.words(in: a)
    let wordsB = Self.words(in: b)
    guard wordsA.count == 1, wordsB.count == 1 else { return false }
    let x = wordsA[0]
    let y = wordsB[0]
    if x.allSatisfy(\.isNumber) && y.allSatisfy(\.isNumber) { return Self.isNumberDifference(x, y) }
    func knownElsewhere(_ word: String) -> Bool {
      dictionary.contains(word) || documentCounts[word, default: 0] - ownCounts[word, default: 0] >= 1
    }
    guard x.count >= 2, y.count >= 2, knownElsewhere(x), knownElsewhere(y) else { return false }
    let distance = EditDistance.levenshtein(Array(x.unicodeScalars), Array(y.unicodeScalars))
    return distance >= 2
  }

  /// Digits OCR confuses with each other.
  private static let lookAlikeDigits: Set<[Character]> = [
    ["3", "8"], ["5", "6"], ["1", "7"], ["0", "8"], ["6", "8"], ["0", "9"],
  ]

  /// Two numbers differ in content unless one is the other with one digit lost, added, or
  /// read as a look-alike digit.
  private static func isNumberDifference(_ x: String, _ y: String) -> Bool {
    guard x != y else { return false }
    let a = Array(x)
    let b = Array(y)
    if a.count != b.count { return abs(a.count - b.count) > 1 || EditDistance.levenshtein(a, b) > 1 }
    let differing = zip(a, b).filter { $0 != $1 }
    guard differing.count == 1, let (p, q) = differing.first else { return true }
    return !lookAlikeDigits.contains([min(p, q), max(p, q)])
  }

  /// Upper-cased runs of letters and digits (apostrophes kept inside a word).
  /// Each word is gathered as UTF-8 bytes and made a `String` once (appending scalar by scalar
  /// to a `String.UnicodeScalarView` was the stage's hot spot); the same strings.
  static func words(in scalars: [Unicode.Scalar]) -> [String] {
    var result: [String] = []
    var current: [UInt8] = []
    for scalar in scalars {
      if isWordCharacter(scalar) {
        let folded = Unicode.Scalar(foldCase(scalar.value)) ?? scalar
        if folded.isASCII {
          current.append(UInt8(folded.value))
        } else {
          UTF8.encode(folded) { current.append($0) }
        }
      } else if !current.isEmpty {
        result.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
      }
    }
    if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
    return result
  }

  static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value | 0x20
      return (value >= 0x61 && value <= 0x7A) || ("0"..."9").contains(scalar) || scalar == "'"
    }
    return scalar.properties.isAlphabetic
  }

  /// `Unicode.Scalar.Properties.isAlphabetic`, with ASCII (A-Z, a-z) answered without the
  /// property table.
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value | 0x20
      return value >= 0x61 && value <= 0x7A
    }
    return scalar.properties.isAlphabetic
  }

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
