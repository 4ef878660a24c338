/// Finds where pieces of a reference went in a hypothesis, wherever they ended up, and marks
/// matched hypothesis text as used so that no two pieces claim the same characters.
///
/// The order-tolerant measures (``FlexibleCharacterAccuracy``, ``OrderAgreement``) are built on
/// it. A piece is located with a bit-parallel approximate substring search over the whole
/// hypothesis (the best end), then a prefix search backwards from that end (the start).
/// - Complexity: each ``locate(_:)`` is O(n·⌈k/64⌉) for a piece of k units in a hypothesis of n.
struct SegmentMatcher {
  /// Hypothesis units as codes; a used unit becomes `-1`, which matches nothing.
  private(set) var text: [Int32]
  private let isSpace: [Bool]
  private var codes: [String: Int32] = [:]

  init(hypothesis units: [String]) {
    var codes: [String: Int32] = [:]
    text = units.map { unit in
      if let code = codes[unit] { return code }
      let code = Int32(codes.count)
      codes[unit] = code
      return code
    }
    isSpace = units.map { $0.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
    self.codes = codes
  }

  /// Encodes a reference piece; units absent from the hypothesis get `-2` and never match.
  func encode(_ units: some Sequence<String>) -> [Int32] {
    units.map { codes[$0] ?? -2 }
  }

  /// The least-cost placement of `pattern` in the unused hypothesis text: the edit distance and
  /// the hypothesis range. An empty range at 0 with distance = pattern length means "nowhere".
  func locate(_ pattern: [Int32]) -> (distance: Int, range: Range<Int>) {
    guard !pattern.isEmpty else { return (0, 0..<0) }
    let forward = BitParallelMatcher(pattern: pattern, alphabetSize: codes.count)
    let (distance, end) = forward.bestSubstringMatch(text: text)
    guard end > 0, distance < pattern.count else { return (pattern.count, 0..<0) }
    // The match is at most pattern + distance long, so the backward search needs no more.
    let windowStart = Swift.max(0, end - pattern.count - distance)
    let window = Array(text[windowStart..<end].reversed())
    let backward = BitParallelMatcher(pattern: Array(pattern.reversed()), alphabetSize: codes.count)
    let (_, length) = backward.bestPrefixMatch(text: window)
    return (distance, (end - length)..<end)
  }

  /// Marks `range` as used.
  mutating func consume(_ range: Range<Int>) {
    for i in range { text[i] = -1 }
  }

  /// Unused hypothesis units that are not whitespace: text the reference has no place for.
  var unusedNonSpace: Int {
    var n = 0
    for i in text.indices where text[i] >= 0 && !isSpace[i] { n += 1 }
    return n
  }

  /// The units of a normalised text in the convention's unit.
  static func units(_ text: String, _ unit: MetricConventions.Unit) -> [String] {
    switch unit {
    case .scalars: return text.unicodeScalars.map { String($0) }
    case .graphemes: return text.map { String($0) }
    }
  }
}
