import CableMend
import Foundation
import Testing

/// The user's sample dump, judged line by line: every piece of furniture goes, every body line
/// (including the telegram's own header and clearance block) stays.
///
/// The two lists below were written by reading the dump; between them they hold every non-blank
/// line of it, in order, so a line that is neither is caught too.
@Suite("Furniture on the sample dump")
struct FurnitureSampleTests {
  struct RawLine {
    var number: Int
    var text: String
    var source: SourceRange
  }

  static func rawLines() throws -> [RawLine] {
    let bytes = try SupportPaths.bytes(SupportPaths.sample)
    var result: [RawLine] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
      result.append(RawLine(number: result.count + 1, text: String(decoding: bytes[start..<index], as: UTF8.self),
                            source: SourceRange(start: start, end: index)))
      start = index + 1
    }
    if start < bytes.count {
      result.append(RawLine(number: result.count + 1, text: String(decoding: bytes[start...], as: UTF8.self),
                            source: SourceRange(start: start, end: bytes.count)))
    }
    return result.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
  }

  static func mend() throws -> MendResult {
    let pipeline = try Pipeline(options: MendOptions(stages: [.unicode, .pages, .furniture]))
    return pipeline.mend(try SupportPaths.bytes(SupportPaths.sample), name: "sample")
  }

  /// Splits the raw lines into (furniture, body) by walking both lists in order.
  static func partition() throws -> (furniture: [RawLine], body: [RawLine], unlisted: [RawLine]) {
    var furniture: [RawLine] = []
    var body: [RawLine] = []
    var unlisted: [RawLine] = []
    var f = Self.expectedFurniture[...]
    var b = Self.expectedBody[...]
    for line in try rawLines() {
      if f.first == line.text {
        furniture.append(line)
        f.removeFirst()
      } else if b.first == line.text {
        body.append(line)
        b.removeFirst()
      } else {
        unlisted.append(line)
      }
    }
    return (furniture, body, unlisted)
  }

  static func overlaps(_ a: SourceRange, _ b: SourceRange) -> Bool { a.start < b.end && b.start < a.end }

  @Test func listsAccountForEveryLine() throws {
    let parts = try Self.partition()
    #expect(parts.unlisted.isEmpty, "lines in neither list: \(parts.unlisted.map(\.number))")
    #expect(parts.furniture.count == Self.expectedFurniture.count)
    #expect(parts.body.count == Self.expectedBody.count)
  }

  @Test func everyFurnitureLineIsRemoved() throws {
    let result = try Self.mend()
    let removals = result.document.edits.filter { $0.stage == .furniture && $0.kind == .remove }
    for line in try Self.partition().furniture {
      let edit = removals.first { $0.source == line.source }
      #expect(edit != nil, "line \(line.number) '\(line.text)' was not removed")
      #expect(edit?.reason.contains("signals: format") == true || edit?.reason.contains("repetition") == true)
      let kept = result.document.lines.contains { Self.overlaps($0.source, line.source) }
      #expect(!kept, "line \(line.number) '\(line.text)' is still in the text")
    }
  }

  @Test func everyBodyLineIsKept() throws {
    let result = try Self.mend()
    let removals = result.document.edits.filter { $0.stage == .furniture }
    for line in try Self.partition().body {
      #expect(!removals.contains { Self.overlaps($0.source, line.source) },
              "body line \(line.number) '\(line.text)' was removed")
      let kept = result.document.lines.first { Self.overlaps($0.source, line.source) }
      #expect(kept?.text == line.text, "body line \(line.number) '\(line.text)' is missing or changed")
    }
  }

  @Test func furnitureMovesIntoMetadata() throws {
    let metadata = try Self.mend().document.metadata
    #expect(metadata.classification == "SECRET")
    #expect(metadata.banners == ["UNCLASSIFIED", "SECRET"])
    #expect(metadata.telegramNumber == "415364")
    #expect(metadata.originator == "STATE")
    #expect(metadata.pageNumbers == [1, 2])
    #expect(metadata.routingLines == [
      "INFO X-01 P-02 SS-01 [AP-B1] JSA-01 /006 A4 ENR", "ORIGIN SS-00", "INFO LOG-00 AB3-00 350-00 /001R",
    ])
    #expect(metadata.releaseStatus == "RELEASED IN PART")
    #expect(metadata.exemptions == ["B1", "A3", "A5"])
    #expect(metadata.reviewAuthority == "TWAINSWORTH")
    #expect(metadata.reviewDate == "05/28/95")
    #expect(metadata.caseID == "9300158B")
    #expect(metadata.captionsRemoved == ["CAPTION REMOVED BY S/S (EK) ON 5/25/95"])
    #expect(metadata.controlNumbers.contains("SS09427"))
    #expect(metadata.stamps.contains("NOT TO BE REPRODUCED WITHOUT THE AUTHORIZATION OF THE EXECUTIVE SECRETARY"))
  }

  @Test func pagesAreFoundAndNumbered() throws {
    let document = try Self.mend().document
    #expect(document.pages.map(\.number) == [1, 2])
    #expect(document.pages.map(\.total) == [2, 7])
    #expect(document.lines.allSatisfy { $0.page != nil })
    // Page 2 starts at the banner printed above its page head (line 159), after page 1's foot.
    let second = try #require(document.pages.last)
    let line159 = try #require(try Self.rawLines().first { $0.number == 159 })
    #expect(second.source.start == line159.source.start)
  }

  static let expectedFurniture: [String] = [
    "01325",
    "1990/12/08",
    "RELEASED IN PART",
    "B1, A3, A5",
    "UNCLASSIFIED",
    "S/S-0",
    "OUTGOING",
    "3A",
    "Department of State",
    "PAGE 01 OF 02 STATE 415364 0000002",
    "9128",
    "SS09427",
    "PAGE 01 STATE 415364 0000002",
    "9128",
    "SS09427",
    "INFO X-01 P-02 SS-01 [AP-B1] JSA-01 /006 A4 ENR",
    "ORIGIN SS-00",
    "INFO LOG-00 AB3-00 350-00 /001R",
    "CAPTION REMOVED BY S/S (EK) ON",
    "5/25/95",
    "United States Department of State",
    "Office of FOI, Privacy, & Classification Review",
    "Review Authority: TWAINSWORTH",
    "Date: 05/28/95",
    "Case ID: 9300158B",
    "SECRET",
    "CRET",
    "ALERT COPY",
    "UNCLASSIFIED",
    "NOT TO BE REPRODUCED WITHOUT THE AUTHORIZATION OF THE EXECUTIVE SECRETARY",
    "UNCLASSIFIED",
    "Department of State",
    "S/S-0",
    "OUTGOING",
    "PAGE 02 OF 07 STATE 415364 0000002",
    "9126",
    "SS00027",
    "PAGE 01 STATE 415364 0000002 9126",
    "SS00027",
    "SECRET",
    "ALERT COPY",
    "UNCLASSIFIED",
    "NOT TO BE REPRODUCED WITHOUT THE",
    "AUTHORIZATION OF THE EXECUTIVE SECRETARY",
  ]

  static let expectedBody: [String] = [
    "TO DEAL EFFECTIVELY WITH NON-PROLIFERATION ISSUES.",
    "DRAFTED BY: EAP/CM: JUEITH",
    "APPROVED BY: P: BRIMMITT",
    "EAP: RSOLCHON",
    "EAP/CM: KVISBEMANN/MOHR/VRIMOSCH",
    "EUR: BUCKINLEY",
    "S/S: ENCKHNE",
    "NSC: KILL",
    "S/S-0: RMAZANARES",
    "DOC: CLUCYK",
    "P: KRATMAN",
    "DISCUSSIONS WITH SECRETARY BAKER",
    "--THE SECRETARY AND QIAN MET FOR TWO HOURS; THEY HAD A FRANK AND EXTREMELY USEFUL EXCHANGE OF VIEWS ON THE PERSIAN GULF CRISIS, OTHER REGIONAL AND TRANSNATIONAL ISSUES, AND BILATERAL RELATIONS.",
    "O P 040336Z DEC 90",
    "FM SECSTATE WASHDC",
    "TO AMEMBASSY BOMB 0250/60 IMMEDIATE",
    "AMEMBASSY LONDON IMMEDIATE 0309/",
    "AMEMBASSY OTTAWA IMMEDIATE 0244/46",
    "AMEMBASSY PARIS IMMEDIATE",
    "AMEMBASSY ROME IMMEDIATE 0227/29",
    "AMEMBASSY CANBERRA IMMEDIATE 0233/35",
    "AMEMBASSY TOKYO IMMEDIATE 1407/09",
    "AMEMBASSY SEOUL IMMEDIATE 0472/74",
    "AMEMBASSY BANGKOK IMMEDIATE 0931/33",
    "USMISSION USOM NEW YORK IMMEDIATE 0709/11",
    "AMEMBASSY NEW DELHI IMMEDIATE 0251/53",
    "INFO ZEN/AMEMBASSY BEIJING 2112/14",
    "GULF",
    "THE SECRETARY EMPHASIZED THAT THE US WAS DOING EVERYTHING IT COULD TO ACHIEVE A PEACEFUL RESOLUTION TO THE CRISIS. HE INFORMED QIAN THAT THE PRESIDENT HAD INVITED IRAQI FOREIGN MINISTER TARIQ-AZIZ TO WASHINGTON THE WEEK OF DECEMBER 18, AND HAD ASKED SADDAM HUSSEIN TO AGREE TO A VISIT FROM THE SECRETARY BETWEEN THE TARIQ-AZIZ VISIT AND JANUARY 15.",
    "--THE SECRETARY TOLD QIAN THAT THE CLEAR MESSAGE INTENDED, BY THIS INITIATIVE WAS THAT THE USG WOULD LEAVE NO STONE UNTURNED IN AN EFFORT TO ACHIEVE A PEACEFUL RESOLUTION, BUT THAT ANY SOLUTION MUST BE IN THE CONTEXT OF THE RELEVANT UN RESOLUTIONS ON IRAQI AGGRESSION. THIS WAS NOT NEGOTIABLE.",
    "STATE 415364",
    "EXDIS",
    "E.O. 12356: DECL: OADR",
    "E.O. 12356: DECL: OADR",
    "TAGS: PREL, CM, US",
    "SUBJECT: BRIEFING HOST GOVERNMENTS ON PRC FOREIGN MINISTER QIAN QICHEN'S VISIT TO WASHINGTON, NOVEMBER 30 - DECEMBER 1",
    "1. [REDACTED]",
    "2. POSTS SHOULD DRAW UPON THE FOLLOWING GUIDANCE TO BRIEF HOST GOVERNMENTS AT AN APPROPRIATE LEVEL AS SOON AS POSSIBLE:",
    "3. BEGIN TALKING POINTS:",
    "--PRC FOREIGN MINISTER QIAN QICHEN MET WITH THE PRESIDENT THE SECRETARY OF STATE AND HIS ADVISERS, SECRETARY OF COMMERCE MOSBACHER AND MEMBERS OF CONGRESS DURING HIS OFFICIAL VISIT TO WASHINGTON NOVEMBER 30 - DECEMBER 1.",
    "THE MEETING WITH THE PRESIDENT",
    "--PRESIDENT BUSH MADE THREE POINTS DURING HIS 30 MINUTE MEETING WITH PRC FOREIGN MINISTER QIAN QICHEN.",
    "--FIRST, HE EXPRESSED THE NEED FOR CONTINUING PERM FIVE UNITY IN ORDER TO RESOLVE THE CRISIS IN PERSIAN GULF",
    "--SECOND, HE STRESSED THAT HUMAN RIGHTS WERE OF PARAMOUNT IMPORTANCE TO THE US.",
    "--THIRD, THE PRESIDENT EMPHASIZED THE PRESSING NEED",
    "OTHER REGIONAL ISSUES",
    "CAMBODIA",
    "--ASSISTANT SECRETARY SOLCHON TOLD QIAN THAT THE TWO MAJOR PROBLEMS TO BE RESOLVED WITH RESPECT TO THE CAMBODIAN ISSUE WERE FORMATION OF AN SNC AND GAINING VIETNAMESE COOPERATION.",
    "--SOLCHON SAID THAT KHMER ROUGE OBSTRUCTION, OR EVEN THE APPEARANCE OF IT, IS ANOTHER MAJOR DANGER.",
    "--UNCER SECRETARY KIMMITT LED THE DISCUSSION ON KOREA, NOTING THAT THERE HAVE BEEN FUNDAMENTAL CHANGES IN NORTH KOREA, INCLUDING SOVIET RECOGNITION OF THE ROK, THE",
    "EXCHANGE OF TRADE OFFICES BETWEEN CHINA AND THE ROK AND THE INITIATION OF A DIALOGUE BETWEEN JAPAN AND NORTH KOREA.",
    "AND QIAN AGREED THAT THE OBJECTIVE SHOULD BE TO INCREASE",
    "THE EXPORTS OF BOTH COUNTRIES TO EACH OTHER.",
    "--US OFFICIALS ALSO STRESSED THAT THE GATT ROUND OF",
    "MULTILATERAL TRADE NEGOTIATIONS IS OF CRITICAL IMPORTANCE",
    "FOR CONTINUING WORLD TRADE EXPANSION.",
    "CONGRESS",
    "--SENATOR DOLE, CONGRESSMAN SOLARZ, CONGRESSMAN LANTOS,",
    "AND OTHERS MET WITH QIAN. HE WAS TOLD BY CONGRESSMEN THAT",
    "LACK OF PROGRESS ON HUMAN RIGHTS ISSUES WAS A MAJOR",
    "OBSTACLE TO BETTER RELATIONS.",
    "--SPECIFIC HUMAN RIGHTS CONCERNS WERE RAISED INCLUDING",
    "THE FATE OF POLITICAL DETAINEES AND THE HOPE FOR FURTHER",
    "DISCUSSION BETWEEN THE PRC GOVERNMENT AND THE DALAI LAMA",
    "CONCERNING THE SITUATION IN TIBET.",
    "--THE PERSIAN GULF CRISIS WAS ALSO DISCUSSED.",
    "AND AGREED THAT EVERY EFFORT",
    "SHOULD BE MADE TO ACHIEVE A PEACEFUL RESOLUTION.",
    "BAKER",
    "--KINNIFF NOTED THAT SAFEGUARDS AND SECURITY ARE TWO",
    "IMPORTANT ISSUES ON THE PENINSULA, BUT THEY SHOULD BE",
    "DEALT WITH SEPARATELY.",
    "NON-PROLIFERATION/SECURITY ISSUES",
    "--UNDER SECRETARY BARTHOLOMEW LED A DISCUSSION OF",
    "NON-PROLIFERATION AND SECURITY ISSUES IN ASIA. HE",
    "REITERATED THE NEED FOR A STRONG PUBLIC STAND BY CHINA ON",
    "NON-PROLIFERATION ISSUES, AND NOTED THAT US-PRC",
    "COOPERATION ON SUCH ISSUES WOULD HAVE A SIGNIFICANT",
    "POSITIVE EFFECT ON OUR BILATERAL RELATIONS.",
    "BILATERAL RELATIONS",
    "--SECRETARY BAKER EXPRESSED STRONG US INTEREST IN",
    "IMPROVING BILATERAL RELATIONS, BUT TOLD QIAN THAT FURTHER",
    "IMPROVEMENT WOULD BE DIFFICULT UNLESS WE COULD MAKE",
    "PROGRESS ON SOME HUMAN RIGHTS ISSUES, AND HE STRESSED THAT",
    "HUMAN RIGHTS CONCERNS WERE A CORNERSTONE OF US FOREIGN",
    "POLICY.",
    "--SECRETARY BAKER INFORMED QIAN THAT ASSISTANT SECRETARY",
    "OF HUMAN RIGHTS AND HUMANITARIAN AFFAIRS SCHIFFER COULD",
    "VISIT CHINA IN THE NEAR FUTURE, AND UNDER SECRETARY FOR",
    "INTERNATIONAL SECURITY AFFAIRS BARTHOLOMEW WAS ALSO",
    "AVAILABLE TO VISIT CHINA TO DISCUSS NON-PROLIFERATION AND",
    "OTHER ISSUES OF VITAL IMPORTANCE TO THE US PUBLIC AND",
    "CONGRESS. QIAN WELCOMED THESE VISITS, AND THEY WERE",
    "ANNOUNCED PUBLICLY LATER ON NOVEMBER 30.",
    "--ON WORLD BANK LENDING, THE SECRETARY REAFFIRMED THAT,",
    "FOR ITS PART, THE US COULD ONLY SUPPORT LOANS TO CHINA",
    "THAT SERVE BASIC HUMAN NEEDS.",
    "--THERE WAS NO OTHER DISCUSSION OF ECONOMIC SANCTIONS.",
    "MEETING WITH COMMERCE SECRETARY MOSBACHER",
    "--SECRETARY MOSBACHER'S MEETING WITH THE FOREIGN MINISTER",
    "FOCUSSED ON THE US'S GROWING TRADE DEFICIT WITH CHINA AND",
    "CHINESE TRADE BARRIERS THAT WERE LIMITING US EXPORTS.",
    "--MOSBACHER EXPRESSED CONCERN THAT IF US AND CHINESE",
    "OFFICIALS COULD NOT MAKE PROGRESS SOON IN ADDRESSING THESE",
    "PROBLEMS, CONGRESS WOULD MANDATE STRONG ACTION. MOSBACHER",
  ]
}
