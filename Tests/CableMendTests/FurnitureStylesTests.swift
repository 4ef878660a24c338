import CableMend
import Testing

/// Runs `pages` and `furniture` on a dump and splits its non-blank lines into kept and removed.
struct FurnitureRun {
  var document: Document
  var kept: [String]
  var removed: [String]

  init(_ text: String, stages: Set<StageName> = [.pages, .furniture]) throws {
    let pipeline = try Pipeline(options: MendOptions(stages: stages))
    document = pipeline.mend(Array(text.utf8), name: "test").document
    kept = document.lines.map(\.text).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    removed = document.edits.filter { $0.stage == .furniture && $0.kind == .remove }.map(\.before)
  }

  /// Checks that exactly `furniture` went (in order) and every line of `body` stayed (in order).
  func expect(stripped furniture: [String], kept body: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(removed == furniture, sourceLocation: sourceLocation)
    #expect(kept == body, sourceLocation: sourceLocation)
  }
}

/// Five furniture styles written for these tests (not taken from any scan), each with the
/// lines that must go and the lines that must stay, including body text that only looks like
/// furniture.
@Suite("Furniture styles")
struct FurnitureStylesTests {
  /// A Confidential incoming telegram of the 1970s: banner and short page head with the DTG,
  /// distribution block and dashed rule on page 1, banner at every foot.
  @Test func confidentialIncomingTelegram() throws {
    let run = try FurnitureRun("""
      CONFIDENTIAL

      PAGE 01 AMMAN 02231 141022Z
      ACTION NEA-12

      INFO OCT-01 ISO-00 SS-15 NSC-05 /047 W
      ------------------141045Z 004321 /12
      O 140955Z APR 76
      FM AMEMBASSY AMMAN
      TO SECSTATE WASHDC IMMEDIATE 4411
      INFO AMEMBASSY DAMASCUS
      CONFIDENTIAL AMMAN 2231
      EXDIS
      E.O. 11652: GDS
      TAGS: PFOR, JO, SY
      SUBJECT: KING'S VIEWS ON BORDER TALKS

      1. THE KING RECEIVED ME THIS MORNING AND SPOKE FRANKLY ABOUT
      THE BORDER TALKS. HE SAID HE KEEPS NO SECRET OF HIS DOUBTS.

      CONFIDENTIAL

      CONFIDENTIAL

      PAGE 02 AMMAN 02231 141022Z
      2. HE ASKED THAT WE READ PAGE TWO OF THE SYRIAN PAPER CLOSELY.

      GULF

      3. ON THE GULF HE HAD LITTLE TO ADD.
      PICKERING

      CONFIDENTIAL
      """)
    run.expect(
      stripped: ["CONFIDENTIAL", "PAGE 01 AMMAN 02231 141022Z", "ACTION NEA-12", "INFO OCT-01 ISO-00 SS-15 NSC-05 /047 W",
                 "------------------141045Z 004321 /12", "CONFIDENTIAL", "CONFIDENTIAL", "PAGE 02 AMMAN 02231 141022Z",
                 "CONFIDENTIAL"],
      kept: ["O 140955Z APR 76", "FM AMEMBASSY AMMAN", "TO SECSTATE WASHDC IMMEDIATE 4411", "INFO AMEMBASSY DAMASCUS",
             "CONFIDENTIAL AMMAN 2231", "EXDIS", "E.O. 11652: GDS", "TAGS: PFOR, JO, SY",
             "SUBJECT: KING'S VIEWS ON BORDER TALKS",
             "1. THE KING RECEIVED ME THIS MORNING AND SPOKE FRANKLY ABOUT",
             "THE BORDER TALKS. HE SAID HE KEEPS NO SECRET OF HIS DOUBTS.",
             "2. HE ASKED THAT WE READ PAGE TWO OF THE SYRIAN PAPER CLOSELY.", "GULF",
             "3. ON THE GULF HE HAD LITTLE TO ADD.", "PICKERING"])
    let metadata = run.document.metadata
    #expect(metadata.classification == "CONFIDENTIAL")
    #expect(metadata.originator == "AMMAN")
    #expect(metadata.telegramNumber == "02231")
    #expect(metadata.routingLines.count == 3)
    #expect(run.document.pages.map(\.number) == [1, 2])
  }

