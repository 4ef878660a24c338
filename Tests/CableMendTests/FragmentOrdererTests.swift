import CableMend
import Foundation
import Testing

@Suite struct FragmentOrdererTests {
  static func mend(_ text: String, markGaps: Bool = false) throws -> MendResult {
    try Pipeline(options: MendOptions(stages: [.unwrap, .order], markGaps: markGaps)).mend(Array(text.utf8))
  }

  static func body(_ result: MendResult) -> [String] {
    let blocks = result.text.components(separatedBy: "\n\n")
    return Array(blocks.dropFirst())
  }

  @Test func emptyAndOneLine() throws {
    #expect(try Self.mend("").text == "")
    #expect(try Self.mend("1. ONE PARAGRAPH.\n").text == "1. ONE PARAGRAPH.\n")
  }

  @Test func headerFirstSignatureLastAndBrokenSentenceRejoined() throws {
    let text = """
      TO DEAL EFFECTIVELY WITH THE CRISIS.

      O P 040336Z DEC 90

      FM SECSTATE WASHDC

      TO AMEMBASSY PARIS IMMEDIATE

      SECRET STATE 123456

      1. POSTS SHOULD DRAW ON THE FOLLOWING.

      --THE PRESIDENT STRESSED THE NEED

      --SECOND, HE THANKED THE MINISTER.
      BAKER
      """
    let result = try Self.mend(text)
    #expect(result.text == """
      O P 040336Z DEC 90
      FM SECSTATE WASHDC
      TO AMEMBASSY PARIS IMMEDIATE
      SECRET STATE 123456

      1. POSTS SHOULD DRAW ON THE FOLLOWING.

      --THE PRESIDENT STRESSED THE NEED TO DEAL EFFECTIVELY WITH THE CRISIS.

      --SECOND, HE THANKED THE MINISTER.

      BAKER

      """)
    let moves = result.document.edits.filter { $0.kind == .move }
    #expect(!moves.isEmpty)
    #expect(moves.allSatisfy { !$0.reason.isEmpty })
    #expect(result.document.edits.contains { $0.kind == .merge && $0.stage == .order })
  }

  @Test func numberedParagraphsComeBackInOrder() throws {
    let text = """
      3. THIRD PARAGRAPH ON THE GRAIN ARRANGEMENT.

      1. FIRST PARAGRAPH ON THE VISIT.

      2. SECOND PARAGRAPH ON THE GRAIN ARRANGEMENT.

      4. FOURTH PARAGRAPH.
      """
    let result = try Self.mend(text)
    #expect(result.text.components(separatedBy: "\n\n").map { $0.prefix(2) } == ["1.", "2.", "3.", "4."])
  }

  @Test func headingPrecedesItsBullets() throws {
    let text = """
      1. TALKING POINTS FOLLOW.

      --KIMMITT SAID KOREA WAS CALM.

      KOREA

      CONGRESS

      --THE SENATOR SPOKE ABOUT THE CONGRESS AND TRADE.

      --THE SECRETARY THANKED HIM.
      BAKER
      """
    let result = try Self.mend(text)
    let blocks = result.text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
    let korea = try #require(blocks.firstIndex(of: "KOREA"))
    // Known limitation: a heading scanned after its only bullet stays there, because the
    // input-position prior outweighs the heading's shared word (README, `order`).
    withKnownIssue("heading cue weaker than the position prior") {
      #expect(blocks[korea + 1].hasPrefix("--KIMMITT"))
    }
  }

  @Test func missingPagesAreNotedAndMarked() throws {
    var document = InputDecoder.decode(Array("1. FIRST PAGE TEXT.\n\n4. LAST PAGE TEXT.\n".utf8), name: "t")
    document.pages = [PageInfo(number: 1, total: 3, source: SourceRange(start: 0, end: 20), boundary: "test"),
                      PageInfo(number: 3, total: 3, source: SourceRange(start: 20, end: 40), boundary: "test")]
    for k in document.lines.indices { document.lines[k].page = k < 2 ? 0 : 1 }
    try LineUnwrapper(options: MendOptions()).run(&document)
    try FragmentOrderer(options: MendOptions(markGaps: true)).run(&document)
    #expect(document.structure?.missingPages == [2])
    #expect(document.notes.contains { $0.contains("missing") })
    #expect(TextRenderer.render(document).contains("[PAGE 2 OF 3 MISSING]"))
    #expect(document.edits.contains { $0.kind == .insert })
  }

  @Test func pagesFollowTheirNumbers() throws {
    let text = "2. SECOND PAGE TEXT.\n\n1. FIRST PAGE TEXT.\n"
    var document = InputDecoder.decode(Array(text.utf8), name: "t")
    document.pages = [PageInfo(number: 2, total: 2, source: SourceRange(start: 0, end: 21), boundary: "test"),
                      PageInfo(number: 1, total: 2, source: SourceRange(start: 21, end: 40), boundary: "test")]
    for k in document.lines.indices { document.lines[k].page = k < 2 ? 0 : 1 }
    try FragmentOrderer(options: MendOptions()).run(&document)
    #expect(TextRenderer.render(document) == "1. FIRST PAGE TEXT.\n\n2. SECOND PAGE TEXT.\n")
  }

  @Test func scramblerIsDeterministicAndRecordsTruth() {
    let gold = "O 010101Z JAN 90\nFM SECSTATE WASHDC\nTO AMEMBASSY PARIS\nSECRET STATE 000001\n\n"
      + (1...12).map { "\($0). PARAGRAPH NUMBER \($0) " + String(repeating: "WITH SOME WORDS ", count: 8) + "END." }.joined(separator: "\n\n")
      + "\n\nBAKER\n"
    let a = Scrambler().scramble(gold: gold, seed: 7, source: "test")
    let b = Scrambler().scramble(gold: gold, seed: 7, source: "test")
    #expect(a.rawText() == b.rawText())
    #expect(a.truth.seed == 7)
    #expect(!a.expectedBody.isEmpty)
  }

  /// A paragraph that is only a marking (`1. (C - ENTIRE TEXT)`) is complete: no fragment is
  /// joined onto it as the rest of a broken sentence. A one-word marking may still continue.
  @Test(arguments: [
    ("1. (C - ENTIRE TEXT)", true), ("12. (U) ENTIRE TEXT.", true), ("1. (C)", false),
    ("1. (LOU - ENTIRE TEXT", false), ("(C - ENTIRE TEXT)", false), ("", true),
    ("3. THE MINISTER SAID (IN PRIVATE)", false),
  ])
  func wholeMarkingParagraphEndsASentence(text: String, ends: Bool) {
    #expect(LineClassifier.endsSentence(text) == ends)
  }
}
