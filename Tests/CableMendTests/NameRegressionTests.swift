import Foundation
import Testing

@testable import CableMend

/// Cases where the `names` stage once changed a token it should not have (found in
/// `cablemend eval Corpus/generated`), and the glued-initial forms it now handles.
@Suite struct NameRegressionTests {
  static let names = try! Pipeline(options: MendOptions(stages: [.names]))

  func changes(_ text: String) -> [String] {
    Self.names.mend(Array(text.utf8)).document.edits.filter { $0.stage == .names }
      .map { "\($0.before)>\($0.after)" }
  }

  /// Routing lines write country designators both ways (`GER`, `GE`); `USMISSION NATO` is the
  /// older form of `USMISSION USNATO`. Neither is OCR damage.
  @Test(arguments: [
    "O 071010Z JUN 69\nFM AMEMBASSY LISBON\nTO SECSTATE WASHDC PRIORITY\nINFO USCINCEUR VAIHINGEN GER\n",
    "O 071010Z JUN 74\nFM AMEMBASSY ANKARA\nTO SECSTATE WASHDC\nINFO USMISSION NATO BRUSSELS\n",
  ])
  func routingDesignatorsAndOlderPostFormsAreKept(text: String) {
    #expect(changes(text).isEmpty)
  }

  @Test func aDamagedPostBesideAnAbbreviatedDesignatorIsStillFixed() {
    let text = "O 071010Z JUN 69\nFM AMEMBASSY LISBON\nINFO USCINCEUR VAIHINGFN GER\n"
    #expect(changes(text) == ["VAIHINGFN>VAIHINGEN"])
  }

  /// Three initials glued to a surname the lexicon knows (Thomas Michael Tolliver Niles) are
  /// a correct clearance, not damage.
  @Test func threeGluedInitialsBeforeAKnownSurnameAreKept() {
    let text = "O 091200Z NOV 91\nFM SECSTATE WASHDC\nDRAFTED BY: EUR/SE:MPARKER\nEUR:TMTNILES\n"
    #expect(changes(text).isEmpty)
  }

  /// Two glued initials stay when the surname is repaired (Herman Jay Cohen, AF, 1989).
  @Test func twoGluedInitialsSurviveARepairedSurname() {
    let text = "O 121200Z DEC 89\nFM SECSTATE WASHDC\nAPPROVED BY: AF:HJCOHFN\n"
    #expect(changes(text) == ["HJCOHFN>HJCOHEN"])
  }

  /// A known variant spelling (SOEHARTO for Suharto) is preferred to the canonical one when it
  /// is closer to the token, so the cable keeps its own spelling.
  @Test func theClosestSpellingOfTheSamePersonWins() {
    let text = "O 041200Z DEC 85\nFM AMEMBASSY JAKARTA\n\n1. PRESIDENT SOEHARFO RETURNED FROM ROME.\n"
    #expect(changes(text) == ["SOEHARFO>SOEHARTO"])
  }
}
