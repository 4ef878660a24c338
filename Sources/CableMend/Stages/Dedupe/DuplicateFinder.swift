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
    let representatives = units.indices.filter { isLong(units[$0]) && exact[units[$0].exactKey]?.first == $0 }
    var shingles: [[UInt64]] = []
    var postings: [UInt64: [Int]] = [:]
    for (slot, index) in representatives.enumerated() {
      let set = Array(Set(shingleHashes(units[index].exactKey)))
      shingles.append(set)
      for hash in set { postings[hash, default: []].append(slot) }
    }
    var result: [PairKey] = []
    for (slot, index) in representatives.enumerated() {
      var shared: [Int: Int] = [:]
      for hash in shingles[slot] {
        guard let list = postings[hash], list.count <= settings.shingleLineCap else { continue }
        for other in list where other < slot { shared[other, default: 0] += 1 }
      }
      let candidates = shared.filter { other, count in
        Double(count) >= settings.candidateOverlap * Double(min(shingles[slot].count, shingles[other].count))
      }.sorted { $0.value > $1.value }.prefix(4)
      for (other, _) in candidates {
        let a = representatives[other]
        if alignment(units[a], units[index]) != nil { result.append(PairKey(a: a, b: index)) }
      }
    }
    return result
  }

  private func shingleHashes(_ text: String) -> [UInt64] {
    let values = text.unicodeScalars.map(\.value)
    let q = max(1, settings.shingleLength)
    guard values.count >= q else { return [] }
    return (0...(values.count - q)).map { start in
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      for value in values[start..<(start + q)] { hash = (hash ^ UInt64(value)) &* 0x100_0000_01B3 }
      return hash
    }
  }

  /// The alignment of two lines when they are copies of one text: within the allowed
  /// difference, and no pair of differing words reads as two different real words.
  func alignment(_ x: DedupeUnit, _ y: DedupeUnit) -> BandedAlignment? {
    let longer = max(x.keys.count, y.keys.count)
    guard longer <= settings.maximumAlignedCharacters else { return nil }
    let allowed = min(Self.maximumBand, Int((settings.maximumDifference * Double(longer)).rounded(.down)))
    guard let aligned = BandedAlignment.align(x.keys, y.keys, maxDistance: allowed) else { return nil }
    var contentDifferences = 0
    for hunk in aligned.hunks {
      let a = Self.wordSpan(hunk.aRange, in: x.scalars)
      let b = Self.wordSpan(hunk.bRange, in: y.scalars)
      if plausibility.isContentDifference(Array(x.scalars[a]), Array(y.scalars[b])) { contentDifferences += 1 }
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

  /// Lines next to each other in a span match when equal, or when both are long enough to align
  /// (12 characters) and align as copies.
  private func looseMatch(_ x: DedupeUnit, _ y: DedupeUnit) -> Bool {
    if x.exactKey == y.exactKey { return true }
    guard min(x.length, y.length) >= 12 else { return false }
    return alignment(x, y) != nil
  }

  /// The span of consecutive matching pairs around `seed`, never letting the first copy run
  /// into the second.
  private func extend(_ seed: PairKey, _ units: [DedupeUnit], visited: inout Set<PairKey>) -> [PairKey] {
    var span = [seed]
    visited.insert(seed)
    var step = 1
    while seed.a - step >= 0, seed.b - step > seed.a {
      let pair = PairKey(a: seed.a - step, b: seed.b - step)
      guard !visited.contains(pair), looseMatch(units[pair.a], units[pair.b]) else { break }
      span.append(pair)
      visited.insert(pair)
      step += 1
    }
    step = 1
    while seed.a + step < seed.b, seed.b + step < units.count {
      let pair = PairKey(a: seed.a + step, b: seed.b + step)
      guard !visited.contains(pair), looseMatch(units[pair.a], units[pair.b]) else { break }
      span.append(pair)
      visited.insert(pair)
      step += 1
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
