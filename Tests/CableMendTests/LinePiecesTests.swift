import Testing

@testable import CableMend

/// The unicode stage repairs pieces in place (`LinePieces`); these check that the map comes out
/// as splicing repaired copies of the pieces back gave, and that `SourceMap.replace`, rewritten
/// to build one array, gives the same pieces as the head-plus-tail version it replaced.
@Suite struct LinePiecesTests {
  private func cleaned(_ text: String) -> TextLine {
    let bytes = Array(text.utf8)
    var document = InputDecoder.decode(bytes, name: "test")
    let stage = try! UnicodeCleaner(options: MendOptions())
    stage.run(&document)
    return document.lines[0]
  }

  private func verbatimLengths(_ line: TextLine) -> [Int] {
    line.sourceMap.pieces.filter { $0.verbatim && $0.length > 0 }.map(\.length)
  }

  @Test func plainLineKeepsOneVerbatimPiece() {
    #expect(verbatimLengths(cleaned("THE SECRETARY WILL RAISE IT")) == [27])
  }

  @Test func emptyLineStaysEmpty() {
    var document = InputDecoder.decode(Array("\n".utf8), name: "test")
    let stage = try! UnicodeCleaner(options: MendOptions())
    stage.run(&document)
    #expect(document.lines.map(\.text) == [""])
    #expect(document.edits.isEmpty)
  }

  /// One repaired piece: the map is cut at both of its ends, as the old splice cut it.
  @Test func repairedPieceCutsTheMapAtItsEnds() {
    // The piece `CAFÃ‰` (bytes 3..<11) becomes `CAFÉ`: `Ã‰` (bytes 6..<11) is one `É`.
    let line = cleaned("AB CAF\u{C3}\u{2030} XY")
    #expect(line.text == "AB CAF\u{C9} XY")
    #expect(verbatimLengths(line) == [3, 3, 3])
    #expect(line.source(ofUTF8: 0..<3) == SourceRange(start: 0, end: 3))
    #expect(line.source(ofUTF8: 6..<8) == SourceRange(start: 6, end: 11))
    #expect(line.source(ofUTF8: 8..<11) == SourceRange(start: 11, end: 14))
  }

  /// A piece with non-ASCII text that needs no repair leaves the map whole.
  @Test func unchangedPieceLeavesTheMapWhole() {
    let line = cleaned("AB CAF\u{C9} XY")
    #expect(verbatimLengths(line) == [11])
  }

  /// Many pieces, some repaired, some not: cuts only around the repaired ones.
  @Test func manyPiecesCutOnlyWhereRepaired() {
    let line = cleaned("A\u{200B} CAF\u{C9} B\u{00A0}C D")
    #expect(line.text == "A CAF\u{C9} B C D")
    // `A` | (removed ZWSP) | ` CAFÉ ` | `B` | (space) | `C` | ` D`
    #expect(verbatimLengths(line) == [1, 7, 1, 1, 2])
  }

  @Test func cutMapChangesNeitherTextNorMapping() {
    var line = TextLine(text: "ABCDEFGH", source: SourceRange(start: 50, end: 58))
    let before = (0..<8).map { line.source(ofUTF8: $0..<($0 + 1)) }
    line.cutMap(at: 2..<5)
    #expect(line.text == "ABCDEFGH")
    #expect(line.sourceMap.pieces.map(\.length) == [2, 3, 3])
    #expect((0..<8).map { line.source(ofUTF8: $0..<($0 + 1)) } == before)
    line.cutMap(at: 2..<5)
    #expect(line.sourceMap.pieces.count == 3)
  }

  /// Random maps with verbatim, substituted and zero-length pieces, random replacements
  /// (deletions, empty ranges, ranges over several pieces): same pieces as the reference.
  @Test(arguments: 0..<4)
  func replaceMatchesTheReference(seed: Int) {
    var random = SeededRandom(seed: UInt64(seed) &+ 0x5EED)
    for _ in 0..<300 {
      var pieces: [SourceMap.Piece] = []
      var input = 0
      for _ in 0..<Int.random(in: 0...6, using: &random) {
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
          pieces.append(SourceMap.Piece(length: 0, source: SourceRange(start: input, end: input + 2), verbatim: false))
          input += 2
        case 1:
          pieces.append(SourceMap.Piece(length: 3, source: SourceRange(start: input, end: input + 1), verbatim: false))
          input += 1
        default:
          let length = Int.random(in: 1...5, using: &random)
          pieces.append(SourceMap.Piece(length: length, source: SourceRange(start: input, end: input + length), verbatim: true))
          input += length
        }
      }
      var map = SourceMap(pieces: pieces)
      let total = map.textLength
      let lower = Int.random(in: 0...total, using: &random)
      let upper = Int.random(in: lower...total, using: &random)
      let length = Int.random(in: 0...3, using: &random)
      let expected = Self.referenceReplace(pieces, lower..<upper, length)
      map.replace(lower..<upper, withLength: length)
      #expect(map.pieces == expected, "pieces \(pieces), range \(lower)..<\(upper), length \(length)")
    }
  }

  /// `SourceMap.replace` as it was before it built one array (head, tail, then their sum).
  private static func referenceReplace(_ pieces: [SourceMap.Piece], _ range: Range<Int>, _ length: Int)
    -> [SourceMap.Piece]
  {
    func slice(_ piece: SourceMap.Piece, from: Int, length: Int) -> SourceMap.Piece {
      guard piece.verbatim else { return SourceMap.Piece(length: length, source: piece.source, verbatim: false) }
      let start = piece.source.start + from
      return SourceMap.Piece(length: length, source: SourceRange(start: start, end: start + length), verbatim: true)
    }
    func lastEnd(_ list: [SourceMap.Piece]) -> Int {
      list.last(where: { !$0.source.isEmpty })?.source.end ?? list.last?.source.end ?? 0
    }
    var head: [SourceMap.Piece] = []
    var tail: [SourceMap.Piece] = []
    var replaced: SourceRange?
    var offset = 0
    for piece in pieces {
      let start = offset
      let end = offset + piece.length
      offset = end
      if piece.length == 0 {
        if start <= range.lowerBound { head.append(piece) } else { tail.append(piece) }
      } else if end <= range.lowerBound {
        head.append(piece)
      } else if start >= range.upperBound {
        tail.append(piece)
      } else {
        let keepHead = max(0, range.lowerBound - start)
        let keepTail = max(0, end - range.upperBound)
        if keepHead > 0 { head.append(slice(piece, from: 0, length: keepHead)) }
        let cut = slice(piece, from: keepHead, length: piece.length - keepHead - keepTail)
        replaced = replaced.map { $0.union(cut.source) } ?? cut.source
        if keepTail > 0 { tail.append(slice(piece, from: piece.length - keepTail, length: keepTail)) }
      }
    }
    let anchor = lastEnd(head)
    let source = replaced ?? SourceRange(start: anchor, end: anchor)
    if length > 0 || !source.isEmpty {
      head.append(SourceMap.Piece(length: length, source: source, verbatim: false))
    }
    return head + tail
  }
}
