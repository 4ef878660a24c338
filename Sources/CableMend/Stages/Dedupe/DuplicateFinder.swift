/// Finds groups of duplicated lines (paragraphs after `unwrap`) and consecutive runs of them
/// (duplicated pages and spans).
///
/// 1. Exact copies: lines with equal folded text, through one hash table.
/// 2. Near copies of long lines: hashed character n-grams (shingles) index the lines; a pair
///    becomes a candidate when it shares enough shingles, then a banded alignment confirms it.
///    Shingles found in too many lines are dropped, so no line is compared with all others.
/// 3. Spans: from every confirmed pair, the neighbours on both sides are compared pairwise
///    (short lines too) for as long as they keep matching; a run of exactly equal short lines
///    long enough in total is a span of its own.
///
/// - Complexity: O(N·c + L·w) for N characters, shingle cap c, L aligned characters and band w
///   (bounded by ``DedupeSettings/maximumAlignedCharacters``); never all pairs of lines.
struct DuplicateFinder: Sendable {
  let settings: DedupeSettings
  let plausibility: WordPlausibility

  /// Widest alignment band: bounds the memory of one alignment at about 4 kB per character.
  static let maximumBand = 512

  /// Copies that belong together, as indices into the unit list, in document order.
  struct Group: Sendable, Hashable {
    var members: [Int]
    /// The group is part of a duplicated span of several consecutive lines.
    var inSpan: Bool
  }

  private struct PairKey: Hashable {
    var a: Int
    var b: Int
  }

