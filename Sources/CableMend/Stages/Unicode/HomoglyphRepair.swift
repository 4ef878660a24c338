/// Cyrillic and Greek letters that look like Latin ones, inside otherwise-Latin words
/// (`SЕCRETARY` with a Cyrillic `Е`), become the Latin letter.
///
/// The look-alike comes from ICU's UTS #39 confusable skeletons: a foreign letter is replaced
/// by the one ASCII letter of the same case whose skeleton equals the foreign letter's. A word
/// is "otherwise Latin" when it holds at least as many Latin letters as Cyrillic and Greek
/// ones; a word with any Cyrillic or Greek letter that has no single Latin twin is left whole,
/// because it is more likely real Cyrillic or Greek than OCR damage.
///
/// A one-letter word (`В.` for `B.`, the `Ζ` of `251412Ζ`) has no Latin letters of its own; it
/// is replaced only when its line is otherwise Latin: the line has Latin letters and no word of
/// two or more Cyrillic or Greek letters.
enum HomoglyphRepair {
  /// What the rest of the line says about lone letters.
  struct LineContext: Sendable {
    /// True when the line has Latin letters and no word of two or more foreign letters.
    var allowsLoneLetters: Bool
  }
  /// Skeleton of each ASCII letter, to the letters that have it (`l` and `I` share one).
  static let latinBySkeleton: [String: [Unicode.Scalar]] = {
    var table: [String: [Unicode.Scalar]] = [:]
    for value in Array(0x41...0x5A) + Array(0x61...0x7A) {
      let letter = Unicode.Scalar(UInt8(value))
      if let skeleton = ICU.skeleton(String(letter)) { table[skeleton, default: []].append(letter) }
    }
    return table
  }()

  static func repairs(_ view: ScalarView, line: LineContext) -> [TextRepair] {
    // Only a Cyrillic or Greek letter is ever replaced: most pieces have none.
    guard hasForeign(view) else { return [] }
    return words(view).flatMap { repairWord(view, $0, line: line) }
  }

  /// True when some scalar of `view` is Cyrillic or Greek; without one, ``repairs(_:line:)``
  /// returns nothing whatever the context.
  static func hasForeign(_ view: ScalarView) -> Bool {
    view.scalars.contains(where: isForeign)
  }

  /// The context of a line from its pieces that hold non-ASCII text and the whole text.
  static func context(pieces: [ScalarView], text: String) -> LineContext {
    for view in pieces where hasForeign(view) {
      for word in words(view) where word.count >= 2 {
        if word.allSatisfy({ isForeign(view.scalars[$0]) }) { return LineContext(allowsLoneLetters: false) }
      }
    }
    var latin = 0
    // ASCII letters are Latin; ICU is asked only about the others.
    for scalar in text.unicodeScalars
    where ICU.isLetter(scalar) && (scalar.isASCII || ICU.script(scalar) == ICU.Script.latin) {
      latin += 1
      if latin >= 3 { return LineContext(allowsLoneLetters: true) }
    }
    return LineContext(allowsLoneLetters: false)
  }

  private static func isForeign(_ scalar: Unicode.Scalar) -> Bool {
    guard !scalar.isASCII else { return false }
    let script = ICU.script(scalar)
    return script == ICU.Script.cyrillic || script == ICU.Script.greek
  }

  /// Scalar ranges of the runs of letters and marks.
  private static func words(_ view: ScalarView) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var index = 0
    while index < view.count {
      guard ICU.isWordCharacter(view.scalars[index]) else {
        index += 1
        continue
      }
      var end = index
      while end < view.count && ICU.isWordCharacter(view.scalars[end]) { end += 1 }
      result.append(index..<end)
      index = end
    }
    return result
  }

  private static func repairWord(_ view: ScalarView, _ word: Range<Int>, line: LineContext) -> [TextRepair] {
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
    let lone = word.count == 1 && foreign.count == 1 && line.allowsLoneLetters
    guard !foreign.isEmpty, latin >= foreign.count || lone else { return [] }
    var result: [TextRepair] = []
    // The evidence names the whole word; built once, not once per foreign letter.
    let word = ScalarView.string(view.scalars[word])
    for (index, scalar) in foreign {
      guard let twin = latinTwin(of: scalar) else { return [] }
      result.append(
        TextRepair(
          range: view.byteRange(index..<(index + 1)), replacement: String(twin),
          reason: RepairReasons.reason(lone ? .lookAlikeInLine : .lookAlikeInWord, scalar) {
            "look-alike \(ICU.name(scalar)) in Latin \(lone ? "line" : "word")"
          },
          confidence: 0.95, evidence: [Edit.Evidence("word", word)]))
    }
    return result
  }

  /// The single ASCII letter of the same case with the same confusable skeleton. Greek and
  /// Cyrillic (U+0370...U+052F), where nearly all look-alikes come from, are looked up once
  /// per process in a table; other scalars ask ICU each time.
  static func latinTwin(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let value = scalar.value
    if tableRange.contains(value) { return twinTable[Int(value - tableRange.lowerBound)] }
    return computeLatinTwin(of: scalar)
  }

  private static let tableRange: Range<UInt32> = 0x370..<0x530

  private static let twinTable: [Unicode.Scalar?] = tableRange.map { value in
    Unicode.Scalar(value).flatMap(computeLatinTwin(of:))
  }

  private static func computeLatinTwin(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
    guard ICU.isLetter(scalar), let skeleton = ICU.skeleton(String(scalar)),
      let candidates = latinBySkeleton[skeleton]
    else { return nil }
    let upper = ICU.isUppercase(scalar)
    let sameCase = candidates.filter { (0x41...0x5A).contains($0.value) == upper }
    return sameCase.count == 1 ? sameCase[0] : nil
  }
}
