extension MojibakeRepair {
  /// Everything the score of one candidate looks at: the original characters, what all
  /// candidates would decode to together, and what that decoded text would still contain.
  struct Context {
    let scalars: [Unicode.Scalar]
    let found: [Candidate]
    /// The text with every candidate decoded.
    let tentative: [Unicode.Scalar]
    /// Where each candidate's result sits in `tentative`.
    let positions: [Int]
    /// Candidates whose result is part of a convincing sequence one level down.
    let confirmed: Set<Int>
    /// How often each two-character candidate occurs.
    let pairCounts: [[UInt32]: Int]

    init(scalars: [Unicode.Scalar], found: [Candidate]) {
      self.scalars = scalars
      self.found = found
      var tentative: [Unicode.Scalar] = []
      var owners: [Int?] = []
      var positions: [Int] = []
      var cursor = 0
      for (index, candidate) in found.enumerated() {
        for j in cursor..<candidate.range.lowerBound {
          tentative.append(scalars[j])
          owners.append(nil)
        }
        positions.append(tentative.count)
        tentative.append(candidate.decoded)
        owners.append(index)
        cursor = candidate.range.upperBound
      }
      for j in cursor..<scalars.count {
        tentative.append(scalars[j])
        owners.append(nil)
      }
      var confirmed = Set<Int>()
      for next in MojibakeRepair.candidates(tentative) {
        let convincing = next.isStrong ? MojibakeRepair.isUsable(next.decoded)
          : Self.evidence(next, in: tentative) >= 2
        guard convincing else { continue }
        for j in next.range { if let owner = owners[j] { confirmed.insert(owner) } }
      }
      var pairCounts: [[UInt32]: Int] = [:]
      for candidate in found where !candidate.isStrong {
        pairCounts[candidate.range.map { scalars[$0].value }, default: 0] += 1
      }
      self.tentative = tentative
      self.positions = positions
      self.confirmed = confirmed
      self.pairCounts = pairCounts
    }

    func score(_ index: Int) -> Int {
      let candidate = found[index]
      let position = positions[index]
      let before = position > 0 ? tentative[position - 1] : nil
      let after = position + 1 < tentative.count ? tentative[position + 1] : nil
      guard MojibakeRepair.isUsable(candidate.decoded) else { return Int.min }
      if candidate.isStrong {
        // Modifier letters such as `ᴴ` are rare in running text: `lá´´` is not `lᴴ`.
        let modifier = ICU.category(candidate.decoded) == ICU.Category.modifierLetter
          && before.map(ICU.isLetter) == true
        return clashesWithNeighbours(candidate.decoded, before, after) || modifier ? Int.min : 3
      }
      var score = Self.evidence(candidate, in: scalars)
      if confirmed.contains(index) { return score + 2 }
      score += plausibility(candidate.decoded, before, after)
      let adjacent = (index > 0 && found[index - 1].range.upperBound == candidate.range.lowerBound)
        || (index + 1 < found.count && found[index + 1].range.lowerBound == candidate.range.upperBound)
      if adjacent { score += 1 }
      if pairCounts[candidate.range.map { scalars[$0].value }, default: 0] >= 2 { score += 1 }
      return score
    }

    /// How wrong the two original characters look where they stand.
    static func evidence(_ candidate: Candidate, in scalars: [Unicode.Scalar]) -> Int {
      let lead = candidate.bytes[0]
      let second = scalars[candidate.range.lowerBound + 1]
      let before = candidate.range.lowerBound > 0 ? scalars[candidate.range.lowerBound - 1] : nil
      let after = candidate.range.upperBound < scalars.count ? scalars[candidate.range.upperBound] : nil
      let latin1Lead = lead == 0xC2 || lead == 0xC3
      var score = latin1Lead ? 1 : 0
      let value = second.value
      let gluedAfter = after.map(isAlphanumeric) ?? false
      switch value {
      case 0x80...0x9F:
        score += 2
      case 0xA0:
        score += latin1Lead ? 1 : -1
      case 0xA1...0xBF:
        score += 1
        if gluedAfter { score += (before.map(isAlphanumeric) ?? false) ? 2 : 1 }
      default:
        if isPunctuation(second) {
          // `’` before a letter is an apostrophe (`ZZAJÉ’s`), not a broken byte.
          if gluedAfter && value != 0x2019 { score += 1 }
        } else {
          score += 1
        }
      }
      return score
    }

    /// How believable the decoded character is between its (decoded) neighbours.
    func plausibility(_ decoded: Unicode.Scalar, _ before: Unicode.Scalar?, _ after: Unicode.Scalar?) -> Int {
      var score = 0
      if ICU.category(decoded) == ICU.Category.control { score -= 2 }
      guard ICU.isLetter(decoded) else { return score }
      let previous = before.flatMap { ICU.isLetter($0) ? $0 : nil }
      let next = after.flatMap { ICU.isLetter($0) ? $0 : nil }
      let script = ICU.script(decoded)
      let specific = script != ICU.Script.common && script != ICU.Script.inherited
      if previous == nil && next == nil {
        if specific && script != ICU.Script.latin { return score - 2 }
        return score - (ICU.script(decoded) == ICU.Script.latin && decoded.value <= 0xFF ? 0 : 1)
      }
      if specific && script != ICU.Script.latin {
        let around = [previous, next].compactMap { $0 }.map(ICU.script)
          .filter { $0 != ICU.Script.common && $0 != ICU.Script.inherited }
        if around.contains(script) { score += 1 } else if !around.isEmpty { score -= 1 }
      }
      if let previous {
        let upper = ICU.isUppercase(decoded)
        let lower = ICU.isLowercase(decoded)
        if lower && ICU.isUppercase(previous) && (next.map(ICU.isUppercase) ?? true) {
          score -= 3
        } else if upper && ICU.isLowercase(previous) {
          score -= 3
        } else if (upper && ICU.isUppercase(previous)) || (lower && ICU.isLowercase(previous)) {
          score += 1
        }
      }
      return score
    }

    /// A letter of a non-Latin script glued to a letter of yet another script.
    func clashesWithNeighbours(_ decoded: Unicode.Scalar, _ before: Unicode.Scalar?,
                               _ after: Unicode.Scalar?) -> Bool
    {
      guard ICU.isLetter(decoded) else { return false }
      let script = ICU.script(decoded)
      let neutral: Set<Int32> = [ICU.Script.common, ICU.Script.inherited, ICU.Script.latin]
      guard !neutral.contains(script) else { return false }
      for neighbour in [before, after].compactMap({ $0 }) where ICU.isLetter(neighbour) {
        let other = ICU.script(neighbour)
        if other != script && other != ICU.Script.common && other != ICU.Script.inherited { return true }
      }
      return false
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
      if scalar.isASCII { return ICU.isWordCharacter(scalar) || (0x30...0x39).contains(scalar.value) }
      return ICU.isLetter(scalar) || ICU.category(scalar) == 9
    }

    /// Punctuation, or `™`-like symbols: characters that stand alone after a word.
    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
      let category = ICU.category(scalar)
      return (19...23).contains(category) || category == 27 || category == 28 || category == 29
    }
  }

  /// Not unassigned, private use, a surrogate or a noncharacter.
  static func isUsable(_ scalar: Unicode.Scalar) -> Bool {
    let category = ICU.category(scalar)
    if category == ICU.Category.unassigned || category == ICU.Category.privateUse
      || category == ICU.Category.surrogate
    {
      return false
    }
    let value = scalar.value
    return !(0xFDD0...0xFDEF).contains(value) && value & 0xFFFE != 0xFFFE
  }
}
