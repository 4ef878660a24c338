import Testing

@testable import CableMend

/// `NameModel.words` splits ASCII text on its bytes; it must give exactly the words of the
/// Character-based split it replaces, for any text.
@Suite struct NameModelWordsTests {
  static func reference(_ text: String) -> [String] {
    text.uppercased().split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init)
  }

  @Test(arguments: ["", "A", "AMBASSADOR", "Deputy Prime Minister", "  foreign-minister, of LAOS\r\n",
                    "1978-81", "ZÜRICH consul", "straße", "e\u{301}lan VITAL", "[]{}@`", "x"])
  func sameWordsAsTheCharacterSplit(text: String) {
    #expect(NameModel.words(text) == Self.reference(text))
  }

  @Test(arguments: 0..<30)
  func sameWordsOnRandomASCII(seed: Int) {
    var rng = SeededRandom(seed: UInt64(seed))
    let text = String(decoding: (0..<Int.random(in: 0...60, using: &rng)).map { _ in
      UInt8.random(in: 0...127, using: &rng)
    }, as: UTF8.self)
    #expect(NameModel.words(text) == Self.reference(text))
  }
}
