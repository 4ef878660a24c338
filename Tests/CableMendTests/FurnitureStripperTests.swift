import CableMend
import Testing

@Suite("FurnitureStripper")
struct FurnitureStripperTests {
  @Test func emptyInputHasNoEditsAndNoMetadata() throws {
    let run = try FurnitureRun("")
    #expect(run.kept.isEmpty)
    #expect(run.removed.isEmpty)
    #expect(run.document.metadata == CableMetadata())
  }

  @Test(arguments: ["SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "LIMITED OFFICIAL USE", "TOP SECRET", "C0NFIDENTIAL",
                    "UNCLASSIF1ED", "SECRFT", "S E C R E T", "CRET", "NFIDENTIAL"])
  func aLoneBannerIsStripped(banner: String) throws {
    let run = try FurnitureRun("1. A BODY LINE THAT STAYS.\n\n\(banner)\n\n2. ANOTHER BODY LINE.")
    #expect(run.removed == [banner])
    #expect(run.kept == ["1. A BODY LINE THAT STAYS.", "2. ANOTHER BODY LINE."])
  }

  /// Body text that only resembles furniture stays, wherever it sits.
  @Test(arguments: [
    "THE MINISTER SAID THE PAGE 3 ANNEX IS SECRET AND MUST NOT LEAK.",
    "PAGE 3 OF THE REPORT SAYS 1978 WAS A BAD YEAR.",
    "3. BEGIN TALKING POINTS:", "GULF", "CONGRESS", "BAKER", "SUBJECT: SECRET TALKS", "TAGS: PREL, CM, US",
    "INFO ZEN/AMEMBASSY BEIJING 2112/14", "CONFIDENTIAL KUWAIT 0886", "TOP SECRET VIENTIANE 1015", "EXDIS",
    "STATE 415364", "O P 040336Z DEC 90", "E.O. 12356: DECL: OADR", "DRAFTED BY: EAP/CM: JUEITH",
    "S/S-0: RMAZANARES", "SECRETARY BAKER", "OFFICIALS", "CASE ID NOTED IN REFTEL.", "REF: STATE 12345",
  ])
  func lookalikeBodyStays(line: String) throws {
    for layout in ["\(line)", "\(line)\n\nSECOND LINE OF BODY.", "FIRST LINE OF BODY.\n\n\(line)"] {
      let run = try FurnitureRun(layout)
      #expect(run.removed.isEmpty, "removed \(run.removed) from \(layout.debugDescription)")
      #expect(run.kept.contains(line))
    }
  }

  /// Routing lines carry office codes; the cable's own INFO addressee does not.
  @Test func routingLinesGoAndAddresseesStay() throws {
    let run = try FurnitureRun("""
      ORIGIN SS-00
      INFO LOG-00 AB3-00 350-00 /001R
      INFO X-01 P-02 SS-01 [AP-B1] JSA-01 /006 A4 ENR
      O P 040336Z DEC 90
      FM SECSTATE WASHDC
      TO AMEMBASSY ROME IMMEDIATE 0227/29
      INFO ZEN/AMEMBASSY BEIJING 2112/14
      """)
    run.expect(stripped: ["ORIGIN SS-00", "INFO LOG-00 AB3-00 350-00 /001R",
                          "INFO X-01 P-02 SS-01 [AP-B1] JSA-01 /006 A4 ENR"],
               kept: ["O P 040336Z DEC 90", "FM SECSTATE WASHDC", "TO AMEMBASSY ROME IMMEDIATE 0227/29",
                      "INFO ZEN/AMEMBASSY BEIJING 2112/14"])
  }

  /// A number alone is only weak evidence: it goes beside other furniture or at a page edge,
  /// and stays when it is a wrapped piece of the paragraph above.
  @Test func loneNumbersNeedASecondSignal() throws {
    let wrapped = try FurnitureRun("""
      FIRST BODY LINE.

      1. THE SECRETARY SAID THE SUMMIT WOULD TAKE PLACE IN
      1990
      AS AGREED.
      """)
    #expect(wrapped.removed.isEmpty)
    let stamped = try FurnitureRun("1. BODY.\n\nSECRET\n9128\n\n2. MORE BODY.\n")
    #expect(stamped.removed == ["SECRET", "9128"])
    let edge = try FurnitureRun("01325\n\n1990/12/08\n\n1. BODY STARTS HERE AND GOES ON FOR A WHILE.\n")
    #expect(edge.removed == ["01325", "1990/12/08"])
  }

  /// Every removal is an edit of the furniture stage with the line's exact input bytes, the
  /// kind of furniture and the signals that fired.
  @Test func removalsAreRecordedWithOffsetsAndSignals() throws {
    let text = "BODY ONE.\nPAGE 02 OF 03 STATE 123456 0000002\nBODY TWO.\n"
    let run = try FurnitureRun(text)
    let edit = try #require(run.document.edits.first { $0.stage == .furniture })
    #expect(edit.kind == .remove)
    #expect(edit.source == SourceRange(start: 10, end: 44))
    #expect(Array(text.utf8)[10..<44].elementsEqual("PAGE 02 OF 03 STATE 123456 0000002".utf8))
    #expect(edit.reason.contains("page marker"))
    #expect(edit.reason.contains("signals: format"))
    #expect(edit.evidence.contains { $0.key == "signals" && $0.value.hasPrefix("format") })
    #expect(edit.after.isEmpty)
    #expect(run.document.metadata.telegramNumber == "123456")
    #expect(run.document.metadata.pageTotal == 3)
  }

  /// Without the `pages` stage the furniture stage finds the pages itself.
  @Test func worksWithoutThePagesStage() throws {
    let run = try FurnitureRun("SECRET\nPAGE 01 STATE 000001\nBODY.\nSECRET\n\nSECRET\nPAGE 02 STATE 000001\nMORE.\n",
                               stages: [.furniture])
    #expect(run.kept == ["BODY.", "MORE."])
    #expect(run.document.pages.isEmpty)
  }

  /// A short line that no format knows but that heads two pages is a running head (repetition
  /// plus position); the prose between the heads stays.
  @Test func repeatedHeadingOnTwoPagesIsTakenAsRunningHead() throws {
    let run = try FurnitureRun("""
      PAGE 01 STATE 000001
      AMEMBASSY ROME FILE
      1. THE FIRST PAGE HAS A PARAGRAPH OF ORDINARY PROSE IN IT.
      PAGE 02 STATE 000001
      AMEMBASSY ROME FILE
      2. THE SECOND PAGE HAS ANOTHER PARAGRAPH OF ORDINARY PROSE.
      """)
    #expect(run.removed.filter { $0 == "AMEMBASSY ROME FILE" }.count == 2)
    #expect(run.kept.count == 2)
  }

  /// Hostile input: binary junk, very long lines, and lines of only punctuation never crash
  /// and never lose long text.
  @Test func hostileInputKeepsText() throws {
    let long = String(repeating: "SECRET PAGE 01 ", count: 500)
    let run = try FurnitureRun("\u{0}\u{1}\u{2}\n\(long)\n....\n\u{FFFD}\u{FFFD}\n")
    #expect(run.kept.contains(long))
    #expect(run.kept.contains("...."))
  }
}
