import Foundation

/// Damages names in a clean telegram the way OCR does, with a seed, for measuring the `names`
/// stage (and for the corpus generator to compose with other damage).
///
/// A name is a token of four or more capital letters that the lexicon knows as part of a
/// person's name and that is not an English word (so `KISSINGER` and `SOUVANNA` count, `BAKER`
/// does not). Each occurrence is damaged with probability `rate` by one or two OCR confusions
/// drawn from the cost table, common confusions more often (weight 10^(−6·cost), which undoes
/// `cost = ln p / ln 10⁻⁶` and so draws each confusion by its ICDAR frequency p; confusions up
/// to cost 0.8 only). Confusions that would put a digit or a non-letter into the name are not
/// used: the `names` stage corrects letter tokens only, and a digit splits a token.
public struct NameCorruptor: Sendable {
  /// One damaged name: where it is in the damaged text, what it reads, what it should read.
  public struct Corruption: Sendable, Hashable {
    public var range: Range<Int>
    public var wrong: String
    public var right: String
  }

  public var seed: UInt64
  public var rate: Double
  private let rules: [(truth: [UInt8], ocr: [UInt8], weight: Double)]

  /// - Parameters:
  ///   - seed: the same seed gives the same damage.
  ///   - rate: the chance that a name occurrence is damaged.
  ///   - costTable: the text of an OCR cost table (`truth<TAB>ocr<TAB>cost` rows).
  public init(seed: UInt64, rate: Double = 0.3, costTable: String) {
    self.seed = seed
    self.rate = rate
    var rules: [(truth: [UInt8], ocr: [UInt8], weight: Double)] = []
    for line in costTable.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("truth\t") {
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard cells.count >= 3, let cost = Double(cells[2]), cost <= 0.8 else { continue }
      let truth = Array(cells[0].utf8), ocr = Array(cells[1].utf8)
      guard !truth.isEmpty, (truth + ocr).allSatisfy({ $0 >= 65 && $0 <= 90 }) else { continue }
      rules.append((truth, ocr, pow(10, -6 * cost)))
    }
    self.rules = rules
  }

  /// Damages the names in `text`.
  /// - Parameter isName: whether a token (upper-case letters) is a name to damage.
  /// - Returns: the damaged text and each damage, with its UTF-8 range in the damaged text.
  public func corrupt(_ text: String, isName: (String) -> Bool) -> (text: String, corruptions: [Corruption]) {
    var random = SeededRandom(seed: seed)
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 64)
    var corruptions: [Corruption] = []
    var i = 0
    while i < bytes.count {
      guard isUpper(bytes[i]), i == 0 || !isAlnum(bytes[i - 1]) else {
        out.append(bytes[i])
        i += 1
        continue
      }
      var j = i
      while j < bytes.count && isUpper(bytes[j]) { j += 1 }
      let word = Array(bytes[i..<j])
      let touchesDigit = j < bytes.count && isAlnum(bytes[j])
      if !touchesDigit, word.count >= 4, isName(String(decoding: word, as: UTF8.self)), random.chance(rate),
        let damaged = damage(word, using: &random)
      {
        corruptions.append(
          Corruption(
            range: out.count..<(out.count + damaged.count),
            wrong: String(decoding: damaged, as: UTF8.self),
            right: String(decoding: word, as: UTF8.self)))
        out.append(contentsOf: damaged)
      } else {
        out.append(contentsOf: word)
      }
      i = j
    }
    return (String(decoding: out, as: UTF8.self), corruptions)
  }

  /// The corruptions as the `names` list of a truth file.
  public static func truth(_ corruptions: [Corruption]) -> [TruthFile.Substitution] {
    corruptions.map { TruthFile.Substitution(wrong: $0.wrong, right: $0.right) }
  }

  private func damage(_ word: [UInt8], using random: inout SeededRandom) -> [UInt8]? {
    var current = word
    let count = random.chance(0.6) ? 1 : 2
    for _ in 0..<count {
      var applicable: [(position: Int, rule: Int)] = []
      var total = 0.0
      for (index, rule) in rules.enumerated() {
        var p = 0
        while p + rule.truth.count <= current.count {
          if Array(current[p..<(p + rule.truth.count)]) == rule.truth {
            applicable.append((p, index))
            total += rule.weight
          }
          p += 1
        }
      }
      guard total > 0 else { break }
      var pick = Double.random(in: 0..<total, using: &random)
      for (position, index) in applicable {
        pick -= rules[index].weight
        if pick < 0 {
          current.replaceSubrange(position..<(position + rules[index].truth.count), with: rules[index].ocr)
          break
        }
      }
    }
    return current == word ? nil : current
  }

  private func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
  private func isAlnum(_ c: UInt8) -> Bool {
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
  }
}
