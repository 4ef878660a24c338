/// The pieces of one line that the `unicode` stage repairs, repaired in place.
///
/// Each piece is a byte range with the scalar view of its current text. A repair of a piece
/// is applied to the *segment* holding it (``TextLine/apply(_:edits:)``), then the pieces
/// after it in that segment move by the change in length and the piece gets a new view.
///
/// A line of up to ``segmentLimit`` bytes (every ordinary line) is one segment: its pieces
/// are repaired in the line itself, and nothing is copied out and spliced back, which was most
/// of the stage's cost on damaged lines. In a longer line each piece is its own segment,
/// spliced back at the end, so that one repair never rewrites the whole line and a huge line
/// stays linear.
///
/// Recording a repair against a segment gives the same edit as against a copy of the piece:
/// the bytes map to the same input bytes in both, and no stage before this one leaves
/// zero-length map pieces. The map comes out cut into the same pieces as splicing each
/// repaired piece back gave: a line is cut at both ends of every piece that changed.
struct LinePieces {
  static let segmentLimit = 8192

  /// The whole line when it is one segment, else the segments' own lines.
  private var segments: [TextLine]
  /// Where each segment sits in the line as it came in; nil when the line is one segment.
  private let segmentRanges: [Range<Int>]?
  /// Whether a repair changed each segment (only for a line of several segments).
  private var segmentChanged: [Bool]
  private var anyChanged = false
  /// Pieces of a one-segment line whose ends the map has been cut at.
  private var isCut: [Int]
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
      segments = line.sublines(ranges)
      segmentRanges = ranges
      self.owners = Array(ranges.indices)
      self.ranges = ranges.map { 0..<$0.count }
    }
    isCut = []
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
    // A piece's first change cuts the line's map at the piece's ends, as splicing a repaired
    // copy of the piece back did (later stages read the map's verbatim runs as physical
    // lines); undone when the repairs change nothing.
    let uncut: TextLine? = segmentRanges == nil && !isCut.contains(index) ? segments[owner] : nil
    if uncut != nil { segments[owner].cutMap(at: ranges[index]) }
    let count = segments[owner].apply(repairs, offset: start, edits: &edits)
    guard count > 0 else {
      if let uncut { segments[owner] = uncut }
      return 0
    }
    if uncut != nil { isCut.append(index) }
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

extension TextLine {
  /// Splits the map's pieces at both ends of `range` (no change to the text or to what any
  /// byte maps to). The map holds no zero-length pieces where this is used, before any repair
  /// of the piece, and a cut inside a piece that is not verbatim leaves two pieces with its
  /// source, as ``SourceMap`` slices do.
  mutating func cutMap(at range: Range<Int>) {
    var result: [SourceMap.Piece] = []
    result.reserveCapacity(sourceMap.pieces.count + 2)
    var offset = 0
    for piece in sourceMap.pieces {
      var rest = piece
      var start = offset
      for cut in [range.lowerBound, range.upperBound] where cut > start && cut < start + rest.length {
        let head = cut - start
        if rest.verbatim {
          result.append(
            SourceMap.Piece(
              length: head, source: SourceRange(start: rest.source.start, end: rest.source.start + head),
              verbatim: true))
          rest = SourceMap.Piece(
            length: rest.length - head,
            source: SourceRange(start: rest.source.start + head, end: rest.source.end), verbatim: true)
        } else {
          result.append(SourceMap.Piece(length: head, source: rest.source, verbatim: false))
          rest = SourceMap.Piece(length: rest.length - head, source: rest.source, verbatim: false)
        }
        start = cut
      }
      result.append(rest)
      offset += piece.length
    }
    guard result.count != sourceMap.pieces.count else { return }
    self = TextLine(
      text: text, sourceMap: SourceMap(pieces: result), kind: kind, page: page,
      followsFormFeed: followsFormFeed)
  }
}
