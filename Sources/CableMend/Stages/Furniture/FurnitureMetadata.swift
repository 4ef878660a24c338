/// Files each stripped line into ``CableMetadata`` by its kind.
enum FurnitureMetadata {
  /// Banners from most to least restrictive.
  static let classificationRank = [
    "TOP SECRET", "SECRET NOFORN", "SECRET", "CONFIDENTIAL NOFORN", "CONFIDENTIAL", "LIMITED OFFICIAL USE",
    "SENSITIVE BUT UNCLASSIFIED", "UNCLASSIFIED",
  ]

  /// Records one removed line. `previousKind` is the kind of the line removed just before it,
  /// so that a date broken off a caption stamp rejoins it.
  static func record(
    _ text: String, as match: FormatMatch, previousKind: FurnitureKind?,
    into metadata: inout CableMetadata
  ) {
    let trimmed = text.trimmingWhitespace()
    switch match.kind {
    case .pageMarker:
      guard let marker = PageMarker(FurnitureText.tokens(text)) else { return }
      if let number = marker.number, !metadata.pageNumbers.contains(number) {
        metadata.pageNumbers.append(number)
      }
      metadata.pageTotal = metadata.pageTotal ?? marker.total
      metadata.originator = metadata.originator ?? marker.originator
      metadata.telegramNumber = metadata.telegramNumber ?? marker.telegramNumber
    case .banner:
      recordBanner(match.detail, into: &metadata)
    case .bannerFragment:
      // A piece says which banner was there but not reliably which level (`CRET` may be the
      // end of `TOP SECRET`), so it never raises the classification on its own.
      if metadata.classification == nil { recordBanner(match.detail, into: &metadata) }
    case .routing:
      metadata.routingLines.append(trimmed)
    case .release:
      recordRelease(trimmed, label: match.detail, into: &metadata)
    case .exemptions:
      for token in FurnitureText.tokens(text) {
        let code = token.trimmingScalars(in: ",;.")
        if !code.isEmpty && !metadata.exemptions.contains(code) { metadata.exemptions.append(code) }
      }
    case .review:
      recordReview(trimmed, label: match.detail, into: &metadata)
    case .caption:
      metadata.captionsRemoved.append(trimmed)
    case .date where previousKind == .caption && !metadata.captionsRemoved.isEmpty:
      metadata.captionsRemoved[metadata.captionsRemoved.count - 1] += " " + trimmed
    case .controlNumber:
      metadata.controlNumbers.append(trimmed)
    case .stamp, .handling, .date, .runningHead:
      metadata.stamps.append(trimmed)
    }
  }

  private static func recordBanner(_ banner: String, into metadata: inout CableMetadata) {
    if !metadata.banners.contains(banner) { metadata.banners.append(banner) }
    let rank = { (name: String?) in name.flatMap { classificationRank.firstIndex(of: $0) } ?? Int.max }
    if rank(banner) < rank(metadata.classification) { metadata.classification = banner }
  }

  private static func recordReview(_ text: String, label: String, into metadata: inout CableMetadata) {
    let value = self.value(of: text, label: label)
    switch label {
    case "REVIEW AUTHORITY", "REVIEWED BY": metadata.reviewAuthority = metadata.reviewAuthority ?? value
    case "CASE ID", "FOIA CASE": metadata.caseID = metadata.caseID ?? value
    case "DATE": metadata.reviewDate = metadata.reviewDate ?? value
    case "DATE CASE ID":
      let parts = FurnitureText.tokens(value)
      metadata.reviewDate = metadata.reviewDate ?? parts.first
      if parts.count >= 2 { metadata.caseID = metadata.caseID ?? parts.last }
    case "CASE NO": metadata.caseID = metadata.caseID ?? FurnitureText.tokens(value).first
    case "FOIA FOOTER":
      let fields = footerFields(text)
      metadata.caseID = metadata.caseID ?? fields["CASE"]
      metadata.reviewDate = metadata.reviewDate ?? fields["DATE"]
      if let doc = fields["DOC"] { metadata.controlNumbers.append(doc) }
      metadata.stamps.append(text)
    default: metadata.stamps.append(text)
    }
  }

  /// `RELEASED IN PART B1, 1.4(D)`: the status, and any exemption codes after it.
  private static func recordRelease(_ text: String, label: String, into metadata: inout CableMetadata) {
    let codes = FurnitureText.tokens(text).map { $0.trimmingScalars(in: ",;.") }
      .flatMap { $0.split(separator: ",").map(String.init) }
      .filter { FurnitureFormats.isExemptionList([$0]) }
    let status = codes.isEmpty ? text : label
    metadata.releaseStatus = metadata.releaseStatus ?? status
    for code in codes where !metadata.exemptions.contains(code) { metadata.exemptions.append(code) }
    if metadata.releaseStatus != status { metadata.stamps.append(text) }
  }

  /// The value after each of `CASE NO`, `DOC NO` and `DATE` in a one-line FOIA footer.
  static func footerFields(_ text: String) -> [String: String] {
    let tokens = FurnitureText.tokens(text).map { $0.trimmingScalars(in: ".:,") }
    var fields: [String: String] = [:]
    for (index, token) in tokens.enumerated() where index + 1 < tokens.count {
      if (token == "CASE" || token == "DOC") && ["NO", "ID"].contains(tokens[index + 1]),
        index + 2 < tokens.count
      {
        fields[token] = tokens[index + 2]
      } else if token == "DATE" {
        fields["DATE"] = tokens[index + 1]
      }
    }
    return fields
  }

  /// The text after the label's colon, or after as many words as the label has.
  static func value(of text: String, label: String) -> String {
    if let colon = text.firstIndex(of: ":") {
      return text[text.index(after: colon)...].trimmingWhitespace()
    }
    let labelWords = label.split(separator: " ").count
    return FurnitureText.tokens(text).dropFirst(labelWords).joined(separator: " ")
  }
}
