import Foundation
import Testing

@testable import CableMend

@Suite struct EditDistanceTests {
  /// Random strings over a small alphabet (so that they share a lot), crossing 64-bit block
  /// boundaries.
  static func randomPair(_ rng: inout SeededRandom, maxLength: Int) -> ([Character], [Character]) {
    let alphabet = Array("ABCD E")
    let n = Int.random(in: 0...maxLength, using: &rng)
    let a = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }
    // b is a mutated copy of a half of the time, so distances range from small to large.
    var b: [Character]
    if rng.chance(0.5) {
      b = a
      for _ in 0..<Int.random(in: 0...10, using: &rng) {
        let op = Int.random(in: 0..<3, using: &rng)
        let c = alphabet.randomElement(using: &rng)!
        if op == 0 || b.isEmpty {
          b.insert(c, at: Int.random(in: 0...b.count, using: &rng))
        } else if op == 1 {
          b.remove(at: Int.random(in: 0..<b.count, using: &rng))
        } else {
          b[Int.random(in: 0..<b.count, using: &rng)] = c
        }
      }
    } else {
      b = (0..<Int.random(in: 0...maxLength, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
    }
    return (a, b)
  }

  /// The `Equatable`-only overload: the textbook programme the fast one must agree with.
  static func reference<T: Equatable>(_ a: [T], _ b: [T]) -> Int { EditDistance.levenshtein(a, b) }

  @Test func bitParallelAgreesWithTheTableOnRandomInputs() {
    var rng = SeededRandom(seed: 7)
    for _ in 0..<150 {
      let (a, b) = Self.randomPair(&rng, maxLength: 200)
      #expect(EditDistance.levenshtein(a, b) == Self.reference(a, b), "\(String(a)) / \(String(b))")
    }
  }

  static func hashable<T: Hashable>(_ a: [T], _ b: [T]) -> Int { EditDistance.levenshtein(a, b) }

  /// Unicode scalars take a table-coded path (below U+0100) and a hashed one (above), and the
  /// automaton a one-word and a multi-word path: all must agree with the table, empty included.
  @Test(arguments: [3, 60, 64, 65, 300])
  func scalarsAgreeWithTheTable(maxLength: Int) {
    let alphabet: [Unicode.Scalar] = ["A", "B", " ", "\u{E9}", "\u{FF}", "\u{301}", "\u{410}", "\u{1F600}", "\u{0}"]
    var rng = SeededRandom(seed: UInt64(maxLength))
    func word(_ length: Int) -> [Unicode.Scalar] { (0..<length).map { _ in alphabet.randomElement(using: &rng)! } }
    for _ in 0..<60 {
      let a = word(Int.random(in: 0...maxLength, using: &rng))
      var b = rng.chance(0.5) ? a : word(Int.random(in: 0...maxLength, using: &rng))
      for _ in 0..<Int.random(in: 0...4, using: &rng) where !b.isEmpty {
        b[Int.random(in: 0..<b.count, using: &rng)] = alphabet.randomElement(using: &rng)!
      }
      #expect(EditDistance.levenshtein(a, b) == Self.reference(a, b))
      #expect(EditDistance.levenshtein(b, a) == Self.reference(a, b))
      #expect(Self.hashable(a, b) == Self.reference(a, b))  // the generic entry point
    }
    #expect(EditDistance.levenshtein([Unicode.Scalar](), []) == 0)
    #expect(EditDistance.levenshtein(["\u{1F600}"], [Unicode.Scalar]()) == 1)
  }

  @Test(arguments: [
    ("", "", 0), ("", "ABC", 3), ("ABC", "", 3), ("A", "A", 0), ("A", "B", 1),
    ("KITTEN", "SITTING", 3), ("FLAW", "LAWN", 2),
  ])
  func knownDistances(a: String, b: String, expected: Int) {
    #expect(EditDistance.levenshtein(Array(a), Array(b)) == expected)
  }

  @Test func blockBoundariesAreExact() {
    for n in [63, 64, 65, 127, 128, 129, 200] {
      let a = Array(repeating: "A", count: n)
      var b = a
      b[n - 1] = "B"
      #expect(EditDistance.levenshtein(a, b) == 1)
      #expect(EditDistance.levenshtein(a, Array(a.dropLast())) == 1)
      #expect(EditDistance.levenshtein(a, Array(repeating: "B", count: n)) == n)
    }
  }

  @Test func longDocumentsNeedNoTable() {
    // 20 000 × 20 000 would be 400 million cells as a table; the bit vectors need 313 words.
    var rng = SeededRandom(seed: 1)
    let a = (0..<20_000).map { _ in UInt8.random(in: 65...70, using: &rng) }
    var b = a
    b.removeSubrange(5_000..<5_010)
    b[15_000] = 90
    #expect(EditDistance.levenshtein(a, b) == 11)
  }

  /// Sellers' table: a match may start at any column (top row 0) and end at any (minimum of
  /// the last row).
  static func referenceSubstringDistance(_ p: [Character], _ t: [Character]) -> Int {
    var row = [Int](repeating: 0, count: t.count + 1)
    for (i, x) in p.enumerated() {
      var next = [i + 1] + [Int](repeating: 0, count: t.count)
      for (j, y) in t.enumerated() {
        next[j + 1] = min(row[j + 1] + 1, next[j] + 1, row[j] + (x == y ? 0 : 1))
      }
      row = next
    }
    return row.min()!
  }

  @Test func substringSearchFindsTheBestPlace() {
    var rng = SeededRandom(seed: 3)
    for _ in 0..<100 {
      let (p, t) = Self.randomPair(&rng, maxLength: 90)
      guard !p.isEmpty else { continue }
      let encoded = SymbolEncoding(pattern: p, text: t)
      let matcher = BitParallelMatcher(pattern: encoded.pattern, alphabetSize: encoded.alphabetSize)
      let (distance, _) = matcher.bestSubstringMatch(text: encoded.text)
      #expect(distance == Self.referenceSubstringDistance(p, t))
    }
  }

  @Test func segmentMatcherReturnsARangeWithTheDistance() {
    let text = SegmentMatcher.units("XXXX THE TREATY IS SIGNED YYYY", .scalars)
    let matcher = SegmentMatcher(hypothesis: text)
    let (distance, range) = matcher.locate(matcher.encode(SegmentMatcher.units("TREATY IS SIGNFD", .scalars)))
    #expect(distance == 1)
    #expect(text[range].joined() == "TREATY IS SIGNED")
  }
}

@Suite struct TextMetricsTests {
  @Test func normalisationTrimsLineEndsAndComposes() {
    #expect(TextMetrics.normalized("  A B \r\nC\t\n\n\n") == "A B\nC")
    #expect(TextMetrics.normalized("E\u{301}") == "\u{C9}")
    #expect(TextMetrics.normalized("A\n\nB") == "A\n\nB")
    #expect(TextMetrics.normalized("") == "")
    #expect(TextMetrics.normalized(" x ", MetricConventions(normalize: false)) == " x ")
  }

