/// An edit distance in which common OCR confusions cost less than other edits.
///
/// Costs come from `Resources/lexicon/ocr-costs.tsv` (estimated by `Scripts/estimate-ocr-costs`
/// from the ICDAR 2017 aligned pairs, plus the typewriter confusions listed in issue 5). Each
/// row gives the cost of reading a truth string (one or two characters, or none) as an OCR
/// string; anything not in the table costs 1. Costs are held in hundredths as integers.
public struct OCRDistance: Sendable {
  /// `single[truth * 128 + ocr]`: cost of reading one ASCII character as another.
  private var single: [Int32]
  /// `inserted[c]`: the OCR added `c`; `deleted[c]`: the OCR lost `c`.
  private var inserted: [Int32]
  private var deleted: [Int32]
  /// Confusions where one side has two characters (RN read for M, and so on).
  private var multi: [Rule]

  struct Rule: Sendable {
    var truth: [UInt8]
    var ocr: [UInt8]
    var cost: Int32
  }

  /// The cost of an arbitrary edit, in hundredths.
  public static let unit: Int32 = 100

  public init() {
    single = [Int32](repeating: Self.unit, count: 128 * 128)
    for c in 0..<128 { single[c * 128 + c] = 0 }
    inserted = [Int32](repeating: Self.unit, count: 128)
    deleted = [Int32](repeating: Self.unit, count: 128)
    multi = []
  }

  /// Reads the table format written by `Scripts/estimate-ocr-costs`.
  public init(table text: String, file: String) throws(LexiconError) {
    self.init()
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("truth\t") { continue }
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard cells.count >= 3, let value = Double(cells[2]), value >= 0, value <= 1,
        cells[0].utf8.count <= 2, cells[1].utf8.count <= 2,
        (cells[0] + cells[1]).utf8.allSatisfy({ $0 < 128 })
      else {
        throw LexiconError(file: file, line: lineNumber,
                           problem: "expected 'truth<TAB>ocr<TAB>cost' with ASCII strings of at most two characters and a cost in 0...1")
      }
      set(truth: Array(cells[0].utf8), ocr: Array(cells[1].utf8), cost: Int32((value * 100).rounded()))
    }
  }

  mutating func set(truth: [UInt8], ocr: [UInt8], cost: Int32) {
    switch (truth.count, ocr.count) {
    case (1, 1): single[Int(truth[0]) * 128 + Int(ocr[0])] = cost
    case (0, 1): inserted[Int(ocr[0])] = cost
    case (1, 0): deleted[Int(truth[0])] = cost
    default: multi.append(Rule(truth: truth, ocr: ocr, cost: cost))
    }
  }

  /// The cheapest way, in hundredths, to read `truth` as `ocr`, or nil when it exceeds `limit`.
  ///
  /// - Complexity: O(n·m·r) for lengths n, m and r two-character rules; no heap allocation for
  ///   words under 64 characters.
  public func cost(truth: some Collection<UInt8>, ocr: some Collection<UInt8>, limit: Int32 = .max) -> Int32? {
    let t = Array(truth), o = Array(ocr)
    return cost(truth: t, ocr: o, limit: limit)
  }

  public func cost(truth t: [UInt8], ocr o: [UInt8], limit: Int32 = .max) -> Int32? {
    let n = t.count, m = o.count
    let width = m + 1
    return withUnsafeTemporaryAllocation(of: Int32.self, capacity: (n + 1) * width) { table in
      table[0] = 0
      // Two-character rules can skip a row, so give up only when two rows in a row exceed it.
      var previousRowMin: Int32 = 0
      for j in 1...max(1, m) where j <= m { table[j] = table[j - 1] + insertCost(o[j - 1]) }
      for i in 1...max(1, n) where i <= n {
        let ti = t[i - 1]
        table[i * width] = table[(i - 1) * width] + deleteCost(ti)
        var rowMin = table[i * width]
        for j in 1...max(1, m) where j <= m {
          let oj = o[j - 1]
          var best = table[(i - 1) * width + j - 1] + substituteCost(ti, oj)
          best = min(best, table[(i - 1) * width + j] + deleteCost(ti))
          best = min(best, table[i * width + j - 1] + insertCost(oj))
          for rule in multi {
            let a = rule.truth.count, b = rule.ocr.count
            guard i >= a, j >= b, rule.truth.last == ti || a == 0 else { continue }
            if matches(rule.truth, t, end: i) && matches(rule.ocr, o, end: j) {
              best = min(best, table[(i - a) * width + j - b] + rule.cost)
            }
          }
          table[i * width + j] = best
          rowMin = min(rowMin, best)
        }
        if rowMin > limit && previousRowMin > limit { return nil }
        previousRowMin = rowMin
      }
      let result = table[n * width + m]
      return result > limit ? nil : result
    }
  }

  @inline(__always) private func matches(_ part: [UInt8], _ word: [UInt8], end: Int) -> Bool {
    var k = part.count - 1, w = end - 1
    while k >= 0 {
      if part[k] != word[w] { return false }
      k -= 1
      w -= 1
    }
    return true
  }

  @inline(__always) private func substituteCost(_ a: UInt8, _ b: UInt8) -> Int32 {
    a < 128 && b < 128 ? single[Int(a) * 128 + Int(b)] : (a == b ? 0 : Self.unit)
  }

  @inline(__always) private func insertCost(_ c: UInt8) -> Int32 { c < 128 ? inserted[Int(c)] : Self.unit }
  @inline(__always) private func deleteCost(_ c: UInt8) -> Int32 { c < 128 ? deleted[Int(c)] : Self.unit }
}
