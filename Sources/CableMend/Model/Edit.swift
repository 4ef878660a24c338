/// One change a stage made, recorded so that a user can audit or undo it.
///
/// Every removal, merge, move or correction is an `Edit`. Together with the output text, the
/// edits account for every character of the input (see ``ConservationChecker``).
public struct Edit: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable {
    /// Input bytes that were not valid UTF-8 and were substituted.
    case decode
    /// Text removed (furniture, duplicates, zero-width characters).
    case remove
    /// Text replaced by other text (Unicode repairs, name and word corrections).
    case replace
    /// Lines joined into one (unwrapping, merged duplicate copies).
    case merge
    /// A line or fragment moved to another position.
    case move
    /// Text the pipeline added (gap markers).
    case insert
  }

  /// The stage that made the edit.
  public var stage: StageName
  public var kind: Kind
  /// Input bytes affected.
  public var source: SourceRange
  /// A second input range where one is involved: the kept copy of a duplicate, the line a
  /// fragment was attached to.
  public var related: SourceRange?
  public var before: String
  public var after: String
  /// Why, in words a user can check: which rule or signal fired.
  public var reason: String
  /// 0...1; 1 for deterministic repairs.
  public var confidence: Double
  /// Extra evidence (candidates and scores, cues used), as ordered key/value pairs.
  public var evidence: [Evidence]

  public struct Evidence: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
    public init(_ key: String, _ value: String) {
      self.key = key
      self.value = value
    }
  }

  public init(stage: StageName, kind: Kind, source: SourceRange, related: SourceRange? = nil,
              before: String, after: String, reason: String, confidence: Double = 1,
              evidence: [Evidence] = []) {
    self.stage = stage
    self.kind = kind
    self.source = source
    self.related = related
    self.before = before
    self.after = after
    self.reason = reason
    self.confidence = confidence
    self.evidence = evidence
  }
}
