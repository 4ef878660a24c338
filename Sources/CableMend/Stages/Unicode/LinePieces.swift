/// The pieces of one line that the `unicode` stage repairs, repaired in place.
///
/// Each piece is a byte range with the scalar view of its current text. A repair of a piece
/// is applied to the *segment* holding it (``TextLine/apply(_:edits:)``), then the pieces
/// after it in that segment move by the change in length and the piece gets a new view.
///
/// A line of up to ``segmentLimit`` bytes (every ordinary line) is one segment: its pieces
/// are repaired in the line itself, and nothing is copied out and spliced back, which was most
/// of the stage's cost on damaged lines. A longer line is cut into segments of nearby pieces,
/// each at most about that long, that are spliced back at the end; so that one repair never
/// rewrites more than a segment and a huge line stays linear.
///
/// Recording a repair against a segment gives the same edit as against a copy of the piece:
/// the bytes map to the same input bytes in both, and no stage before this one leaves
/// zero-length map pieces. The line's map may come out cut into fewer pieces than splicing
/// each piece would give; it maps every byte the same way.
struct LinePieces {
  static let segmentLimit = 8192

  /// The whole line when it is one segment, else the segments' own lines.
  private var segments: [TextLine]
  /// Where each segment sits in the line as it came in; nil when the line is one segment.
  private let segmentRanges: [Range<Int>]?
  /// Whether a repair changed each segment (only for a line of several segments).
  private var segmentChanged: [Bool]
  private var anyChanged = false
  /// The segment of each piece; empty when the line is one segment.
  private let owners: [Int]
  /// Each piece's byte range in its segment's current text.
  private(set) var ranges: [Range<Int>]
  private(set) var views: [ScalarView]

  /// - Parameter ranges: ascending, disjoint UTF-8 byte ranges on scalar boundaries.
  init(line: TextLine, ranges: [Range<Int>]) {
    if line.text.utf8.count <= Self.segmentLimit {
      segments = [line]
      segmentRanges = nil
      owners = []
      self.ranges = ranges
    } else {
      var groups: [Range<Int>] = []
      var owners: [Int] = []
      for range in ranges {
        if let last = groups.last, range.upperBound - last.lowerBound <= Self.segmentLimit {
          groups[groups.count - 1] = last.lowerBound..<range.upperBound
        } else {
          groups.append(range)
        }
        owners.append(groups.count - 1)
      }
      segments = line.sublines(groups)
      segmentRanges = groups
      self.owners = owners
      self.ranges = zip(ranges, owners).map { range, owner in
        (range.lowerBound - groups[owner].lowerBound)..<(range.upperBound - groups[owner].lowerBound)
      }
    }
    segmentChanged = segmentRanges == nil ? [] : [Bool](repeating: false, count: segments.count)
    var text = segments[0].text
    if segmentRanges == nil {
      views = text.withUTF8 { bytes in
        ranges.map { ScalarView(utf8: UnsafeBufferPointer(rebasing: bytes[$0])) }
      }
    } else {
      views = []
      views.reserveCapacity(ranges.count)
      for index in ranges.indices { views.append(Self.view(of: self.ranges[index], in: segments[owners[index]])) }
    }
  }

  private func owner(_ index: Int) -> Int { owners.isEmpty ? 0 : owners[index] }

  var indices: Range<Int> { ranges.indices }

  /// Applies and records `repairs` (byte ranges relative to piece `index`); returns how many
  /// changed the text.
  @discardableResult
  mutating func apply(_ repairs: [TextRepair], to index: Int, edits: inout [Edit]) -> Int {
    guard !repairs.isEmpty else { return 0 }
    let owner = owner(index)
    let start = ranges[index].lowerBound
    let before = segments[owner].text.utf8.count
    let count = segments[owner].apply(repairs, offset: start, edits: &edits)
    guard count > 0 else { return 0 }
    anyChanged = true
    if !segmentChanged.isEmpty { segmentChanged[owner] = true }
    let delta = segments[owner].text.utf8.count - before
    ranges[index] = start..<(ranges[index].upperBound + delta)
    var later = index + 1
    while later < ranges.count && self.owner(later) == owner {
      ranges[later] = (ranges[later].lowerBound + delta)..<(ranges[later].upperBound + delta)
      later += 1
    }
    views[index] = Self.view(of: ranges[index], in: segments[owner])
    return count
  }

  /// Writes the repaired pieces into `line`, the line the pieces were made from.
  func finish(_ line: inout TextLine) {
    guard let segmentRanges else {
      if anyChanged { line = segments[0] }
      return
    }
    var parts: [(range: Range<Int>, line: TextLine)] = []
    for index in segments.indices where segmentChanged[index] {
      parts.append((segmentRanges[index], segments[index]))
    }
    line.splice(parts)
  }

  private static func view(of range: Range<Int>, in line: TextLine) -> ScalarView {
    var text = line.text
    return text.withUTF8 { ScalarView(utf8: UnsafeBufferPointer(rebasing: $0[range])) }
  }
}
