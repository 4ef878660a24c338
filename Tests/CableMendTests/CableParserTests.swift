import CableMend
import Testing

/// Header variants, written for these tests: outgoing and incoming, with and without INFO,
/// several captions. Each asserts every parsed field.
@Suite struct CableParserTests {
  struct Variant: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: CableStructure
    var testDescription: String { name }
  }

  static func structure(_ text: String) throws -> CableStructure {
    let pipeline = try Pipeline(options: MendOptions(stages: [.unwrap, .order]))
    return try #require(pipeline.mend(Array(text.utf8)).document.structure)
  }

  static func expect(precedence: [String], dtg: String, from: String, to: [CableStructure.Addressee],
                     info: [CableStructure.Addressee] = [], classification: String?, origin: String, number: String,
                     caption: String? = nil, passing: String? = nil, eo: String? = nil, tags: [String] = [],
                     subject: String?, ref: String? = nil, signature: String?) -> CableStructure {
    var s = CableStructure()
    s.precedence = precedence
    s.dateTimeGroup = dtg
    s.from = from
    s.to = to
    s.info = info
    s.classification = classification
    s.origin = origin
    s.number = number
    s.caption = caption
    s.passingLine = passing
    s.executiveOrder = eo
    s.tags = tags
    s.subject = subject
    s.reference = ref
    s.signature = signature
    return s
  }

  static let variants: [Variant] = [
    Variant(name: "outgoing, INFO, EXDIS, E.O. 12356", text: """
      O P 120915Z MAR 91
      FM SECSTATE WASHDC
      TO AMEMBASSY LISBON IMMEDIATE 0412/13
      AMEMBASSY MADRID IMMEDIATE
      INFO AMEMBASSY RABAT PRIORITY
      SECRET STATE 081234
      EXDIS
      E.O. 12356: DECL: OADR
      TAGS: PREL, PO, SP, US
      SUBJECT: FISHERIES TALKS

      1. PLEASE DRAW ON THE POINTS BELOW.

      EAGLEBURGER
      """,
      expected: expect(precedence: ["O", "P"], dtg: "120915Z MAR 91", from: "SECSTATE WASHDC",
                       to: [.init(post: "AMEMBASSY LISBON", precedence: "IMMEDIATE"), .init(post: "AMEMBASSY MADRID", precedence: "IMMEDIATE")],
                       info: [.init(post: "AMEMBASSY RABAT", precedence: "PRIORITY")], classification: "SECRET",
                       origin: "STATE", number: "081234", caption: "EXDIS", eo: "E.O. 12356: DECL: OADR",
                       tags: ["PREL", "PO", "SP", "US"], subject: "FISHERIES TALKS", signature: "EAGLEBURGER")),
    Variant(name: "incoming, no INFO, NODIS, REF", text: """
      Z 031200Z JUL 79
      FM AMEMBASSY OSLO
      TO SECSTATE WASHDC FLASH
      CONFIDENTIAL OSLO 2231
      NODIS
      E.O. 12065: GDS 07/03/85
      TAGS: PFOR, NO
      SUBJECT: MINISTER'S CALL
      REF: STATE 170001

      1. THE MINISTER CALLED ME IN THIS MORNING.

      LERNER
      """,
      expected: expect(precedence: ["Z"], dtg: "031200Z JUL 79", from: "AMEMBASSY OSLO",
                       to: [.init(post: "SECSTATE WASHDC", precedence: "FLASH")], classification: "CONFIDENTIAL",
                       origin: "OSLO", number: "2231", caption: "NODIS", eo: "E.O. 12065: GDS 07/03/85",
                       tags: ["PFOR", "NO"], subject: "MINISTER'S CALL", ref: "STATE 170001", signature: "LERNER")),
    Variant(name: "incoming, INFO list, LIMDIS, passing line", text: """
      R 221400Z OCT 74
      FM AMEMBASSY NAIROBI
      TO SECSTATE WASHDC 4410
      INFO AMEMBASSY KAMPALA
      AMCONSUL MOMBASA
      LIMITED OFFICIAL USE NAIROBI 0917
      LIMDIS
      DEPT PASS AID
      E.O. 11652: N/A
      TAGS: EAID, KE
      SUBJECT: DROUGHT RELIEF

      SUMMARY: RAINS HAVE FAILED AGAIN.

      MARSH
      """,
      expected: expect(precedence: ["R"], dtg: "221400Z OCT 74", from: "AMEMBASSY NAIROBI",
                       to: [.init(post: "SECSTATE WASHDC")],
                       info: [.init(post: "AMEMBASSY KAMPALA"), .init(post: "AMCONSUL MOMBASA")],
                       classification: "LIMITED OFFICIAL USE", origin: "NAIROBI", number: "0917", caption: "LIMDIS",
                       passing: "DEPT PASS AID", eo: "E.O. 11652: N/A", tags: ["EAID", "KE"], subject: "DROUGHT RELIEF",
                       signature: "MARSH")),
    Variant(name: "outgoing, no INFO, no caption, no E.O. (1960s)", text: """
      O 101530Z MAY 65
      FM SECSTATE WASHDC
      TO AMEMBASSY ACCRA NIACT IMMEDIATE
      SECRET STATE 3312

      YOU SHOULD SEE THE PRESIDENT TONIGHT.

      RUSK
      """,
      expected: expect(precedence: ["O"], dtg: "101530Z MAY 65", from: "SECSTATE WASHDC",
                       to: [.init(post: "AMEMBASSY ACCRA", precedence: "NIACT IMMEDIATE")], classification: "SECRET",
                       origin: "STATE", number: "3312", subject: nil, signature: "RUSK")),
    Variant(name: "outgoing to a mission, INFO with delivery indicator, STADIS", text: """
      P R 281700Z FEB 77
      FM SECSTATE WASHDC
      TO USMISSION USUN NEW YORK PRIORITY 1120/21
      INFO ZEN/AMEMBASSY PRETORIA 0330
      CONFIDENTIAL STATE 044120
      STADIS
      E.O. 11652: GDS
      TAGS: PORG, UNSC, SF
      SUBJECT: SECURITY COUNCIL DEBATE

      1. MISSION MAY USE THE FOLLOWING.

      VANCE
      """,
      expected: expect(precedence: ["P", "R"], dtg: "281700Z FEB 77", from: "SECSTATE WASHDC",
                       to: [.init(post: "USMISSION USUN NEW YORK", precedence: "PRIORITY")],
                       info: [.init(post: "AMEMBASSY PRETORIA")], classification: "CONFIDENTIAL", origin: "STATE",
                       number: "044120", caption: "STADIS", eo: "E.O. 11652: GDS", tags: ["PORG", "UNSC", "SF"],
                       subject: "SECURITY COUNCIL DEBATE", signature: "VANCE")),
    Variant(name: "incoming, unclassified, no caption", text: """
      R 150800Z JAN 88
      FM AMCONSUL MONTREAL
      TO SECSTATE WASHDC ROUTINE
      INFO AMEMBASSY OTTAWA ROUTINE
      UNCLASSIFIED MONTREAL 0044
      E.O. 12356: N/A
      TAGS: ECON, CA
      SUBJECT: PROVINCIAL BUDGET

      1. THE PROVINCE PRESENTED ITS BUDGET.

      SMITH
      """,
      expected: expect(precedence: ["R"], dtg: "150800Z JAN 88", from: "AMCONSUL MONTREAL",
                       to: [.init(post: "SECSTATE WASHDC", precedence: "ROUTINE")],
                       info: [.init(post: "AMEMBASSY OTTAWA", precedence: "ROUTINE")], classification: "UNCLASSIFIED",
                       origin: "MONTREAL", number: "0044", eo: "E.O. 12356: N/A", tags: ["ECON", "CA"],
                       subject: "PROVINCIAL BUDGET", signature: "SMITH")),
  ]

  @Test(arguments: variants)
  func parsesEveryHeaderField(_ variant: Variant) throws {
    let s = try Self.structure(variant.text)
    let e = variant.expected
    #expect(s.precedence == e.precedence)
    #expect(s.dateTimeGroup == e.dateTimeGroup)
    #expect(s.from == e.from)
    #expect(s.to == e.to)
    #expect(s.info == e.info)
    #expect(s.classification == e.classification)
    #expect(s.origin == e.origin)
    #expect(s.number == e.number)
    #expect(s.caption == e.caption)
    #expect(s.passingLine == e.passingLine)
    #expect(s.executiveOrder == e.executiveOrder)
    #expect(s.tags == e.tags)
    #expect(s.subject == e.subject)
    #expect(s.reference == e.reference)
    #expect(s.signature == e.signature)
    #expect(!s.paragraphs.isEmpty)
  }

  @Test func clearanceBlockIsParsed() throws {
    let s = try Self.structure("""
      DRAFTED BY: EUR/WE: JDOE
      APPROVED BY: EUR: RROE
      EUR/WE: MPOE
      S/S-O: TLOE
      O 010101Z JAN 90
      FM SECSTATE WASHDC
      TO AMEMBASSY PARIS IMMEDIATE
      SECRET STATE 000001

      1. TEXT.

      BAKER
      """)
    #expect(s.clearance?.draftedBy == "EUR/WE: JDOE")
    #expect(s.clearance?.approvedBy == "EUR: RROE")
    #expect(s.clearance?.cleared == ["EUR/WE: MPOE", "S/S-O: TLOE"])
    #expect(s.header.first?.name == "clearance")
  }

  @Test func emptyAndHostileInput() throws {
    #expect(try Pipeline(options: MendOptions(stages: [.unwrap, .order])).mend([]).text == "")
    let s = try Self.structure("TO BE OR NOT TO BE\n\nFM\n\n1.\n\n-- \n")
    #expect(s.from == nil)
    #expect(s.to.isEmpty)
  }
}
