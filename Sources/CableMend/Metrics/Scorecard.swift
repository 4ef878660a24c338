import Foundation

/// Every measure for one hypothesis against one gold text, with the conventions used.
///
/// ```swift
/// let card = Scorecard(gold: goldText, output: repairedText)
/// card.cer.rate
/// ```
/// The truth-based parts (`names`, `furniture`, `duplicates`) are present only when a truth
/// file (and, for names, the pipeline's edits) is given.
public struct Scorecard: Sendable, Hashable, Codable {
  public var conventions: MetricConventions
  public var cer: ErrorRate
  public var wer: ErrorRate
  public var bagOfWords: ErrorRate
  /// Order-tolerant character errors (``FlexibleCharacterAccuracy``).
  public var flexible: ErrorRate
  public var order: OrderAgreement
  public var names: NameScore?
  public var furniture: ResidueScore?
  public var duplicates: ResidueScore?

  /// Scores `output` against `gold`.
  /// - Parameters:
  ///   - truth: the generator's truth file, for furniture and duplicate residue and names.
  ///   - edits: the pipeline's edits, for name precision and recall (needs `truth`).
  /// - Complexity: dominated by the edit distances, O(n·m/64).
  public init(
    gold: String, output: String, truth: TruthFile? = nil, edits: [Edit]? = nil,
    conventions: MetricConventions = .init()
  ) {
    self.conventions = conventions
    cer = TextMetrics.characterErrorRate(reference: gold, hypothesis: output, conventions)
    wer = TextMetrics.wordErrorRate(reference: gold, hypothesis: output, conventions)
    bagOfWords = TextMetrics.bagOfWordsErrorRate(reference: gold, hypothesis: output, conventions)
    flexible = FlexibleCharacterAccuracy.errorRate(reference: gold, hypothesis: output, conventions)
    order = OrderAgreement.measure(reference: gold, hypothesis: output, conventions)
    if let truth {
      furniture = ResidueScore.measure(injected: truth.furniture, output: output, gold: gold, conventions)
      duplicates = ResidueScore.measure(injected: truth.duplicates, output: output, gold: gold, conventions)
      if let edits { names = NameScore.score(edits: edits, truth: truth.names) }
    }
  }

  /// Pretty-printed JSON with stable key order.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }
}
