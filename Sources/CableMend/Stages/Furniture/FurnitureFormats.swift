/// What kind of furniture a line looks like.
enum FurnitureKind: String, Sendable, Hashable {
  case pageMarker = "page marker"
  case banner = "classification banner"
  case bannerFragment = "piece of a classification banner"
  case stamp = "office stamp"
  case handling = "handling line"
  case routing = "routing or distribution line"
  case release = "release status"
  case exemptions = "exemption codes"
  case review = "review stamp"
  case caption = "caption-removed stamp"
  case controlNumber = "control number"
  case date = "date stamp"
  /// A line no format knows, found by repetition at page edges.
  case runningHead = "running head"
}

/// A line's match against the known formats of cable and FOIA furniture.
struct FormatMatch: Sendable, Hashable {
  var kind: FurnitureKind
  /// Strong matches are furniture on their own; weak ones (a lone number, a piece of a stamp)
  /// need the page position or repetition to agree.
  var strong: Bool
  /// The phrase or pattern that matched, for the edit's evidence.
  var detail: String
}

/// Knowledge of cable and FOIA formats (signal 1). Matching is OCR-tolerant: phrases are
/// compared by edit distance after folding digit-for-letter confusions, and a line may be a
/// piece of a phrase (a banner or a stamp broken across lines), so no fixed list of exact
/// strings decides alone.
enum FurnitureFormats {
  struct Phrase {
    var text: [UInt8]
    var kind: FurnitureKind
    init(_ text: String, _ kind: FurnitureKind) {
      self.text = FurnitureText.letters(text)
      self.kind = kind
    }
  }

  static let banners: [String] = [
    "TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "LIMITED OFFICIAL USE",
    "SECRET NOFORN", "CONFIDENTIAL NOFORN", "SENSITIVE BUT UNCLASSIFIED",
  ]
  /// ``banners`` normalised once, and shortest first for reading pieces.
  static let bannerLetters: [(name: String, letters: [UInt8])] = banners.map {
    ($0, FurnitureText.letters($0))
  }
  static let bannerLettersShortestFirst = bannerLetters.sorted { $0.letters.count < $1.letters.count }
  /// Every word of every long phrase, to skip phrases a line shares no words with.
  static let phraseWords: Set<[UInt8]> = Set(phrases.flatMap { $0.text.split(separator: 32).map(Array.init) })

  /// Pieces of banners that are also ordinary words, so they never count on their own.
  static let commonWordPieces: Set<[UInt8]> = Set(
    [
      "CLASS", "CLASSIFIED", "LIMITED", "OFFICIAL", "OFFICIAL USE", "LIMITED OFFICIAL", "DENT",
      "FIDE", "ASSIFIED", "SENSITIVE", "CONFIDENT", "SECRET N",
    ].map { FurnitureText.letters($0) })

  static let phrases: [Phrase] = [
    Phrase("DEPARTMENT OF STATE", .stamp), Phrase("UNITED STATES DEPARTMENT OF STATE", .stamp),
    Phrase("U.S. DEPARTMENT OF STATE", .stamp),
    Phrase("DEPARTMENT OF STATE TELEGRAM", .stamp), Phrase("S/S-O", .stamp), Phrase("S/S", .stamp),
    Phrase("OUTGOING", .stamp), Phrase("INCOMING", .stamp), Phrase("OUTGOING TELEGRAM", .stamp),
    Phrase("INCOMING TELEGRAM", .stamp), Phrase("TELEGRAM", .stamp), Phrase("ALERT COPY", .stamp),
    Phrase("ACTION COPY", .stamp), Phrase("INFO COPY", .stamp), Phrase("EXECUTIVE SECRETARIAT", .stamp),
    Phrase("OPERATIONS CENTER", .stamp), Phrase("NATIONAL ARCHIVES", .stamp),
    Phrase("NNNN", .stamp), Phrase("END OF DOCUMENT", .stamp), Phrase("END OF MESSAGE", .stamp),
    Phrase("NOT TO BE REPRODUCED WITHOUT THE AUTHORIZATION OF THE EXECUTIVE SECRETARY", .handling),
    Phrase("ORIGINAL TO BE FILED IN DECENTRALIZED FILES", .handling),
    Phrase("OFFICE OF FOI PRIVACY AND CLASSIFICATION REVIEW", .review),
    Phrase("OFFICE OF FOI PRIVACY CLASSIFICATION REVIEW", .review),
    Phrase("OFFICE OF INFORMATION PROGRAMS AND SERVICES", .review),
    Phrase("RELEASED IN PART", .release), Phrase("RELEASED IN FULL", .release),
    Phrase("DENIED IN FULL", .release), Phrase("DECLASSIFIED", .release),
    Phrase("DECLASSIFIED IN PART", .release), Phrase("DECLASSIFIED RELEASED IN FULL", .release),
    Phrase("SANITIZED COPY", .release), Phrase("APPROVED FOR RELEASE", .release),
  ]

