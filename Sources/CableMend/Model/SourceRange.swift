/// A half-open range of UTF-8 byte offsets into the original input.
///
/// Every offset CableMend reports is a byte offset into the bytes it was given, before any
/// decoding, so a user can seek to it in the original file with any tool.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
  /// First byte, inclusive.
  public var start: Int
  /// One past the last byte.
  public var end: Int

  public init(start: Int, end: Int) {
    precondition(start <= end, "SourceRange start \(start) is after end \(end)")
    self.start = start
    self.end = end
  }

  public init(_ range: Range<Int>) {
    self.init(start: range.lowerBound, end: range.upperBound)
  }

  public var count: Int { end - start }
  public var isEmpty: Bool { start == end }
  public var range: Range<Int> { start..<end }

  /// The smallest range that covers both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }

  public var description: String { "\(start)..<\(end)" }
}
