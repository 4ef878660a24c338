/// Context-free lookup of one token, the counterpart of a spell checker's `lookup`: what the
/// stage's indexes and OCR distance propose before context is weighed. For benchmarks and for
/// callers who want suggestions, not decisions.
extension NameCorrector {
  /// A spelling the token may stand for, with its OCR-weighted distance (1 = one arbitrary edit).
  public struct Suggestion: Sendable, Hashable {
    public var text: String
    public var cost: Double
    /// True for a name from the lexicon, false for an English word.
    public var isName: Bool
  }

  /// Suggestions for an upper-case token, closest first (at most `limit`; equal costs in
  /// alphabetical order, a name before an English word of the same spelling). A token that is
  /// already a known word or name gets itself at cost 0.
  ///
  /// Every candidate first gets a cheap lower bound on its cost: the larger of what its
  /// difference in length alone costs (``OCRDistance/lengthBound(truth:ocr:)``) and what the
  /// letters it has and the token lacks, and the other way round, cost at least
  /// (``OCRDistance/multisetBound(truth:ocr:counts:truthWeight:ocrWeight:)``). Candidates are then
  /// scored in increasing order of that bound, so the closest come first; only the `limit` best
  /// are kept, and once there are that many, the worst of them is the cut-off: scoring stops at
  /// the first candidate whose bound exceeds it (every later one's does too), and a distance
  /// stops early once every alignment costs more. Both bounds never exceed the true cost, ties
  /// at the cut-off are still scored, and the kept list is ordered by a total order (cost,
  /// spelling, names before words, term number), so the result is the same as scoring every
  /// candidate fully and sorting, whatever order they are scored in.
  ///
  /// - Complexity: one deletion-index probe per deletion variant of the token's skeleton, one
  ///   O(n + m) bound per proposed term and one bounded weighted edit distance per term whose
  ///   bound is within the cut-off when its turn comes.
  public func suggestions(for token: String, limit: Int = 5) -> [Suggestion] {
    let bytes = Array(token.utf8)
    guard !bytes.isEmpty, bytes.count <= CandidateIndex.maxLength, limit > 0 else { return [] }
    if model.known.contains(token) || english?.words.contains(token) == true {
      return [Suggestion(text: token, cost: 0, isName: model.isPersonNameToken(token))]
    }
    var best = Best(limit: limit, maxCost: NameResolver.costLimit(length: bytes.count))
    // Term numbers in a plain array, sorted and made unique once: cheaper than a Set per token.
    var seen: [Int] = []
    model.nameIndex.forEachCandidate(of: bytes, queryDeletes: NameResolver.queryDeletes(bytes.count)) {
      seen.append($0)
    }
    var queue: [UInt64] = []
    bytes.withUnsafeBufferPointer { ocr in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: 128) { counts in
        counts.initialize(repeating: 0)
        OCRDistance.countLetters(ocr, into: counts.baseAddress!)
        enqueue(Self.unique(&seen), terms: model.nameTerms, list: 0, ocr: ocr, counts: counts, best.maxCost, &queue)
        if let english {
          seen.removeAll(keepingCapacity: true)
          english.index.forEachCandidate(of: bytes) { seen.append($0) }
          enqueue(Self.unique(&seen), terms: english.index.terms, list: 1, ocr: ocr, counts: counts, best.maxCost, &queue)
        }
      }
    }
    queue.sort()
    for key in queue {
      let cutoff = best.cutoff
      guard Int32(key >> Self.boundShift) <= cutoff else { break }
      let list = Int(key >> Self.listShift) & 1, number = Int(key & Self.numberMask)
      let term = list == 0 ? model.nameTerms[number] : english!.index.terms[number]
      guard let cost = costs.cost(truth: term, ocr: bytes, limit: cutoff) else { continue }
      best.insert(term: term, cost: cost, isName: list == 0, number: number)
    }
    return best.kept
  }

  // A queue entry: the bound in the top bits, then the list (0 names, 1 English words), then
  // the term number, so that sorting the plain integers orders candidates by bound.
  private static let boundShift: UInt64 = 33
  private static let listShift: UInt64 = 32
  private static let numberMask: UInt64 = (1 << 32) - 1

  /// Appends every candidate whose bound is within `maxCost` (no cut-off can be higher).
  private func enqueue(
    _ candidates: ArraySlice<Int>, terms: [[UInt8]], list: UInt64, ocr: UnsafeBufferPointer<UInt8>,
    counts: UnsafeMutableBufferPointer<Int32>, _ maxCost: Int32, _ queue: inout [UInt64]
  ) {
    costs.truthWeight.withUnsafeBufferPointer { truthWeight in
      costs.ocrWeight.withUnsafeBufferPointer { ocrWeight in
        for number in candidates {
          let bound = terms[number].withUnsafeBufferPointer { term in
            let length = costs.lengthBound(truth: term.count, ocr: ocr.count)
            guard length <= maxCost else { return length }
            return max(
              length,
              costs.multisetBound(
                truth: term, ocr: ocr, counts: counts.baseAddress!, truthWeight: truthWeight, ocrWeight: ocrWeight))
          }
          guard bound <= maxCost else { continue }
          queue.append(UInt64(bound) << Self.boundShift | list << Self.listShift | UInt64(number))
        }
      }
    }
  }

  /// The `limit` cheapest candidates so far, in the order of the result: cost, then spelling,
  /// then names before words, then term number (the order in which scoring every candidate
  /// by list and number and sorting stably would put them).
  private struct Best {
    let limit: Int
    let maxCost: Int32
    var kept: [Suggestion] = []
    /// The costs of `kept`, in hundredths, and the term number behind each.
    var costs: [Int32] = []
    var numbers: [Int] = []

    init(limit: Int, maxCost: Int32) {
      self.limit = limit
      self.maxCost = maxCost
    }

    /// The highest cost a candidate may have and still enter.
    var cutoff: Int32 { costs.count < limit ? maxCost : min(maxCost, costs[costs.count - 1]) }

    /// Inserts after every kept entry that sorts before it, and drops the entry pushed past
    /// the limit.
    mutating func insert(term: [UInt8], cost: Int32, isName: Bool, number: Int) {
      let text = String(decoding: term, as: UTF8.self)
      var position = kept.count
      while position > 0 && precedes(cost, text, isName, number, position - 1) { position -= 1 }
      guard position < limit else { return }
      kept.insert(Suggestion(text: text, cost: Double(cost) / 100, isName: isName), at: position)
      costs.insert(cost, at: position)
      numbers.insert(number, at: position)
      if kept.count > limit {
        kept.removeLast()
        costs.removeLast()
        numbers.removeLast()
      }
    }

    private func precedes(_ cost: Int32, _ text: String, _ isName: Bool, _ number: Int, _ k: Int) -> Bool {
      if cost != costs[k] { return cost < costs[k] }
      if text != kept[k].text { return text < kept[k].text }
      if isName != kept[k].isName { return isName }
      return number < numbers[k]
    }
  }

  /// Drops repeats from `numbers` in place, keeping first occurrences in order (the queue is
  /// sorted afterwards anyway); returns them. A small open-addressing table on the stack:
  /// cheaper than sorting the numbers only to find the repeats.
  private static func unique(_ numbers: inout [Int]) -> ArraySlice<Int> {
    guard numbers.count > 1 else { return numbers[...] }
    var bits = 4
    while 1 << bits < numbers.count * 2 { bits += 1 }
    let mask = (1 << bits) - 1
    let kept = numbers.withUnsafeMutableBufferPointer { numbers in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: 1 << bits) { table in
        table.initialize(repeating: -1)
        var kept = 0
        for index in 0..<numbers.count {
          let number = numbers[index]
          var slot = Int(truncatingIfNeeded: (UInt(bitPattern: number) &* 0x9E37_79B9_7F4A_7C15) >> UInt(64 - bits)) & mask
          while table[slot] != -1 && table[slot] != number { slot = (slot &+ 1) & mask }
          guard table[slot] == -1 else { continue }
          table[slot] = number
          numbers[kept] = number
          kept += 1
        }
        return kept
      }
    }
    return numbers[..<kept]
  }

}
