/// Cyrillic and Greek letters that look like Latin ones, inside otherwise-Latin words
/// (`SЕCRETARY` with a Cyrillic `Е`), become the Latin letter.
///
/// The look-alike comes from ICU's UTS #39 confusable skeletons: a foreign letter is replaced
/// by the one ASCII letter of the same case whose skeleton equals the foreign letter's. A word
/// is "otherwise Latin" when it holds at least as many Latin letters as Cyrillic and Greek
/// ones; a word with any Cyrillic or Greek letter that has no single Latin twin is left whole,
/// because it is more likely real Cyrillic or Greek than OCR damage.
enum HomoglyphRepair {
  /// Skeleton of each ASCII letter, to the letters that have it (`l` and `I` share one).
  static let latinBySkeleton: [String: [Unicode.Scalar]] = {
    var table: [String: [Unicode.Scalar]] = [:]
    for value in Array(0x41...0x5A) + Array(0x61...0x7A) {
      let letter = Unicode.Scalar(UInt8(value))
      if let skeleton = ICU.skeleton(String(letter)) { table[skeleton, default: []].append(letter) }
    }
    return table
  }()

  static func repairs(_ view: ScalarView) -> [TextRepair] {
    var result: [TextRepair] = []
    var index = 0
    while index < view.count {
      guard ICU.isWordCharacter(view.scalars[index]) else {
        index += 1
        continue
      }
      var end = index
      while end < view.count && ICU.isWordCharacter(view.scalars[end]) { end += 1 }
      result += repairWord(view, index..<end)
      index = end
    }
    return result
  }

  private static func repairWord(_ view: ScalarView, _ word: Range<Int>) -> [TextRepair] {
    var latin = 0
    var foreign: [(Int, Unicode.Scalar)] = []
    for index in word {
      let scalar = view.scalars[index]
      if scalar.isASCII {
        latin += 1
        continue
      }
      let script = ICU.script(scalar)
      if script == ICU.Script.latin {
        latin += 1
      } else if script == ICU.Script.cyrillic || script == ICU.Script.greek {
        foreign.append((index, scalar))
      }
    }
    guard !foreign.isEmpty, latin >= foreign.count else { return [] }
    var result: [TextRepair] = []
    for (index, scalar) in foreign {
      guard let twin = latinTwin(of: scalar) else { return [] }
      let word = String(String.UnicodeScalarView(view.scalars[word]))
      result.append(TextRepair(range: view.byteRange(index..<(index + 1)), replacement: String(twin),
                               reason: "look-alike \(ICU.name(scalar)) in Latin word",
                               confidence: 0.95, evidence: [Edit.Evidence("word", word)]))
    }
    return result
  }

  /// The single ASCII letter of the same case with the same confusable skeleton.
  static func latinTwin(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
    guard ICU.isLetter(scalar), let skeleton = ICU.skeleton(String(scalar)),
      let candidates = latinBySkeleton[skeleton]
    else { return nil }
    let upper = ICU.isUppercase(scalar)
    let sameCase = candidates.filter { (0x41...0x5A).contains($0.value) == upper }
    return sameCase.count == 1 ? sameCase[0] : nil
  }
}
