/// Finds a reading order of fragments: a maximum-weight Hamiltonian path from a fixed start (the
/// header) to a fixed end (the signature), an asymmetric travelling-salesman problem.
///
/// The objective is the sum of `follow` scores of neighbours minus the `precedence` penalties of
/// every pair that stands in the wrong order. Two starting orders are tried, the input order and
/// a greedy nearest-neighbour path (the baseline), each improved by Or-opt local search: move a
/// run of up to ``maxSegment`` fragments to any other place while that raises the objective.
/// The best result wins; ties keep the input order.
///
/// - Complexity: the greedy path is O(n²); each local-search sweep tries O(n² · L) moves, each
///   priced in O(L · d) for a jump of d places, and sweeps repeat while they improve. The work
///   is bounded: every ``improve(_:)`` call may price at most ``workBudget`` precedence terms,
///   and stops with the best path so far when that is spent, so the worst case is fixed
///   whatever the input. Cables have tens of fragments; the orderer does not call the solver
///   above ``FragmentOrderer/fragmentLimit`` fragments.
struct OrderSolver: Sendable {
  /// `follow[i][j]` with row/column `n` standing for the start and the end.
  let follow: [[Double]]
  let precedence: [[Double]]
  let maxSegment: Int
  let maxImprovements: Int
  /// Units of work (one pair of fragments priced) one local search may spend.
  let workBudget: Int
  /// `lead[a * count + b]` = `precedence[a][b] - precedence[b][a]`, flat, for pricing moves:
  /// one load instead of two nested-array lookups in the innermost loop. `lead[b][a]` is
  /// exactly `-lead[a][b]`, so sums use the very values `delta` computes.
  let lead: [Double]
  /// `follow` flat, row stride `count + 1`.
  let links: [Double]

  init(follow: [[Double]], precedence: [[Double]], maxSegment: Int = 8, maxImprovements: Int = 2000,
       workBudget: Int = 3_000_000)
  {
    self.follow = follow
    self.precedence = precedence
    self.maxSegment = maxSegment
    self.maxImprovements = maxImprovements
    self.workBudget = workBudget
    let n = precedence.count
    precondition(follow.count == n + 1 && follow.allSatisfy { $0.count == n + 1 }, "follow must be (n+1)x(n+1)")
    var lead = [Double](repeating: 0, count: n * n)
    for a in 0..<n {
      for b in 0..<n { lead[a * n + b] = precedence[a][b] - precedence[b][a] }
    }
    self.lead = lead
    self.links = follow.flatMap { $0 }
  }

  var count: Int { precedence.count }

  struct Result: Sendable {
    var order: [Int]
    var score: Double
    var greedy: [Int]
    var greedyScore: Double
    var inputScore: Double = 0
  }

  /// Up to this many fragments the order is found exactly (Held-Karp dynamic programming).
  static let exactLimit = 12

  func solve() -> Result {
    let identity = Array(0..<count)
    let greedyPath = greedy()
    var best = improve(identity)
    var bestScore = score(best)
    if count <= Self.exactLimit {
      let exact = exactOrder()
      let exactScore = score(exact)
      if exactScore > bestScore + 1e-9 { (best, bestScore) = (exact, exactScore) }
    } else {
      for start in [improve(greedyPath)] + perturbations(of: best) {
        let candidate = improve(start)
        let candidateScore = score(candidate)
        if candidateScore > bestScore + 1e-9 { (best, bestScore) = (candidate, candidateScore) }
      }
    }
    return Result(order: best, score: bestScore, greedy: greedyPath, greedyScore: score(greedyPath),
                  inputScore: score(identity))
  }

  /// Deterministic kicks for iterated local search: runs of the best path moved far away.
  func perturbations(of path: [Int]) -> [[Int]] {
    var rng = SeededRandom(seed: UInt64(path.count) &* 0x9E37)
    var result: [[Int]] = []
    for _ in 0..<12 {
      var kicked = path
      for _ in 0..<2 {
        let length = Int.random(in: 1...max(1, min(6, kicked.count / 3)), using: &rng)
        let from = Int.random(in: 0...(kicked.count - length), using: &rng)
        let to = Int.random(in: 0...(kicked.count - length), using: &rng)
        kicked = moved(kicked, from: from, length: length, to: to)
      }
      result.append(kicked)
    }
    return result
  }