  @Test func cerCountsEditsOverReferenceLength() {
    let r = TextMetrics.characterErrorRate(reference: "THE CABLE", hypothesis: "THE CA8LE\n")
    #expect(r.errors == 1)
    #expect(r.referenceLength == 9)
    #expect(TextMetrics.characterErrorRate(reference: "", hypothesis: "").rate == 0)
    #expect(TextMetrics.characterErrorRate(reference: "", hypothesis: "X").rate == 1)
    #expect(TextMetrics.characterErrorRate(reference: "AB", hypothesis: "").rate == 1)
  }

  @Test func graphemesCountACombiningMarkWithItsBase() {
    // X + combining tilde has no precomposed form: two scalars, one grapheme.
    let scalars = TextMetrics.characterErrorRate(reference: "AXB", hypothesis: "AX\u{303}B")
    let graphemes = TextMetrics.characterErrorRate(
      reference: "AXB", hypothesis: "AX\u{303}B", MetricConventions(unit: .graphemes))
    #expect(scalars.errors == 1)
    #expect(graphemes.errors == 1)
    #expect(
      TextMetrics.characterErrorRate(
        reference: "AX\u{303}B", hypothesis: "AB", MetricConventions(unit: .graphemes)
      ).referenceLength == 3)
  }

  @Test(arguments: [
    ("THE U.S. POSITION, 3,000 TROOPS.", ["THE", "U.S", "POSITION", "3,000", "TROOPS"]),
    ("E.O. 11652: GDS", ["E.O", "11652", "GDS"]),
    ("WE'LL SEE -- (C) 1970-01-01", ["WE'LL", "SEE", "C", "1970", "01", "01"]),
    ("A.1 SNAKE_CASE X2Y", ["A", "1", "SNAKE_CASE", "X2Y"]),
    ("", []), ("... --- !!!", []),
    ("RAI\u{200B}NY SOFT\u{AD}HYPHEN JOI\u{200D}NED", ["RAI", "NY", "SOFT\u{AD}HYPHEN", "JOI\u{200D}NED"]),
  ])
  func unicodeWords(text: String, expected: [String]) {
    #expect(TextMetrics.words(text) == expected)
  }

