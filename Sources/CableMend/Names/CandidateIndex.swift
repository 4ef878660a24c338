/// Finds dictionary terms that an OCR-damaged token may stand for, fast.
///
/// Two ideas combine. First, every word is reduced to an *OCR skeleton*: characters OCR confuses
/// fall into one class (M and N; O, 0, C, D and Q; I, L and 1; B, R and 8; E, F and T; S and 5;
/// Z and 2) and the two-character confusions RN, CL, LI and VV become M, D, H and W. A token and
/// its true spelling usually share a skeleton, or nearly. Second, a SymSpell-style deletion index
/// over skeletons finds terms whose skeleton is within `maxDeletes` deletions of the token's.
/// The index only proposes; ``OCRDistance`` decides how close a candidate really is.
///
/// The index is one sorted array of 64-bit keys (40 bits of hash, 24 bits of term number),
/// built once; a lookup hashes each deletion variant and binary-searches it.
///
/// - Complexity: building O(t·L^d log) for t terms; a lookup O(L^d · log k) plus the matches.
public struct CandidateIndex: Sendable {
  /// The terms, upper-case ASCII bytes.
  public let terms: [[UInt8]]
  public let maxDeletes: Int
  private let keys: [UInt64]
  /// `keys[buckets[b]..<buckets[b + 1]]` are the keys whose top ``bucketBits`` bits are `b`, so
  /// a probe binary-searches one small bucket instead of the whole array.
  private let buckets: [Int32]
  private static let bucketBits: UInt64 = 16

  /// Longer tokens are not words OCR damaged but runs of garbage; they have no candidates.
  public static let maxLength = 40
  private static let termBits: UInt64 = 24
  private static let termMask: UInt64 = (1 << termBits) - 1

  public init(terms: [[UInt8]], maxDeletes: Int) {
    precondition(terms.count < (1 << 24), "too many terms for the index")
    self.terms = terms
    self.maxDeletes = maxDeletes
    var keys: [UInt64] = []
    keys.reserveCapacity(terms.count * (maxDeletes == 1 ? 9 : 40))
    var skeleton: [UInt8] = []
    for (number, term) in terms.enumerated() where term.count <= Self.maxLength {
      Self.skeleton(of: term, into: &skeleton)
      Self.forEachDeletion(of: skeleton, upTo: maxDeletes) { hash in
        keys.append((hash << Self.termBits) | UInt64(number))
      }
    }
    keys.sort()
    var unique: [UInt64] = []
    unique.reserveCapacity(keys.count)
    for key in keys where key != unique.last { unique.append(key) }
    self.keys = unique
    var buckets = [Int32](repeating: 0, count: (1 << Self.bucketBits) + 1)
    for key in unique { buckets[Int(key >> (64 - Self.bucketBits)) + 1] += 1 }
    for b in 1..<buckets.count { buckets[b] += buckets[b - 1] }
    self.buckets = buckets
  }

  /// Calls `body` with the number of every term whose skeleton is within the index's deletion
  /// distance of the token's (a term may be reported more than once).
  ///
  /// - Parameter queryDeletes: how many letters may be left out of the token's skeleton (at
  ///   most the index's `maxDeletes`); terms may always lose up to `maxDeletes`. Fewer deletions
  ///   on short tokens keep the candidates to those a bounded cost can still accept.
  public func forEachCandidate(of token: [UInt8], queryDeletes: Int? = nil, _ body: (Int) -> Void) {
    guard token.count <= Self.maxLength else { return }
    var skeleton: [UInt8] = []
    skeleton.reserveCapacity(token.count)
    Self.skeleton(of: token, into: &skeleton)
    Self.forEachDeletion(of: skeleton, upTo: min(queryDeletes ?? maxDeletes, maxDeletes)) { hash in
      var index = lowerBound(hash << Self.termBits)
      while index < keys.count && keys[index] >> Self.termBits == hash {
        body(Int(keys[index] & Self.termMask))
        index += 1
      }
    }
  }

  private func lowerBound(_ key: UInt64) -> Int {
    let bucket = Int(key >> (64 - Self.bucketBits))
    var low = Int(buckets[bucket]), high = Int(buckets[bucket + 1])
    while low < high {
      let mid = (low + high) / 2
      if keys[mid] < key { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// The OCR skeleton: confusable characters folded to one class representative.
  static func skeleton(of word: [UInt8], into out: inout [UInt8]) {
    out.removeAll(keepingCapacity: true)
    var i = 0
    while i < word.count {
      let c = word[i]
      if i + 1 < word.count {
        let pair = (c, word[i + 1])
        let folded: UInt8? =
          switch pair {
          case (82, 78): 78  // RN -> M -> N class
          case (67, 76): 79  // CL -> D -> O class
          case (76, 73): 72  // LI -> H
          case (86, 86): 87  // VV -> W
          default: nil
          }
        if let folded {
          out.append(folded)
          i += 2
          continue
        }
      }
      out.append(classOf[Int(c & 0x7F)])
      i += 1
    }
  }

  private static let classOf: [UInt8] = {
    var table = (0..<128).map { UInt8($0) }
    for (members, representative) in [
      ("MN", "N"), ("O0CDQ", "O"), ("IL1", "I"), ("BR8", "B"),
      ("EFT", "E"), ("S5", "S"), ("Z2", "Z"),
    ] {
      for c in members.utf8 { table[Int(c)] = representative.utf8.first! }
    }
    return table
  }()

  /// FNV-1a over the word with up to `depth` positions left out, for every such choice.
  /// The hash is cut to 40 bits; collisions only add candidates, which the distance rejects.
  static func forEachDeletion(of word: [UInt8], upTo depth: Int, _ body: (UInt64) -> Void) {
    let n = word.count
    func hash(skipping a: Int, _ b: Int) -> UInt64 {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for i in 0..<n where i != a && i != b {
        h = (h ^ UInt64(word[i])) &* 0x100_0000_01b3
      }
      return h & 0xFF_FFFF_FFFF
    }
    body(hash(skipping: -1, -1))
    guard depth >= 1, n > 1 else { return }
    for a in 0..<n {
      if a > 0 && word[a] == word[a - 1] { continue }  // same variant as deleting a-1
      body(hash(skipping: a, -1))
      guard depth >= 2, n > 3 else { continue }
      for b in (a + 1)..<n { body(hash(skipping: a, b)) }
    }
  }
}
