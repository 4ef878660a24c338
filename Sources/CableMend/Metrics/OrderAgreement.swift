/// Paragraph-order agreement: do the reference's paragraphs come out in the same order?
///
/// Each reference paragraph (a non-empty line of the normalised reference of at least
/// ``minimumLength`` units; shorter lines such as `SECRET` occur too often to place reliably)
/// is located in the hypothesis, longest first, at its least-cost place among the text not yet
/// claimed by another paragraph (see ``SegmentMatcher``). A paragraph counts as found when its
/// edit distance there is at most half its length. The measure is Kendall's tau between the
/// reference order of the found paragraphs and the order of their start offsets in the
/// hypothesis: 1 for the same order, −1 for reversed.
/// - Complexity: O(n·m/64 + p·n) for p paragraphs of m units in total and a hypothesis of n.
public struct OrderAgreement: Sendable, Hashable, Codable {
  public static let minimumLength = 20

  /// Kendall's tau-a over the found paragraphs (1 when fewer than two were found).
  public var tau: Double
  /// Reference paragraphs long enough to be placed.
  public var paragraphs: Int
  /// Of those, the ones found in the hypothesis.
  public var found: Int

  public init(tau: Double, paragraphs: Int, found: Int) {
    self.tau = tau
    self.paragraphs = paragraphs
    self.found = found
  }

  public static func measure(
    reference: String, hypothesis: String,
    _ conventions: MetricConventions = .init()
  ) -> OrderAgreement {
    let gold = TextMetrics.normalized(reference, conventions)
    let output = TextMetrics.normalized(hypothesis, conventions)
    var matcher = SegmentMatcher(hypothesis: SegmentMatcher.units(output, conventions.unit))
    let paragraphs = gold.split(separator: "\n")
      .map { SegmentMatcher.units(String($0), conventions.unit) }
      .filter { $0.count >= minimumLength }
      .map { matcher.encode($0) }
    var starts = [Int?](repeating: nil, count: paragraphs.count)
    for index in paragraphs.indices.sorted(by: { paragraphs[$0].count > paragraphs[$1].count }) {
      let (distance, range) = matcher.locate(paragraphs[index])
      guard !range.isEmpty, distance * 2 <= paragraphs[index].count else { continue }
      starts[index] = range.lowerBound
      matcher.consume(range)
    }
    let ranks = starts.compactMap { $0 }
    return OrderAgreement(tau: KendallTau.tau(ranks), paragraphs: paragraphs.count, found: ranks.count)
  }
}