  /// A Limited Official Use outgoing State telegram with OCR-damaged banners and page head, a
  /// control number repeated on each page, and the drafting and clearance block, which stays.
  @Test func limitedOfficialUseWithDamagedBanners() throws {
    let run = try FurnitureRun("""
      LIMITED OFFICIAL USE
      PAGE 01 OF 02 STATE 087310 0000001
      4471
      ORIGIN EB-08
      INFO LOG-00 EUR-00 /009R
      DRAFTED BY EB/TPP:MLANGE
      APPROVED BY EB:RWHITE
      EUR/RPE:JKOLB
      R 221530Z MAR 88
      FM SECSTATE WASHDC
      TO AMEMBASSY BONN 1123
      LIMITED OFFICIAL USE STATE 087310
      E.O. 12356: N/A
      TAGS: ETRD, GE
      SUBJECT: STEEL QUOTA CONSULTATIONS

      1. DEPARTMENT WOULD WELCOME EMBASSY VIEWS ON THE TIMING OF
      CONSULTATIONS.
      LIMITED 0FFICIAL USE

      LIMITED OFFICIAL
      PACE 02 OF O2 STATE 087310 0000001
      4471
      2. PLEASE REPORT BY COB FRIDAY.
      SHULTZ
      LIMlTED OFFICIAL USE
      """)
    run.expect(
      stripped: ["LIMITED OFFICIAL USE", "PAGE 01 OF 02 STATE 087310 0000001", "4471", "ORIGIN EB-08",
                 "INFO LOG-00 EUR-00 /009R", "LIMITED 0FFICIAL USE", "LIMITED OFFICIAL",
                 "PACE 02 OF O2 STATE 087310 0000001", "4471", "LIMlTED OFFICIAL USE"],
      kept: ["DRAFTED BY EB/TPP:MLANGE", "APPROVED BY EB:RWHITE", "EUR/RPE:JKOLB", "R 221530Z MAR 88",
             "FM SECSTATE WASHDC", "TO AMEMBASSY BONN 1123", "LIMITED OFFICIAL USE STATE 087310", "E.O. 12356: N/A",
             "TAGS: ETRD, GE", "SUBJECT: STEEL QUOTA CONSULTATIONS",
             "1. DEPARTMENT WOULD WELCOME EMBASSY VIEWS ON THE TIMING OF", "CONSULTATIONS.",
             "2. PLEASE REPORT BY COB FRIDAY.", "SHULTZ"])
    #expect(run.document.metadata.classification == "LIMITED OFFICIAL USE")
    #expect(run.document.metadata.pageNumbers == [1, 2])
    #expect(run.document.metadata.pageTotal == 2)
    #expect(run.document.metadata.controlNumbers == ["4471", "4471"])
  }

  /// An Unclassified cable released under FOIA, with a review block in other wording, archive
  /// numbers, and centred page numbers at the foot; a body sentence opening with `CASE ID`
  /// and a SUBJECT mentioning a date stay.
  @Test func unclassifiedFOIARelease() throws {
    let run = try FurnitureRun("""
      UNCLASSIFIED
      RELEASED IN FULL
      U.S. Department of State
      Office of Information Programs and Services
      Reviewed by: M. OKONKWO
      Date: 04/11/2003
      Case ID: F-2002-01234
      P870044-1190

      P 031200Z JUN 87
      FM AMEMBASSY LAGOS
      TO SECSTATE WASHDC PRIORITY 0912
      UNCLASSIFIED LAGOS 06120
      E.O. 12356: N/A
      TAGS: ECON, NI
      SUBJECT: DATE OF BUDGET ANNOUNCEMENT

      1. THE BUDGET WILL BE ANNOUNCED ON JUNE 30.
      - 1 -
      UNCLASSIFIED

      UNCLASSIFIED
      P870044-1191
      2. NO FURTHER DETAILS ARE AVAILABLE.
      CASE ID NOTED IN REFTEL.
      HOPKINS
      - 2 -
      """)
    run.expect(
      stripped: ["UNCLASSIFIED", "RELEASED IN FULL", "U.S. Department of State",
                 "Office of Information Programs and Services", "Reviewed by: M. OKONKWO", "Date: 04/11/2003",
                 "Case ID: F-2002-01234", "P870044-1190", "- 1 -", "UNCLASSIFIED", "UNCLASSIFIED", "P870044-1191",
                 "- 2 -"],
      kept: ["P 031200Z JUN 87", "FM AMEMBASSY LAGOS", "TO SECSTATE WASHDC PRIORITY 0912", "UNCLASSIFIED LAGOS 06120",
             "E.O. 12356: N/A", "TAGS: ECON, NI", "SUBJECT: DATE OF BUDGET ANNOUNCEMENT",
             "1. THE BUDGET WILL BE ANNOUNCED ON JUNE 30.", "2. NO FURTHER DETAILS ARE AVAILABLE.",
             "CASE ID NOTED IN REFTEL.", "HOPKINS"])
    let metadata = run.document.metadata
    #expect(metadata.releaseStatus == "RELEASED IN FULL")
    #expect(metadata.reviewAuthority == "M. OKONKWO")
    #expect(metadata.reviewDate == "04/11/2003")
    #expect(metadata.caseID == "F-2002-01234")
    #expect(metadata.classification == "UNCLASSIFIED")
  }

