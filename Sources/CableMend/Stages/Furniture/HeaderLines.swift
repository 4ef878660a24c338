/// Recognises the telegram's own header lines, which are content even where they resemble
/// furniture: the precedence and date-time group, FM/TO/INFO addressees, the classification
/// line with origin and number (`CONFIDENTIAL KUWAIT 0886`, or its broken-off `STATE 415364`),
/// the caption (`EXDIS`), E.O., TAGS, SUBJECT, REF, and the drafting and clearance block.
enum HeaderLines {
  static let captions: Set<String> = [
    "NODIS", "EXDIS", "LIMDIS", "STADIS", "CHEROKEE", "ROGER", "NOFORN", "SPECAT", "EYES ONLY",
  ]
  static let fieldOpeners: [String] = [
    "FM ", "FROM ", "TO ", "INFO ", "E.O.", "E. O.", "EO ", "TAGS", "SUBJECT", "SUBJ", "REF", "REFS",
    "DRAFTED BY", "APPROVED BY", "CLEARED BY", "CLEAR:", "DISTRIBUTION:", "PASS ", "FOR ",
  ]
  static let months: Set<String> = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
  ]

  static func isHeaderContent(_ text: String, tokens: [String]) -> Bool {
    let upper = text.uppercased().trimmingWhitespace()
    if captions.contains(upper) { return true }
    if fieldOpeners.contains(where: { upper.hasPrefix($0) }) { return true }
    if isDateTimeGroupLine(tokens) || isClearanceLine(upper) { return true }
    return isClassificationLine(tokens) || isOriginAndNumber(tokens)
  }

  /// `O P 040336Z DEC 90`: precedence letters, a DTG and a month.
  static func isDateTimeGroupLine(_ tokens: [String]) -> Bool {
    guard tokens.count >= 3, tokens.count <= 6 else { return false }
    let hasGroup = tokens.contains {
      $0.count == 7 && $0.hasSuffix("Z") && $0.dropLast().allSatisfy(\.isNumber)
    }
    return hasGroup && tokens.contains { months.contains($0) }
  }

  /// `EAP/CM: KVISBEMANN/MOHR` and `S/S-0: RMAZANARES`: an office, a colon, a name.
  static func isClearanceLine(_ upper: String) -> Bool {
    // No ":" byte, no ":" character: most lines end here without a `Character` walk.
    guard upper.utf8.contains(UInt8(ascii: ":")), let colon = upper.firstIndex(of: ":") else { return false }
    let office = upper[..<colon]
    guard (1...12).contains(office.count),
      office.allSatisfy({ $0.isLetter || $0.isNumber || "/-".contains($0) })
    else { return false }
    let value = upper[upper.index(after: colon)...].trimmingWhitespace()
    return !value.isEmpty && value.count <= 40 && value.first?.isLetter == true
      && !FurnitureFormats.labels.contains { $0.label == FurnitureText.letters(String(office)) }
  }

  /// A classification followed by an originator and a number: `SECRET STATE 1250`.
  static func isClassificationLine(_ tokens: [String]) -> Bool {
    guard tokens.count >= 3, tokens.count <= 7, let last = tokens.last, last.allSatisfy(\.isNumber) else {
      return false
    }
    let words = tokens.dropLast()
    for split in 1...min(3, words.count - 1) {
      let head = words.prefix(split).joined(separator: " ")
      let folded = FurnitureText.folded(head)
      guard
        FurnitureFormats.bannerLetters.contains(where: { banner in
          let limit = FurnitureText.tolerance(banner.letters.count)
          return FurnitureText.distance(folded, banner.letters, limit: limit) <= limit
        })
      else { continue }
      return words.dropFirst(split).allSatisfy { $0.allSatisfy(\.isLetter) }
    }
    return false
  }

  /// An originator and a telegram number alone (`STATE 415364`): the classification line with
  /// its classification word broken off.
  static func isOriginAndNumber(_ tokens: [String]) -> Bool {
    guard (2...4).contains(tokens.count), let last = tokens.last, (3...7).contains(last.count),
      last.allSatisfy(\.isNumber)
    else { return false }
    return tokens.dropLast().allSatisfy { $0.count >= 3 && $0.allSatisfy(\.isLetter) }
  }
}