  func groups(_ units: [DedupeUnit]) -> [Group] {
    var links = UnionFind(count: units.count)
    var spanMembers = Set<Int>()
    var visited = Set<PairKey>()
    let exact = Dictionary(grouping: units.indices, by: { units[$0].exactKey })
    var seeds: [PairKey] = []
    for members in exact.values where members.count > 1 {
      for (x, y) in zip(members, members.dropFirst()) {
        links.union(x, y)
        if isLong(units[x]) { seeds.append(PairKey(a: x, b: y)) }
      }
    }
    seeds += nearPairs(units, exact: exact)
    for seed in seeds.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
      links.union(seed.a, seed.b)
      let span = extend(seed, units, visited: &visited)
      if span.count > 1 { record(span, &links, &spanMembers) }
    }
    for members in exact.values where members.count > 1 && members.count <= 8 && !isLong(units[members[0]]) {
      for (offset, x) in members.enumerated() {
        for y in members[(offset + 1)...] where !visited.contains(PairKey(a: x, b: y)) {
          let span = extend(PairKey(a: x, b: y), units, visited: &visited)
          let characters = span.reduce(0) { $0 + units[$1.b].length }
          if span.count >= settings.minimumRunUnits && characters >= settings.minimumRunCharacters {
            record(span, &links, &spanMembers)
          }
        }
      }
    }
    return collect(&links, units: units, spanMembers: spanMembers)
  }

  private func record(_ span: [PairKey], _ links: inout UnionFind, _ spanMembers: inout Set<Int>) {
    for pair in span {
      links.union(pair.a, pair.b)
      spanMembers.insert(pair.a)
      spanMembers.insert(pair.b)
    }
  }

  /// Groups of linked units. Exact copies of a short line are linked above only to seed spans:
  /// a group counts when a long line or a span is in it.
  private func collect(_ links: inout UnionFind, units: [DedupeUnit], spanMembers: Set<Int>) -> [Group] {
    var byRoot: [Int: [Int]] = [:]
    for index in units.indices { byRoot[links.find(index), default: []].append(index) }
    var result: [Group] = []
    for members in byRoot.values where members.count > 1 {
      let inSpan = members.contains(where: spanMembers.contains)
      let spanOnly = inSpan ? members.filter { spanMembers.contains($0) || isLong(units[$0]) } : members
      guard spanOnly.count > 1, inSpan || spanOnly.contains(where: { isLong(units[$0]) }) else { continue }
      result.append(Group(members: spanOnly.sorted(), inSpan: inSpan))
    }
    return result.sorted { $0.members[0] < $1.members[0] }
  }

  func isLong(_ unit: DedupeUnit) -> Bool {
    unit.length >= settings.minimumCharacters && unit.wordCount >= settings.minimumWords
  }

  /// Pairs of long lines that are near copies: candidates by shared shingles, confirmed by
  /// alignment. Only the first of each set of exact copies takes part.
  private func nearPairs(_ units: [DedupeUnit], exact: [String: [Int]]) -> [PairKey] {
    let representatives = units.indices.filter {
      isLong(units[$0]) && !units[$0].isGiant && exact[units[$0].exactKey]?.first == $0
    }
    // Each line's distinct shingles, sorted; the postings are one array of (shingle, line)
    // sorted the same way, so the lines holding a shingle are one binary search away (a
    // dictionary of arrays allocated a list per shingle and was the stage's largest cost).
    let shingles = representatives.map { Self.sortedUnique(shingleHashes(units[$0].exactKey)) }
    var postings: [Posting] = []
    postings.reserveCapacity(shingles.reduce(0) { $0 + $1.count })
    for (slot, set) in shingles.enumerated() {
      for hash in set { postings.append(Posting(hash: hash, slot: slot)) }
    }
    postings.sort { ($0.hash, $0.slot) < ($1.hash, $1.slot) }
    var result: [PairKey] = []
    // Shared-shingle counts per earlier line, reset through `touched` after each line.
    var shared = [Int](repeating: 0, count: representatives.count)
    var touched: [Int] = []
    for (slot, index) in representatives.enumerated() {
      for hash in shingles[slot] {
        let list = Self.postingRange(of: hash, in: postings)
        guard list.count <= settings.shingleLineCap else { continue }
        for posting in postings[list] {
          guard posting.slot < slot else { break }
          if shared[posting.slot] == 0 { touched.append(posting.slot) }
          shared[posting.slot] += 1
        }
      }
      // Most shared shingles first; ties go to the earlier line.
      let candidates = touched.filter { other in
        Double(shared[other]) >= settings.candidateOverlap * Double(min(shingles[slot].count, shingles[other].count))
      }.sorted { (shared[$0], $1) > (shared[$1], $0) }.prefix(4)
      for other in candidates {
        let a = representatives[other]
        if alignment(units[a], units[index]) != nil { result.append(PairKey(a: a, b: index)) }
      }
      for other in touched { shared[other] = 0 }
      touched.removeAll(keepingCapacity: true)
    }
    return result
  }

  /// One shingle of one line, for the sorted postings array.
  private struct Posting {
    var hash: UInt64
    var slot: Int
  }

  /// `hashes` sorted, each value once.
  static func sortedUnique(_ hashes: [UInt64]) -> [UInt64] {
    var sorted = hashes.sorted()
    var kept = 0
    for value in sorted where kept == 0 || sorted[kept - 1] != value {
      sorted[kept] = value
      kept += 1
    }
    sorted.removeLast(sorted.count - kept)
    return sorted
  }

  /// The postings of `hash` (lines in increasing order): a range of the sorted array.
  private static func postingRange(of hash: UInt64, in postings: [Posting]) -> Range<Int> {
    func firstIndex(where above: (UInt64) -> Bool) -> Int {
      var low = 0, high = postings.count
      while low < high {
        let middle = (low + high) / 2
        if above(postings[middle].hash) { high = middle } else { low = middle + 1 }
      }
      return low
    }
    return firstIndex { $0 >= hash }..<firstIndex { $0 > hash }
  }

  /// FNV-1a hashes of every run of ``DedupeSettings/shingleLength`` characters.
  private func shingleHashes(_ text: String) -> [UInt64] {
    let values = text.utf8.allSatisfy { $0 < 0x80 }
      ? text.utf8.map { UInt32($0) } : Array(text.unicodeScalars.lazy.map(\.value))
    let q = max(1, settings.shingleLength)
    guard values.count >= q else { return [] }
    var hashes: [UInt64] = []
    hashes.reserveCapacity(values.count - q + 1)
    for start in 0...(values.count - q) {
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      for offset in start..<(start + q) { hash = (hash ^ UInt64(values[offset])) &* 0x100_0000_01B3 }
      hashes.append(hash)
    }
    return hashes
  }

  /// The alignment of two lines when they are copies of one text: within the allowed
  /// difference, and no pair of differing words reads as two different real words.
  func alignment(_ x: DedupeUnit, _ y: DedupeUnit) -> BandedAlignment? {
    let longer = max(x.keys.count, y.keys.count)
    guard longer <= settings.maximumAlignedCharacters else { return nil }
    let allowed = min(Self.maximumBand, Int((settings.maximumDifference * Double(longer)).rounded(.down)))
    guard let aligned = BandedAlignment.align(x.keys, y.keys, maxDistance: allowed) else { return nil }
    guard !aligned.steps.isEmpty else { return aligned }
    let projection = aligned.projection
    // Words of the two lines themselves do not make a reading known: another OCR copy in the
    // pair must not vouch for its own misreading.
    var own: [String: Int] = [:]
    for word in WordPlausibility.words(in: x.scalars) + WordPlausibility.words(in: y.scalars) { own[word, default: 0] += 1 }
    var contentDifferences = 0
    var judged = Set<Int>()
    for hunk in aligned.hunks {
      // Whole words of x, and what y has in their place.
      let words = Self.wordSpan(hunk.aRange, in: x.scalars)
      guard judged.insert(words.lowerBound).inserted else { continue }
      let other = CopyMerger.slice(y.scalars, projection, words, keptCount: x.scalars.count)
      if plausibility.isContentDifference(Array(x.scalars[words]), Array(other), ownCounts: own) {
        contentDifferences += 1
      }
    }
    return contentDifferences > max(x.wordCount, y.wordCount) / 40 ? nil : aligned
  }

  /// `range` widened to whole words.
  static func wordSpan(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo > 0 && WordPlausibility.isWordCharacter(scalars[lo - 1]) { lo -= 1 }
    while hi < scalars.count && WordPlausibility.isWordCharacter(scalars[hi]) { hi += 1 }
    return lo..<hi
  }

  /// Lines next to each other in a span match when equal, or when both are long enough to
  /// align (12 characters) and align as copies. With an `allowance` (only between two matching
  /// pairs, see `extend`), two short lines also match when at most that far apart: a short line
  /// in the same place inside a duplicated span is a copy damaged more than the rest.
  private func spanMatch(_ x: DedupeUnit, _ y: DedupeUnit, allowance: Double? = nil) -> Bool {
    if x.exactKey == y.exactKey { return true }
    if min(x.length, y.length) >= 12 && alignment(x, y) != nil { return true }
    guard let allowance else { return false }
    return shortAlignment(x, y, allowance: allowance) != nil
  }

  /// The looser alignment of two short lines inside a duplicated span: the shorter has at least
  /// 4 characters, neither is long, and they are at most `allowance` apart.
  func shortAlignment(_ x: DedupeUnit, _ y: DedupeUnit, allowance: Double = 0.34) -> BandedAlignment? {
    guard min(x.length, y.length) >= 4, max(x.length, y.length) < settings.minimumCharacters else { return nil }
    let longer = max(x.keys.count, y.keys.count)
    let allowed = min(Self.maximumBand, Int((allowance * Double(longer)).rounded(.down)))
    return BandedAlignment.align(x.keys, y.keys, maxDistance: allowed)
  }

  /// The span of consecutive matching pairs around `seed`, never letting the first copy run
  /// into the second. One pair of short lines that does not match is bridged when the pair
  /// after it does and the two are at most a third apart (a line damaged more than the rest).
  private func extend(_ seed: PairKey, _ units: [DedupeUnit], visited: inout Set<PairKey>) -> [PairKey] {
    var span = [seed]
    visited.insert(seed)
    var first = seed
    var last = seed
    func matches(_ pair: PairKey) -> Bool {
      !visited.contains(pair) && spanMatch(units[pair.a], units[pair.b])
    }
    func bridgeable(_ pair: PairKey, _ next: PairKey) -> Bool {
      !visited.contains(pair) && matches(next) && spanMatch(units[pair.a], units[pair.b], allowance: 0.34)
    }
    while first.a > 0, first.b - 1 > last.a {
      let pair = PairKey(a: first.a - 1, b: first.b - 1)
      let next = PairKey(a: first.a - 2, b: first.b - 2)
      guard matches(pair) || (next.a >= 0 && next.b > last.a && bridgeable(pair, next)) else { break }
      span.append(pair)
      visited.insert(pair)
      first = pair
    }
    while last.a + 1 < first.b, last.b + 1 < units.count {
      let pair = PairKey(a: last.a + 1, b: last.b + 1)
      let next = PairKey(a: last.a + 2, b: last.b + 2)
      guard matches(pair) || (next.a < first.b && next.b < units.count && bridgeable(pair, next)) else { break }
      span.append(pair)
      visited.insert(pair)
      last = pair
    }
    return span
  }
}

/// Disjoint sets over 0..<count with path halving.
struct UnionFind: Sendable {
  private var parent: [Int]

  init(count: Int) { parent = Array(0..<count) }

  mutating func find(_ x: Int) -> Int {
    var x = x
    while parent[x] != x {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }

  mutating func union(_ x: Int, _ y: Int) {
    let (rx, ry) = (find(x), find(y))
    if rx != ry { parent[max(rx, ry)] = min(rx, ry) }
  }
}
