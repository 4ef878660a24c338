import Foundation
import Testing

@testable import CableMend

/// The `names` stage remembers each token's candidates within and across its passes
/// (``NameMemo``); remembering must change nothing. Each document is mended up to the stage,
/// then run through the stage with and without the memo.
@Suite struct NameMemoTests {
  static let before = try! Pipeline(
    options: MendOptions(stages: [.unicode, .pages, .furniture, .unwrap, .dedupe]))
  static let corrector = try! NameCorrector(options: MendOptions())

  /// What a run decided, without the evidence strings: those name one of several equally good
  /// lexicon entries in an order that `Set` hashing may vary between runs of the same code.
  func outcome(_ document: Document) -> [String] {
    document.lines.map(\.text)
      + document.edits.filter { $0.stage == .names }.map {
        "\($0.source) \($0.before)>\($0.after) \($0.confidence) \($0.evidence.contains { $0.key == "pass" })"
      }
  }

  func bothWays(_ bytes: [UInt8]) -> (memo: [String], fresh: [String]) {
    let document = Self.before.mend(bytes, name: "memo").document
    var memoised = document, fresh = document
    var plain = Self.corrector
    plain.memoize = false
    Self.corrector.run(&memoised)
    plain.run(&fresh)
    return (outcome(memoised), outcome(fresh))
  }

  /// The sample and corpus dumps whose corrections take a second pass (a correction in the
  /// first gives another its support), where stale candidates would show.
  @Test(arguments: [
    "samples/000_675ac13192480b09.raw.txt", "generated/high/t08_state_1973_stockholm.raw.txt",
    "generated/high/t13_mexico_1978.raw.txt", "generated/low/t07_tunis_1972.raw.txt",
    "generated/medium/t12_state_1977_nairobi.raw.txt",
  ])
  func memoChangesNothingOnCorpusDumps(path: String) throws {
    let bytes = try SupportPaths.bytes(SupportPaths.corpus.appendingPathComponent(path))
    let (memo, fresh) = bothWays(bytes)
    #expect(memo == fresh)
  }

  /// Empty, one clean name, damaged spellings repeated under different cues, and a long run of
  /// the same damaged tokens (every one of them answered from the memo after the first).
  @Test(arguments: [
    "",
    "O 040336Z DEC 90\nFM SECSTATE WASHDC\n\nUNDER SECRETARY KIMMITT MET QIAN.\n",
    "O 040336Z DEC 90\nFM SECSTATE WASHDC\n\nUNDER SECRETARY KINNIFF MET QIAN. KINNIFF SAID NO. KIMMTT LEFT.\n",
    String(repeating: "QQQQ ZZZZ KINNIFF UNCER ", count: 50),
  ])
  func memoChangesNothingOnSmallDocuments(text: String) {
    let (memo, fresh) = bothWays(Array(text.utf8))
    #expect(memo == fresh)
  }
}
