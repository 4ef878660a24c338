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

@Suite struct InputDecoderWindows1252Tests {
  static let cases: [(bytes: [UInt8], text: String, repairs: Int)] = [
    (Array("CAF".utf8) + [0xC9] + Array(" NOIR".utf8), "CAF\u{C9} NOIR", 1),
    ([0x93] + Array("YES".utf8) + [0x94] + Array(" HE SAID".utf8), "\u{201C}YES\u{201D} HE SAID", 2),
    (Array("12".utf8) + [0xB0] + Array(" NORTH OF THE LINE".utf8), "12\u{B0} NORTH OF THE LINE", 1),
  ]

  @Test(arguments: cases.indices)
  func loneWindows1252ByteInUTF8TextIsRead(_ index: Int) {
    let item = Self.cases[index]
    let document = InputDecoder.decode(item.bytes, name: "t")
    #expect(document.lines.map(\.text) == [item.text])
    #expect(document.edits.count == item.repairs)
    #expect(document.edits.allSatisfy { $0.kind == .decode && $0.after != "\u{FFFD}" && $0.source.count == 1 })
  }

  @Test func unclearBytesStayReplacementCharacters() {
    // 0x81 is undefined in Windows-1252; 0xE9 between digits touches no letter; two bad bytes
    // in a row are not lone.
    for bytes in [Array("A ".utf8) + [0x81] + Array(" B".utf8), Array("12".utf8) + [0xE9] + Array("34 5678".utf8),
                  Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8) + [0xE9, 0xE9] + Array("ABCDEFGHIJKLMNOP".utf8)] {
      let document = InputDecoder.decode(bytes, name: "t")
      #expect(document.lines[0].text.contains("\u{FFFD}"))
    }
  }

  @Test func mostlyBadLineStaysReplacementCharacters() {
    let bytes: [UInt8] = [0x41, 0xE9, 0x42, 0xE9, 0x43, 0xE9, 0x44]
    let document = InputDecoder.decode(bytes, name: "t")
    #expect(document.lines[0].text == "A\u{FFFD}B\u{FFFD}C\u{FFFD}D")
  }

  @Test func repairedByteMapsToItsInputByte() {
    let bytes = Array("CAF".utf8) + [0xC9] + Array(" NOIR".utf8)
    let line = InputDecoder.decode(bytes, name: "t").lines[0]
    #expect(line.source(ofUTF8: 3..<5) == SourceRange(start: 3, end: 4))
    #expect(line.source(ofUTF8: 6..<10) == SourceRange(start: 5, end: 9))
  }
}
