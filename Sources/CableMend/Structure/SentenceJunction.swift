/// Whether the last word of one fragment can run straight on into the first word of another:
/// the grammar of the join where a sentence was broken.
///
/// English puts a few word classes next to each other essentially never: an article or
/// possessive before another article, a modal, an auxiliary or a conjunction (`THE WOULD`,
/// `ITS AND`); a preposition before a modal or auxiliary (`ON WOULD`, `OF WAS`); infinitive
/// `TO` before a modal, a finite auxiliary or a conjunction (`TO WAS`); a modal before an
/// article, another modal, a finite auxiliary or a conjunction (`WOULD THE`). Counted over
/// every adjacent word pair of the frus-dev and committed clean telegrams (about 26,000 pairs),
/// each of these occurs at most once or twice, while the broken sentences the orderer must
/// rejoin often offer two heads and two tails whose other cues tie. So an impossible join is
/// strong evidence against a pairing, whatever else the two fragments share.
///
/// Ambiguous words stay out of the classes: `MAY` (the month), `WILL` and `CAN` after an article
/// and a preposition (the nouns), `TO BE` / `TO HAVE` (infinitives; `BE`, `HAVE`, `DO` are not in the finite set).
///
/// - Complexity: O(1) per pair (set look-ups).
enum SentenceJunction {
  enum WordClass: Sendable { case determiner, preposition, infinitiveTo, modal, finiteAuxiliary, conjunction }

  static let determiners: Set<String> = ["THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OUR", "MY", "YOUR", "EVERY"]
  static let prepositions: Set<String> = [
    "OF", "IN", "ON", "AT", "BY", "FOR", "WITH", "FROM", "INTO", "ABOUT", "OVER", "UNDER", "BETWEEN",
    "AGAINST", "DURING", "WITHOUT", "WITHIN", "UPON", "THROUGH", "TOWARD", "TOWARDS", "AMONG",
  ]
  static let modals: Set<String> = ["WOULD", "SHOULD", "COULD", "WILL", "CAN", "MIGHT", "MUST", "SHALL"]
  static let finiteAuxiliaries: Set<String> = ["IS", "ARE", "WAS", "WERE", "HAS", "HAD", "DOES", "DID"]
  static let conjunctions: Set<String> = ["AND", "OR", "BUT", "NOR"]

  static func wordClass(_ word: String) -> WordClass? {
    if determiners.contains(word) { return .determiner }
    if word == "TO" { return .infinitiveTo }
    if prepositions.contains(word) { return .preposition }
    if modals.contains(word) { return .modal }
    if finiteAuxiliaries.contains(word) { return .finiteAuxiliary }
    if conjunctions.contains(word) { return .conjunction }
    return nil
  }

  /// True when `last` followed directly by `first` is a join English does not make.
  static func isImpossible(_ last: String, _ first: String) -> Bool {
    guard let left = wordClass(last), let right = wordClass(first) else { return false }
    switch (left, right) {
    case (.determiner, .modal), (.preposition, .modal): return first != "WILL" && first != "CAN"
    case (.determiner, .determiner), (.determiner, .finiteAuxiliary), (.determiner, .conjunction),
      (.determiner, .infinitiveTo):
      return true
    case (.preposition, .finiteAuxiliary): return true
    case (.infinitiveTo, .modal), (.infinitiveTo, .finiteAuxiliary), (.infinitiveTo, .conjunction): return true
    case (.modal, .determiner), (.modal, .modal), (.modal, .finiteAuxiliary), (.modal, .conjunction): return true
    default: return false
    }
  }
}