  /// A badly scanned Secret cable: letter-spaced and misread banners, a banner piece displaced
  /// into the body, a caption stamp with its date on the next line, the handling line broken in
  /// three, and body lines that resemble furniture (a wrapped year, headings, the signature).
  @Test func damagedSecretScan() throws {
    let run = try FurnitureRun("""
      S E C R E T
      0UTG0ING
      PAGE 01 OF 02 STATE 201554 0000004
      SECRET
      NODIS
      CAPTION REMOVED BY S/S ON
      3/14/93
      SUBJECT: SUMMIT PLANNING

      1. THE SECRETARY SAID THE SUMMIT WOULD TAKE PLACE IN
      1990
      AS AGREED.

      ECRET

      CONGRESS

      2. THE CONGRESS WILL BE BRIEFED ON THE SECRET ANNEX.
      NOT TO BE REPRODUCED WITHOUT
      THE AUTHORIZATION OF THE
      EXECUTIVE SECRETARY
      SECRFT
      PAGE O2 OF 02 STATE 201554 0000004
      3. SECRETARY'S MEETING WILL FOLLOW.
      BAKER
      SECRET
      """)
    run.expect(
      stripped: ["S E C R E T", "0UTG0ING", "PAGE 01 OF 02 STATE 201554 0000004", "SECRET", "CAPTION REMOVED BY S/S ON",
                 "3/14/93",
                 "ECRET", "NOT TO BE REPRODUCED WITHOUT", "THE AUTHORIZATION OF THE", "EXECUTIVE SECRETARY", "SECRFT",
                 "PAGE O2 OF 02 STATE 201554 0000004", "SECRET"],
      kept: ["NODIS", "SUBJECT: SUMMIT PLANNING", "1. THE SECRETARY SAID THE SUMMIT WOULD TAKE PLACE IN",
             "1990", "AS AGREED.", "CONGRESS", "2. THE CONGRESS WILL BE BRIEFED ON THE SECRET ANNEX.",
             "3. SECRETARY'S MEETING WILL FOLLOW.", "BAKER"])
    #expect(run.document.metadata.captionsRemoved == ["CAPTION REMOVED BY S/S ON 3/14/93"])
    #expect(run.document.metadata.classification == "SECRET")
  }

  /// A Top Secret cable split by form feeds, with running heads no lexicon knows: an office
  /// file mark at every top and an archive reference at every foot, found by repetition.
  @Test func formFeedsAndUnknownRunningHeads() throws {
    let run = try FurnitureRun(
      "NSC/S FILE COPY\nTOP SECRET\nZ 301200Z NOV 79\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC FLASH 4471\n"
        + "TOP SECRET TEHRAN 12345\n\n1. FIRST PARAGRAPH OF THE MESSAGE ABOUT THE SITUATION TODAY.\n"
        + "XR 1979TEHRAN12345\n\u{0C}NSC/S FILE COPY\nTOP SECRET\n2. SECOND PARAGRAPH ON THE NEXT PAGE.\n"
        + "XR 1979TEHRAN12345\n\u{0C}NSC/S FILE COPY\nTOP SECRET\n3. THIRD PARAGRAPH.\nLAINGEN\nXR 1979TEHRAN12345\n")
    run.expect(
      stripped: ["NSC/S FILE COPY", "TOP SECRET", "XR 1979TEHRAN12345", "NSC/S FILE COPY", "TOP SECRET",
                 "XR 1979TEHRAN12345", "NSC/S FILE COPY", "TOP SECRET", "XR 1979TEHRAN12345"],
      kept: ["Z 301200Z NOV 79", "FM AMEMBASSY TEHRAN", "TO SECSTATE WASHDC FLASH 4471", "TOP SECRET TEHRAN 12345",
             "1. FIRST PARAGRAPH OF THE MESSAGE ABOUT THE SITUATION TODAY.", "2. SECOND PARAGRAPH ON THE NEXT PAGE.",
             "3. THIRD PARAGRAPH.", "LAINGEN"])
    #expect(run.document.pages.count == 3)
    #expect(run.document.pages.map(\.boundary) == ["start", "form feed", "form feed"])
    let fileMark = run.document.edits.first { $0.before == "NSC/S FILE COPY" }
    #expect(fileMark?.reason.contains("repetition") == true)
    #expect(fileMark?.reason.contains("position") == true)
  }
}
