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

  /// Suggestions for an upper-case token, closest first (at most `limit`; equal costs in
  /// alphabetical order, a name before an English word of the same spelling). A token that is
  /// already a known word or name gets itself at cost 0.
  ///
  /// Only the `limit` best are kept while the candidates are scored, and once there are that
  /// many, the worst of them is the cut-off for the next: a candidate is skipped when its
  /// length difference alone costs more (``OCRDistance/lengthBound(truth:ocr:)``), and its
  /// distance stops early once every alignment costs more. Both bounds never exceed the true
  /// cost, and ties at the cut-off are still scored, so the result is the same as scoring
  /// every candidate fully and sorting.
  ///
  /// - Complexity: one deletion-index probe per deletion variant of the token's skeleton, and
  ///   one bounded weighted edit distance per proposed term that the bounds do not rule out.
  public func suggestions(for token: String, limit: Int = 5) -> [Suggestion] {
    let bytes = Array(token.utf8)
    guard !bytes.isEmpty, bytes.count <= CandidateIndex.maxLength, limit > 0 else { return [] }
    if model.known.contains(token) || english?.words.contains(token) == true {
      return [Suggestion(text: token, cost: 0, isName: model.isPersonNameToken(token))]
    }
    var best = Best(limit: limit, maxCost: NameResolver.costLimit(length: bytes.count))
    // Term numbers in a plain array, sorted and made unique once: cheaper than a Set per token.
    var seen: [Int] = []
    model.nameIndex.forEachCandidate(of: bytes, queryDeletes: NameResolver.queryDeletes(bytes.count)) {
      seen.append($0)
    }
    score(Self.unique(&seen), terms: model.nameTerms, isName: true, ocr: bytes, into: &best)
    if let english {
      seen.removeAll(keepingCapacity: true)
      english.index.forEachCandidate(of: bytes) { seen.append($0) }
      score(Self.unique(&seen), terms: english.index.terms, isName: false, ocr: bytes, into: &best)
    }
    return best.kept
  }

  private func score(
    _ candidates: ArraySlice<Int>, terms: [[UInt8]], isName: Bool, ocr: [UInt8], into best: inout Best
  ) {
    for number in candidates {
      let term = terms[number]
      let cutoff = best.cutoff
      guard costs.lengthBound(truth: term.count, ocr: ocr.count) <= cutoff,
        let cost = costs.cost(truth: term, ocr: ocr, limit: cutoff)
      else { continue }
      best.insert(term: term, cost: cost, isName: isName)
    }
  }

  /// The `limit` cheapest candidates so far, in the order of the result: cost, then spelling,
  /// then names before words (the order in which the two lists are scored).
  private struct Best {
    let limit: Int
    let maxCost: Int32
    var kept: [Suggestion] = []
    /// The costs of `kept`, in hundredths.
    var costs: [Int32] = []

    init(limit: Int, maxCost: Int32) {
      self.limit = limit
      self.maxCost = maxCost
    }

    /// The highest cost a candidate may have and still enter.
    var cutoff: Int32 { costs.count < limit ? maxCost : min(maxCost, costs[costs.count - 1]) }

    /// Inserts after every kept entry that sorts before it or equal to it (an entry scored
    /// later loses ties, as in a stable sort), and drops the entry pushed past the limit.
    mutating func insert(term: [UInt8], cost: Int32, isName: Bool) {
      let text = String(decoding: term, as: UTF8.self)
      var position = kept.count
      while position > 0 && (cost < costs[position - 1] || (cost == costs[position - 1] && text < kept[position - 1].text)) {
        position -= 1
      }
      guard position < limit else { return }
      kept.insert(Suggestion(text: text, cost: Double(cost) / 100, isName: isName), at: position)
      costs.insert(cost, at: position)
      if kept.count > limit {
        kept.removeLast()
        costs.removeLast()
      }
    }
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
