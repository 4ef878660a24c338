import Testing

@testable import CableMend

@Suite struct SourceMapTests {
  @Test func verbatimLineMapsEveryByte() {
    let line = TextLine(text: "ABCDEF", source: SourceRange(start: 100, end: 106))
    #expect(line.source(ofUTF8: 2..<4) == SourceRange(start: 102, end: 104))
    #expect(line.source == SourceRange(start: 100, end: 106))
  }

  @Test func replacementMapsToTheReplacedBytes() {
    var line = TextLine(text: "UNCER SECRETARY", source: SourceRange(start: 10, end: 25))
    line.replaceUTF8(0..<5, with: "UNDER")
    #expect(line.text == "UNDER SECRETARY")
    #expect(line.source(ofUTF8: 0..<5) == SourceRange(start: 10, end: 15))
    #expect(line.source(ofUTF8: 6..<15) == SourceRange(start: 16, end: 25))
  }

  @Test func deletionKeepsTheRestExact() {
    var line = TextLine(text: "A\u{200B}B", source: SourceRange(start: 0, end: 5))
    line.replaceUTF8(1..<4, with: "")
    #expect(line.text == "AB")
    #expect(line.source(ofUTF8: 1..<2) == SourceRange(start: 4, end: 5))
    #expect(line.sourceMap.textLength == 2)
  }

  @Test func joinedLinesKeepBothSources() {
    let a = TextLine(text: "INFORMA-", source: SourceRange(start: 0, end: 8))
    let b = TextLine(text: "TION", source: SourceRange(start: 20, end: 24))
    let joined = TextLine.joined([a, b], separator: " ")
    #expect(joined.text == "INFORMA- TION")
    #expect(joined.source(ofUTF8: 9..<13) == SourceRange(start: 20, end: 24))
    #expect(joined.source == SourceRange(start: 0, end: 24))
  }
}
