extension SourceMap {
  /// The parts of the map behind several ascending, disjoint text ranges, found in one walk.
  ///
  /// Zero-length pieces (deletions) at a range's lower bound belong to that range, so a
  /// deletion stays traceable when the range is spliced back.
  ///
  /// - Complexity: O(p + k) for p pieces and k ranges.
  func slices(_ ranges: [Range<Int>]) -> [SourceMap] {
    var walker = PieceWalker(pieces: pieces)
    return ranges.map { range in
      walker.take(to: range.lowerBound, collect: false)
      return SourceMap(pieces: walker.take(to: range.upperBound, collect: true))
    }
  }

  /// Walks the pieces in text order, handing out (parts of) pieces up to a text offset.
  private struct PieceWalker {
    let pieces: [Piece]
    var index = 0
    var consumed = 0
    var offset = 0

    init(pieces: [Piece]) { self.pieces = pieces }

    /// Zero-length pieces at `end` are left for the next range; `Int.max` takes everything.
    @discardableResult
    mutating func take(to end: Int, collect: Bool) -> [Piece] {
      var collected: [Piece] = []
      while index < pieces.count {
        let piece = pieces[index]
        if piece.length == 0 {
          guard offset < end else { return collected }
          if collect { collected.append(piece) }
          index += 1
          continue
        }
        guard offset < end else { return collected }
        let count = min(piece.length - consumed, end - offset)
        if piece.verbatim {
          let from = piece.source.start + consumed
          if collect { collected.append(Piece(length: count, source: SourceRange(start: from, end: from + count),
                                verbatim: true)) }
        } else {
          if collect { collected.append(Piece(length: count, source: piece.source, verbatim: false)) }
        }
        consumed += count
        offset += count
        if consumed == piece.length {
          index += 1
          consumed = 0
        }
      }
      return collected
    }
  }
}

extension TextLine {
  /// Lines holding only the given ascending, disjoint UTF-8 byte ranges of this one, each with
  /// its part of the source map. Ranges must fall on scalar boundaries.
  func sublines(_ ranges: [Range<Int>]) -> [TextLine] {
    let maps = sourceMap.slices(ranges)
    return text.utf8.withContiguousStorageIfAvailable { bytes in
      zip(ranges, maps).map { range, map in
        TextLine(text: String(decoding: bytes[range], as: UTF8.self), sourceMap: map, kind: kind,
                 page: page, followsFormFeed: followsFormFeed)
      }
    } ?? zip(ranges, maps).map { range, map in
      let part = Array(text.utf8)[range]
      return TextLine(text: String(decoding: part, as: UTF8.self), sourceMap: map, kind: kind,
                      page: page, followsFormFeed: followsFormFeed)
    }
  }

  /// Replaces ascending, disjoint byte ranges with the text and maps of other lines (usually
  /// sublines repaired on their own); everything else keeps its text and map.
  ///
  /// - Complexity: O(n + p + k) for n text bytes, p pieces and k parts.
  mutating func splice(_ parts: [(range: Range<Int>, line: TextLine)]) {
    guard !parts.isEmpty else { return }
    let old = Array(text.utf8)
    var kept: [Range<Int>] = []
    var cursor = 0
    for part in parts {
      precondition(part.range.lowerBound >= cursor, "splice ranges must ascend and not overlap")
      kept.append(cursor..<part.range.lowerBound)
      cursor = part.range.upperBound
    }
    kept.append(cursor..<Int.max)
    let keptMaps = sourceMap.slices(kept)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(old.count)
    var pieces: [SourceMap.Piece] = []
    for (index, part) in parts.enumerated() {
      bytes.append(contentsOf: old[kept[index]])
      pieces.append(contentsOf: keptMaps[index].pieces)
      bytes.append(contentsOf: part.line.text.utf8)
      pieces.append(contentsOf: part.line.sourceMap.pieces)
    }
    bytes.append(contentsOf: old[cursor...])
    pieces.append(contentsOf: keptMaps[parts.count].pieces)
    self = TextLine(text: String(decoding: bytes, as: UTF8.self), sourceMap: SourceMap(pieces: pieces),
                    kind: kind, page: page, followsFormFeed: followsFormFeed)
  }
}
