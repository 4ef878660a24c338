/// The letter confusions OCR makes on typewritten capitals (M/N, RN/M, CL/D, LI/H, T/F, I/L/1,
/// O/0/C/D, B/R/8, E/F, S/5), and a seeded misspeller built on them.
public enum OCRNameSpelling {
  /// Each confusion: what the typed text had, and what OCR may read instead.
  public static let confusions: [(typed: String, read: String)] = [
    ("M", "N"), ("N", "M"), ("RN", "M"), ("M", "RN"), ("CL", "D"), ("D", "CL"), ("LI", "H"),
    ("H", "LI"), ("T", "F"), ("F", "T"), ("I", "L"), ("L", "I"), ("I", "1"), ("L", "1"),
    ("O", "0"), ("O", "C"), ("O", "D"), ("C", "O"), ("D", "O"), ("B", "R"), ("R", "B"),
    ("B", "8"), ("E", "F"), ("F", "E"), ("S", "5"),
  ]

  /// `word` with one or two confusions applied at random places, or nil when none applies.
  /// The first letter is kept more often than not, as real OCR errors favour inner letters.
  public static func misspell(_ word: String, random: inout SeededRandom) -> String? {
    var result = word
    let edits = random.chance(0.3) ? 2 : 1
    var applied = 0
    for _ in 0..<edits {
      var options: [(Range<String.Index>, String)] = []
      for (typed, read) in confusions {
        var start = result.startIndex
        while let range = result.range(of: typed, range: start..<result.endIndex) {
          if range.lowerBound != result.startIndex || random.chance(0.2) { options.append((range, read)) }
          start = result.index(after: range.lowerBound)
        }
      }
      guard let (range, read) = options.randomElement(using: &random) else { break }
      result.replaceSubrange(range, with: read)
      applied += 1
    }
    return applied > 0 && result != word ? result : nil
  }
}
