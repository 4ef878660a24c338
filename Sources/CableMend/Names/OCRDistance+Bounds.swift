/// A lower bound on ``OCRDistance/cost(truth:ocr:limit:)`` from the letters alone, cheap enough
/// to rule out most candidates of a lookup before their table is computed.
///
/// Whatever the alignment, every letter of the truth that the OCR text lacks (counted with
/// multiplicity: two Ms in the truth against none in the OCR are two) must be consumed by some
/// edit, and every letter of the OCR text that the truth lacks produced by one. Give each
/// letter a weight per side, `truthWeight` and `ocrWeight`, such that no edit costs less than
/// the weights of the letters it leaves over: a substitution of `a` by `b` at least
/// `truthWeight[a] + ocrWeight[b]`, a deletion of `a` at least `truthWeight[a]`, an insertion
/// of `b` at least `ocrWeight[b]`, and a two-character rule at least the weights of its
/// letters left over once the two sides cancel. The sum of the weights of the left-over
/// letters of a pair of words is then at most the cost of any alignment of them, because the
/// left-over count of a letter over a whole alignment is at most the sum of its left-over
/// counts over the edits. So the bound never exceeds the true cost, whatever the weights, as
/// long as they meet those inequalities; `computeLetterWeights` checks that they do.
extension OCRDistance {
  /// Chooses the weights: first each letter gets, on each side, the least share any edit
  /// involving it can give it (its cost split evenly over the letters it leaves over), which
  /// meets every inequality; then each weight, in turn, is raised as far as the inequalities
  /// allow with the others fixed, so that no slack is left where it costs nothing. Bytes from
  /// 128 up weigh nothing. O(128² + r) per weight, once per table.
  mutating func computeLetterWeights() {
    let n = 128
    var truth = [Int32](repeating: Self.unit, count: n)
    var ocr = [Int32](repeating: Self.unit, count: n)
    let rules = ruleLeftovers()
    for a in 0..<n {
      truth[a] = min(truth[a], deleted[a])
      ocr[a] = min(ocr[a], inserted[a])
      for b in 0..<n where b != a {
        truth[a] = min(truth[a], single[a * n + b] / 2)
        ocr[a] = min(ocr[a], single[b * n + a] / 2)
      }
    }
    for rule in rules {
      let units = rule.truth.reduce(Int32(0)) { $0 + $1.count } + rule.ocr.reduce(Int32(0)) { $0 + $1.count }
      guard units > 0 else { continue }
      for (c, _) in rule.truth { truth[c] = min(truth[c], rule.cost / units) }
      for (c, _) in rule.ocr { ocr[c] = min(ocr[c], rule.cost / units) }
    }
    // Raise each weight as far as the others allow, letters and digits first.
    let order = Array(65...90) + Array(48...57) + (0..<n).filter { !(65...90).contains($0) && !(48...57).contains($0) }
    for c in order {
      truth[c] = slack(of: c, truthSide: true, truth: truth, ocr: ocr, rules: rules)
      ocr[c] = slack(of: c, truthSide: false, truth: truth, ocr: ocr, rules: rules)
    }
    precondition(weightsHold(truth: truth, ocr: ocr, rules: rules), "letter weights break an edit's cost")
    truthWeight = truth
    ocrWeight = ocr
  }

  /// A two-character rule as the letters it leaves over on each side, with counts.
  struct Leftover {
    var truth: [(c: Int, count: Int32)]
    var ocr: [(c: Int, count: Int32)]
    var cost: Int32
  }

  private func ruleLeftovers() -> [Leftover] {
    rules.map { rule in
      var net = [Int: Int32]()
      let t = [rule.truth.0, rule.truth.1].prefix(rule.truthCount)
      let o = [rule.ocr.0, rule.ocr.1].prefix(rule.ocrCount)
      for c in t where c < 128 { net[Int(c), default: 0] += 1 }
      for c in o where c < 128 { net[Int(c), default: 0] -= 1 }
      return Leftover(
        truth: net.filter { $0.value > 0 }.map { ($0.key, $0.value) }.sorted { $0.c < $1.c },
        ocr: net.filter { $0.value < 0 }.map { ($0.key, -$0.value) }.sorted { $0.c < $1.c },
        cost: rule.cost)
    }
  }

  /// The largest weight `c` may take on one side with every other weight fixed.
  private func slack(of c: Int, truthSide: Bool, truth: [Int32], ocr: [Int32], rules: [Leftover]) -> Int32 {
    let n = 128
    var best = truthSide ? deleted[c] : inserted[c]
    best = min(best, Self.unit)  // against a non-ASCII byte, which weighs nothing
    for other in 0..<n where other != c {
      best = truthSide ? min(best, single[c * n + other] - ocr[other]) : min(best, single[other * n + c] - truth[other])
    }
    for rule in rules {
      let side = truthSide ? rule.truth : rule.ocr
      guard let own = side.first(where: { $0.c == c }) else { continue }
      var rest = rule.cost
      for (d, k) in rule.truth where !(truthSide && d == c) { rest -= truth[d] * k }
      for (d, k) in rule.ocr where !(!truthSide && d == c) { rest -= ocr[d] * k }
      best = min(best, rest / own.count)
    }
    return max(0, best)
  }

  /// Checks every inequality of the type's comment.
  private func weightsHold(truth: [Int32], ocr: [Int32], rules: [Leftover]) -> Bool {
    let n = 128
    for a in 0..<n {
      guard truth[a] >= 0, ocr[a] >= 0, truth[a] <= deleted[a], ocr[a] <= inserted[a],
        truth[a] <= Self.unit, ocr[a] <= Self.unit
      else { return false }
      for b in 0..<n where b != a && truth[a] + ocr[b] > single[a * n + b] { return false }
    }
    for rule in rules {
      let sum = rule.truth.reduce(Int32(0)) { $0 + truth[$1.c] * $1.count }
        + rule.ocr.reduce(Int32(0)) { $0 + ocr[$1.c] * $1.count }
      if sum > rule.cost { return false }
    }
    return true
  }

  /// A lower bound, in hundredths, on the cost of reading `truth` as `ocr`: the weights of the
  /// letters left over on each side (see the type's comment). `counts` must hold the number of
  /// times each byte below 128 occurs in `ocr` (``countLetters(_:into:)``) and holds it again
  /// on return.
  ///
  /// - Complexity: O(n + m), no allocation.
  @inline(__always)
  func multisetBound(
    truth: UnsafeBufferPointer<UInt8>, ocr: UnsafeBufferPointer<UInt8>,
    counts: UnsafeMutablePointer<Int32>, truthWeight: UnsafeBufferPointer<Int32>,
    ocrWeight: UnsafeBufferPointer<Int32>
  ) -> Int32 {
    var bound: Int32 = 0
    for c in truth where c < 128 {
      if counts[Int(c)] > 0 { counts[Int(c)] -= 1 } else { bound &+= truthWeight[Int(c)] }
    }
    // What is left in `counts` is the OCR's surplus; take it out letter by letter, then put
    // every OCR letter back.
    for c in ocr where c < 128 && counts[Int(c)] > 0 {
      bound &+= ocrWeight[Int(c)]
      counts[Int(c)] -= 1
    }
    for c in ocr where c < 128 { counts[Int(c)] += 1 }
    return bound
  }

  /// Fills `counts` (128 entries, all zero) with how often each byte below 128 occurs in `word`.
  static func countLetters(_ word: UnsafeBufferPointer<UInt8>, into counts: UnsafeMutablePointer<Int32>) {
    for c in word where c < 128 { counts[Int(c)] += 1 }
  }
}
