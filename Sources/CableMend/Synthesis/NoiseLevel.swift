/// How badly the noise generator damages a telegram. Each level fixes the amount of every kind of
/// noise; `NoiseGenerator` draws the details (which names, which lines, which pages) from its seed.
public enum NoiseLevel: String, Sendable, CaseIterable, Codable, Comparable {
  case low, medium, high

  public static func < (a: NoiseLevel, b: NoiseLevel) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }

  /// The amounts of noise at this level.
  public var settings: NoiseSettings {
    switch self {
    case .low:
      NoiseSettings(
        wrapColumns: 66...69, hyphenation: 0, linesPerPage: 44...52, nameCorruptions: 1...2,
        furnitureStyles: 1, fragmentMoves: 0...0, pageShuffle: 0, dropPage: 0, duplicates: 0...0,
        unicodeRate: 0.002, unicodeKinds: [.curlyQuote, .noBreakSpace])
    case .medium:
      NoiseSettings(
        wrapColumns: 62...69, hyphenation: 0.15, linesPerPage: 34...44, nameCorruptions: 3...4,
        furnitureStyles: 2, fragmentMoves: 1...2, pageShuffle: 0.5, dropPage: 0,
        duplicates: 1...1, unicodeRate: 0.006,
        unicodeKinds: [.curlyQuote, .noBreakSpace, .zeroWidth, .cyrillic])
    case .high:
      NoiseSettings(
        wrapColumns: 58...66, hyphenation: 0.3, linesPerPage: 22...30, nameCorruptions: 5...7,
        furnitureStyles: 3, fragmentMoves: 2...4, pageShuffle: 1, dropPage: 0.7,
        duplicates: 2...3, unicodeRate: 0.012, unicodeKinds: UnicodeDamageKind.allCases)
    }
  }
}

/// The amounts of each kind of noise. Ranges are drawn from per document.
public struct NoiseSettings: Sendable, Hashable {
  /// Hard-wrap column (teletype and typewriter pages wrap at 60–70).
  public var wrapColumns: ClosedRange<Int>
  /// Chance that a line break falls inside a long word, which is then hyphenated.
  public var hyphenation: Double
  /// Text lines on one scanned page.
  public var linesPerPage: ClosedRange<Int>
  /// Distinct names given an OCR-style misspelling.
  public var nameCorruptions: ClosedRange<Int>
  /// How many furniture styles are layered on the pages (1: running heads only; 2: plus
  /// classification banners and routing lines; 3: plus declassification stamps).
  public var furnitureStyles: Int
  /// Runs of lines cut out and pasted elsewhere.
  public var fragmentMoves: ClosedRange<Int>
  /// Chance that the page order is shuffled (when there are at least two pages).
  public var pageShuffle: Double
  /// Chance that one page (never the first) is dropped (when there are at least three pages).
  public var dropPage: Double
  /// Duplicated runs of lines or whole pages.
  public var duplicates: ClosedRange<Int>
  /// Share of eligible characters given Unicode damage.
  public var unicodeRate: Double
  public var unicodeKinds: [UnicodeDamageKind]

  public init(
    wrapColumns: ClosedRange<Int>, hyphenation: Double, linesPerPage: ClosedRange<Int>,
    nameCorruptions: ClosedRange<Int>, furnitureStyles: Int, fragmentMoves: ClosedRange<Int>,
    pageShuffle: Double, dropPage: Double, duplicates: ClosedRange<Int>, unicodeRate: Double,
    unicodeKinds: [UnicodeDamageKind]
  ) {
    self.wrapColumns = wrapColumns
    self.hyphenation = hyphenation
    self.linesPerPage = linesPerPage
    self.nameCorruptions = nameCorruptions
    self.furnitureStyles = furnitureStyles
    self.fragmentMoves = fragmentMoves
    self.pageShuffle = pageShuffle
    self.dropPage = dropPage
    self.duplicates = duplicates
    self.unicodeRate = unicodeRate
    self.unicodeKinds = unicodeKinds
  }
}