  @Test func whitespaceWordsKeepPunctuation() {
    #expect(TextMetrics.words("E.O. 11652:", MetricConventions(words: .whitespace)) == ["E.O.", "11652:"])
  }

  @Test func werAndBagOfWords() {
    let gold = "ONE TWO THREE FOUR"
    let swapped = "THREE FOUR ONE TWO"
    #expect(TextMetrics.wordErrorRate(reference: gold, hypothesis: swapped).errors == 4)
    #expect(TextMetrics.bagOfWordsErrorRate(reference: gold, hypothesis: swapped).errors == 0)
    let substituted = TextMetrics.bagOfWordsErrorRate(reference: gold, hypothesis: "ONE TWO THREF FOUR")
    #expect(substituted.errors == 1)
    #expect(TextMetrics.bagOfWordsErrorRate(reference: gold, hypothesis: gold + " FOUR FOUR").errors == 2)
    #expect(TextMetrics.bagOfWordsErrorRate(reference: "", hypothesis: "").rate == 0)
  }
}

@Suite struct OrderTolerantMetricsTests {
  static let first = "1. THE AMBASSADOR MET THE MINISTER TODAY TO DISCUSS THE TREATY."
  static let second = "2. THE MINISTER SAID HIS GOVERNMENT WOULD REPLY BY FRIDAY."
  static let third = "3. EMBASSY WILL REPORT FURTHER WHEN THE REPLY ARRIVES."

  @Test func movedParagraphsCostNothingFlexiblyButCountInCER() {
    let gold = [Self.first, Self.second, Self.third].joined(separator: "\n\n")
    let moved = [Self.third, Self.first, Self.second].joined(separator: "\n\n")
    #expect(FlexibleCharacterAccuracy.errorRate(reference: gold, hypothesis: moved).errors == 0)
    #expect(TextMetrics.characterErrorRate(reference: gold, hypothesis: moved).errors > 40)
  }

  @Test func leftoverTextAndMissingTextBothCount() {
    let gold = Self.first
    #expect(FlexibleCharacterAccuracy.errorRate(reference: gold, hypothesis: gold + "\nPAGE 02").errors == 6)
    let missing = FlexibleCharacterAccuracy.errorRate(reference: gold, hypothesis: "")
    #expect(missing.errors == missing.referenceLength)
    #expect(FlexibleCharacterAccuracy.errorRate(reference: "", hypothesis: "").rate == 0)
  }