  /// Labels that open a stamp line whose value varies (`Review Authority: JONES`).
  struct Label {
    var label: [UInt8]
    var kind: FurnitureKind
    var strong: Bool
    init(_ text: String, _ kind: FurnitureKind, strong: Bool) {
      label = FurnitureText.letters(text)
      self.kind = kind
      self.strong = strong
    }
  }

  static let labels: [Label] = [
    Label("REVIEW AUTHORITY", .review, strong: true), Label("REVIEWED BY", .review, strong: true),
    Label("CASE ID", .review, strong: true), Label("DATE CASE ID", .review, strong: true),
    Label("FOIA CASE", .review, strong: true), Label("CAPTION REMOVED BY", .caption, strong: true),
    Label("DECLASSIFIED AUTHORITY", .release, strong: true), Label("AUTHORITY NND", .release, strong: true),
    Label("NARA DATE", .release, strong: true), Label("CASE NO", .review, strong: true),
    Label("DATE", .review, strong: false),
    Label("DOC NO", .controlNumber, strong: false),
  ]

  /// The best format match for a line, or nil when it looks like no furniture we know.
  ///
  /// Whole-phrase matches come first; the telegram's own header lines then veto the weaker
  /// shapes (pieces of phrases, lone numbers), which header fields can resemble.
  static func match(_ text: String) -> FormatMatch? {
    // Furniture lines are short; the longest known is the 72-character handling line.
    guard text.utf8.count <= 110 else { return nil }
    let tokens = FurnitureText.tokens(text)
    guard !tokens.isEmpty, tokens.count <= 14 else { return nil }
    if let marker = PageMarker(tokens) {
      return FormatMatch(kind: .pageMarker, strong: true, detail: marker.detail)
    }
    if isRouting(tokens) { return FormatMatch(kind: .routing, strong: true, detail: "office codes") }
    if let release = releaseWithExemptions(tokens) { return release }
    if isExemptionList(tokens) {
      return FormatMatch(kind: .exemptions, strong: true, detail: "exemption codes")
    }
    let folded = FurnitureText.folded(text)
    if let banner = wholeBanner(folded) { return banner }
    let hasColon = text.utf8.contains(UInt8(ascii: ":"))
    // A stamp's label is followed by a colon or by a number (`Case ID: 9300158B`, `Authority
    // NND 969000`); a wrapped sentence that opens with a label's words (`REVIEWED BY THE
    // COMMITTEE AND`, `CASE ID NOTED IN REFTEL.`) has neither. The caption stamp is the
    // exception: its date is often broken onto the next line.
    let hasDigit = text.utf8.allSatisfy { $0 < 0x80 }
      ? text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } : text.contains(where: \.isNumber)
    let sentence = !hasColon && !hasDigit
    if let label = labelMatch(folded, hasColon: hasColon), label.strong,
      !sentence || label.kind == .caption
    {
      return label
    }
    if let phrase = wholePhrase(folded) ?? embeddedStamp(folded) ?? foiaFooter(folded) { return phrase }
    if HeaderLines.isHeaderContent(text, tokens: tokens) { return nil }
    if let piece = bannerPiece(folded) ?? phrasePiece(folded)
      ?? (sentence ? nil : labelMatch(folded, hasColon: hasColon))
    {
      return piece
    }
    if isLoneDate(tokens) { return FormatMatch(kind: .date, strong: false, detail: "date alone") }
    if isLoneCode(tokens) { return FormatMatch(kind: .controlNumber, strong: false, detail: "code alone") }
    return nil
  }

  static func wholeBanner(_ spaced: [UInt8]) -> FormatMatch? {
    guard spaced.count >= 4, spaced.count <= 40 else { return nil }
    // A letter-spaced banner (`S E C R E T`) reads as the word.
    let singles = spaced.split(separator: 32)
    let folded =
      singles.count >= 4 && singles.allSatisfy({ $0.count == 1 }) ? spaced.filter { $0 != 32 } : spaced
    guard folded.count <= 30 else { return nil }
    for banner in bannerLetters {
      // Banner words are long and distinctive, so they tolerate more damage than other phrases.
      let limit = max(1, banner.letters.count / 5)
      if FurnitureText.distance(folded, banner.letters, limit: limit) <= limit {
        return FormatMatch(kind: .banner, strong: true, detail: banner.name)
      }
    }
    return nil
  }

  /// A piece of a banner broken off by the scan (`CRET`, `NFIDENTIAL`). Pieces of three letters
  /// (`TOP`, `USE`) and pieces that are ordinary words are weak.
  static func bannerPiece(_ folded: [UInt8]) -> FormatMatch? {
    guard folded.count >= 3, folded.count <= 30 else { return nil }
    // Shortest first, so that `CRET` is read as a piece of `SECRET`, not of `TOP SECRET`.
    for banner in bannerLettersShortestFirst where folded.count < banner.letters.count {
      // A one-letter slip turns many short pieces into words, so a misread piece must be long,
      // and below ten letters it is only weak evidence.
      let distance = FurnitureText.substringDistance(folded, in: banner.letters)
      if distance == 0
        || (distance == 1 && folded.count >= 8 && !isPieceWithExtraLetter(folded, banner.letters))
      {
        let strong =
          (distance == 0 ? folded.count >= 4 : folded.count >= 10) && !commonWordPieces.contains(folded)
        return FormatMatch(kind: .bannerFragment, strong: strong, detail: banner.name)
      }
    }
    return nil
  }

  /// `OFFICIALS`, `SECRETS`: an exact piece plus one letter at either end is how ordinary
  /// words arise from banner pieces, unlike a misread letter inside (`IOENTIAL`).
  private static func isPieceWithExtraLetter(_ folded: [UInt8], _ banner: [UInt8]) -> Bool {
    FurnitureText.substringDistance(Array(folded.dropFirst()), in: banner) == 0
      || FurnitureText.substringDistance(Array(folded.dropLast()), in: banner) == 0
  }

  /// The canonical banner nearest to a line, for metadata (`C0NFIDENTIAL` -> `CONFIDENTIAL`).
  static func canonicalBanner(_ text: String) -> String? {
    let folded = FurnitureText.folded(text)
    return (wholeBanner(folded) ?? bannerPiece(folded)).map(\.detail)
  }

  /// A label at the start of the line. Long labels tolerate misreadings (`AUTHORITY NNO`); a
  /// short one (`OATE:`) only before a colon.
  private static func labelMatch(_ folded: [UInt8], hasColon: Bool) -> FormatMatch? {
    for entry in labels where folded.count > entry.label.count {
      let head = folded[..<entry.label.count]
      let long = entry.label.count >= 8
      let limit =
        long || (hasColon && entry.label.count >= 4) ? max(1, FurnitureText.tolerance(entry.label.count)) : 0
      guard
        head.elementsEqual(entry.label)
          || (limit > 0 && startsAlike(head, entry.label)
            && FurnitureText.distance(Array(head), entry.label, limit: limit) <= limit)
      else { continue }
      // The label must end at a word boundary (`DATE` opens `DATE 05 28 95`, not `DATELINE`).
      guard folded[entry.label.count] == 32 else { continue }
      return FormatMatch(
        kind: entry.kind, strong: entry.strong,
        detail: String(decoding: entry.label, as: UTF8.self))
    }
    return nil
  }

  /// A cheap necessary condition for one edit: one of the first two characters still matches
  /// one of the label's first two. Saves the full distance on almost every body line.
  private static func startsAlike(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Bool {
    guard a.count >= 2, b.count >= 2 else { return true }
    let a0 = a[a.startIndex], a1 = a[a.startIndex + 1]
    return a0 == b[0] || a0 == b[1] || a1 == b[0] || a1 == b[1]
  }

  private static func wholePhrase(_ folded: [UInt8]) -> FormatMatch? {
    // The words are split and looked up only once some phrase is near the line's length.
    var wordCounts: (words: Int, known: Int)?
    for phrase in phrases {
      let limit = FurnitureText.tolerance(phrase.text.count)
      guard abs(phrase.text.count - folded.count) <= limit else { continue }
      if wordCounts == nil {
        let words = folded.split(separator: 32)
        wordCounts = (words.count, words.filter { phraseWords.contains(Array($0)) }.count)
      }
      let (wordCount, known) = wordCounts!
      // A line that shares few words with a long phrase cannot be within its tolerance.
      if wordCount >= 4 && known * 2 < wordCount { continue }
      if FurnitureText.distance(folded, phrase.text, limit: limit) <= limit {
        return FormatMatch(
          kind: phrase.kind, strong: true, detail: String(decoding: phrase.text, as: UTF8.self))
      }
    }
    return nil
  }

  /// A piece of a long stamp broken across lines; long enough not to be a common phrase.
  /// Length of the longest of ``phrases``.
  static let longestPhrase = phrases.map(\.text.count).max() ?? 0

  private static func phrasePiece(_ folded: [UInt8]) -> FormatMatch? {
    // Only phrases longer than the line by three or more can hold it as a piece.
    guard folded.count >= 12, folded.count + 2 < longestPhrase, folded.contains(32) else { return nil }
    let words = folded.split(separator: 32)
    let known = words.filter { phraseWords.contains(Array($0)) }.count
    guard known * 2 >= words.count else { return nil }
    for phrase in phrases where phrase.text.count > folded.count + 2 {
      if FurnitureText.substringDistance(folded, in: phrase.text) <= FurnitureText.tolerance(folded.count) {
        return FormatMatch(
          kind: phrase.kind, strong: false,
          detail: "piece of " + String(decoding: phrase.text, as: UTF8.self))
      }
    }
    return nil
  }

  static let routingOpeners: [[UInt8]] = [
    "ORIGIN", "INFO", "ACTION", "DISTR", "DIST", "DISTRIBUTION", "ORIG",
  ]
  .map { Array($0.utf8) }

  /// `INFO LOG-00 AB3-00 350-00 /001R`, `ORIGIN SS-00`, `ACTION NEA-10`, and continuation lines
  /// of office codes. The cable's own `INFO AMEMBASSY ...` addressee line has no office codes.
  static func isRouting(_ tokens: [String]) -> Bool {
    // Every routing shape has office codes (`SS-00`) or a dashed rule.
    guard tokens.contains(where: { $0.utf8.contains(UInt8(ascii: "-")) }) else { return false }
    let first = FurnitureText.folded(tokens[0])
    let opens = routingOpeners.contains { opener in
      let limit = opener.count >= 5 ? 1 : 0
      return FurnitureText.distance(first, opener, limit: limit) <= limit
    }
    let rest = opens ? Array(tokens.dropFirst()) : tokens
    let codes = rest.filter(isOfficeCode).count
    if opens {
      return codes >= 1 && codes * 2 >= rest.count
    }
    if tokens.first.map({ $0.hasPrefix("-----") }) == true {
      return rest.dropFirst().allSatisfy { $0.contains(where: \.isNumber) || $0.hasPrefix("/") }
    }
    // A line of codes alone continues a distribution list: it needs the `-NN` office numbers
    // that `T-28S` or `C-130` in a sentence lack.
    let officeNumbers = rest.filter { token in
      let core = token.trimmingScalars(in: "[],")
      guard let dash = core.lastIndex(of: "-") else { return false }
      let digits = core[core.index(after: dash)...]
      return digits.count == 2 && digits.allSatisfy(\.isNumber)
    }.count
    return codes >= 3 && officeNumbers >= 3 && codes * 4 >= rest.count * 3
  }

  static func isOfficeCode(_ token: String) -> Bool {
    let core = token.trimmingScalars(in: "[],")
    if core.hasPrefix("/") {
      let digits = core.dropFirst().prefix(while: \.isNumber)
      return digits.count >= 2 && core.count <= digits.count + 3
    }
    let parts = core.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...6).contains(parts[0].count), (1...3).contains(parts[1].count) else {
      return false
    }
    let alnum = { (s: Substring) in s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "/") } }
    return alnum(parts[0]) && alnum(parts[1]) && parts[1].contains(where: \.isNumber)
  }

  static func isExemptionList(_ tokens: [String]) -> Bool {
    guard tokens.count <= 10, tokens.allSatisfy({ $0.count <= 8 }) else { return false }
    let codes = tokens.map { $0.trimmingScalars(in: ",;.") }.filter { !$0.isEmpty }
    guard !codes.isEmpty, codes.count <= 10 else { return false }
    return codes.allSatisfy(isExemptionCode)
  }

  private static func isExemptionCode(_ raw: String) -> Bool {
    // OCR reads the digits of `B1` and `1.4(D)` as `l`, `I` or `O`; the letters stay letters.
    let chars = raw.enumerated().map { index, char -> Character in
      // A leading `8` before a digit is a misread `B` (`81` for `B1`).
      if index == 0 && char == "8" && raw.count == 2 { return "B" }
      guard index > 0 || !"AB".contains(char) else { return char }
      switch char {
      case "l", "L", "I", "|": return "1"
      case "O": return "0"
      default: return char
      }
    }
    let token = String(chars)
    if chars.count == 2, "AB".contains(chars[0]), chars[1].isNumber { return true }  // B1, A3
    if token.hasPrefix("(B)("), token.hasSuffix(")"), token.count <= 7 { return true }  // (B)(1)
    if token.hasPrefix("1.4("), token.hasSuffix(")"), token.count == 6 { return true }  // 1.4(D)
    if token.hasPrefix("25X"), token.count == 4, chars[3].isNumber { return true }
    return false
  }

  static func isLoneDate(_ tokens: [String]) -> Bool {
    guard tokens.count == 1 else { return false }
    let token = String(
      tokens[0].map { char -> Character in
        switch char {
        case "l", "L", "I": return "1"
        case "O": return "0"
        default: return char
        }
      })
    let parts = token.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
    guard parts.count == 3, token.count >= 6 else { return false }
    return parts.allSatisfy { $0.allSatisfy(\.isNumber) && (1...4).contains($0.count) }
  }

  /// A control or archive number alone on its line: `9128`, `SS09427`, `3A`, `0000002`.
  static func isLoneCode(_ tokens: [String]) -> Bool {
    guard (1...2).contains(tokens.count) else { return false }
    return tokens.allSatisfy { token in
      guard (1...14).contains(token.count), token.contains(where: \.isNumber) else { return false }
      guard let last = token.last, last.isLetter || last.isNumber else { return false }
      // More letters than digits is a word with a misread letter (`RU5K`), not a code.
      let letters = token.filter(\.isLetter).count
      let digits = token.filter(\.isNumber).count
      return letters <= 4 && letters <= digits
        && token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
  }
}
