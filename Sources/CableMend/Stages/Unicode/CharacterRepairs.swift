/// The character-by-character repairs of the `unicode` stage. Each function looks at one
/// piece of a line and returns the repairs it wants; the stage applies and records them.
enum CharacterRepairs {
  /// C0 and C1 control characters other than tab (tab never reaches here: it separates the
  /// pieces the stage works on). A C1 control that Windows-1252 defines is that character
  /// read through Latin-1 (`\u{85}` was `…`), so it becomes the Windows-1252 character; the
  /// rest are removed.
  static func controls(_ view: ScalarView) -> [TextRepair] {
    var repairs: [TextRepair] = []
    for (index, scalar) in view.scalars.enumerated() {
      let value = scalar.value
      let isC0 = value < 0x20 || value == 0x7F
      let isC1 = value >= 0x80 && value <= 0x9F
      guard isC0 || isC1 else { continue }
      let range = view.byteRange(index..<(index + 1))
      let intended = LegacyCharset.windows1252.decode[Int(value & 0xFF)]
      if isC1 && intended.value > 0x9F {
        repairs.append(
          TextRepair(
            range: range, replacement: String(intended),
            reason: RepairReasons.reason(.c1Control, scalar) {
              "C1 control \(ICU.name(scalar)) is Windows-1252 byte read as Latin-1"
            },
            confidence: 0.9))
      } else {
        repairs.append(
          TextRepair(
            range: range, replacement: "",
            reason: RepairReasons.reason(.control, scalar) { "control character \(ICU.name(scalar))" }))
      }
    }
    return repairs
  }

  /// Default-ignorable code points: zero-width spaces and joiners, soft hyphens, bidi and
  /// variation marks, byte-order marks inside text. A teletype sent none of them.
  static func ignorables(_ view: ScalarView) -> [TextRepair] {
    repairs(view) { scalar in
      guard !scalar.isASCII, ICU.isDefaultIgnorable(scalar) else { return nil }
      return ("", RepairReasons.reason(.invisible, scalar) { "invisible character \(ICU.name(scalar))" })
    }
  }

  /// No-break and other odd spaces, and line/paragraph separators, become one plain space.
  static func spaces(_ view: ScalarView) -> [TextRepair] {
    repairs(view) { scalar in
      guard !scalar.isASCII else { return nil }
      let category = ICU.category(scalar)
      guard
        category == ICU.Category.spaceSeparator || category == ICU.Category.lineSeparator
          || category == ICU.Category.paragraphSeparator
      else { return nil }
      return (" ", RepairReasons.reason(.oddSpace, scalar) { "odd space \(ICU.name(scalar))" })
    }
  }

  /// Compatibility forms that are only another look of the same text become the plain form
  /// (NFKC of that one character). "Safe" means the decomposition type is wide, narrow, font
  /// or an Arabic presentation form, or a compatibility ligature of letters into letters
  /// (`ﬁ`, `ǌ`, `ŉ`). Everything else that NFKC would touch changes meaning or loses a
  /// distinction worth keeping: superscripts (`m²`), fractions, circled and squared forms,
  /// `™`, `…`, and spacing accents like `´` that NFKC turns into a space plus a combining mark.
  static func compatibilityForms(_ view: ScalarView) -> [TextRepair] {
    repairs(view) { scalar in
      guard !scalar.isASCII else { return nil }
      let kind = ICU.decomposition(scalar)
      switch kind {
      case .wide, .narrow, .font, .presentation:
        let folded = ICU.normalize(String(scalar), form: .nfkc)
        return (folded, RepairReasons.reason(.compatibility, scalar) { "compatibility form \(ICU.name(scalar)) (\(kind))" })
      case .compat:
        guard ICU.isLetter(scalar) else { return nil }
        let folded = ICU.normalize(String(scalar), form: .nfkc)
        guard !folded.isEmpty, folded.unicodeScalars.allSatisfy(ICU.isWordCharacter) else { return nil }
        return (folded, RepairReasons.reason(.compatibilityLetter, scalar) { "compatibility letter form \(ICU.name(scalar))" })
      default:
        return nil
      }
    }
  }

  /// Canonical composition (NFC), one repair per character with its combining marks, so an
  /// edit never spans more than the letter it composes: `e` + U+0301 becomes `é`.
  static func canonicalComposition(_ view: ScalarView) -> [TextRepair] {
    // Every code point below U+0300 is NFC_Quick_Check=Yes, so such text is already NFC and
    // ICU need not see it (the common case: Latin-1 letters, quotes from the ASCII range).
    guard view.scalars.contains(where: { $0.value >= 0x300 }), !ICU.isNormalized(view.text, form: .nfc)
    else { return [] }
    var repairs: [TextRepair] = []
    var start = 0
    while start < view.count {
      var end = start + 1
      while end < view.count && isCombining(view.scalars[end]) { end += 1 }
      let cluster = ScalarView.string(view.scalars[start..<end])
      if !ICU.isNormalized(cluster, form: .nfc) {
        repairs.append(
          TextRepair(
            range: view.byteRange(start..<end), replacement: ICU.normalize(cluster, form: .nfc),
            reason: "canonical composition (NFC)"))
      }
      start = end
    }
    return repairs
  }

  private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
    !scalar.isASCII
      && (ICU.Category.nonSpacingMark...ICU.Category.combiningMark).contains(ICU.category(scalar))
  }

  /// Teletype folding: typographic quotes and dashes become the ASCII a teletype would have
  /// sent. Guillemets and spacing accents are left alone: they are not quote variants.
  static func teletype(_ view: ScalarView) -> [TextRepair] {
    repairs(view) { scalar in
      // Every folded character is above U+02BB: most scalars need no table look-up.
      guard scalar.value >= 0x2BC else { return nil }
      guard let ascii = teletypeFolds[scalar.value] else { return nil }
      return (ascii, RepairReasons.reason(.teletype, scalar) { "teletype: \(ICU.name(scalar)) as ASCII" })
    }
  }

  /// The teletype folding policy: a decision about output, not character data, so it is
  /// spelled out here. Em dash and horizontal bar become `--`, as typists wrote them.
  static let teletypeFolds: [UInt32: String] = [
    0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x02BC: "'",
    0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x201F: "\"", 0x2033: "\"",
    0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2212: "-",
    0x2014: "--", 0x2015: "--",
  ]

  private static func repairs(_ view: ScalarView, _ rule: (Unicode.Scalar) -> (String, String)?)
    -> [TextRepair]
  {
    var result: [TextRepair] = []
    for (index, scalar) in view.scalars.enumerated() {
      guard let (replacement, reason) = rule(scalar) else { continue }
      result.append(
        TextRepair(
          range: view.byteRange(index..<(index + 1)), replacement: replacement,
          reason: reason))
    }
    return result
  }
}
