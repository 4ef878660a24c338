/// Kendall's tau-a rank correlation between an order and the identity order.
public enum KendallTau {
  /// `ranks[i]` is the position at which item `i` of the reference order was found. Returns 1 for
  /// the same order, -1 for the reverse, and 1 for fewer than two items.
  /// - Complexity: O(n²); documents have tens of paragraphs.
  public static func tau(_ ranks: [Int]) -> Double {
    let n = ranks.count
    guard n > 1 else { return 1 }
    var concordant = 0
    var discordant = 0
    for i in 0..<n {
      for j in (i + 1)..<n {
        if ranks[i] < ranks[j] { concordant += 1 } else if ranks[i] > ranks[j] { discordant += 1 }
      }
    }
    return Double(concordant - discordant) / Double(n * (n - 1) / 2)
  }
}
