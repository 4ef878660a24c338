import Foundation
import Testing

@testable import CableMend

/// The committed corpus: the clean telegrams follow the gold layout, and every level of the
/// generated corpus has raw, gold and truth files for each of them.
@Suite struct CorpusTests {
  static let telegrams = SupportPaths.corpus.appendingPathComponent("telegrams")

  static func golds() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: telegrams, includingPropertiesForKeys: nil)
      .filter { $0.lastPathComponent.hasSuffix(".gold.txt") }.sorted { $0.path < $1.path }
  }

  @Test func atLeastTwentyFourTelegramsInTheGoldLayout() throws {
    let files = try Self.golds()
    #expect(files.count >= 24)
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      let name = file.lastPathComponent
      #expect(
        text.unicodeScalars.allSatisfy { $0 == "\n" || (0x20...0x7E).contains($0.value) },
        "\(name): not printable ASCII")
      #expect(text.uppercased() == text, "\(name): not upper case")
      #expect(
        text.hasSuffix("\n") && !text.hasSuffix("\n\n") && !text.contains("\n\n\n"), "\(name): blank lines")
      let facts = CableFacts(gold: text)
      #expect(!facts.dtg.isEmpty && facts.signature != nil, "\(name): no DTG or signature")
      #expect(facts.headerLines.contains { $0.hasPrefix("SUBJECT: ") }, "\(name): no SUBJECT")
      let words = text.split(whereSeparator: \.isWhitespace).count
      #expect((140...950).contains(words), "\(name): \(words) words")
    }
  }

  @Test(arguments: NoiseLevel.allCases)
  func generatedLevelHasEveryDocument(level: NoiseLevel) throws {
    let folder = SupportPaths.corpus.appendingPathComponent("generated/\(level.rawValue)")
    let ids = try Self.golds().map { String($0.lastPathComponent.dropLast(".gold.txt".count)) }
    #expect(ids.count >= 20)
    for id in ids {
      let gold = try String(contentsOf: folder.appendingPathComponent("\(id).gold.txt"), encoding: .utf8)
      #expect(
        gold
          == (try String(contentsOf: Self.telegrams.appendingPathComponent("\(id).gold.txt"), encoding: .utf8))
      )
      let raw = try String(contentsOf: folder.appendingPathComponent("\(id).raw.txt"), encoding: .utf8)
      let truth = try JSONDecoder().decode(
        TruthFile.self, from: Data(contentsOf: folder.appendingPathComponent("\(id).truth.json")))
      #expect(truth.level == level.rawValue && truth.source == id)
      for name in truth.names { #expect(raw.contains(name.wrong), "\(id): \(name.wrong) not in the dump") }
    }
  }
}