  /// The optimal path by dynamic programming over subsets: appending j after the set S costs
  /// the precedence penalties of every member of S against j, so the objective is exact.
  /// - Complexity: O(2ⁿ · n²) time and O(2ⁿ · n) memory.
  func exactOrder() -> [Int] {
    let n = count
    guard n > 1 else { return Array(0..<n) }
    let full = (1 << n) - 1
    var value = [Double](repeating: -.infinity, count: (1 << n) * n)
    var parent = [Int](repeating: -1, count: (1 << n) * n)
    // before[set * n + j]: penalties of the members of `set` standing before j.
    var before = [Double](repeating: 0, count: (1 << n) * n)
    for set in 1...full {
      let low = set.trailingZeroBitCount
      let rest = set & (set - 1)
      for j in 0..<n { before[set * n + j] = before[rest * n + j] + precedence[low][j] }
    }
    for j in 0..<n { value[(1 << j) * n + j] = follow[n][j] }
    for set in 1...full {
      for last in 0..<n where set & (1 << last) != 0 {
        let current = value[set * n + last]
        guard current > -.infinity else { continue }
        for j in 0..<n where set & (1 << j) == 0 {
          let gain = follow[last][j] - before[set * n + j]
          let next = (set | (1 << j)) * n + j
          if current + gain > value[next] {
            value[next] = current + gain
            parent[next] = last
          }
        }
      }
    }
    var last = (0..<n).max { value[full * n + $0] + follow[$0][n] < value[full * n + $1] + follow[$1][n] }!
    var set = full
    var path: [Int] = []
    while last >= 0 {
      path.append(last)
      let previous = parent[set * n + last]
      set &= ~(1 << last)
      last = previous
    }
    return path.reversed()
  }

  /// The objective of a whole path.
  func score(_ path: [Int]) -> Double {
    guard !path.isEmpty else { return follow.first?.first ?? 0 }
    let n = count
    var total = follow[n][path[0]] + follow[path[path.count - 1]][n]
    for k in 1..<max(1, path.count) where k < path.count { total += follow[path[k - 1]][path[k]] }
    for k in 0..<path.count {
      for l in (k + 1)..<path.count { total -= precedence[path[k]][path[l]] }
    }
    return total
  }

  /// Nearest neighbour from the start, where a fragment that must precede many others pays
  /// for the ones it would leave behind.
  func greedy() -> [Int] {
    let n = count
    var left = Set(0..<n)
    var path: [Int] = []
    var current = n
    while !left.isEmpty {
      var best = -1
      var bestScore = -Double.infinity
      for j in left.sorted() {
        var s = follow[current][j]
        for u in left where u != j { s -= precedence[j][u] }
        if s > bestScore + 1e-12 {
          best = j
          bestScore = s
        }
      }
      path.append(best)
      left.remove(best)
      current = best
    }
    return path
  }

  /// Or-opt local search, first improvement.
  func improve(_ start: [Int]) -> [Int] {
    var path = start
    let n = path.count
    guard n > 1 else { return path }
    var improvements = 0
    var work = 0
    var improved = true
    var jump = [Double](repeating: 0, count: n + 1)
    while improved && improvements < maxImprovements {
      improved = false
      search: for length in 1...min(maxSegment, n - 1) {
        for i in 0...(n - length) {
          jumpChanges(path, from: i, length: length, into: &jump)
          let removal = removalChange(path, from: i, length: length)
          for target in 0...(n - length) where target != i {
            // Hostile input must not run away: stop with the best path so far.
            work += 1 + length * abs(target - i)
            if work > workBudget { return path }
            // delta(path, from: i, length: length, to: target), priced incrementally.
            let links = removal + insertionChange(path, from: i, length: length, to: target)
            if links + jump[target] > 1e-9 {
              path = moved(path, from: i, length: length, to: target)
              improvements += 1
              improved = true
              break search
            }
          }
        }
      }
    }
    return path
  }

  /// The path with the run `i..<i+length` taken out and put back so that it starts at `target`
  /// of the shortened path.
  func moved(_ path: [Int], from i: Int, length: Int, to target: Int) -> [Int] {
    var rest = path
    let segment = Array(rest[i..<(i + length)])
    rest.removeSubrange(i..<(i + length))
    rest.insert(contentsOf: segment, at: target)
    return rest
  }

  /// Change of the objective for ``moved(_:from:length:to:)``, without building the path.
  func delta(_ path: [Int], from i: Int, length: Int, to target: Int) -> Double {
    let n = count
    let end = i + length - 1
    let a = i > 0 ? path[i - 1] : n
    let d = end + 1 < path.count ? path[end + 1] : n
    let b = path[i]
    let c = path[end]
    var change = follow[a][d] - follow[a][b] - follow[c][d]
    // Neighbours at the insertion point, in the shortened path.
    func rest(_ k: Int) -> Int { k < i ? path[k] : path[k + length] }
    let restCount = path.count - length
    let e = target > 0 ? rest(target - 1) : n
    let g = target < restCount ? rest(target) : n
    change += follow[e][b] + follow[c][g] - follow[e][g]
    // Precedence: the run jumps over the fragments between its old and new place.
    let jumped: Range<Int> = target > i ? (end + 1)..<(target + length) : target..<i
    let forward = target > i
    for s in i...end {
      for k in jumped {
        let t = path[k]
        change += forward ? precedence[path[s]][t] - precedence[t][path[s]]
          : precedence[t][path[s]] - precedence[path[s]][t]
      }
    }
    return change
  }
}
