/// A piecewise map from UTF-8 offsets of a line's current text to input byte offsets.
///
/// Each piece covers a run of the text. A *verbatim* piece is byte-for-byte the input, so
/// offsets inside it map exactly; any other piece maps as a whole to the input bytes it
/// replaced (empty for inserted text such as a joining space).
///
/// - Complexity: lookups and edits are O(p) in the number of pieces, which stays small: one
///   per physical line plus one per edit.
public struct SourceMap: Sendable, Hashable {
  public struct Piece: Sendable, Hashable {
    /// Length of this piece in the current text, in UTF-8 bytes.
    public var length: Int
    /// The input bytes it came from.
    public var source: SourceRange
    /// True when the text is a byte-for-byte copy of `source`.
    public var verbatim: Bool
  }

  public private(set) var pieces: [Piece]

  public static let empty = SourceMap(pieces: [])

  init(pieces: [Piece]) { self.pieces = pieces }

  /// Text that is an exact copy of `source`; `textLength` must equal `source.count` unless the
  /// text was decoded with substitutions, in which case the piece is not verbatim.
  public init(verbatim source: SourceRange, textLength: Int) {
    pieces = [Piece(length: textLength, source: source, verbatim: textLength == source.count)]
  }

  public var textLength: Int { pieces.reduce(0) { $0 + $1.length } }

  /// The smallest input range that covers every non-empty piece.
  public var covering: SourceRange {
    var result: SourceRange?
    for piece in pieces where !piece.source.isEmpty {
      result = result.map { $0.union(piece.source) } ?? piece.source
    }
    let anchor = pieces.first?.source.start ?? 0
    return result ?? SourceRange(start: anchor, end: anchor)
  }

  /// Input bytes behind a range of the current text.
  public func source(of range: Range<Int>) -> SourceRange {
    var offset = 0
    var result: SourceRange?
    for piece in pieces {
      let pieceRange = offset..<(offset + piece.length)
      defer { offset += piece.length }
      let lo = max(range.lowerBound, pieceRange.lowerBound)
      let hi = min(range.upperBound, pieceRange.upperBound)
      let touches = lo < hi || (range.isEmpty && pieceRange.contains(range.lowerBound))
      guard touches else { continue }
      let mapped: SourceRange
      if piece.verbatim {
        mapped = SourceRange(start: piece.source.start + (lo - offset),
                             end: piece.source.start + (hi - offset))
      } else {
        mapped = piece.source
      }
      if mapped.isEmpty && piece.length > 0 && !range.isEmpty { continue }
      result = result.map { $0.union(mapped) } ?? mapped
    }
    return result ?? SourceRange(start: covering.start, end: covering.start)
  }

  /// Records that text `range` was replaced by `length` bytes of new text. A deletion
  /// (`length == 0`) leaves a zero-length piece, so the removed bytes stay traceable.
  mutating func replace(_ range: Range<Int>, withLength length: Int) {
    // One pass into one array: pieces before the range (and zero-length ones at or before its
    // start), the new piece, then the rest. Every piece of the head comes before every piece
    // of the tail in text order, so the new piece goes in where the first tail piece shows up;
    // zero-length pieces inside the range wait until the pieces it cuts are all seen.
    var result: [Piece] = []
    result.reserveCapacity(pieces.count + 2)
    var waiting: [Piece] = []
    var replaced: SourceRange?
    var inserted = false
    var offset = 0
    func insertNew() {
      inserted = true
      let anchor = lastEnd(result)
      let source = replaced ?? SourceRange(start: anchor, end: anchor)
      if length > 0 || !source.isEmpty {
        result.append(Piece(length: length, source: source, verbatim: false))
      }
      result.append(contentsOf: waiting)
    }
    for piece in pieces {
      let start = offset
      let end = offset + piece.length
      offset = end
      if piece.length == 0 {
        if start <= range.lowerBound {
          result.append(piece)
        } else if inserted {
          result.append(piece)
        } else {
          waiting.append(piece)
        }
      } else if end <= range.lowerBound {
        result.append(piece)
      } else if start >= range.upperBound {
        if !inserted { insertNew() }
        result.append(piece)
      } else {
        let keepHead = max(0, range.lowerBound - start)
        let keepTail = max(0, end - range.upperBound)
        if keepHead > 0 { result.append(slice(piece, from: 0, length: keepHead)) }
        let cut = slice(piece, from: keepHead, length: piece.length - keepHead - keepTail)
        replaced = replaced.map { $0.union(cut.source) } ?? cut.source
        if keepTail > 0 {
          insertNew()
          result.append(slice(piece, from: piece.length - keepTail, length: keepTail))
        }
      }
    }
    if !inserted { insertNew() }
    pieces = result
  }

  mutating func append(_ other: SourceMap) { pieces.append(contentsOf: other.pieces) }

  mutating func appendInserted(length: Int) {
    let at = lastEnd(pieces)
    pieces.append(Piece(length: length, source: SourceRange(start: at, end: at), verbatim: false))
  }

  private func lastEnd(_ list: [Piece]) -> Int {
    list.last(where: { !$0.source.isEmpty })?.source.end ?? list.last?.source.end ?? 0
  }

  private func slice(_ piece: Piece, from: Int, length: Int) -> Piece {
    guard piece.verbatim else { return Piece(length: length, source: piece.source, verbatim: false) }
    let start = piece.source.start + from
    return Piece(length: length, source: SourceRange(start: start, end: start + length), verbatim: true)
  }
}

extension SourceMap {
  /// Same as `replace(offset..<textLength, withLength: 0)`, walking from the end so that only
  /// the pieces behind the removed bytes are visited.
  mutating func removeSuffix(from offset: Int, textLength: Int) {
    var end = textLength
    var kept = pieces.count
    var removed: SourceRange?
    var partial: Piece?
    var after: [Piece] = []
    while kept > 0 {
      let piece = pieces[kept - 1]
      let start = end - piece.length
      if piece.length == 0 {
        // Zero-length pieces after the cut follow the new piece; at or before it they stay.
        guard start > offset else { break }
        after.append(piece)
        kept -= 1
        continue
      }
      guard end > offset else { break }
      let keepHead = max(0, offset - start)
      let cut = Self.slice(piece, from: keepHead, length: piece.length - keepHead)
      removed = removed.map { $0.union(cut.source) } ?? cut.source
      if keepHead > 0 { partial = Self.slice(piece, from: 0, length: keepHead) }
      kept -= 1
      end = start
      if keepHead > 0 { break }
    }
    pieces.removeSubrange(kept...)
    if let partial { pieces.append(partial) }
    let anchor = pieces.last(where: { !$0.source.isEmpty })?.source.end ?? pieces.last?.source.end ?? 0
    let source = removed ?? SourceRange(start: anchor, end: anchor)
    if !source.isEmpty { pieces.append(Piece(length: 0, source: source, verbatim: false)) }
    pieces.append(contentsOf: after.reversed())
  }

  private static func slice(_ piece: Piece, from: Int, length: Int) -> Piece {
    guard piece.verbatim else { return Piece(length: length, source: piece.source, verbatim: false) }
    let start = piece.source.start + from
    return Piece(length: length, source: SourceRange(start: start, end: start + length), verbatim: true)
  }
}
