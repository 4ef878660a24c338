/// The document's own names as candidates.
///
/// A name printed cleanly elsewhere in the same cable is by far the likeliest reading of a
/// damaged token near it: OCR damages a name in one place and not in another, and a cable
/// names few people. So the names the document contains are compared with every unknown token
/// directly (the lexicon's deletion index only proposes terms within its deletion budget), and
/// a candidate that the document names may be further from the token (two common confusions, or
/// one arbitrary edit and a common confusion: `SCLAD` for SIAD where `SIAD` occurs five times)
/// than one known only from the lexicon. The other rules still apply: the candidate needs two
/// points of context (a repeated or titled mention, or one mention and a fitting title), and a
/// rival within the margin makes the stage abstain.
extension NameResolver {
  /// The largest cost for a candidate that the document itself names (in hundredths): 1.05 for
  /// four letters (one arbitrary edit, barely), 1.4 for five, 1.6 from six letters.
  static func documentNameCostLimit(length: Int) -> Int32 { Int32(max(0, min(160, 35 * length - 35))) }

  /// Person name tokens that occur in the document (upper case, four letters or more, not an
  /// English word), as term numbers of the lexicon's name index, sorted. A cable names a few
  /// dozen at most, so comparing an unknown token with each of them is cheap.
  static func documentNames(model: NameModel, english: EnglishWords?, context: CableContext) -> [Int] {
    var result: [Int] = []
    for (word, _) in context.counts where word.utf8.count >= 4 {
      guard let term = model.termNumber[word], !model.entriesOfTerm[term].isEmpty,
        english?.words.contains(word) != true
      else { continue }
      result.append(term)
    }
    return result.sorted()
  }

  /// Adds to `seen` the document's names whose length is within two letters of the token's
  /// (or, in a clearance line, of the token without one to three glued initials).
  func addDocumentNames(near token: [UInt8], glued: Bool, to seen: inout Set<Int>) {
    let window = Self.documentNameLengths(near: token.count, glued: glued)
    for term in documentNames where window.contains(model.nameTerms[term].count) { seen.insert(term) }
  }

  /// The lengths of document names compared with a token of `length` bytes: within two of
  /// its length (or, glued, of its length less one to three initials).
  static func documentNameLengths(near length: Int, glued: Bool) -> ClosedRange<Int> {
    let shortest = glued ? max(4, length - 3) : length
    return (shortest - 2)...(length + 2)
  }
}
