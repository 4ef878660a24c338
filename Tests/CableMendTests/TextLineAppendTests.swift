import Testing

@testable import CableMend

/// The in-place growth unwrap uses must give the same text and source map as the copying
/// operations it replaces.
@Suite struct TextLineAppendTests {
  /// A line with a few earlier repairs, so its map has verbatim, replaced and deleted pieces.
  static func line(seed: UInt64) -> TextLine {
    var rng = SeededRandom(seed: seed)
    let words = ["ALPHA", "B", "CÉ", "DELTA  ", "-", "\u{201C}Q\u{201D}", "", "  "]
    let text = (0..<6).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ")
    var line = TextLine(text: text, source: SourceRange(start: 100, end: 100 + text.utf8.count))
    for _ in 0..<3 {
      let count = line.text.utf8.count
      guard count > 2 else { break }
      let lower = Int.random(in: 0..<(count - 1), using: &rng)
      let upper = Int.random(in: lower...min(count, lower + 3), using: &rng)
      let bytes = Array(line.text.utf8)
      // Only cut at scalar boundaries.
      guard lower == 0 || bytes[lower] & 0xC0 != 0x80, upper == count || bytes[upper] & 0xC0 != 0x80 else { continue }
      line.replaceUTF8(lower..<upper, with: ["", "X", "YZ"][Int.random(in: 0..<3, using: &rng)])
    }
    return line
  }

  @Test(arguments: 0..<40)
  func removingASuffixEqualsReplacingItWithNothing(seed: Int) {
    let line = Self.line(seed: UInt64(seed))
    let bytes = Array(line.text.utf8)
    for offset in 0...bytes.count where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
      var fast = line
      fast.removeUTF8Suffix(from: offset)
      var slow = line
      slow.replaceUTF8(offset..<bytes.count, with: "")
      #expect(fast == slow, "offset \(offset) of \(line.text.debugDescription)")
    }
  }

  @Test(arguments: ["", " ", "--"])
  func appendingEqualsJoining(separator: String) {
    for seed in 0..<10 {
      let head = Self.line(seed: UInt64(seed)), tail = Self.line(seed: UInt64(seed + 100))
      var fast = head
      fast.append(tail, separator: separator)
      #expect(fast == TextLine.joined([head, tail], separator: separator, kind: head.kind))
    }
  }

  @Test func emptyLines() {
    var empty = TextLine(text: "", source: SourceRange(start: 0, end: 0))
    empty.removeUTF8Suffix(from: 0)
    #expect(empty.text.isEmpty)
    empty.append(TextLine(text: "A", source: SourceRange(start: 0, end: 1)), separator: "")
    #expect(empty.text == "A")
  }
}
