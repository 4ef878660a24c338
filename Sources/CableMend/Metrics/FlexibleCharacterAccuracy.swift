/// An order-tolerant character error rate, after the idea of the flexible character accuracy of
/// Clausner, Pletschacher and Antonacopoulos (2020): text that is correct but in the wrong place
/// should not count as wrong, as it does in plain CER.
///
/// How it is computed (our own formulation):
/// 1. The normalised reference is cut into pieces: its lines, with lines longer than
///    ``maximumPiece`` units cut at spaces. Newlines and the spaces at the cuts are not counted.
/// 2. Longest piece first, each piece is placed where it matches the unused hypothesis text at
///    least cost (edit distance), anywhere in the hypothesis; those hypothesis characters are
///    then used. A piece with no match better than deleting it counts as wholly missing.
/// 3. Errors = the sum of the pieces' distances + the hypothesis characters (other than
///    whitespace) that no piece used. The rate divides by the counted reference length;
///    accuracy is 1 − rate.
///
/// So moving a paragraph costs nothing, while a duplicated paragraph or leftover furniture
/// costs its length. Greedy placement can be slightly worse than the optimal one, so the figure
/// is an upper bound of the best order-free error.
/// - Complexity: O(n·m/64 + p·n) time for a reference of m units in p pieces and a hypothesis of
///   n; O(n + m) memory.
public enum FlexibleCharacterAccuracy {
  /// Pieces longer than this many units are cut at spaces, so that a paragraph split in two
  /// and moved apart can still be matched piece by piece.
  public static let maximumPiece = 100

  /// The order-tolerant error count over the reference's counted length.
  public static func errorRate(
    reference: String, hypothesis: String,
    _ conventions: MetricConventions = .init()
  ) -> ErrorRate {
    let gold = TextMetrics.normalized(reference, conventions)
    let output = TextMetrics.normalized(hypothesis, conventions)
    var matcher = SegmentMatcher(hypothesis: SegmentMatcher.units(output, conventions.unit))
    let pieces = Self.pieces(of: gold, conventions.unit).map { matcher.encode($0) }
    let counted = pieces.reduce(0) { $0 + $1.count }
    var errors = 0
    for piece in pieces.sorted(by: { $0.count > $1.count }) {
      let (distance, range) = matcher.locate(piece)
      errors += distance
      matcher.consume(range)
    }
    errors += matcher.unusedNonSpace
    return ErrorRate(errors: errors, referenceLength: counted)
  }

  /// The reference pieces, as units.
  static func pieces(of text: String, _ unit: MetricConventions.Unit) -> [[String]] {
    var result: [[String]] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let units = SegmentMatcher.units(String(line), unit)
      var start = 0
      while start < units.count {
        var end = Swift.min(units.count, start + maximumPiece)
        if end < units.count, let space = units[start..<end].lastIndex(of: " "), space > start {
          end = space
        }
        let piece = Array(units[start..<end])
        if !piece.allSatisfy({ $0 == " " }) { result.append(piece) }
        start = end
        while start < units.count && units[start] == " " { start += 1 }
      }
    }
    return result
  }
}
