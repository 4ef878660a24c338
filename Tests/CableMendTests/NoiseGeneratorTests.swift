import Foundation
import Testing

@testable import CableMend

@Suite struct NoiseGeneratorTests {
  static func telegram(_ id: String) throws -> String {
    try String(
      contentsOf: SupportPaths.corpus.appendingPathComponent("telegrams/\(id).gold.txt"), encoding: .utf8)
  }

  /// Lines of the rendered dump, blank lines dropped.
  static func lines(_ raw: String) -> [String] {
    raw.split(whereSeparator: { $0 == "\n" || $0 == "\u{0C}" }).map(String.init)
  }

  @Test(arguments: NoiseLevel.allCases)
  func sameSeedSameBytes(level: NoiseLevel) throws {
    let gold = try Self.telegram("t19_state_1984_amman")
    let a = NoiseGenerator(level: level, seed: 42).generate(gold: gold, source: "t19")
    let b = NoiseGenerator(level: level, seed: 42).generate(gold: gold, source: "t19")
    let c = NoiseGenerator(level: level, seed: 43).generate(gold: gold, source: "t19")
    #expect(a.raw == b.raw)
    #expect(a.truth == b.truth)
    #expect(a.raw != c.raw)
    #expect(a.truth.seed == 42 && a.truth.level == level.rawValue && a.truth.source == "t19")
  }

  @Test func everyKindOfNoiseIsAppliedAndRecorded() throws {
    let gold = try Self.telegram("t24_state_1991_ankara")
    let (raw, truth) = NoiseGenerator(level: .high, seed: 7).generate(gold: gold)
    let rawLines = Self.lines(raw)
    #expect(!truth.names.isEmpty)
    for name in truth.names {
      #expect(raw.contains(name.wrong), "misspelling \(name.wrong) not in the dump")
      #expect(name.wrong != name.right)
    }
    #expect(!truth.furniture.isEmpty)
    for line in truth.furniture {
      #expect(rawLines.contains(line), "furniture '\(line)' not a line of the dump")
    }
    #expect(!truth.unicode.isEmpty)
    for damage in truth.unicode {
      #expect(raw.contains(damage.wrong))
      #expect(
        damage.wrong.unicodeScalars.contains { $0.value > 0x7E },
        "'\(damage.wrong)' has no non-ASCII character")
    }
    #expect(!truth.duplicates.isEmpty)
    // Copies are re-OCR'd, so they need not equal their originals; each is a line of the dump.
    for copy in truth.duplicates { #expect(rawLines.contains(copy), "'\(copy)' is not a line of the dump") }
    #expect(!truth.moves.isEmpty)
    #expect(truth.damage.first?.hasPrefix("paper") == true)
    for kind in ["hyphenation", "names", "unicode", "duplicates", "furniture", "layout"] {
      #expect(truth.damage.contains { $0.hasPrefix(kind) }, "no \(kind) entry in the damage list")
    }
  }

