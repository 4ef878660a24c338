import Testing

@testable import CableMend

@Suite struct InputDecoderTests {
  @Test func emptyInputHasNoLines() {
    let document = InputDecoder.decode([UInt8](), name: "empty")
    #expect(document.lines.isEmpty)
    #expect(document.edits.isEmpty)
  }

  @Test func splitsEveryKindOfLineEnd() {
    let document = InputDecoder.decode(Array("A\r\nB\rC\nD".utf8), name: "t")
    #expect(document.lines.map(\.text) == ["A", "B", "C", "D"])
    #expect(document.lines[3].source == SourceRange(start: 7, end: 8))
  }

  @Test func formFeedMarksTheNextLine() {
    let document = InputDecoder.decode(Array("PAGE 1\n\u{0C}PAGE 2\n".utf8), name: "t")
    #expect(document.lines.map(\.text) == ["PAGE 1", "PAGE 2"])
    #expect(document.lines.map(\.followsFormFeed) == [false, true])
  }

  @Test func invalidBytesAreSubstitutedAndRecorded() {
    let bytes: [UInt8] = Array("AB".utf8) + [0xFF, 0xC3] + Array("CD".utf8)
    let document = InputDecoder.decode(bytes, name: "t")
    #expect(document.lines.map(\.text) == ["AB\u{FFFD}\u{FFFD}CD"])
    #expect(document.edits.map(\.source.start) == [2, 3])
    #expect(document.edits.allSatisfy { $0.kind == .decode })
    #expect(document.lines[0].source(ofUTF8: 8..<10) == SourceRange(start: 4, end: 6))
  }
}