  @Test func longLinesAreCutIntoPieces() {
    let line = String(repeating: "WORD ", count: 60) + "END"
    let pieces = FlexibleCharacterAccuracy.pieces(of: line, .scalars)
    #expect(pieces.count > 1)
    #expect(pieces.allSatisfy { $0.count <= FlexibleCharacterAccuracy.maximumPiece })
    #expect(pieces.map { $0.joined() }.joined(separator: " ") == line)
  }

  @Test func orderAgreement() {
    let gold = [Self.first, Self.second, Self.third].joined(separator: "\n")
    let same = OrderAgreement.measure(reference: gold, hypothesis: gold)
    #expect(same.tau == 1)
    #expect(same.found == 3)
    let reversed = OrderAgreement.measure(
      reference: gold,
      hypothesis: [Self.third, Self.second, Self.first]
        .joined(separator: "\n"))
    #expect(reversed.tau == -1)
    let lost = OrderAgreement.measure(reference: gold, hypothesis: "NOTHING LIKE IT")
    #expect(lost.found == 0)
    #expect(lost.paragraphs == 3)
  }
}

@Suite struct TruthMetricsTests {
  static func edit(_ stage: StageName, _ before: String, _ after: String) -> Edit {
    Edit(
      stage: stage, kind: .replace, source: SourceRange(start: 0, end: before.utf8.count),
      before: before, after: after, reason: "test")
  }

  @Test func namePrecisionAndRecall() {
    let truth = [
      TruthFile.Substitution(wrong: "KISSINGFR", right: "KISSINGER"),
      TruthFile.Substitution(wrong: "R0GERS", right: "ROGERS"),
    ]
    let edits = [
      Self.edit(.names, "KISSINGFR", "KISSINGER"),  // correct
      Self.edit(.names, "HENRY KISSINGFR", "HENRY KISSINGER"),  // correct, wider span (not needed twice)
      Self.edit(.names, "R0GERS", "RODGERS"),  // wrong value
      Self.edit(.names, "PARIS", "PARIS."),  // not a corruption
      Self.edit(.unicode, "R0GERS", "ROGERS"),  // another stage: not scored
    ]
    let score = NameScore.score(edits: edits, truth: truth)
    #expect(score.edits == 4)
    #expect(score.correctEdits == 2)
    #expect(score.recalled == 1)
    #expect(score.precision == 0.5)
    #expect(score.recall == 0.5)
    #expect(NameScore.score(edits: [], truth: []).precision == nil)
  }

  @Test func furnitureResidueCountsOnlySurplusLines() {
    let gold = "SECRET\nFM AMEMBASSY PARIS\n\nTEXT OF THE CABLE."
    let output = "SECRET\nFM AMEMBASSY PARIS\n\nTEXT OF THE SECRET CABLE. PAGE 02 OF 03"
    let score = ResidueScore.measure(
      injected: ["SECRET", "SECRET", "PAGE 02 OF 03", "PAGE 03 OF 03", ""],
      output: output, gold: gold)
    #expect(score.injected == 4)
    #expect(score.remaining == 2)
    #expect(ResidueScore.measure(injected: [], output: output, gold: gold).rate == nil)
  }

  @Test func unicodeDamageIsMatchedExactly() {
    let gold = "THE PRESENCE. VILLAGERS OFFERED"
    let damaged = ["PRESENCE.\u{A0}VILLAGERS", "OFF\u{415}RED", "E\u{301}TE"]
    let untouched = ResidueScore.measure(
      injected: damaged, output: "THE PRESENCE.\u{A0}VILLAGERS OFF\u{415}RED", gold: gold, exact: true)
    #expect(untouched.remaining == 2)
    // The NFC form of the third token is what normalisation repairs by itself; it is not there.
    #expect(untouched.injected == 3)
    let repaired = ResidueScore.measure(injected: damaged, output: gold, gold: gold, exact: true)
    #expect(repaired.remaining == 0)
    // Flattened, a no-break space would look repaired: that is why unicode damage is exact.
    let flattened = ResidueScore.measure(
      injected: damaged, output: "THE PRESENCE.\u{A0}VILLAGERS OFFERED", gold: gold)
    #expect(flattened.remaining == 0)
  }

