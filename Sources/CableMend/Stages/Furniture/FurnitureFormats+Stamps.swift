/// Stamp lines that carry more than one phrase: a long stamp with a name or date around it, and
/// the one-line footers of modern FOIA releases.
extension FurnitureFormats {
  /// Long stamps that no sentence of a telegram contains, so finding one inside a longer line
  /// is enough (`Margaret P. Grafeld Declassified/Released US Department of State EO
  /// Systematic Review 30 JUN 2005`).
  static let embeddable: [Phrase] = [
    Phrase("NOT TO BE REPRODUCED WITHOUT THE AUTHORIZATION OF THE EXECUTIVE SECRETARY", .handling),
    Phrase("DECLASSIFIED RELEASED US DEPARTMENT OF STATE EO SYSTEMATIC REVIEW", .release),
    Phrase("OFFICE OF FOI PRIVACY AND CLASSIFICATION REVIEW", .review),
    Phrase("OFFICE OF FOI PRIVACY CLASSIFICATION REVIEW", .review),
  ]
  static let embeddableWords: Set<[UInt8]> = Set(
    embeddable.flatMap { $0.text.split(separator: 32).map(Array.init) })

  /// A long stamp found, OCR-tolerantly, inside a longer line.
  /// - Complexity: O(n·p) for a line of n characters and a phrase of p, run only when most of
  ///   the phrase's words are in the line.
  static func embeddedStamp(_ folded: [UInt8]) -> FormatMatch? {
    // Four distinct words need three spaces at least (words are single-spaced).
    guard folded.lazy.filter({ $0 == 32 }).count >= 3 else { return nil }
    let words = Set(folded.split(separator: 32).map(Array.init))
    guard words.filter({ embeddableWords.contains($0) }).count >= 4 else { return nil }
    for phrase in embeddable where folded.count > phrase.text.count {
      let phraseWords = phrase.text.split(separator: 32).map(Array.init)
      guard phraseWords.filter({ words.contains($0) }).count * 2 >= phraseWords.count else { continue }
      if FurnitureText.substringDistance(phrase.text, in: folded)
        <= FurnitureText.tolerance(phrase.text.count)
      {
        return FormatMatch(
          kind: phrase.kind, strong: true,
          detail: "contains " + String(decoding: phrase.text, as: UTF8.self))
      }
    }
    return nil
  }

  static let footerFields: [[UInt8]] = ["CASE NO", "DOC NO", "CASE ID", "REVIEW AUTHORITY", "DATE"]
    .map { Array($0.utf8) }

  /// `UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05768562 Date:
  /// 08/31/2015`: two or more review fields on one line with numbers in it.
  static func foiaFooter(_ folded: [UInt8]) -> FormatMatch? {
    guard folded.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
    let words = Set(folded.split(separator: 32).map(Array.init))
    guard words.contains(Array("CASE".utf8)) || words.contains(Array("DOC".utf8)) else { return nil }
    let padded = [32] + folded + [32]
    let found = footerFields.filter { field in
      let needle = [32] + field + [32]
      return padded.count >= needle.count
        && (0...(padded.count - needle.count)).contains { Array(padded[$0..<($0 + needle.count)]) == needle }
    }
    guard found.count >= 2, found.contains(where: { $0 != Array("DATE".utf8) }) else { return nil }
    return FormatMatch(kind: .review, strong: true, detail: "FOIA FOOTER")
  }

  static let releaseOpeners: [[UInt8]] = ["RELEASED IN PART", "RELEASED IN FULL", "DECLASSIFIED IN PART"]
    .map { Array($0.utf8) }

  /// `RELEASED IN PART B1, 1.4(D)`: a release status followed by nothing but exemption codes.
  /// (A wrapped sentence such as `RELEASED IN PART BECAUSE OF ...` is not one.)
  static func releaseWithExemptions(_ tokens: [String]) -> FormatMatch? {
    guard tokens.count >= 4, tokens[0].first == "R" || tokens[0].first == "D" else { return nil }
    let head = FurnitureText.folded(tokens.prefix(3).joined(separator: " "))
    guard let opener = releaseOpeners.first(where: { FurnitureText.distance(head, $0, limit: 2) <= 2 }),
      isExemptionList(Array(tokens.dropFirst(3)))
    else { return nil }
    return FormatMatch(kind: .release, strong: true, detail: String(decoding: opener, as: UTF8.self))
  }
}