  @Test func highLevelDropsAndShufflesPagesOfLongTelegrams() throws {
    let gold = try Self.telegram("t24_state_1991_ankara")
    let truths = (1...8).map { NoiseGenerator(level: .high, seed: UInt64($0)).generate(gold: gold).truth }
    #expect(truths.contains { !$0.droppedPages.isEmpty })
    #expect(truths.contains { $0.moves.contains { $0.hasPrefix("pages shuffled") } })
    for truth in truths { #expect(!truth.droppedPages.contains(1), "the first page must never be dropped") }
  }

  /// Bag-of-words error: words of the gold missing from the dump plus words of the dump not in
  /// the gold, over the gold's word count. O(n), unlike an edit distance, so the test stays fast.
  static func wordError(gold: String, raw: String) -> Double {
    var bag: [Substring: Int] = [:]
    let goldWords = gold.split(whereSeparator: \.isWhitespace)
    for word in goldWords { bag[word, default: 0] += 1 }
    var extra = 0
    for word in raw.split(whereSeparator: { $0.isWhitespace || $0 == "\u{A0}" }) {
      if let n = bag[word], n > 0 { bag[word] = n - 1 } else { extra += 1 }
    }
    return Double(bag.values.reduce(0, +) + extra) / Double(max(goldWords.count, 1))
  }

  @Test func levelsAreOrderedByDamage() throws {
    let gold = try Self.telegram("t24_state_1991_ankara")
    func meanCER(_ level: NoiseLevel) -> Double {
      let rates = (1...4).map { seed in
        Self.wordError(
          gold: gold, raw: NoiseGenerator(level: level, seed: UInt64(seed)).generate(gold: gold).raw)
      }
      return rates.reduce(0, +) / Double(rates.count)
    }
    let (low, medium, high) = (meanCER(.low), meanCER(.medium), meanCER(.high))
    #expect(low > 0)
    #expect(low < medium, "low \(low) medium \(medium)")
    #expect(medium < high, "medium \(medium) high \(high)")
  }

  @Test(arguments: ["", "\n", "R 010000Z JAN 80\n"])
  func emptyAndOneLineInputs(gold: String) {
    for level in NoiseLevel.allCases {
      let a = NoiseGenerator(level: level, seed: 1).generate(gold: gold)
      let b = NoiseGenerator(level: level, seed: 1).generate(gold: gold)
      #expect(a.raw == b.raw)
      #expect(a.truth.names.isEmpty)
      #expect(a.truth.droppedPages.isEmpty)
      if gold.count > 1 { #expect(a.raw.contains("010000Z")) }
    }
  }

  @Test func hostileInputIsDamagedWithoutCrashing() {
    let gold = "ÄÖÜ \u{200B}\u{FEFF} 😀 \r\n\t\u{0C} --'\"\n" + String(repeating: "WORD ", count: 400)
    let (raw, truth) = NoiseGenerator(level: .high, seed: 9).generate(gold: gold)
    #expect(!raw.isEmpty)
    #expect(truth.level == "high")
  }

  @Test func ocrTextReplacesTheLayout() {
    let gold = "R 010000Z JAN 80\nFM AMEMBASSY OSLO\nTO SECSTATE WASHDC\n\n1. TEXT.\n\nSTUART\n"
    let ocr = "R 0100002 JAN 80\nFM AMEMBASSY 0SLO\n\u{0C}1. TEXT.\n\nSTUART\n\u{0C}\n"
    let (raw, truth) = NoiseGenerator(level: .medium, seed: 3).generate(gold: gold, ocrText: ocr)
    #expect(truth.damage.contains("ocr 2 pages from rendered page images"))
    #expect(raw.contains("0SLO"))
  }

  @Test func cleanPagesAreWrappedAndSplitByFormFeeds() throws {
    let gold = try Self.telegram("t24_state_1991_ankara")
    let generator = NoiseGenerator(level: .medium, seed: 5)
    let pages = generator.cleanPages(gold: gold).split(separator: "\u{0C}")
    #expect(pages.count >= 3)
    let words = pages.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    // Only injected hyphens differ from the gold's words.
    #expect(
      words.replacingOccurrences(of: "- ", with: "").count
        <= gold.split(whereSeparator: \.isWhitespace).joined(separator: " ").count)
    // Header fields stay one a line; every other line is wrapped.
    let header = Set(CableFacts(gold: gold).headerLines)
    for line in pages.joined(separator: "\n").split(separator: "\n") where !header.contains(String(line)) {
      #expect(line.count <= generator.settings.wrapColumns.upperBound)
    }
  }
}

@Suite struct NoiseComponentTests {
  @Test(arguments: UnicodeDamageKind.allCases)
  func eachUnicodeKindLeavesItsMark(kind: UnicodeDamageKind) {
    let damager = UnicodeDamager(rate: 1, kinds: kind == .mojibake ? [.dash, .mojibake] : [kind])
    var random = SeededRandom(seed: 11)
    let line = "THE MINISTER'S \"VIEW\" -- AS TOLD TO THE EMBASSY ON MARCH 4"
    let (damaged, records) = damager.damage(line, protected: [], random: &random)
    #expect(damaged != line)
    #expect(!records.isEmpty)
    let marks: [UnicodeDamageKind: (Unicode.Scalar) -> Bool] = [
      .curlyQuote: { (0x2018...0x201D).contains($0.value) },
      .dash: { $0.value == 0x2014 },
      .noBreakSpace: { $0.value == 0xA0 },
      .zeroWidth: { [0x200B, 0xFEFF, 0xAD, 0x200C].contains($0.value) },
      .cyrillic: { (0x0400...0x04FF).contains($0.value) },
      .mojibake: { $0.value == 0xE2 },
    ]
    #expect(damaged.unicodeScalars.contains(where: marks[kind]!))
  }

  @Test func protectedWordsAreLeftAlone() {
    var random = SeededRandom(seed: 2)
    let damager = UnicodeDamager(rate: 1, kinds: [.cyrillic, .zeroWidth])
    let (damaged, _) = damager.damage("KINNITT MET", protected: ["KINNITT"], random: &random)
    #expect(damaged.hasPrefix("KINNITT "))
  }

  @Test(arguments: ["KIMMITT", "SOLOMON", "BAKER", "EAGLEBURGER"])
  func misspellingsUseOCRConfusions(name: String) {
    var random = SeededRandom(seed: 4)
    let wrong = OCRNameSpelling.misspell(name, random: &random)
    #expect(wrong != nil && wrong != name)
    #expect(abs((wrong?.count ?? 0) - name.count) <= 2)
  }

  @Test func wordsWithoutConfusableLettersAreNotMisspelt() {
    var random = SeededRandom(seed: 4)
    #expect(OCRNameSpelling.misspell("", random: &random) == nil)
    #expect(OCRNameSpelling.misspell("XYZ", random: &random) == nil)
  }

  @Test func hyphenatorBreaksOnlyLongPlainWordsWithinTheWidth() {
    let lines = [
      "THE TALKS COVERED", "INTERNATIONAL SECURITY", "", "NON-PROLIFERATION AND", "RESPONSIBILITIES",
    ]
    let page = NoisyDump.Page(number: 1, lines: lines.map { NoisyDump.Line($0) })
    var dump = NoisyDump(pages: [page], facts: CableFacts(), truth: TruthFile())
    var random = SeededRandom(seed: 1)
    LineEndHyphenator(chance: 1, width: 30).apply(to: &dump, using: &random)
    let out = dump.pages[0].lines.map(\.text)
    #expect(out[0] == "THE TALKS COVERED INTERNATIO-")
    #expect(out[1] == "NAL SECURITY")
    #expect(out[2] == "")
    #expect(out.allSatisfy { $0.count <= 30 })
    #expect(dump.truth.damage == ["hyphenation 2 words broken at line ends"])
    // The real hyphen of NON-PROLIFERATION is never a break point; RESPONSIBILITIES is.
    #expect(Array(out[3...]) == ["NON-PROLIFERATION AND RESPONS-", "IBILITIES"])
  }

  @Test func factsAreReadFromTheHeader() throws {
    let facts = CableFacts(gold: try NoiseGeneratorTests.telegram("t23_tunis_1990"))
    #expect(facts.classification == "SECRET")
    #expect(facts.origin == "TUNIS" && facts.number == "07318")
    #expect(facts.caption == "NODIS" && facts.signature == "PELLETREAU" && facts.year == 90)
    #expect(!facts.outgoing)
    #expect(CableFacts(gold: "").classification == "UNCLASSIFIED")
  }
}
