/// Builds one reading from several OCR copies of the same text by aligning each copy to the
/// kept one and voting where they disagree.
///
/// Where copies disagree, the reading most copies share wins. With two copies every
/// disagreement is a tie, broken in this order:
/// 1. the reading whose words are more plausible (``WordPlausibility/score(_:)``: known words up,
///    OCR-suspicious characters down), judged over the whole words around the disagreement;
/// 2. the reading of the copy that is more plausible as a whole (the better copy);
/// 3. the kept copy's reading.
///
/// - Complexity: O(k·n·w) for k copies of length n aligned in a band of width w.
struct CopyMerger: Sendable {
  let plausibility: WordPlausibility

  /// One change to the kept copy.
  struct Replacement: Sendable, Hashable {
    /// Scalars of the kept copy replaced.
    var keptRange: Range<Int>
    /// Which of the other copies supplied the reading (index into `others`).
    var donor: Int
    /// Scalars of that copy that replace them.
    var donorRange: Range<Int>
    /// How many copies read it this way, and how many read it as the kept copy does.
    var votesFor: Int
    var votesAgainst: Int
  }

  /// Replacements to apply to `kept`, in ascending order and not overlapping.
  /// - Parameter others: the other copies, each with its alignment to `kept` (kept is `a`).
  func replacements(kept: [Unicode.Scalar], others: [([Unicode.Scalar], BandedAlignment)]) -> [Replacement] {
    guard !others.isEmpty else { return [] }
    let projections = others.map(\.1.projection)
    let keptQuality = copyQuality(kept)
    var proposals: [Replacement] = []
    for (donor, (copy, aligned)) in others.enumerated() {
      for hunk in aligned.hunks {
        let reading = Array(copy[hunk.bRange])
        let current = Array(kept[hunk.aRange])
        var votesFor = 0
        var votesAgainst = 1
        for (other, projection) in projections.enumerated() {
          let slice = Self.slice(others[other].0, projection, hunk.aRange, keptCount: kept.count)
          if Self.sameReading(slice, reading) { votesFor += 1 } else if Self.sameReading(slice, current) {
            votesAgainst += 1
          }
        }
        let replacement = Replacement(keptRange: hunk.aRange, donor: donor, donorRange: hunk.bRange,
                                      votesFor: votesFor, votesAgainst: votesAgainst)
        if prefers(replacement, kept: kept, donor: copy, keptQuality: keptQuality) {
          proposals.append(replacement)
        }
      }
    }
    var result: [Replacement] = []
    for proposal in proposals.sorted(by: { $0.keptRange.lowerBound < $1.keptRange.lowerBound }) {
      if let last = result.last, proposal.keptRange.lowerBound < last.keptRange.upperBound
        || (proposal.keptRange.isEmpty && proposal.keptRange.lowerBound == last.keptRange.upperBound)
      {
        continue
      }
      result.append(proposal)
    }
    return result
  }

  private func prefers(_ change: Replacement, kept: [Unicode.Scalar], donor: [Unicode.Scalar],
                       keptQuality: Double) -> Bool
  {
    if change.votesFor != change.votesAgainst { return change.votesFor > change.votesAgainst }
    let span = DuplicateFinder.wordSpan(change.keptRange, in: kept)
    let head = kept[span.lowerBound..<change.keptRange.lowerBound]
    let tail = kept[change.keptRange.upperBound..<span.upperBound]
    let asKept = plausibility.score(kept[span])
    let asDonor = plausibility.score(Array(head) + donor[change.donorRange] + Array(tail))
    if asKept != asDonor { return asDonor > asKept }
    return copyQuality(donor) > keptQuality
  }

  /// Plausibility per character, so copies of different lengths compare.
  private func copyQuality(_ copy: [Unicode.Scalar]) -> Double {
    copy.isEmpty ? 0 : plausibility.score(copy) / Double(copy.count)
  }

  /// What `copy` has in place of `kept[range]`.
  static func slice(_ copy: [Unicode.Scalar], _ projection: (before: [Int], after: [Int]), _ range: Range<Int>,
                    keptCount: Int) -> ArraySlice<Unicode.Scalar>
  {
    let start = range.lowerBound == 0 ? 0 : projection.after[range.lowerBound - 1]
    let end = range.upperBound == keptCount ? copy.count : projection.before[range.upperBound]
    return start <= end ? copy[start..<end] : copy[start..<start]
  }

  private static func sameReading(_ a: some Collection<Unicode.Scalar>, _ b: some Collection<Unicode.Scalar>)
    -> Bool
  {
    a.count == b.count
      && zip(a, b).allSatisfy { WordPlausibility.foldCase($0.value) == WordPlausibility.foldCase($1.value) }
  }
}
