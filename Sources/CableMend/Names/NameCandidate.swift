/// A possible reading of a damaged token, with how close it is and what speaks for it.
struct NameCandidate {
  enum Kind: String {
    case person, word, post
  }

  var text: String
  var kind: Kind
  /// OCR-weighted edit distance from the candidate to the token (1 = one arbitrary edit).
  var cost: Double
  /// Context in favour (positive) or against (negative).
  var support: Double
  /// Human-readable evidence: `date 1990-12-04 in tenure 1989-03-02..1991-08-23`.
  var evidence: [String]
  /// The surname behind a person candidate (`KIMMITT` for `RKIMMITT`), for pooling evidence.
  var surname: String
  /// True when some evidence is strong enough to act on by itself (a clean mention, a title,
  /// a clearance office, a short dated tenure covering the cable's date, a word pair seen in the
  /// document, a routing slot). Weaker evidence (a country, an open-ended tenure) only adds.
  var sufficient: Bool = false

  var score: Double { support - cost }

  /// Whether this reading beats `other`, a reading of the same text, in a total order: higher
  /// score, then evidence sufficient by itself, then kind, then the evidence text. Candidates
  /// arrive in the order a `Set` of index terms yields them, which follows the process's hash
  /// seed; without a total order a tie kept whichever came first, and the reported evidence
  /// could differ between two runs on the same input.
  func outranks(_ other: NameCandidate) -> Bool {
    if score != other.score { return score > other.score }
    if sufficient != other.sufficient { return sufficient }
    if kind != other.kind { return kind.rawValue < other.kind.rawValue }
    return evidence.lexicographicallyPrecedes(other.evidence)
  }

  var summary: String {
    "\(text) (\(kind.rawValue), cost \(Self.format(cost)), support \(Self.format(support)), score \(Self.format(score)))"
  }

  static func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return String(rounded)
  }
}

/// What the stage decided for one token: a replacement, or why it left the token alone.
struct NameDecision {
  var token: CableContext.Token
  var replacement: String?
  var candidates: [NameCandidate]
  var reason: String
  var confidence: Double
}

/// The rules that turn scored candidates into a decision. Precision first: the best candidate
/// must have real contextual support, a non-negative score, and a clear lead over the next.
enum NameVerdict {
  /// Minimum context support for any change.
  static let minimumSupport = 1.0
  /// Minimum score (support minus cost).
  static let minimumScore = 0.2
  /// Minimum lead of the best score over the runner-up's.
  static let minimumMargin = 0.5

  static func decide(_ token: CableContext.Token, _ raw: [NameCandidate]) -> NameDecision? {
    var best: [String: NameCandidate] = [:]
    for candidate in raw where candidate.text != token.text {
      if let seen = best[candidate.text], !candidate.outranks(seen) { continue }
      best[candidate.text] = candidate
    }
    let ranked = best.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.text < $1.text }
    guard let top = ranked.first else { return nil }
    let shown = Array(ranked.prefix(5))
    let runnerUp = ranked.dropFirst().first?.score ?? -.infinity
    if top.support < minimumSupport || !top.sufficient {
      return NameDecision(
        token: token, replacement: nil, candidates: shown,
        reason: "no context supports \(top.text) (support \(NameCandidate.format(top.support)))",
        confidence: 0)
    }
    if top.score < minimumScore {
      return NameDecision(
        token: token, replacement: nil, candidates: shown,
        reason:
          "\(top.text) is too far from the token for its support (score \(NameCandidate.format(top.score)))",
        confidence: 0)
    }
    if top.score - runnerUp < minimumMargin {
      return NameDecision(
        token: token, replacement: nil, candidates: shown,
        reason: "\(top.text) and \(ranked[1].text) are too close to call", confidence: 0)
    }
    let lead = min(top.score - runnerUp, 3)
    let confidence = min(0.99, 0.6 + 0.1 * lead + 0.05 * min(top.score, 2))
    return NameDecision(
      token: token, replacement: top.text, candidates: shown,
      reason: "OCR-damaged \(top.kind.rawValue): \(top.evidence.joined(separator: "; "))",
      confidence: confidence)
  }
}
