import Testing

@testable import CableMend

/// Runs the `unicode` stage on `text` and returns the lines, the edits and the input bytes.
private func clean(_ text: String, teletype: Bool = true) -> (text: String, edits: [Edit], input: [UInt8]) {
  let input = Array(text.utf8)
  return clean(bytes: input, teletype: teletype)
}

private func clean(bytes input: [UInt8], teletype: Bool = true) -> (text: String, edits: [Edit], input: [UInt8]) {
  var document = InputDecoder.decode(input, name: "test")
  let decodeEdits = document.edits.count
  let stage = try! UnicodeCleaner(options: MendOptions(teletype: teletype))
  stage.run(&document)
  return (document.lines.map(\.text).joined(separator: "\n"), Array(document.edits[decodeEdits...]), input)
}

@Suite struct UnicodeCleanerTests {
  @Test func emptyInputGivesNothing() {
    let result = clean("")
    #expect(result.text.isEmpty)
    #expect(result.edits.isEmpty)
  }

  @Test func plainASCIILineIsUntouched() {
    let line = "1. THE SECRETARY MET WITH FOREIGN MINISTER SHEVARDNADZE\tON 12 MAY."
    let result = clean(line)
    #expect(result.text == line)
    #expect(result.edits.isEmpty)
  }

  @Test func manyLinesEachRepairedOnItsOwn() {
    let result = clean("CAF\u{C3}\u{2030}\nPLAIN LINE\nA\u{200B}B\nDON\u{2019}T")
    #expect(result.text == "CAF\u{C9}\nPLAIN LINE\nAB\nDON'T")
    #expect(result.edits.count == 3)
  }

  struct RepairCase: Sendable, CustomTestStringConvertible {
    var input: String
    var output: String
    /// Byte range of the first edit in the input, and its reason's start.
    var source: Range<Int>
    var reason: String
    var teletype = false
    var testDescription: String { reason }
  }

  static let repairCases: [RepairCase] = [
    RepairCase(input: "A\u{200B}B", output: "AB", source: 1..<4, reason: "invisible character U+200B"),
    RepairCase(input: "INFOR\u{AD}MATION", output: "INFORMATION", source: 5..<7, reason: "invisible character U+00AD"),
    RepairCase(input: "NO\u{A0}BREAK", output: "NO BREAK", source: 2..<4, reason: "odd space U+00A0"),
    RepairCase(input: "THIN\u{2009}SPACE", output: "THIN SPACE", source: 4..<7, reason: "odd space U+2009"),
    RepairCase(input: "of\u{FB01}ce", output: "office", source: 2..<5, reason: "compatibility ligature U+FB01"),
    RepairCase(input: "\u{FF21}\u{FF22}C", output: "ABC", source: 0..<3, reason: "compatibility form U+FF21"),
    RepairCase(input: "CAFE\u{301} NOIR", output: "CAF\u{C9} NOIR", source: 3..<6, reason: "canonical composition"),
    RepairCase(input: "It\u{E2}\u{20AC}\u{2122}s", output: "It\u{2019}s", source: 2..<10,
               reason: "mojibake: UTF-8 bytes E2 80 99 read as Windows-1252"),
    RepairCase(input: "Ren\u{C3}\u{A9}e", output: "Ren\u{E9}e", source: 3..<7,
               reason: "mojibake: UTF-8 bytes C3 A9"),
    RepairCase(input: "PLAIN", output: "PLAIN", source: 0..<0, reason: "nothing"),
    RepairCase(input: "BELL\u{7}X", output: "BELLX", source: 4..<5, reason: "control character U+0007"),
    RepairCase(input: "SAID\u{85}", output: "SAID\u{2026}", source: 4..<6, reason: "C1 control U+0085"),
    RepairCase(input: "S\u{415}CRETARY", output: "SECRETARY", source: 1..<3, reason: "look-alike U+0415"),
    RepairCase(input: "\u{39F}FFICE", output: "OFFICE", source: 0..<2, reason: "look-alike U+039F"),
    RepairCase(input: "\u{201C}NO\u{201D}", output: "\"NO\"", source: 0..<3, reason: "teletype: U+201C",
               teletype: true),
    RepairCase(input: "1989\u{2014}1990", output: "1989--1990", source: 4..<7, reason: "teletype: U+2014",
               teletype: true),
  ]

