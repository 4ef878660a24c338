/// An edit distance in which common OCR confusions cost less than other edits.
///
/// Costs come from `Resources/lexicon/ocr-costs.tsv` (estimated by `Scripts/estimate-ocr-costs`
/// from the ICDAR 2017 aligned pairs, plus the typewriter confusions listed in issue 5). Each
/// row gives the cost of reading a truth string (one or two characters, or none) as an OCR
/// string; anything not in the table costs 1. Costs are held in hundredths as integers.
public struct OCRDistance: Sendable {
  /// `single[truth * 128 + ocr]`: cost of reading one ASCII character as another.
  private(set) var single: [Int32]
  /// `inserted[c]`: the OCR added `c`; `deleted[c]`: the OCR lost `c`.
  private(set) var inserted: [Int32]
  private(set) var deleted: [Int32]
  /// Confusions where one side has two characters (RN read for M, and so on), stored flat and
  /// grouped by the pair (last truth character, last OCR character), with 128 standing for "no
  /// character" on a side that is empty, so that each cell of the table only tries the rules
  /// that can end there: `rules[slotStart[k]..<slotStart[k + 1]]` for
  /// `k = ``slot(truth:ocr:)```. (Grouping by the truth character alone made a cell try every
  /// rule ending in its truth letter, about a tenth of the table, and cost twice the time.)
  private(set) var rules: [Rule]
  private var slotStart: [Int32]
  /// `pairEnds[2 * c]`, `pairEnds[2 * c + 1]`: the last OCR characters (a 128-bit mask) of the
  /// rules whose truth side ends in `c` and whose OCR side is not empty; `addedEnds`: the last
  /// OCR characters of the rules whose truth side is empty. They let a cell skip, with one bit
  /// test, the slots where no rule ends.
  private var pairEnds: [UInt64]
  private var addedEnds: (UInt64, UInt64)
  /// The least an edit can cost per byte it adds to the OCR side (`growUnit`) or removes from
  /// it (`shrinkUnit`), for ``lengthBound(truth:ocr:)``.
  private var growUnit: Int32
  private var shrinkUnit: Int32
  /// What each character left over on one side costs at least, for
  /// ``multisetBound(truth:ocr:counts:)``: `truthWeight[c]` for a truth `c` the OCR side lacks,
  /// `ocrWeight[c]` for an OCR `c` the truth lacks (see `OCRDistance+Bounds.swift`).
  var truthWeight: [Int32]
  var ocrWeight: [Int32]

  /// A confusion of at most two characters on each side, held without arrays (no reference
  /// counting in the inner loop).
  struct Rule: Sendable {
    var truth: (UInt8, UInt8)
    var truthCount: Int
    var ocr: (UInt8, UInt8)
    var ocrCount: Int
    var cost: Int32
    var slot: Int
  }

  /// The cost of an arbitrary edit, in hundredths.
  public static let unit: Int32 = 100

  public init() {
    single = [Int32](repeating: Self.unit, count: 128 * 128)
    for c in 0..<128 { single[c * 128 + c] = 0 }
    inserted = [Int32](repeating: Self.unit, count: 128)
    deleted = [Int32](repeating: Self.unit, count: 128)
    rules = []
    slotStart = [Int32](repeating: 0, count: Self.slotCount + 1)
    pairEnds = [UInt64](repeating: 0, count: 256)
    addedEnds = (0, 0)
    growUnit = Self.unit
    shrinkUnit = Self.unit
    truthWeight = []
    ocrWeight = []
    computeLetterWeights()
  }

