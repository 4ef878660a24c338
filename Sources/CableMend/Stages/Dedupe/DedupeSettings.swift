/// The thresholds of the `dedupe` stage. The defaults are the documented ones (README, `dedupe`
/// section); tests and experiments may change them.
public struct DedupeSettings: Sendable, Hashable {
  /// A line or paragraph counts as a duplicate on its own only when it has at least this many
  /// characters (spaces collapsed)...
  public var minimumCharacters: Int
  /// ...and at least this many words. Names, phrases ("PEACEFUL RESOLUTION"), headings, `--`
  /// markers and rulers stay below one or the other.
  public var minimumWords: Int
  /// Largest difference between two copies, in edits per character of the longer one. OCR
  /// noise of 1-5% between copies stays well below it.
  public var maximumDifference: Double
  /// A run of consecutive short lines (none long enough alone) counts as a duplicated span when
  /// it has at least this many lines...
  public var minimumRunUnits: Int
  /// ...and this many characters.
  public var minimumRunCharacters: Int
  /// Length of the hashed character n-grams (shingles) that find candidate pairs.
  public var shingleLength: Int
  /// Shingles found in more lines than this are too common to point at a duplicate; ignored.
  public var shingleLineCap: Int
  /// Share of the smaller line's shingles two lines must share to be aligned at all.
  public var candidateOverlap: Double
  /// A line repeated this many times or more, on its own (not inside a duplicated span), and
  /// shorter than ``furnitureMaximumCharacters`` is treated as page furniture and left alone.
  public var furnitureRecurrence: Int
  public var furnitureMaximumCharacters: Int
  /// Lines longer than this (in characters) are compared only for exact equality.
  public var maximumAlignedCharacters: Int

  public init(minimumCharacters: Int = 40, minimumWords: Int = 6, maximumDifference: Double = 0.15,
              minimumRunUnits: Int = 3, minimumRunCharacters: Int = 100, shingleLength: Int = 5,
              shingleLineCap: Int = 32, candidateOverlap: Double = 0.3, furnitureRecurrence: Int = 3,
              furnitureMaximumCharacters: Int = 100, maximumAlignedCharacters: Int = 10_000)
  {
    self.minimumCharacters = minimumCharacters
    self.minimumWords = minimumWords
    self.maximumDifference = maximumDifference
    self.minimumRunUnits = minimumRunUnits
    self.minimumRunCharacters = minimumRunCharacters
    self.shingleLength = shingleLength
    self.shingleLineCap = shingleLineCap
    self.candidateOverlap = candidateOverlap
    self.furnitureRecurrence = furnitureRecurrence
    self.furnitureMaximumCharacters = furnitureMaximumCharacters
    self.maximumAlignedCharacters = maximumAlignedCharacters
  }
}