  @Test(arguments: repairCases)
  func eachRepairKind(_ item: RepairCase) {
    let result = clean(item.input, teletype: item.teletype)
    #expect(result.text == item.output)
    #expect(result.text.unicodeScalars.elementsEqual(item.output.unicodeScalars))
    if item.source.isEmpty {
      #expect(result.edits.isEmpty)
    } else {
      #expect(result.edits.first?.source.range == item.source)
      #expect(result.edits.first?.reason.hasPrefix(item.reason) == true)
      #expect(result.edits.first.map { String(decoding: result.input[$0.source.range], as: UTF8.self) }
        == result.edits.first?.before)
    }
  }

  @Test func doubleMojibakeIsUndoneLayerByLayer() {
    let result = clean("doesn\u{C3}\u{A2}\u{E2}\u{201A}\u{AC}\u{E2}\u{201E}\u{A2}t", teletype: false)
    #expect(result.text == "doesn\u{2019}t")
    #expect(result.edits.allSatisfy { $0.source.start >= 5 && $0.source.end <= 5 + 18 })
  }

  @Test func mojibakeThroughWindows1251() {
    let result = clean("\u{420}\u{491}\u{420}\u{455}\u{421}\u{402}\u{420}\u{455}\u{420}\u{456}\u{420}\u{B5}")
    #expect(result.text == "\u{434}\u{43E}\u{440}\u{43E}\u{433}\u{435}")
    #expect(result.edits.first?.reason == "mojibake: UTF-8 read as windows-1251")
  }

  @Test func teletypeFoldingOnlyWhenAsked() {
    let text = "\u{2018}IT\u{2019}S\u{2019} \u{2013} OK"
    #expect(clean(text, teletype: false).text == text)
    #expect(clean(text, teletype: true).text == "'IT'S' - OK")
  }

  @Test func mojibakeThenTeletypeAreTwoEditsOnTheSameBytes() {
    let result = clean("DON\u{E2}\u{20AC}\u{2122}T")
    #expect(result.text == "DON'T")
    #expect(result.edits.map(\.after) == ["\u{2019}", "'"])
    #expect(result.edits.allSatisfy { $0.source == SourceRange(start: 3, end: 11) })
  }

  /// Correct text in many scripts that looks a little like mojibake stays exactly as it is.
  @Test(arguments: [
    "NESTL\u{C9}\u{AE} SA", "\u{D4}\u{F4}\u{F4} VIDA MINHA", "caf\u{E9} na\u{EF}ve r\u{E9}sum\u{E9}",
    "\u{395}\u{3BB}\u{3BB}\u{3B7}\u{3BD}\u{3B9}\u{3BA}\u{3AC}", "\u{41C}\u{43E}\u{441}\u{43A}\u{432}\u{430}",
    "\u{412}\u{406}\u{41A}\u{406} is WIKI", "5\u{D7}\u{A3}35", "VOC\u{CA}\u{2026}", "AH\u{C5}\u{2122}",
    "Dr\u{E5}ber Z\u{FC}rich Stra\u{DF}e", "(-1/2)! = \u{221A}\u{3C0}", "10 \u{C5}\u{2014}",
    "There are a lot of \u{C3}\u{2019}s", "\u{2206}\u{B0}", "M\u{C4}\u{A3}\u{C4}M",
  ])
  func correctTextIsUntouched(_ text: String) {
    let result = clean(text, teletype: false)
    #expect(result.text.unicodeScalars.elementsEqual(text.unicodeScalars))
    #expect(result.edits.isEmpty)
  }

  /// Random mixes of clean and damaged fragments: every edit's `before` is exactly the input
  /// bytes it names, and the untouched text between edits is copied through.
  @Test(arguments: [UInt64(1), 2, 3, 4, 5])
  func offsetsAreExact(seed: UInt64) {
    let fragments = ["SECRETARY ", "\u{200B}", "\u{E2}\u{20AC}\u{2122}", "Ren\u{C3}\u{A9}e ", "\u{FB01}",
                     "\u{A0}", "NO", "\u{7}", "S\u{415}C ", "caf\u{E9} ", "e\u{301}", "\u{FF21}", " "]
    var random = SeededRandom(seed: seed)
    var text = ""
    for _ in 0..<200 { text += fragments.randomElement(using: &random)! }
    let result = clean(text, teletype: false)
    #expect(!result.edits.isEmpty)
    for edit in result.edits {
      #expect(edit.source.end <= result.input.count)
      #expect(String(decoding: result.input[edit.source.range], as: UTF8.self) == edit.before)
    }
    var rebuilt = result.input
    for edit in result.edits.sorted(by: { $0.source.start > $1.source.start }) {
      rebuilt.replaceSubrange(edit.source.range, with: Array(edit.after.utf8))
    }
    #expect(String(decoding: rebuilt, as: UTF8.self) == result.text)
  }

  @Test func randomBytesNeverLeaveControlsOrInvisibles() {
    var random = SeededRandom(seed: 42)
    let bytes = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &random) }
    let result = clean(bytes: bytes)
    #expect(!result.text.isEmpty)
    for scalar in result.text.unicodeScalars {
      #expect(scalar == "\t" || scalar == "\n" || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)))
      #expect(scalar.value != 0x200B && scalar.value != 0xAD)
    }
    #expect(result.edits.allSatisfy { $0.source.end <= bytes.count && $0.stage == .unicode })
  }

  /// A 50 MB line without a newline: mostly ASCII, with a repair every 64 KB. It must come
  /// through whole, with every repair made and recorded.
  @Test func fiftyMegabyteLine() {
    let filler = Array("THE SECRETARY WILL RAISE THE ISSUE WITH THE MINISTER. ".utf8)
    let damage = Array("CAF\u{C3}\u{2030}\u{200B}".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(50_000_000 + 100)
    var repairs = 0
    while bytes.count < 50_000_000 {
      for _ in 0..<(65_536 / filler.count) { bytes += filler }
      bytes += damage + [0x20]
      repairs += 1
    }
    let result = clean(bytes: bytes)
    #expect(result.edits.count == repairs * 2)
    #expect(result.text.utf8.count == bytes.count - repairs * (damage.count - 5))
    let endsRight = result.text.hasSuffix("CAF\u{C9} ")  // a failure must not print 50 MB
    #expect(endsRight)
  }
}
