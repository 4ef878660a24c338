import CableMend
import Foundation
import Testing

/// The user's sample against the hand-made gold (`Corpus/samples/*.gold.txt`, written by
/// reasoning about the telegram; see `Corpus/README.md`).
@Suite struct SampleReconstructionTests {
  static let orderStages: Set<StageName> = [.unicode, .pages, .furniture, .unwrap, .order]

  static func gold() throws -> String {
    try String(contentsOf: SupportPaths.corpus.appendingPathComponent("samples/000_675ac13192480b09.gold.txt"),
               encoding: .utf8)
  }

  static func mend(_ stages: Set<StageName>) throws -> MendResult {
    try Pipeline(options: MendOptions(stages: stages)).mend(try SupportPaths.bytes(SupportPaths.sample), name: "sample")
  }

  static func paragraphs(_ text: String) -> [String] {
    text.components(separatedBy: "\n\n").dropFirst().map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .filter { !$0.isEmpty }
  }

  /// For each gold body paragraph, the output paragraph most like it (by character error rate
  /// of the first 60 characters, so that uncorrected names do not hide a paragraph), as ranks.
  static func ranks(gold: [String], output: [String]) -> [Int] {
    gold.map { g in
      let head = String(g.prefix(60))
      return output.indices.min { a, b in
        EditDistance.characterErrorRate(reference: head, hypothesis: String(output[a].prefix(60)))
          < EditDistance.characterErrorRate(reference: head, hypothesis: String(output[b].prefix(60)))
      } ?? -1
    }
  }

  @Test func structureOfTheSample() throws {
    let structure = try #require(try Self.mend(Self.orderStages).document.structure)
    #expect(structure.precedence == ["O", "P"])
    #expect(structure.dateTimeGroup == "040336Z DEC 90")
    #expect(structure.from == "SECSTATE WASHDC")
    #expect(structure.to.count == 11)
    #expect(structure.to.allSatisfy { $0.precedence == "IMMEDIATE" })
    #expect(structure.info.map(\.post) == ["AMEMBASSY BEIJING"])
    #expect(structure.classification == "SECRET")
    #expect(structure.origin == "STATE")
    #expect(structure.number == "415364")
    #expect(structure.caption == "EXDIS")
    #expect(structure.executiveOrder == "E.O. 12356: DECL: OADR")
    #expect(structure.tags == ["PREL", "CM", "US"])
    #expect(structure.clearance?.cleared.count == 8)
    #expect(structure.signature == "BAKER")
    #expect(structure.missingPages.contains(3))
  }

  /// What `unwrap` and `order` do given the stages before them (names not corrected).
  @Test func paragraphOrderWithOrderStages() throws {
    let text = try Self.mend(Self.orderStages).text
    let gold = Self.paragraphs(try Self.gold())
    let output = Self.paragraphs(text)
    let ranks = Self.ranks(gold: gold, output: output)
    #expect(output.count == gold.count)
    #expect(ranks == Array(0..<gold.count), "paragraph order differs from the gold")
    let cer = EditDistance.characterErrorRate(reference: try Self.gold(), hypothesis: text)
    // Measured 0.41% (names, the S/S-O symbol and the clearance block are left to other stages).
    #expect(cer < 0.006)
  }

  /// The whole pipeline, as `cablemend mend` runs it.
  @Test func fullPipelineMatchesGold() throws {
    let text = try Self.mend(Set(StageName.allCases)).text
    let gold = try Self.gold()
    #expect(Self.paragraphs(text).map { String($0.prefix(40)) } == Self.paragraphs(gold).map { String($0.prefix(40)) })
    let cer = EditDistance.characterErrorRate(reference: gold, hypothesis: text)
    // Measured 0.09% (5 characters: clearance names JUEITH, KVISBEMANN and S/S-0).
    #expect(cer < 0.002)
  }

  /// Stability (`--stable`): mending the repaired sample again changes nothing, and the second
  /// run records no edit at all in the `order` stage.
  @Test func mendingTheRepairedSampleChangesNothing() throws {
    let pipeline = try Pipeline(options: MendOptions(stableOrder: true))
    let once = pipeline.mend(try SupportPaths.bytes(SupportPaths.sample), name: "sample")
    let twice = pipeline.mend(Array(once.text.utf8), name: "sample again")
    #expect(twice.text == once.text)
    #expect(twice.document.edits.filter { $0.stage == .order }.isEmpty)
  }
}
