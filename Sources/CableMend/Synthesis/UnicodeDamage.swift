/// Injects, deterministically, the kinds of Unicode damage the `unicode` stage repairs, so its
/// effect can be measured on clean text (`UnicodeRepairEvaluationTests`).
///
/// Each word is damaged with probability `rate`, by one of ``Kind``; each space is replaced
/// by an odd space with the same probability. Look-alike letters come from ICU's confusable
/// skeletons (the same data the stage uses, read the other way), not from a hand-made list.
///
/// ```swift
/// let damaged = UnicodeDamage(seed: 1, rate: 0.05).damage("THE MINISTER'S REPLY")
/// ```
public struct UnicodeDamage: Sendable {
  public enum Kind: CaseIterable, Sendable {
    /// A Latin letter replaced by a Cyrillic or Greek twin.
    case lookAlike
    /// A zero-width character or soft hyphen inside the word.
    case invisible
    /// A C0 control character inside the word.
    case control
    /// The word in fullwidth forms.
    case fullwidth
    /// Quotes and dashes made typographic (`'` to `’`, `--` to `—`).
    case typographic
    /// Typographic, then the word's UTF-8 read as Windows-1252 (`’` to `â€™`).
    case mojibake
  }

  public var seed: UInt64
  /// Probability that a word (or a space) is damaged.
  public var rate: Double

  public init(seed: UInt64, rate: Double = 0.05) {
    self.seed = seed
    self.rate = rate
  }

  /// Damages every line of `text`; line ends are kept.
  public func damage(_ text: String) -> String {
    var random = SeededRandom(seed: seed)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.map { damageLine(String($0), &random) }.joined(separator: "\n")
  }

  private func damageLine(_ line: String, _ random: inout SeededRandom) -> String {
    let words = line.split(separator: " ", omittingEmptySubsequences: false)
    var out = ""
    for (index, word) in words.enumerated() {
      if index > 0 { out += random.chance(rate) ? (random.chance(0.5) ? "\u{A0}" : "\u{2009}") : " " }
      out += random.chance(rate) ? damageWord(String(word), &random) : String(word)
    }
    return out
  }

  private func damageWord(_ word: String, _ random: inout SeededRandom) -> String {
    guard !word.isEmpty else { return word }
    var scalars = Array(word.unicodeScalars)
    switch Kind.allCases.randomElement(using: &random)! {
    case .lookAlike:
      let positions = scalars.indices.filter { Self.twins[scalars[$0]] != nil }
      guard let at = positions.randomElement(using: &random) else { return word }
      scalars[at] = Self.twins[scalars[at]]!.randomElement(using: &random)!
    case .invisible:
      let invisible: [Unicode.Scalar] = [
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{AD}", "\u{FEFF}",
      ]
      scalars.insert(
        invisible.randomElement(using: &random)!, at: Int.random(in: 0...scalars.count, using: &random))
    case .control:
      let control = Unicode.Scalar(
        UInt8([1, 2, 7, 8, 0x0B, 0x1A, 0x1B, 0x7F].randomElement(using: &random)!))
      scalars.insert(control, at: Int.random(in: 0...scalars.count, using: &random))
    case .fullwidth:
      scalars = scalars.map { (0x21...0x7E).contains($0.value) ? Unicode.Scalar($0.value + 0xFEE0)! : $0 }
    case .typographic:
      return Self.typographic(word)
    case .mojibake:
      let typographic = Self.typographic(word)
      return String(
        String.UnicodeScalarView(typographic.utf8.map { LegacyCharset.windows1252.decode[Int($0)] }))
    }
    return String(String.UnicodeScalarView(scalars))
  }

  /// Curly apostrophes and quotes, em dashes for `--`, en dashes for lone hyphens.
  static func typographic(_ word: String) -> String {
    var out = ""
    var quoteOpen = false
    var rest = Substring(word)
    while let first = rest.first {
      if rest.hasPrefix("--") {
        out += "\u{2014}"
        rest = rest.dropFirst(2)
        continue
      }
      switch first {
      case "'": out += "\u{2019}"
      case "\"":
        out += quoteOpen ? "\u{201D}" : "\u{201C}"
        quoteOpen.toggle()
      case "-": out += "\u{2013}"
      default: out.append(first)
      }
      rest = rest.dropFirst()
    }
    return out
  }

  /// Cyrillic and Greek letters whose one Latin twin (by confusable skeleton) is the key.
  static let twins: [Unicode.Scalar: [Unicode.Scalar]] = {
    var table: [Unicode.Scalar: [Unicode.Scalar]] = [:]
    for value in Array(0x391...0x3C9) + Array(0x400...0x45F) {
      guard let scalar = Unicode.Scalar(value), let twin = HomoglyphRepair.latinTwin(of: scalar) else {
        continue
      }
      table[twin, default: []].append(scalar)
    }
    return table
  }()
}
