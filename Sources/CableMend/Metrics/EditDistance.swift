/// Levenshtein distance between two sequences (insertions, deletions and substitutions all cost 1).
///
/// For `Hashable` elements the distance is computed with the bit-parallel algorithm of Myers
/// (1999) in the multi-word block form described by Hyyrö (2003): the shorter sequence is the
/// "pattern", held as bit vectors of 64 rows each, and every element of the longer sequence
/// advances all blocks by one column. That is O(⌈m/64⌉·n) word operations and O(σ·⌈m/64⌉ + n)
/// memory (σ = distinct elements of the pattern), so a 100 000-character document costs
/// megabytes, never the gigabytes of a full table.
///
/// ```swift
/// EditDistance.levenshtein(Array("KITTEN"), Array("SITTING"))  // 3
/// ```
public enum EditDistance {
  /// The textbook dynamic programme, kept for element types that are only `Equatable` and as the
  /// reference the fast version is tested against.
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

  /// Bit-parallel Levenshtein distance (Myers/Hyyrö); same result as the `Equatable` version.
  /// - Complexity: O(⌈m/64⌉·n) time after trimming the common prefix and suffix, where m is the
  ///   shorter length; O(σ·⌈m/64⌉ + n) memory.
  public static func levenshtein<T: Hashable>(_ a: [T], _ b: [T]) -> Int {
    if T.self == Unicode.Scalar.self {
      // Same type, so the casts are free; the scalar version codes without hashing.
      return levenshtein(unsafeBitCast(a, to: [Unicode.Scalar].self), unsafeBitCast(b, to: [Unicode.Scalar].self))
    }
    return distance(a, b) { SymbolEncoding(pattern: $0, text: $1) }
  }

  /// The same for Unicode scalars, what `score` compares. Non-generic, so that a caller in
  /// another module runs code specialised for scalars, not the generic version; scalars below
  /// U+0100 are coded through a table instead of hashed (hashing was a third of the time).
  public static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    distance(a, b) { SymbolEncoding(scalars: $0, text: $1) }
  }

  @inline(__always)
  private static func distance<T: Hashable>(
    _ a: [T], _ b: [T], encode: (ArraySlice<T>, ArraySlice<T>) -> SymbolEncoding
  ) -> Int {
    var start = 0
    while start < a.count && start < b.count && a[start] == b[start] { start += 1 }
    var endA = a.count
    var endB = b.count
    while endA > start && endB > start && a[endA - 1] == b[endB - 1] {
      endA -= 1
      endB -= 1
    }
    let x = a[start..<endA]
    let y = b[start..<endB]
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    let (pattern, text) = x.count <= y.count ? (x, y) : (y, x)
    let encoded = encode(pattern, text)
    let matcher = BitParallelMatcher(pattern: encoded.pattern, alphabetSize: encoded.alphabetSize)
    return matcher.globalDistance(text: encoded.text)
  }

  /// Character error rate over Unicode scalars: edits / reference length (1 when the reference is
  /// empty and the hypothesis is not, 0 when both are empty). No normalisation is applied; see
  /// ``TextMetrics`` for the normalised, documented measures.
  public static func characterErrorRate(reference: String, hypothesis: String) -> Double {
    let r = Array(reference.unicodeScalars)
    let h = Array(hypothesis.unicodeScalars)
    if r.isEmpty { return h.isEmpty ? 0 : 1 }
    return Double(levenshtein(r, h)) / Double(r.count)
  }
}

/// Maps the elements of a pattern to small integers; text elements absent from the pattern map
/// to `-1`, which never matches.
struct SymbolEncoding {
  var pattern: [Int32]
  var text: [Int32]
  var alphabetSize: Int

  init<C: Collection>(pattern p: C, text t: C) where C.Element: Hashable {
    var codes: [C.Element: Int32] = [:]
    pattern = p.map { element in
      if let code = codes[element] { return code }
      let code = Int32(codes.count)
      codes[element] = code
      return code
    }
    text = t.map { codes[$0] ?? -1 }
    alphabetSize = codes.count
  }

