/// A global alignment of two sequences of folded characters, computed inside a diagonal band.
///
/// Two OCR passes over the same text differ by a few percent, so the alignment path never
/// strays far from the diagonal: only cells with `|i - j| <= maxDistance` are filled, and any
/// alignment costing more than `maxDistance` is reported as `nil` instead.
///
/// - Complexity: O(n·w) time and memory, where `w = 2·maxDistance + 1`.
struct BandedAlignment: Sendable {
  enum Step: UInt8, Sendable {
    /// Both sequences advance on equal characters.
    case match
    /// Both advance on different characters.
    case substitute
    /// Only `a` advances (a character of `a` with no partner in `b`).
    case deleteA
    /// Only `b` advances.
    case insertB
  }

  /// A maximal run of non-matching steps: `a[aRange]` stands where `b[bRange]` stands.
  struct Hunk: Sendable, Hashable {
    var aRange: Range<Int>
    var bRange: Range<Int>
  }

  let distance: Int
  let steps: [Step]

  /// Aligns `a` with `b`, or returns nil when they differ by more than `maxDistance` edits.
  static func align(_ a: [UInt32], _ b: [UInt32], maxDistance: Int) -> BandedAlignment? {
    let n = a.count
    let m = b.count
    let band = max(0, maxDistance)
    guard abs(n - m) <= band else { return nil }
    if n == 0 || m == 0 {
      return BandedAlignment(distance: max(n, m),
                             steps: Array(repeating: n == 0 ? .insertB : .deleteA, count: max(n, m)))
    }
    let width = 2 * band + 1
    let infinity = Int32.max / 2
    // A cell on diagonal k = j - i costs at least |k| to reach and |d - k| more to finish
    // (d = m - n), so no alignment within `band` passes a cell with |k| + |d - k| > band:
    // only the diagonals kLow...kHigh are filled, about half the band. Every cell on an
    // alignment within `band` keeps its exact cost, and skipped cells stay at infinity (never
    // below their true cost), so the traceback takes the same steps as over the whole band.
    let d = m - n
    let kLow = -((band - d) / 2)
    let kHigh = (band + d) / 2
    // cost[i * width + (j - i + band)] is the edit distance of a[..<i] and b[..<j].
    var cost = [Int32](repeating: infinity, count: (n + 1) * width)
    let total: Int32? = cost.withUnsafeMutableBufferPointer { cost in
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          for j in 0...min(m, band) { cost[j + band] = Int32(j) }
          for i in 1...n {
            let lo = max(0, i - band, i + kLow)
            let hi = min(m, i + band, i + kHigh)
            guard lo <= hi else { return nil }
            var rowBest = infinity
            let row = i * width - i + band
            let above = row - width
            for j in lo...hi {
              var best: Int32
              if j == 0 {
                best = Int32(i)
              } else {
                best = cost[above + j] + (a[i - 1] == b[j - 1] ? 0 : 1)
                if j - 1 >= i - band { best = min(best, cost[row + j - 1] + 1) }
              }
              if j - i + band + 1 < width { best = min(best, cost[above + j + 1] + 1) }
              cost[row + j] = best
              rowBest = min(rowBest, best)
            }
            if rowBest > Int32(band) { return nil }
          }
          return cost[n * width + (m - n + band)]
        }
      }
    }
    guard let total, total <= Int32(band) else { return nil }
    return BandedAlignment(distance: Int(total), steps: traceback(cost, a, b, band: band, width: width))
  }

  /// The steps back from the table's last cell (row-major, `width` diagonals per row, `band`
  /// the main diagonal); on ties a diagonal step first, then deleting from `a`. Internal so that
  /// the whole-band reference in the tests reads its table the same way.
  static func traceback(_ cost: [Int32], _ a: [UInt32], _ b: [UInt32], band: Int, width: Int)
    -> [Step]
  {
    var i = a.count
    var j = b.count
    var steps: [Step] = []
    steps.reserveCapacity(max(i, j) + band)
    func at(_ i: Int, _ j: Int) -> Int32? {
      let k = j - i + band
      guard i >= 0, j >= 0, k >= 0, k < width else { return nil }
      return cost[i * width + k]
    }
    while i > 0 || j > 0 {
      let here = at(i, j)!
      if i > 0, j > 0, let diagonal = at(i - 1, j - 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1) == here {
        steps.append(a[i - 1] == b[j - 1] ? .match : .substitute)
        i -= 1
        j -= 1
      } else if i > 0, let up = at(i - 1, j), up + 1 == here {
        steps.append(.deleteA)
        i -= 1
      } else {
        steps.append(.insertB)
        j -= 1
      }
    }
    return steps.reversed()
  }

  /// The runs of non-matching steps, in order.
  var hunks: [Hunk] {
    var result: [Hunk] = []
    var i = 0
    var j = 0
    var open: (Int, Int)?
    for step in steps {
      if step == .match {
        if let (i0, j0) = open { result.append(Hunk(aRange: i0..<i, bRange: j0..<j)) }
        open = nil
      } else if open == nil {
        open = (i, j)
      }
      switch step {
      case .match, .substitute:
        i += 1
        j += 1
      case .deleteA: i += 1
      case .insertB: j += 1
      }
    }
    if let (i0, j0) = open { result.append(Hunk(aRange: i0..<i, bRange: j0..<j)) }
    return result
  }

  /// For every position `p` of `a`, where its partner sits in `b`: `before[p]` is the index in
  /// `b` just before `a[p]`'s partner, `after[p]` just past it. A deleted character gets an empty
  /// span. So `b[after[x - 1] ..< before[y]]` is what `b` has in place of `a[x..<y]`.
  var projection: (before: [Int], after: [Int]) {
    var before: [Int] = []
    var after: [Int] = []
    var j = 0
    for step in steps {
      switch step {
      case .match, .substitute:
        before.append(j)
        after.append(j + 1)
        j += 1
      case .deleteA:
        before.append(j)
        after.append(j)
      case .insertB:
        j += 1
      }
    }
    return (before, after)
  }
}
