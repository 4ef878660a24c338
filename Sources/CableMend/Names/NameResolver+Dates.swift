/// The cable's date against a person's tenures: evidence for or against a candidate.
extension NameResolver {
  /// A tenure longer than this (in years) says little about who is meant (a senator of 30 years).
  static let longTenureYears = 12

  /// The cable's date against the entry's tenure: +1 inside a tenure of at most twelve years,
  /// +0.5 inside a longer or open-ended one, −1 outside; but 0 outside when the role joins
  /// several remarks without an office symbol (a FRUS person, ``datesAreOfOneRemark(_:)``).
  func dateSupport(_ entry: LexiconEntry) -> Double? {
    guard let date = context.date, let covers = entry.tenureCovers(date) else { return nil }
    guard covers else { return Self.datesAreOfOneRemark(entry) ? 0 : -1.0 }
    guard let start = entry.start, let end = entry.end else { return 0.5 }
    return (end.upperBound - start.lowerBound) / 10_000 > Self.longTenureYears ? 0.5 : 1.0
  }

  /// True when the entry's dates cover only part of what its role says: a FRUS person's role
  /// joins several remarks (`;`) made in different volumes, while `Scripts/build-lexicon` takes
  /// the years from the first remark alone (Diggs: 1969–1971, the years he chaired a caucus,
  /// for a congressman of 1955–1980). A cable outside those years is no evidence against him.
  static func datesAreOfOneRemark(_ entry: LexiconEntry) -> Bool {
    entry.office.isEmpty && entry.role.contains(";")
  }
}
