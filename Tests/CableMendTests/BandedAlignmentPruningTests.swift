import Testing

@testable import CableMend

/// `BandedAlignment.align` fills only the diagonals an alignment within the band can pass
/// through. It must give exactly the distance and the steps of filling the whole band.
@Suite struct BandedAlignmentPruningTests {
  /// The whole-band table as filled before the pruning, read back by the library's traceback
  /// (the pruning changes only which cells are filled).
  static func reference(_ a: [UInt32], _ b: [UInt32], maxDistance: Int) -> (Int, [BandedAlignment.Step])? {
    let n = a.count, m = b.count, band = max(0, maxDistance)
    guard abs(n - m) <= band else { return nil }
    if n == 0 || m == 0 { return (max(n, m), Array(repeating: n == 0 ? .insertB : .deleteA, count: max(n, m))) }
    let width = 2 * band + 1
    let infinity = Int32.max / 2
    var cost = [Int32](repeating: infinity, count: (n + 1) * width)
    for j in 0...min(m, band) { cost[j + band] = Int32(j) }
    for i in 1...n {
      var rowBest = infinity
      for j in max(0, i - band)...min(m, i + band) {
        let slot = i * width + (j - i + band)
        var best = infinity
        if j == 0 {
          best = Int32(i)
        } else {
          best = cost[(i - 1) * width + (j - i + band)] + (a[i - 1] == b[j - 1] ? 0 : 1)
          if j - 1 >= i - band { best = min(best, cost[slot - 1] + 1) }
        }
        if j - i + band + 1 < width { best = min(best, cost[(i - 1) * width + (j - i + 1 + band)] + 1) }
        cost[slot] = best
        rowBest = min(rowBest, best)
      }
      if rowBest > Int32(band) { return nil }
    }
    let total = Int(cost[n * width + (m - n + band)])
    guard total <= band else { return nil }
    return (total, BandedAlignment.traceback(cost, a, b, band: band, width: width))
  }

  /// A random text over a small alphabet and a copy with random edits, so that ties between
  /// equally cheap alignments (which the traceback must break the same way) are common.
  static func pair(seed: Int) -> ([UInt32], [UInt32], Int) {
    var rng = SeededRandom(seed: UInt64(seed))
    let length = Int.random(in: 0...60, using: &rng)
    let a = (0..<length).map { _ in UInt32.random(in: 65...68, using: &rng) }
    var b = a
    for _ in 0..<Int.random(in: 0...12, using: &rng) {
      let position = Int.random(in: 0...b.count, using: &rng)
      switch Int.random(in: 0..<3, using: &rng) {
      case 0: b.insert(UInt32.random(in: 65...68, using: &rng), at: position)
      case 1 where position < b.count: b.remove(at: position)
      default: if position < b.count { b[position] = UInt32.random(in: 65...68, using: &rng) }
      }
    }
    return (a, b, Int.random(in: 0...20, using: &rng))
  }

  @Test(arguments: 0..<300)
  func sameAlignmentAsTheWholeBand(seed: Int) {
    let (a, b, band) = Self.pair(seed: seed)
    for (x, y) in [(a, b), (b, a)] {
      let fast = BandedAlignment.align(x, y, maxDistance: band)
      let slow = Self.reference(x, y, maxDistance: band)
      #expect(fast?.distance == slow?.0)
      #expect(fast?.steps == slow?.1)
    }
  }

  @Test func emptyAndEqualAndHopeless() {
    for (a, b, band): ([UInt32], [UInt32], Int) in [([], [], 0), ([], [65], 1), ([65], [], 0), ([65, 66], [65, 66], 0),
                                                    ([65, 65, 65], [66, 66, 66], 2), ([65], [66, 67, 68], 5)] {
      let fast = BandedAlignment.align(a, b, maxDistance: band)
      let slow = Self.reference(a, b, maxDistance: band)
      #expect(fast?.distance == slow?.0)
      #expect(fast?.steps == slow?.1)
    }
  }
}
