import Foundation

/// How much injected text survives in the output: furniture lines (``TruthFile/furniture``) or
/// duplicated text (``TruthFile/duplicates``).
///
/// Conventions: texts are normalised (``TextMetrics/normalized(_:_:)``) and runs of whitespace,
/// newlines included, become one space, so a furniture line that unwrapping glued onto a
/// paragraph still counts. For each distinct injected line, the surplus is the number of its
/// occurrences in the output beyond those in the gold (a running head `SECRET` may also be the
/// cable's own classification line), capped at the number of times it was injected. Residue =
/// total surplus / lines injected. Lines that are empty after normalisation are ignored.
/// - Complexity: O(k·n) for k distinct lines and an output of n characters.
public struct ResidueScore: Sendable, Hashable, Codable {
  public var injected: Int
  public var remaining: Int

  public init(injected: Int = 0, remaining: Int = 0) {
    self.injected = injected
    self.remaining = remaining
  }

  /// remaining / injected, `nil` when nothing was injected.
  public var rate: Double? { injected == 0 ? nil : Double(remaining) / Double(injected) }

  private enum CodingKeys: String, CodingKey { case injected, remaining, rate }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    injected = try c.decode(Int.self, forKey: .injected)
    remaining = try c.decode(Int.self, forKey: .remaining)
  }

  /// Writes the rate too (absent when undefined).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(injected, forKey: .injected)
    try c.encode(remaining, forKey: .remaining)
    try c.encodeIfPresent(rate, forKey: .rate)
  }

  public static func + (lhs: ResidueScore, rhs: ResidueScore) -> ResidueScore {
    ResidueScore(injected: lhs.injected + rhs.injected, remaining: lhs.remaining + rhs.remaining)
  }

  /// Counts the lines of `injected` still present in `output` beyond their count in `gold`.
  public static func measure(
    injected lines: [String], output: String, gold: String,
    _ conventions: MetricConventions = .init()
  ) -> ResidueScore {
    let out = flattened(output, conventions)
    let ref = flattened(gold, conventions)
    var times: [String: Int] = [:]
    for line in lines {
      let key = flattened(line, conventions)
      if !key.isEmpty { times[key, default: 0] += 1 }
    }
    var remaining = 0
    for (line, count) in times {
      let surplus = occurrences(of: line, in: out) - occurrences(of: line, in: ref)
      remaining += Swift.min(count, Swift.max(0, surplus))
    }
    return ResidueScore(injected: times.values.reduce(0, +), remaining: remaining)
  }

  static func flattened(_ text: String, _ conventions: MetricConventions) -> String {
    TextMetrics.normalized(text, conventions)
      .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Non-overlapping occurrences of `needle` in `haystack`.
  static func occurrences(of needle: String, in haystack: String) -> Int {
    var count = 0
    var start = haystack.startIndex
    while let range = haystack.range(of: needle, range: start..<haystack.endIndex) {
      count += 1
      start = range.upperBound
    }
    return count
  }
}
