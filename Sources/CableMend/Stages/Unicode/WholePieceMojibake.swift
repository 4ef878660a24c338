/// Mojibake through charsets other than Windows-1252 (Windows-1251, Mac Roman, Windows-1250,
/// ISO 8859-2, Windows-1257), where single sequences say too little: their lead bytes are
/// ordinary Cyrillic, Central European or Mac letters. A piece (a run between spaces) is
/// repaired only as a whole, and only when all of these hold:
///
/// - the piece looks broken: a symbol sits between two letters (`g√¢teaux`), one word mixes
///   scripts (`UkrsotsbankвЂ™s`), or a word flips from lower to upper case twice or more
///   (`РґРѕСЂРѕРіРµ`);
/// - written in the charset, the whole piece is valid UTF-8 and gets shorter;
/// - the result looks whole: no controls or unassigned characters, no symbol between letters,
///   one script per word, at most one lower-to-upper flip per word.
///
/// Charsets are tried in that order; the first that passes wins. Code page 437 is left out:
/// its box-drawing characters make line art decode into plausible Latin letters.
enum WholePieceMojibake {
  static let charsets: [LegacyCharset] = [
    LegacyCharset(icuName: "windows-1251", latin1Fallback: true),
    LegacyCharset(icuName: "macintosh", latin1Fallback: false),
    LegacyCharset(icuName: "windows-1250", latin1Fallback: true),
    LegacyCharset(icuName: "ISO-8859-2", latin1Fallback: false),
    LegacyCharset(icuName: "windows-1257", latin1Fallback: true),
  ]

  /// The repair of one piece, and the charset it used.
  ///
  /// - Parameter lineCharset: a charset that already repaired another piece of the line.
  ///   Mojibake covers whole lines, so a piece that does not look broken by itself (`MĂĄm`,
  ///   all letters) is still decoded through that charset when the result is clean.
  static func repairs(_ view: ScalarView, lineCharset: String?) -> (repairs: [TextRepair], charset: String?) {
    let scalars = view.scalars
    guard scalars.lazy.filter({ !$0.isASCII }).count >= 2 else { return ([], nil) }
    let broken = looksBroken(scalars)
    guard broken || lineCharset != nil else { return ([], nil) }
    // Text that is Windows-1252 mojibake (or partly correct) is the sequence repair's job.
    if encodes(scalars, in: MojibakeRepair.charset) { return ([], nil) }
    for charset in charsets where broken || charset.name == lineCharset {
      var current = scalars
      for layer in 1...3 {
        guard let decoded = decode(current, through: charset), decoded.count < current.count,
          decoded.allSatisfy(MojibakeRepair.isUsable),
          !decoded.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        else { break }
        current = decoded
        guard !looksBroken(decoded) else { continue }
        let times = layer == 1 ? "" : " \(layer) times"
        let repair = TextRepair(view, replacedBy: decoded, reason: "mojibake: UTF-8 read as \(charset.name)\(times)",
                                confidence: 0.85)
        return ([repair], charset.name)
      }
    }
    return ([], nil)
  }

  private static func encodes(_ scalars: [Unicode.Scalar], in charset: LegacyCharset) -> Bool {
    guard let bytes = bytes(scalars, in: charset) else { return false }
    return String(validating: bytes, as: UTF8.self) != nil
  }

  private static func bytes(_ scalars: [Unicode.Scalar], in charset: LegacyCharset) -> [UInt8]? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count)
    for scalar in scalars {
      guard let byte = charset.byte(scalar) else { return nil }
      bytes.append(byte)
    }
    return bytes
  }

  private static func decode(_ scalars: [Unicode.Scalar], through charset: LegacyCharset)
    -> [Unicode.Scalar]?
  {
    guard let bytes = bytes(scalars, in: charset),
      let text = String(validating: bytes, as: UTF8.self)
    else { return nil }
    return Array(text.unicodeScalars)
  }

  /// A piece looks broken when a word in it has a symbol between two letters (apostrophes and
  /// dashes excepted), two or more symbols glued to a letter, letters of two scripts, an
  /// uppercase run of two or more inside lowercase letters, or two lower-to-upper flips.
  /// Modifier letters (`ˇ`) count as symbols here: alone they are accents, not letters.
  static func looksBroken(_ scalars: [Unicode.Scalar]) -> Bool {
    var scan = BrokenWordScan()
    for scalar in scalars {
      if scan.feed(scalar) { return true }
    }
    return false
  }

  private struct BrokenWordScan {
    var afterLetter = false
    var symbols = 0
    var joiners = 0
    var wordScript: Int32?
    var flips = 0
    var previousLower = false
    var upperRun = 0

    mutating func reset() {
      self = BrokenWordScan()
    }

    /// Takes the next scalar; true when the word so far looks broken.
    mutating func feed(_ scalar: Unicode.Scalar) -> Bool {
      let category = ICU.category(scalar)
      let isMark = (ICU.Category.nonSpacingMark...ICU.Category.combiningMark).contains(category)
      let isLetter = ICU.isLetter(scalar) && category != ICU.Category.modifierLetter
      if isMark { return false }
      if !isLetter {
        guard !scalar.isASCII else {
          reset()
          return false
        }
        // Apostrophes and dashes sit inside words (`l’homme`); other symbols do not.
        let joiner = category == 19 || category == 28 || category == 29
        if joiner { joiners += 1 } else { symbols += 1 }
        return afterLetter && symbols + joiners >= 2
      }
      if afterLetter && symbols > 0 { return true }
      if symbols + joiners >= 2 { return true }
      symbols = 0
      joiners = 0
      afterLetter = true
      let script = ICU.script(scalar)
      if script != ICU.Script.common && script != ICU.Script.inherited {
        if let wordScript, wordScript != script { return true }
        wordScript = script
      }
      let upper = ICU.isUppercase(scalar)
      let lower = ICU.isLowercase(scalar)
      if lower && upperRun >= 2 && flips > 0 { return true }
      if upper && previousLower { flips += 1 }
      if flips >= 2 { return true }
      upperRun = upper ? upperRun + 1 : 0
      previousLower = lower
      return false
    }
  }
}
