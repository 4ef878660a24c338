/// What the words right beside a token say about a person candidate: the rest of the same
/// name (`SIAE BARRE` for Siad Barre, `BOUNLEUT SAYCODIE` for Bounleuth Saycocie), or the same
/// two-word phrase seen cleanly elsewhere in the cable (`HOUA PLIAN` where `HOUA PHAN` occurs).
struct NeighbourEvidence {
  /// Points towards sufficiency (see `NameResolver.personSufficient`).
  var points: Int
  var support: Double
  var evidence: String
}

extension NameResolver {
  /// The largest cost a candidate may have when a neighbour is another word of its name: one
  /// arbitrary edit, even in a four-letter name (`SIAE BARRE`), since the pair is what matches.
  static let namePairCostLimit: Int32 = 100

  /// True when a neighbour of the token is a name word of some entry behind `term`;
  /// `neighbourTerms` are the term numbers of the cue's neighbours that are name tokens.
  func neighbourSharesEntry(term: Int, neighbourTerms: [Int]) -> Bool {
    // Most neighbours are no name token at all: only then is the set of entries worth building.
    let others = neighbourTerms.filter { $0 != term }
    guard !others.isEmpty else { return false }
    let entries = Set(model.entriesOfTerm[term].prefix(80))
    return others.contains { other in model.entriesOfTerm[other].contains(where: entries.contains) }
  }

  /// The strongest thing the neighbours say for `entry` (number `entryNumber`), if anything.
  ///
  /// - Another word of the entry's name or variants beside the token: two points.
  /// - The candidate with a neighbour that is not an English word (`HOUA PHAN`) occurs
  ///   elsewhere in the cable: two points.
  /// - A neighbour is one of the entry's forenames, or (five letters or more) one OCR error
  ///   from one (`BOUNLEUT` for Bounleuth): one point, as forenames are shared by many people.
  ///
  /// Nothing counts when the candidate is more than one arbitrary edit from the token.
  func neighbourEvidence(
    _ entry: LexiconEntry, entryNumber: Int32, term: Int, surname: String, cue: PersonCue, cost: Int32
  ) -> NeighbourEvidence? {
    // Further than this, the token is another transliteration (INSISIGMAY beside LEUAM for
    // Leuam Insisiengmay), which the neighbour cannot tell from OCR damage.
    guard cost <= Self.namePairCostLimit else { return nil }
    // An English word beside the token (THE, as in Tran Huu The) says nothing about a name.
    for word in cue.neighbours where word != surname && english?.words.contains(word) != true {
      if let other = model.termNumber[word], other != term, model.entriesOfTerm[other].contains(entryNumber) {
        return NeighbourEvidence(points: 2, support: 1.5, evidence: "beside \(word), part of the same name")
      }
    }
    for (word, pair) in [(cue.previous, cue.previous.map { $0 + " " + surname }), (cue.next, cue.next.map { surname + " " + $0 })] {
      guard let word, let pair, word.utf8.count >= 3, english?.words.contains(word) != true,
        let count = context.pairs[pair]
      else { continue }
      return NeighbourEvidence(points: 2, support: 1.5, evidence: "'\(pair)' occurs \(count)x elsewhere in the document")
    }
    let forenames = model.entryWords[Int(entryNumber)].fullName.filter { !surname.contains($0) && $0.utf8.count >= 3 }
    for word in cue.neighbours where word.utf8.count >= 3 && english?.words.contains(word) != true {
      for forename in forenames {
        if word == forename
          || word.utf8.count >= 5 && costs.cost(truth: Array(forename.utf8), ocr: Array(word.utf8), limit: Self.forenameCostLimit) != nil
        {
          return NeighbourEvidence(points: 1, support: 1.0, evidence: "beside \(word), a forename of \(entry.fullName)")
        }
      }
    }
    return nil
  }

  /// A neighbour this close to a forename counts as that forename.
  static let forenameCostLimit: Int32 = 85
}
