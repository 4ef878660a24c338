/// Levenshtein distance between two sequences (insertions, deletions and substitutions all cost 1).
public enum EditDistance {
  /// - Complexity: O(n·m) time, O(min(n, m)) memory.
  public static func levenshtein<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let (long, short) = a.count >= b.count ? (a, b) : (b, a)
    var previous = Array(0...short.count)
    var current = [Int](repeating: 0, count: short.count + 1)
    for (i, x) in long.enumerated() {
      current[0] = i + 1
      for (j, y) in short.enumerated() {
        current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[short.count]
  }

  /// Character error rate over Unicode scalars: edits / reference length (1 when the reference is
  /// empty and the hypothesis is not, 0 when both are empty).
  public static func characterErrorRate(reference: String, hypothesis: String) -> Double {
    let r = Array(reference.unicodeScalars)
    let h = Array(hypothesis.unicodeScalars)
    if r.isEmpty { return h.isEmpty ? 0 : 1 }
    return Double(levenshtein(r, h)) / Double(r.count)
  }
}
