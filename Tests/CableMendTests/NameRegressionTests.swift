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

  /// An English word beside a token is no part of a name, even when some name holds it (Tran
  /// Huu The): `THE STRAN METHOD` stays.
  @Test func anEnglishNeighbourIsNoEvidence() {
    let text = "O 041200Z JUN 74\nFM AMEMBASSY ANKARA\n\n1. THEY MAY ADOPT THE STRAN METHOD.\n"
    #expect(changes(text).isEmpty)
  }

  /// The other word of a two-word name beside the token supports it, even for one arbitrary
  /// edit in a four-letter name.
  @Test func theRestOfTheNameBesideTheToken() {
    let text = "O 021200Z SEP 78\nFM AMEMBASSY NAIROBI\n\n1. THE MINISTER WILL SEE SIAE BARRE NEXT WEEK.\n"
    #expect(changes(text) == ["SIAE>SIAD"])
  }

  /// A forename beside the token adds one point; with the cable's country that is enough.
  @Test func aForenameBesideTheTokenAndTheCountry() {
    let text = "O 021200Z SEP 78\nFM AMEMBASSY NAIROBI\n\n1. I CALLED ON MWAI KIBAII THIS MORNING.\n"
    #expect(changes(text) == ["KIBAII>KIBAKI"])
  }

  /// A two-word phrase seen cleanly elsewhere in the cable supports the same phrase damaged.
  @Test func aPhraseSeenElsewhereInTheCable() {
    let text =
      "O 031200Z AUG 66\nFM AMEMBASSY VIENTIANE\n\n1. FIGHTING IN HOUA PHAN CONTINUES.\n\n"
      + "2. REFUGEES FROM HOUA PLIAN ARRIVED.\n"
    #expect(changes(text) == ["PLIAN>PHAN"])
  }

  /// The same phrase with a name the lexicon spells otherwise (another transliteration, far
  /// more than one OCR error away) is left alone.
  @Test func anotherTransliterationBesideTheForenameIsKept() {
    let text = "O 151200Z MAY 66\nFM AMEMBASSY VIENTIANE\n\n1. GENERAL LEUAM INSISIGMAY CALLED.\n"
    #expect(changes(text).isEmpty)
  }

  /// A clean mention before `AS` and a title is a mention in a name context.
  @Test func aMentionBeforeAsAndATitleCounts() {
    let text =
      "O 071010Z JUN 75\nFM AMEMBASSY CAIRO\n\n1. WASHINGTON WILL RECEIVE KHALIFA AS LIBYAN AMBASSADOR.\n\n"
      + "2. THE NOTE ABOUT KHAIEA CAME ON MONDAY.\n"
    #expect(changes(text) == ["KHAIEA>KHALIFA"])
  }

  /// A four-letter token one arbitrary edit from a name is corrected only when the cable
  /// names that person cleanly in a name context; alone, it is left.
  @Test(arguments: [
    ("O 021200Z SEP 78\nFM AMEMBASSY NAIROBI\n\n1. PRESIDENT SIAD BARRE SPOKE.\n\n2. WE WILL PRESS FIAO.\n", ["FIAO>SIAD"]),
    ("O 021200Z SEP 78\nFM AMEMBASSY NAIROBI\n\n1. WE WILL PRESS FIAO.\n", []),
  ])
  func shortTokensNeedStrongContext(text: String, expected: [String]) {
    #expect(changes(text) == expected)
  }

  /// In a token of six letters or more, one arbitrary edit from a name is as telling as one
  /// common confusion in a short token (with the cable's country, enough to act on); but a
  /// spelling the cable prints twice is another transliteration (QADHAAFI), never damage.
  @Test func aLongNameOneEditAwayIsFixedUnlessPrintedTwice() {
    let head = "O 151200Z MAR 75\nFM AMEMBASSY ALGIERS\nTO SECSTATE WASHDC\n\n"
    #expect(changes(head + "1. WE MET BOUSSTLHAM TODAY.\n") == ["BOUSSTLHAM>BOUSSELHAM"])
    let twice = head + "1. WE MET BOUSSTLHAM TODAY.\n\n2. BOUSSTLHAM LEFT.\n"
    #expect(changes(twice).isEmpty)
  }
}
