/// Context-free lookup of one token, the counterpart of a spell checker's `lookup`: what the
/// stage's indexes and OCR distance propose before context is weighed. For benchmarks and for
/// callers who want suggestions, not decisions.
extension NameCorrector {
  /// A spelling the token may stand for, with its OCR-weighted distance (1 = one arbitrary edit).
  public struct Suggestion: Sendable, Hashable {
    public var text: String
    public var cost: Double
    /// True for a name from the lexicon, false for an English word.
    public var isName: Bool
  }

  /// Suggestions for an upper-case token, closest first (at most `limit`). A token that is
  /// already a known word or name gets itself at cost 0.
  ///
  /// - Complexity: one deletion-index probe per deletion variant of the token's skeleton, and
  ///   one bounded weighted edit distance per proposed term.
  public func suggestions(for token: String, limit: Int = 5) -> [Suggestion] {
    let bytes = Array(token.utf8)
    guard !bytes.isEmpty, bytes.count <= CandidateIndex.maxLength else { return [] }
    if model.known.contains(token) || english?.words.contains(token) == true {
      return [Suggestion(text: token, cost: 0, isName: model.isPersonNameToken(token))]
    }
    let maxCost = NameResolver.costLimit(length: bytes.count)
    var found: [Suggestion] = []
    // Term numbers in a plain array, sorted and made unique once: cheaper than a Set per token.
    var seen: [Int] = []
    model.nameIndex.forEachCandidate(of: bytes, queryDeletes: NameResolver.queryDeletes(bytes.count)) {
      seen.append($0)
    }
    for term in Self.unique(&seen) {
      if let cost = costs.cost(truth: model.nameTerms[term], ocr: bytes, limit: maxCost) {
        found.append(
          Suggestion(
            text: String(decoding: model.nameTerms[term], as: UTF8.self),
            cost: Double(cost) / 100, isName: true))
      }
    }
    if let english {
      seen.removeAll(keepingCapacity: true)
      english.index.forEachCandidate(of: bytes) { seen.append($0) }
      for term in Self.unique(&seen) {
        if let cost = costs.cost(truth: english.index.terms[term], ocr: bytes, limit: maxCost) {
          found.append(
            Suggestion(
              text: String(decoding: english.index.terms[term], as: UTF8.self),
              cost: Double(cost) / 100, isName: false))
        }
      }
    }
    found.sort { $0.cost != $1.cost ? $0.cost < $1.cost : $0.text < $1.text }
    return Array(found.prefix(limit))
  }

  /// Sorts `numbers` and drops repeats in place; returns them.
  private static func unique(_ numbers: inout [Int]) -> ArraySlice<Int> {
    guard numbers.count > 1 else { return numbers[...] }
    numbers.sort()
    var kept = 1
    for index in 1..<numbers.count where numbers[index] != numbers[kept - 1] {
      numbers[kept] = numbers[index]
      kept += 1
    }
    return numbers[..<kept]
  }
}