  /// Scalars below U+0100 are coded through a table, not hashed: the hashing was a third of
  /// the time of a distance between two telegrams.
  init(scalars p: ArraySlice<Unicode.Scalar>, text t: ArraySlice<Unicode.Scalar>) {
    var latin = [Int32](repeating: -1, count: 256)
    var others: [UInt32: Int32] = [:]
    var count: Int32 = 0
    pattern = p.map { scalar in
      let value = scalar.value
      if value < 256 {
        if latin[Int(value)] < 0 {
          latin[Int(value)] = count
          count += 1
        }
        return latin[Int(value)]
      }
      if let code = others[value] { return code }
      others[value] = count
      count += 1
      return count - 1
    }
    text = t.map { scalar in
      scalar.value < 256 ? latin[Int(scalar.value)] : others[scalar.value] ?? -1
    }
    alphabetSize = Int(count)
  }
}

/// The column-by-column bit-vector automaton of Myers/Hyyrö over an encoded pattern.
///
/// `globalDistance` gives the distance between the whole pattern and the whole text.
/// `bestSubstringMatch` gives the smallest distance between the whole pattern and any substring
/// of the text (the top row is all zeros, so a match may start anywhere), which the
/// order-tolerant measures use to find where a gold segment went.
struct BitParallelMatcher {
  let length: Int
  let blocks: Int
  /// `peq[(symbol + 1) * blocks + block]`: bit i set when pattern row `block*64+i` equals the
  /// symbol; the first `blocks` words (symbol -1, absent from the pattern) stay zero, so a
  /// lookup needs no branch. Dense while small; above ``denseLimit`` words a per-block
  /// dictionary keeps memory O(m).
  private let peq: [UInt64]
  private let sparse: [[Int32: UInt64]]
  private static let denseLimit = 1 << 22

  init(pattern: [Int32], alphabetSize: Int) {
    length = pattern.count
    blocks = Swift.max(1, (pattern.count + 63) / 64)
    if alphabetSize * blocks <= Self.denseLimit {
      var table = [UInt64](repeating: 0, count: (alphabetSize + 1) * blocks)
      for (row, symbol) in pattern.enumerated() where symbol >= 0 {
        table[(Int(symbol) + 1) * blocks + row / 64] |= 1 << UInt64(row % 64)
      }
      peq = table
      sparse = []
    } else {
      var perBlock = [[Int32: UInt64]](repeating: [:], count: blocks)
      for (row, symbol) in pattern.enumerated() where symbol >= 0 {
        perBlock[row / 64][symbol, default: 0] |= 1 << UInt64(row % 64)
      }
      peq = []
      sparse = perBlock
    }
  }

