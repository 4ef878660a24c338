import Foundation
import Testing

@testable import CableMend

/// Addressee lines of the header: posts, the Department, and military commands whose name has
/// the command glued on (`USCINCEUR`), which a prefix followed by a space did not match.
@Suite struct AddresseeLineTests {
  @Test(arguments: [
    ("INFO USCINCEUR VAIHINGEN GER", CableStructure.FieldKind.info),
    ("INFO USCINCPAC HONOLULU HI", .info),
    ("INFO CINCPAC HONOLULU HI", .info),
    ("TO USCINCSO QUARRY HEIGHTS PM IMMEDIATE", .to),
    ("INFO AMEMBASSY BONN", .info),
    ("TO SECSTATE WASHDC PRIORITY", .to),
  ])
  func addresseeLinesAreHeaderFields(line: String, kind: CableStructure.FieldKind) {
    #expect(LineClassifier.field(line) == kind)
  }

  /// Sentences that open with the keyword are not addressee lines.
  @Test(arguments: ["INFO ON THE TALKS WILL FOLLOW.", "TO ALLOW YOU TO EXAMINE THE SYSTEM, I PROPOSE", "INFO", ""])
  func sentencesAreNotAddressees(line: String) {
    #expect(LineClassifier.field(line) != .info && LineClassifier.field(line) != .to)
  }

  /// Found by PropertyTests (`base 5 level high seed 565567735412`): the INFO line of a committed
  /// telegram was taken for body text, placed after the closing name, and a second `--stable`
  /// mend moved it again. It now stays in the header and the second mend changes nothing.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: AddresseeLineTests.lisbon.path)))
  func militaryInfoLineStaysInTheHeaderAndMendIsStable() throws {
    let gold = try String(contentsOf: Self.lisbon, encoding: .utf8)
    let raw = NoiseGenerator(level: .high, seed: 565_567_735_412).generate(gold: gold).raw
    let pipeline = try Pipeline(options: MendOptions(stableOrder: true))
    let once = pipeline.mend(Array(raw.utf8), name: "lisbon")
    let header = once.text.components(separatedBy: "\n\n").first ?? ""
    #expect(header.contains("\nINFO USCINCEUR VAIHINGEN GER\n"))
    let twice = pipeline.mend(Array(once.text.utf8), name: "lisbon-twice")
    #expect(twice.text == once.text)
  }

  static let lisbon = SupportPaths.corpus.appendingPathComponent("telegrams/t05_lisbon_1969.gold.txt")
}
