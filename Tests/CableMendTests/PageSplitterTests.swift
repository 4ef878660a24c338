import CableMend
import Testing

@Suite("PageSplitter")
struct PageSplitterTests {
  static func split(_ text: String) throws -> Document {
    try Pipeline(options: MendOptions(stages: [.pages])).mend(Array(text.utf8), name: "test").document
  }

  @Test func emptyInputHasNoPages() throws {
    #expect(try Self.split("").pages.isEmpty)
  }

  @Test func oneUnmarkedPage() throws {
    let document = try Self.split("1. ONE PARAGRAPH.\n\n2. ANOTHER.\n")
    #expect(document.pages.count == 1)
    #expect(document.pages[0].number == nil)
    #expect(document.pages[0].boundary == "start")
    #expect(document.lines.allSatisfy { $0.page == 0 })
  }

  /// Page heads number the pages; two heads above the same text (`PAGE 01 OF 02` and an inner
  /// `PAGE 01`) label one page; the banner above a head starts its page.
  @Test func markersNumberThePages() throws {
    let text = """
      SECRET
      PAGE 01 OF 03 STATE 415364 0000002
      PAGE 01 STATE 415364
      1. FIRST PAGE TEXT.
      SECRET

      SECRET
      PAGE 02 OF 03 STATE 415364 0000002
      2. SECOND PAGE TEXT.
      SECRET
      PAGE 03 OF 03 STATE 415364 0000002
      3. THIRD PAGE TEXT.
      """
    let document = try Self.split(text)
    #expect(document.pages.map(\.number) == [1, 2, 3])
    #expect(document.pages.map(\.total) == [3, 3, 3])
    #expect(document.pages.map(\.boundary) == ["start", "page marker", "page marker"])
    let pageOf = { (needle: String) in document.lines.first { $0.text == needle }?.page }
    #expect(pageOf("1. FIRST PAGE TEXT.") == 0)
    #expect(pageOf("2. SECOND PAGE TEXT.") == 1)
    #expect(pageOf("3. THIRD PAGE TEXT.") == 2)
    // The second page starts at the banner above its head (line 7), not at the foot banner.
    let secondStart = document.pages[1].source.start
    #expect(String(decoding: Array(text.utf8)[secondStart...].prefix(6), as: UTF8.self) == "SECRET")
    #expect(document.lines.filter { $0.page == 1 }.map(\.text).first == "SECRET")
    #expect(document.edits.isEmpty)
  }

  @Test func damagedMarkersAreRead() throws {
    let document = try Self.split("PACE 0l OF O3 STATE 1\nTEXT ONE.\nPAGE O2 OF 03 STATE 000001\nTEXT TWO.\n")
    #expect(document.pages.map(\.number) == [1, 2])
    #expect(document.pages.map(\.total) == [3, 3])
  }

  /// When heads disagree, the number that continues the sequence wins.
  @Test func conflictingMarkersFollowTheSequence() throws {
    let document = try Self.split("""
      PAGE 01 OF 02 STATE 415364 0000002
      TEXT ONE.
      PAGE 02 OF 07 STATE 415364 0000002
      PAGE 01 STATE 415364 0000002 9126
      TEXT TWO.
      """)
    #expect(document.pages.map(\.number) == [1, 2])
    #expect(document.pages.map(\.total) == [2, 7])
  }

  @Test func formFeedsStartPages() throws {
    let document = try Self.split("ONE.\n\u{0C}TWO.\nMORE TWO.\n\u{0C}\nTHREE.\n")
    #expect(document.pages.count == 3)
    #expect(document.pages.map(\.boundary) == ["start", "form feed", "form feed"])
    #expect(document.lines.first { $0.text == "THREE." }?.page == 2)
  }

  /// A foot banner and the next head banner with no page head between them still break the page.
  @Test func bannerPairsBreakPages() throws {
    let document = try Self.split("CONFIDENTIAL\nTEXT ONE.\nCONFIDENTIAL\n\nCONFIDENTIAL\nTEXT TWO.\nCONFIDENTIAL\n")
    #expect(document.pages.count == 2)
    #expect(document.pages[1].boundary == "banner")
    #expect(document.lines.first { $0.text == "TEXT TWO." }?.page == 1)
  }

  /// A paragraph that mentions a page, or a lone banner inside the text, does not break pages.
  @Test(arguments: ["PAGE 3 OF THE REPORT SAYS IT PLAINLY.", "SECRET", "SEE PAGE 2 OF 4 ABOVE."])
  func bodyDoesNotBreakPages(line: String) throws {
    let document = try Self.split("1. TEXT BEFORE.\n\(line)\n2. TEXT AFTER.\n")
    #expect(document.pages.count == 1)
  }

  /// Pages cover the input in order and every line knows its page.
  @Test func pagesTileTheInput() throws {
    var text = ""
    for page in 1...6 { text += "SECRET\nPAGE 0\(page) OF 06 STATE 000123\n\(page). TEXT OF THE PAGE.\nSECRET\n" }
    let document = try Self.split(text)
    #expect(document.pages.count == 6)
    #expect(document.pages.map(\.number) == [1, 2, 3, 4, 5, 6])
    for (a, b) in zip(document.pages, document.pages.dropFirst()) { #expect(a.source.end <= b.source.start) }
    #expect(document.pages.first?.source.start == 0)
    #expect(document.lines.allSatisfy { $0.page != nil })
  }
}
