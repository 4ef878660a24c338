import Foundation
import Testing

@testable import CableMend

/// Evidence the `names` stage takes from the cable itself: the names it prints cleanly
/// elsewhere, and FRUS roles whose dates cover one remark only.
@Suite struct NameDocumentTests {
  static let names = try! Pipeline(options: MendOptions(stages: [.names]))

  static let mogadiscio1978 = "O 101200Z MAR 78\nFM AMEMBASSY MOGADISCIO\nTO SECSTATE WASHDC\n\n"

  func changes(_ text: String) -> [String] {
    Self.names.mend(Array(text.utf8)).document.edits.filter { $0.stage == .names }
      .map { "\($0.before)>\($0.after)" }
  }

  /// `SCLAD` is an arbitrary edit and a confusion from SIAD (cost 1.4): too far for a name
  /// known only from the lexicon, close enough for one the cable names twice.
  @Test func aNameTheCablePrintsTwiceReachesAFartherDamagedToken() throws {
    let text = Self.mogadiscio1978
      + "1. I MET PRESIDENT SIAD TODAY. SIAD SAID THE WAR IS OVER.\n\n2. OUR DIALOGUE WITH SCLAD CONTINUES.\n"
    let edits = Self.names.mend(Array(text.utf8)).document.edits.filter { $0.stage == .names }
    #expect(edits.map { "\($0.before)>\($0.after)" } == ["SCLAD>SIAD"])
    let evidence = try #require(edits.first).evidence.map(\.value).joined(separator: " ")
    #expect(evidence.contains("SIAD appears 2x elsewhere"))
  }

  @Test(arguments: [
    // The cable does not name him: the lexicon alone is not enough at that distance.
    mogadiscio1978 + "1. I MET THE PRESIDENT TODAY.\n\n2. OUR DIALOGUE WITH SCLAD CONTINUES.\n",
    // A name of three letters printed twice (TWE) is as likely OCR debris as a person.
    mogadiscio1978 + "1. TWE SAID TWE WAR IS OVER.\n\n2. TWAT IS ALL.\n",
    "",
    mogadiscio1978,
  ])
  func otherwiseTheTokenStays(text: String) {
    #expect(changes(text).isEmpty)
  }

  /// Charles Diggs's FRUS role joins several remarks, and his lexicon years (1969–1971) are
  /// those of the first (a caucus chair); a congressman still in 1978 is not ruled out by them.
  @Test func datesOfOneRemarkOfSeveralAreNotHeldAgainstAPerson() {
    let mention = Self.mogadiscio1978 + "1. CONGRESSMAN DIGGS ARRIVED TODAY.\n\n2. OIGGS MET THE FOREIGN MINISTER.\n"
    #expect(changes(mention) == ["OIGGS>DIGGS"])
    let bare = Self.mogadiscio1978 + "1. THE DELEGATION ARRIVED TODAY.\n\n2. OIGGS MET THE FOREIGN MINISTER.\n"
    #expect(changes(bare).isEmpty)
  }
}