  /// Runs the automaton over `text`; `topRowCost` is the horizontal delta entering row 0
  /// (1 for global alignment, 0 when a match may start anywhere). Calls `column` with the text
  /// index and the cost of aligning the whole pattern to the text ending there.
  ///
  /// One column advances every block of 64 rows (Myers 1999, Hyyrö 2003): the horizontal
  /// delta leaving the bottom row of a block enters the top of the next as two carry bits
  /// (`hp` for +1, `hn` for -1; never both). The working vectors are unsafe buffers, so the
  /// inner loop has no bounds checks, copy-on-write checks or branches on the carry.
  @inline(__always)
  private func scan(text: [Int32], topRowCost: Int, column: (Int, Int) -> Void) {
    let lastBit = UInt64(1) << UInt64((length - 1) % 64)
    var score = length
    let top: UInt64 = topRowCost > 0 ? 1 : 0
    if !sparse.isEmpty {
      scanSparse(text: text, top: top, lastBit: lastBit, column: column)
      return
    }
    peq.withUnsafeBufferPointer { peq in
      if blocks == 1 {
        // The pattern fits one word: no carries between blocks.
        var pv = UInt64.max, mv: UInt64 = 0
        for (j, symbol) in text.enumerated() {
          let e = peq[Int(symbol) &+ 1]
          let xv = e | mv
          let xh = (((e & pv) &+ pv) ^ pv) | e
          var ph = mv | ~(xh | pv)
          var mh = pv & xh
          if ph & lastBit != 0 { score += 1 } else if mh & lastBit != 0 { score -= 1 }
          ph = (ph << 1) | top
          mh <<= 1
          pv = mh | ~(xv | ph)
          mv = ph & xv
          column(j, score)
        }
        return
      }
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * blocks) { vectors in
        let pvs = vectors.baseAddress!, mvs = pvs + blocks
        pvs.initialize(repeating: .max, count: blocks)
        mvs.initialize(repeating: 0, count: blocks)
        let base = peq.baseAddress!
        let last = blocks - 1
        for (j, symbol) in text.enumerated() {
          let row = base + (Int(symbol) &+ 1) &* blocks
          var hp = top, hn: UInt64 = 0
          for b in 0..<last {
            Self.advance(row[b], &pvs[b], &mvs[b], &hp, &hn)
          }
          let ph = Self.advance(row[last], &pvs[last], &mvs[last], &hp, &hn)
          if ph.0 & lastBit != 0 { score += 1 } else if ph.1 & lastBit != 0 { score -= 1 }
          column(j, score)
        }
      }
    }
  }

  /// One block of one column: updates the block's vertical deltas and the carries, and
  /// returns its horizontal deltas before the shift (for the score at the last row).
  @inline(__always) @discardableResult
  private static func advance(
    _ eq: UInt64, _ pv: inout UInt64, _ mv: inout UInt64, _ hp: inout UInt64, _ hn: inout UInt64
  ) -> (UInt64, UInt64) {
    let p = pv, m = mv
    let xv = eq | m
    let e = eq | hn
    let xh = (((e & p) &+ p) ^ p) | e
    let ph = m | ~(xh | p)
    let mh = p & xh
    let shiftedP = (ph << 1) | hp
    let shiftedM = (mh << 1) | hn
    hp = ph >> 63
    hn = mh >> 63
    pv = shiftedM | ~(xv | shiftedP)
    mv = shiftedP & xv
    return (ph, mh)
  }

  /// The same automaton for a pattern too large for a dense table.
  private func scanSparse(text: [Int32], top: UInt64, lastBit: UInt64, column: (Int, Int) -> Void) {
    var pv = [UInt64](repeating: .max, count: blocks)
    var mv = [UInt64](repeating: 0, count: blocks)
    var score = length
    for (j, symbol) in text.enumerated() {
      var hp = top, hn: UInt64 = 0
      for b in 0..<blocks {
        let eq = symbol < 0 ? 0 : sparse[b][symbol] ?? 0
        let (ph, mh) = Self.advance(eq, &pv[b], &mv[b], &hp, &hn)
        if b == blocks - 1 {
          if ph & lastBit != 0 { score += 1 } else if mh & lastBit != 0 { score -= 1 }
        }
      }
      column(j, score)
    }
  }

  /// Levenshtein distance between the pattern and `text`.
  func globalDistance(text: [Int32]) -> Int {
    if length == 0 { return text.count }
    var result = length
    scan(text: text, topRowCost: 1) { _, score in result = score }
    return result
  }

  /// The smallest distance between the pattern and a prefix of `text`, and the length of the
  /// shortest prefix achieving it.
  func bestPrefixMatch(text: [Int32]) -> (distance: Int, end: Int) {
    if length == 0 { return (0, 0) }
    var best = (distance: length, end: 0)
    scan(text: text, topRowCost: 1) { j, score in
      if score < best.distance { best = (score, j + 1) }
    }
    return best
  }

  /// The smallest distance between the pattern and any substring of `text`, and the exclusive end
  /// of the leftmost substring achieving it (0 when the text is empty).
  func bestSubstringMatch(text: [Int32]) -> (distance: Int, end: Int) {
    if length == 0 { return (0, 0) }
    var best = (distance: length, end: 0)
    scan(text: text, topRowCost: 0) { j, score in
      if score < best.distance { best = (score, j + 1) }
    }
    return best
  }
}
