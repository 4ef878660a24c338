import Foundation
import Testing

@testable import CableMend

/// The signature of a cable is read against who held the sending post on the cable's date.
@Suite struct SignatureResolverTests {
  static let names = try! Pipeline(options: MendOptions(stages: [.names]))

  func changes(_ text: String) -> [String] {
    Self.names.mend(Array(text.utf8)).document.edits.filter { $0.stage == .names }
      .map { "\($0.before)>\($0.after)" }
  }

  static let cairo1975 = "O R 071010Z JUN 75\nFM AMEMBASSY CAIRO\nTO SECSTATE WASHDC\n\n1. TEXT.\n\n"

  /// Hermann Eilts was Ambassador to Egypt from 1974 to 1979.
  @Test func aDamagedSignatureIsReadAsTheChiefOfMission() throws {
    let text = Self.cairo1975 + "EOTS\n"
    let edits = Self.names.mend(Array(text.utf8)).document.edits.filter { $0.stage == .names }
    #expect(edits.map { "\($0.before)>\($0.after)" } == ["EOTS>EILTS"])
    let evidence = try #require(edits.first).evidence.map(\.value).joined(separator: " ")
    #expect(evidence.contains("AMEMBASSY CAIRO"))
    #expect(evidence.contains("AMBASSADOR TO EGYPT"))
  }

  @Test(arguments: [
    // A known name signs (a chargé, say): left alone.
    cairo1975 + "MOOSE\n",
    // An unknown name far from the ambassador's: a chargé the lexicon lacks.
    cairo1975 + "WRIGHTSON\n",
    // Outside Eilts's tenure (1981): no signer matches.
    "O R 071010Z JUN 81\nFM AMEMBASSY CAIRO\nTO SECSTATE WASHDC\n\n1. TEXT.\n\nEOTS\n",
    // No FM line: no sender, no signature check.
    "O R 071010Z JUN 75\n\n1. TEXT.\n\nEOTS\n",
    // The last line holds more than one word.
    cairo1975 + "EOTS AND OTHERS\n",
    "",
    "EOTS\n",
  ])
  func otherwiseTheSignatureStays(text: String) {
    #expect(changes(text).isEmpty)
  }

  /// A Department cable is signed by the Secretary of State of the day (Baker, 1989–1992).
  @Test func aDepartmentCableIsSignedByTheSecretary() {
    let text = "O 121200Z DEC 90\nFM SECSTATE WASHDC\nTO AMEMBASSY BONN\n\n1. TEXT.\n\nBAKFR\n"
    #expect(changes(text) == ["BAKFR>BAKER"])
  }

  /// In the Secretary's absence the Deputy Secretary signs as Acting Secretary (Robert
  /// Ingersoll, Deputy Secretary 1974–1976, while Kissinger was Secretary).
  @Test func theDeputySecretaryMaySignADepartmentCable() {
    let cable = "R 101200Z MAY 75\nFM SECSTATE WASHDC\nTO AMEMBASSY PARIS\n\n1. TEXT.\n\nIHGFRSOLL\n"
    #expect(changes(cable) == ["IHGFRSOLL>INGERSOLL"])
    // Too far for the date alone when the cable comes from elsewhere.
    let embassy = cable.replacingOccurrences(of: "SECSTATE WASHDC", with: "AMEMBASSY ROME")
    #expect(changes(embassy).isEmpty)
  }

  /// A cable from the Secretary's party abroad is signed by the Secretary (Shultz, 1982–1989).
  /// `THULFZ` is two confusions from SHULTZ: too far for the date alone, close enough for the
  /// signature of a closed class of one.
  @Test func theSecretarysPartyIsSignedByTheSecretary() {
    let party = "O 101200Z NOV 87\nFM USDEL SECRETARY AIRCRAFT\nTO SECSTATE WASHDC IMMEDIATE\n\n1. TEXT.\n\n"
    #expect(changes(party + "THULFZ\n") == ["THULFZ>SHULTZ"])
    let unsigned = "O 101200Z NOV 87\nFM USDEL GENEVA\nTO SECSTATE WASHDC IMMEDIATE\n\n1. TEXT.\n\n"
    #expect(changes(unsigned + "THULFZ\n").isEmpty)
  }
}
