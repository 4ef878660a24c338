/// Ordinary English words as candidates for a token.
extension NameResolver {
  /// Ordinary words are corrected for one common confusion at most (UNCER -> UNDER), never for
  /// an arbitrary edit: English has too many near neighbours.
  static let wordCostLimit: Int32 = 60

  /// The word candidates of the token; appends to `reads` the spelling of every word the
  /// index proposed, kept or not (for ``NameMemo``).
  func wordCandidates(_ token: CableContext.Token, previous: String?, next: String?, reads: inout [String])
    -> [NameCandidate]
  {
    guard let english else { return [] }
    let bytes = Array(token.text.utf8)
    var seen: Set<Int> = []
    english.index.forEachCandidate(of: bytes) { seen.insert($0) }
    var result: [NameCandidate] = []
    for number in seen {
      let word = english.index.terms[number]
      reads.append(String(decoding: word, as: UTF8.self))
      guard let cost = costs.cost(truth: word, ocr: bytes, limit: Self.wordCostLimit) else { continue }
      let text = String(decoding: word, as: UTF8.self)
      var support = 0.0
      var evidence: [String] = ["English word list"]
      var sufficient = false
      for pair in [previous.map { $0 + " " + text }, next.map { text + " " + $0 }].compactMap({ $0 }) {
        if let count = context.pairs[pair] {
          support += 1.0
          sufficient = true
          evidence.append("'\(pair)' occurs \(count)x elsewhere in the document")
        } else if model.rolePairs.contains(pair) {
          support += 0.5
          evidence.append("'\(pair)' occurs in lexicon titles")
        }
      }
      if let count = context.counts[text] {
        support += 0.25
        evidence.append("\(text) occurs \(count)x in the document")
      }
      result.append(
        NameCandidate(
          text: text, kind: .word, cost: Double(cost) / 100, support: support,
          evidence: evidence, surname: text, sufficient: sufficient))
    }
    return result
  }
}
