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
        wrapColumns: 66...69, hyphenation: 0, linesPerPage: 44...52, tailCut: 0, fragmentMoves: 0...0,
        pageShuffle: 0, dropPage: 0, keepPageNumber: 1, nameCorruptions: 1...2,
        furnitureStyles: [.outgoingState, .incomingTelegram, .archiveCopy], furnitureDamage: 0,
        duplicates: 0...0, duplicateNoise: 0, unicodeRate: 0.002, unicodeKinds: [.curlyQuote, .noBreakSpace])
    case .medium:
      NoiseSettings(
        wrapColumns: 62...69, hyphenation: 0.15, linesPerPage: 34...44, tailCut: 0.2, fragmentMoves: 1...2,
        pageShuffle: 0.5, dropPage: 0, keepPageNumber: 0.9, nameCorruptions: 3...4,
        furnitureStyles: [.outgoingState, .incomingTelegram, .archiveCopy, .foiaRelease],
        furnitureDamage: 0.1,
        duplicates: 1...1, duplicateNoise: 0.01, unicodeRate: 0.006,
        unicodeKinds: [.curlyQuote, .noBreakSpace, .zeroWidth, .cyrillic])
    case .high:
      NoiseSettings(
        wrapColumns: 58...66, hyphenation: 0.3, linesPerPage: 22...30, tailCut: 0.35, fragmentMoves: 2...4,
        pageShuffle: 1, dropPage: 0.7, keepPageNumber: 0.7, nameCorruptions: 5...7,
        furnitureStyles: FurnitureInjector.Style.allCases, furnitureDamage: 0.25,
        duplicates: 2...3, duplicateNoise: 0.03, unicodeRate: 0.012, unicodeKinds: UnicodeDamageKind.allCases)
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
  /// Chance that a paragraph is cut into head and tail (so the tail can drift).
  public var tailCut: Double
  /// Paragraphs or paragraph tails moved to another place on their page.
  public var fragmentMoves: ClosedRange<Int>
  /// Chance that the page order is shuffled (when there are at least two pages).
  public var pageShuffle: Double
  /// Chance that one page (never the first) is dropped (when there are at least three pages).
  public var dropPage: Double
  /// Chance that a page's running head (its page number) survives the scan.
  public var keepPageNumber: Double
  /// Distinct names given an OCR-style misspelling.
  public var nameCorruptions: ClosedRange<Int>
  /// Furniture styles a document may get (those that fit its direction).
  public var furnitureStyles: [FurnitureInjector.Style]
  /// Chance that a furniture line gets an OCR slip.
  public var furnitureDamage: Double
  /// Duplicated runs of lines or whole pages.
  public var duplicates: ClosedRange<Int>
  /// OCR character noise rate of each duplicate copy.
  public var duplicateNoise: Double
  /// Share of eligible characters given Unicode damage.
  public var unicodeRate: Double
  public var unicodeKinds: [UnicodeDamageKind]
}