  @Test func scorecardJSONCarriesRatesAndRoundTrips() throws {
    var truth = TruthFile()
    truth.names = [TruthFile.Substitution(wrong: "R0GERS", right: "ROGERS")]
    truth.furniture = ["PAGE 02"]
    let card = Scorecard(
      gold: "ROGERS SAID NO", output: "PAGE 02\nROGERS SAID N0", truth: truth,
      edits: [Self.edit(.names, "R0GERS", "ROGERS")])
    let json = try card.json()
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let cer = try #require(object["cer"] as? [String: Any])
    #expect(cer["rate"] as? Double == card.cer.rate)
    let names = try #require(object["names"] as? [String: Any])
    #expect(names["precision"] as? Double == 1)
    #expect(try JSONDecoder().decode(Scorecard.self, from: json) == card)
  }

  @Test func textTableAlignsColumns() {
    let table = TextTable(header: ["name", "value"], rows: [["a", "1.00%"], ["longer", "10.00%"]]).rendered()
    #expect(table == "name     value\n------  ------\na        1.00%\nlonger  10.00%\n")
  }

  @Test func truthFilesMayOmitFields() throws {
    let truth = try JSONDecoder().decode(TruthFile.self, from: Data(#"{"level":"low"}"#.utf8))
    #expect(truth.level == "low")
    #expect(truth.names.isEmpty)
  }

  @Test func scorecardOfIdenticalTextsIsPerfect() {
    let text = OrderTolerantMetricsTests.first + "\n\n" + OrderTolerantMetricsTests.second
    let card = Scorecard(gold: text, output: text + "\n", truth: TruthFile(), edits: [])
    #expect(card.cer.errors == 0)
    #expect(card.wer.errors == 0)
    #expect(card.flexible.errors == 0)
    #expect(card.order.tau == 1)
    #expect(card.names?.precision == nil)
    #expect(card.textSummary().contains("CER"))
  }
}

@Suite struct HostileInputMetricsTests {
  static let hostile = [
    "", "\n\n\n", "   \t  ", "\u{200B}\u{200D}\u{FEFF}", "👩‍👩‍👧 FAMILY 🇺🇸 FLAG",
    "E\u{301}\u{302}\u{303} STACKED MARKS", "\u{202E}REVERSED\u{202C} TEXT", "\0\u{7}\u{1B}[31m CONTROL",
    "ПРИВЕТ МИР 中文 العربية", String(repeating: "A", count: 5_000),
  ]

  static let conventions = [
    MetricConventions(), MetricConventions(normalize: false),
    MetricConventions(unit: .graphemes, words: .whitespace),
  ]

  @Test(arguments: hostile, conventions)
  func aTextAgainstItselfHasNoErrors(text: String, conventions: MetricConventions) {
    let card = Scorecard(gold: text, output: text, conventions: conventions)
    #expect(card.cer.errors == 0)
    #expect(card.wer.errors == 0)
    #expect(card.bagOfWords.errors == 0)
    #expect(card.flexible.errors == 0)
    #expect(card.order.tau == 1)
  }

  @Test(arguments: hostile)
  func ratesAreBoundedByTheTextLengths(text: String) {
    let other = "SOMETHING ELSE ENTIRELY"
    let cer = TextMetrics.characterErrorRate(reference: text, hypothesis: other)
    let length = TextMetrics.normalized(text).unicodeScalars.count
    #expect(cer.referenceLength == length)
    #expect(cer.errors <= max(length, other.count))
    let flexible = FlexibleCharacterAccuracy.errorRate(reference: text, hypothesis: other)
    #expect(flexible.errors <= flexible.referenceLength + other.count)
  }
}