  /// Reads the table format written by `Scripts/estimate-ocr-costs`.
  public init(table text: String, file: String) throws(LexiconError) {
    self.init()
    var lineNumber = 0
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      lineNumber += 1
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("truth\t") { continue }
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard cells.count >= 3, let value = Double(cells[2]), value >= 0, value <= 1,
        cells[0].utf8.count <= 2, cells[1].utf8.count <= 2,
        (cells[0] + cells[1]).utf8.allSatisfy({ $0 < 128 })
      else {
        throw LexiconError(
          file: file, line: lineNumber,
          problem:
            "expected 'truth<TAB>ocr<TAB>cost' with ASCII strings of at most two characters and a cost in 0...1"
        )
      }
      set(truth: Array(cells[0].utf8), ocr: Array(cells[1].utf8), cost: Int32((value * 100).rounded()))
    }
    computeLetterWeights()
  }

  /// Sets one cost. The letter weights of the multiset bound are recomputed only by the
  /// initialisers, after the whole table is read (callers of `set` must call
  /// ``computeLetterWeights()`` afterwards).
  mutating func set(truth: [UInt8], ocr: [UInt8], cost: Int32) {
    // A raised cost leaves the units lower than they could be: still a valid bound.
    if ocr.count > truth.count { growUnit = min(growUnit, cost / Int32(ocr.count - truth.count)) }
    if truth.count > ocr.count { shrinkUnit = min(shrinkUnit, cost / Int32(truth.count - ocr.count)) }
    switch (truth.count, ocr.count) {
    case (1, 1): single[Int(truth[0]) * 128 + Int(ocr[0])] = cost
    case (0, 1): inserted[Int(ocr[0])] = cost
    case (1, 0): deleted[Int(truth[0])] = cost
    case (0, 0): break
    default:
      let slot = Self.slot(truth: truth.last.map(Int.init) ?? 128, ocr: ocr.last.map(Int.init) ?? 128)
      let t = (truth.first ?? 0, truth.count > 1 ? truth[1] : 0)
      let o = (ocr.first ?? 0, ocr.count > 1 ? ocr[1] : 0)
      rules.append(
        Rule(truth: t, truthCount: truth.count, ocr: o, ocrCount: ocr.count, cost: cost, slot: slot))
      rules.sort { $0.slot < $1.slot }
      var start = [Int32](repeating: 0, count: Self.slotCount + 1)
      for rule in rules { start[rule.slot + 1] += 1 }
      for k in 1...Self.slotCount { start[k] += start[k - 1] }
      slotStart = start
      pairEnds = [UInt64](repeating: 0, count: 256)
      addedEnds = (0, 0)
      for rule in rules {
        let lastOCR = rule.ocrCount == 2 ? rule.ocr.1 : rule.ocr.0
        let lastTruth = rule.truthCount == 2 ? rule.truth.1 : rule.truth.0
        guard rule.ocrCount > 0 else { continue }
        let word = Int(lastOCR >> 6), bit = UInt64(1) << (lastOCR & 63)
        if rule.truthCount == 0 {
          if word == 0 { addedEnds.0 |= bit } else { addedEnds.1 |= bit }
        } else {
          pairEnds[Int(lastTruth) * 2 + word] |= bit
        }
      }
    }
  }

  /// Slots of the two-character rules: 129 × 129 pairs of (last truth, last OCR) character,
  /// 128 meaning none.
  private static let slotCount = 129 * 129
  @inline(__always) private static func slot(truth: Int, ocr: Int) -> Int { truth &* 129 &+ ocr }

  /// A lower bound, in hundredths, on the cost of reading any truth of `truth` bytes as any OCR
  /// text of `ocr` bytes: every edit changes the length by at most its cost over the cheapest
  /// cost per byte of a length change, so the difference in length alone costs this much.
  /// Lets a caller skip a candidate before ``cost(truth:ocr:limit:)``.
  public func lengthBound(truth: Int, ocr: Int) -> Int32 {
    let bound = ocr >= truth ? (ocr - truth) * Int(growUnit) : (truth - ocr) * Int(shrinkUnit)
    return Int32(clamping: bound)
  }

  /// The cheapest way, in hundredths, to read `truth` as `ocr`, or nil when it exceeds `limit`.
  ///
  /// - Complexity: O(n·m·r) for lengths n, m and r two-character rules; no heap allocation for
  ///   words under 64 characters.
  public func cost(truth: some Collection<UInt8>, ocr: some Collection<UInt8>, limit: Int32 = .max) -> Int32?
  {
    let t = Array(truth), o = Array(ocr)
    return cost(truth: t, ocr: o, limit: limit)
  }

  public func cost(truth t: [UInt8], ocr o: [UInt8], limit: Int32 = .max) -> Int32? {
    t.withUnsafeBufferPointer { t in
      o.withUnsafeBufferPointer { o in
        single.withUnsafeBufferPointer { single in
          rules.withUnsafeBufferPointer { rules in
            slotStart.withUnsafeBufferPointer { slots in
              table(t, o, single, rules, slots, limit)
            }
          }
        }
      }
    }
  }

  // One row of the table per truth character; two-character rules can skip a row, so give up
  // only when two rows in a row exceed the limit. A row "exceeds" it when every cell, plus the
  // least the rest of the strings can cost (their difference in length), is over the limit:
  // every alignment passes through one of any two consecutive rows. Cells off the band where
  // the length differences before and after alone cost more than the limit are not computed
  // but set just over it: no alignment within the limit passes through them, and a value over
  // the limit can only make alignments through them dearer, never cheaper than their true cost
  // or the limit, so every cost within the limit is still exact.
  private func table(
    _ t: UnsafeBufferPointer<UInt8>, _ o: UnsafeBufferPointer<UInt8>,
    _ single: UnsafeBufferPointer<Int32>, _ rules: UnsafeBufferPointer<Rule>,
    _ slots: UnsafeBufferPointer<Int32>, _ limit: Int32
  ) -> Int32? {
    let n = t.count, m = o.count
    let width = m + 1
    let grow = growUnit, shrink = shrinkUnit
    // The least that reading the last `a` truth bytes as the last `b` OCR bytes can cost.
    @inline(__always) func rest(_ a: Int, _ b: Int) -> Int32 {
      a >= b ? Int32(truncatingIfNeeded: a - b) &* shrink : Int32(truncatingIfNeeded: b - a) &* grow
    }
    // A cell (i, j) is within the band when the length differences before and after it,
    // rest(i, j) + rest(n - i, m - j), stay within the limit; both depend only on the diagonal
    // d = i - j, and their sum is convex in d, so the band is the diagonals lowest...highest.
    var lowest = n + 1, highest = -m - 1
    for d in -m...n {
      let before = d >= 0 ? d * Int(shrink) : -d * Int(grow)
      let after = n - m - d >= 0 ? (n - m - d) * Int(shrink) : (d - n + m) * Int(grow)
      if before + after <= Int(limit) {
        lowest = min(lowest, d)
        highest = max(highest, d)
      }
    }
    return withUnsafeTemporaryAllocation(of: Int32.self, capacity: (n + 1) * width) { cell in
      cell[0] = 0
      var j = 1
      while j <= m {
        cell[j] = cell[j - 1] + insertCost(o[j - 1])
        j += 1
      }
      var previousRowMin: Int32 = 0
      var i = 1
      while i <= n {
        let ti = t[i - 1]
        let row = i * width
        let left = n - i
        let deletion = deleteCost(ti)
        cell[row] = cell[row - width] + deletion
        var rowMin = cell[row] + rest(left, m)
        // The rules that can end in this row: those whose truth side ends in `ti` and whose
        // OCR side ends in a character of `pairs`, and those whose OCR side is empty.
        let pairs = ti < 128 ? (pairEnds[Int(ti) &* 2], pairEnds[Int(ti) &* 2 &+ 1]) : (0, 0)
        let lost = ti < 128 ? Self.slot(truth: Int(ti), ocr: 128) : 0
        let lostRules = ti < 128 ? Int(slots[lost])..<Int(slots[lost + 1]) : 0..<0
        // The band: the cells whose diagonal i - j lies within `lowest...highest`.
        let first = min(max(1, i - highest), m + 1), last = min(m, i - lowest)
        j = 1
        while j < first {
          cell[row + j] = limit &+ 1
          j += 1
        }
        j = max(last + 1, first)
        while j <= m {
          cell[row + j] = limit &+ 1
          j += 1
        }
        j = first
        while j <= last {
          let oj = o[j - 1]
          let sub = ti < 128 && oj < 128 ? single[Int(ti) &* 128 &+ Int(oj)] : (ti == oj ? 0 : Self.unit)
          var best = cell[row - width + j - 1] + sub
          best = min(best, cell[row - width + j] + deletion)
          best = min(best, cell[row + j - 1] + insertCost(oj))
          // The rules that end at this cell: both sides ending here, only the truth side (the
          // OCR lost characters), only the OCR side (it added them). Rules are ASCII only; the
          // bit masks rule out, in a test, the cells where no rule ends (most of them).
          if oj < 128 && Self.bit(oj, pairs) {
            let slot = Self.slot(truth: Int(ti), ocr: Int(oj))
            best = min(best, ruleCost(Int(slots[slot])..<Int(slots[slot + 1]), t, o, i, j, rules, cell, width))
          }
          if !lostRules.isEmpty { best = min(best, ruleCost(lostRules, t, o, i, j, rules, cell, width)) }
          if oj < 128 && Self.bit(oj, addedEnds) {
            let slot = Self.slot(truth: 128, ocr: Int(oj))
            best = min(best, ruleCost(Int(slots[slot])..<Int(slots[slot + 1]), t, o, i, j, rules, cell, width))
          }
          cell[row + j] = best
          rowMin = min(rowMin, best + rest(left, m - j))
          j += 1
        }
        if rowMin > limit && previousRowMin > limit { return nil }
        previousRowMin = rowMin
        i += 1
      }
      let result = cell[n * width + m]
      return result > limit ? nil : result
    }
  }

  /// The cheapest way for one of `rules[range]` to end at cell (i, j), or `Int32.max`.
  @inline(__always)
  private func ruleCost(
    _ range: Range<Int>, _ t: UnsafeBufferPointer<UInt8>, _ o: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int,
    _ rules: UnsafeBufferPointer<Rule>, _ cell: UnsafeMutableBufferPointer<Int32>, _ width: Int
  ) -> Int32 {
    var best = Int32.max
    for r in range {
      let rule = rules[r]
      let a = rule.truthCount, b = rule.ocrCount
      guard i >= a, j >= b else { continue }
      if a == 2 && (t[i - 2] != rule.truth.0 || t[i - 1] != rule.truth.1) { continue }
      if a == 1 && t[i - 1] != rule.truth.0 { continue }
      if b == 2 && (o[j - 2] != rule.ocr.0 || o[j - 1] != rule.ocr.1) { continue }
      if b == 1 && o[j - 1] != rule.ocr.0 { continue }
      best = min(best, cell[(i - a) * width + j - b] + rule.cost)
    }
    return best
  }

  /// Whether bit `c` (below 128) is set in a 128-bit mask held as two words.
  @inline(__always) private static func bit(_ c: UInt8, _ mask: (UInt64, UInt64)) -> Bool {
    ((c < 64 ? mask.0 >> c : mask.1 >> (c &- 64)) & 1) != 0
  }

  @inline(__always) private func substituteCost(_ a: UInt8, _ b: UInt8) -> Int32 {
    a < 128 && b < 128 ? single[Int(a) * 128 + Int(b)] : (a == b ? 0 : Self.unit)
  }

  @inline(__always) private func insertCost(_ c: UInt8) -> Int32 { c < 128 ? inserted[Int(c)] : Self.unit }
  @inline(__always) private func deleteCost(_ c: UInt8) -> Int32 { c < 128 ? deleted[Int(c)] : Self.unit }
}
