import CableMend
import Foundation
import Testing

/// Scrambles clean telegrams (frus-dev, outside the repository, and any committed under
/// `Corpus/telegrams/`) and measures how well `unwrap` + `order` restore their paragraph order.
@Suite struct OrderEvaluationTests {
  static let seedsPerTelegram: [UInt64] = [1, 2]

  static func golds() -> [(name: String, text: String)] {
    var dirs: [URL] = [SupportPaths.corpus.appendingPathComponent("telegrams")]
    if let shared = SupportPaths.sharedData { dirs.append(shared.appendingPathComponent("frus-dev")) }
    var result: [(String, String)] = []
    for dir in dirs {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".gold.txt") {
        if let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) { result.append((name, text)) }
      }
    }
    return result
  }

  struct Summary {
    var documents = 0
    var exact = 0
    var tauSum = 0.0
    var failures: [String] = []
    var exactShare: Double { Double(exact) / Double(max(documents, 1)) }
    var meanTau: Double { tauSum / Double(max(documents, 1)) }
  }

  static func measure(_ scrambler: Scrambler = Scrambler()) throws -> Summary {
    var summary = Summary()
    for (name, gold) in golds() {
      for seed in seedsPerTelegram {
        let scrambled = scrambler.scramble(gold: gold, seed: seed &* 7919 &+ UInt64(name.utf8.count), source: name)
        let outcome = try OrderEvaluation.evaluate(scrambled)
        summary.documents += 1
        summary.tauSum += outcome.tau
        if outcome.exact { summary.exact += 1 } else { summary.failures.append("\(name)#\(seed) tau \(outcome.tau) found \(outcome.found)/\(outcome.pieces)") }
      }
    }
    return summary
  }

  @Test(.enabled(if: SupportPaths.sharedData != nil, "needs ../shared/data/frus-dev"))
  func scrambledTelegramsComeBackInOrder() throws {
    let summary = try Self.measure()
    print("order evaluation (default scrambler): \(summary.documents) documents, exact \(summary.exact) (\(summary.exactShare)), mean tau \(summary.meanTau)")
    #expect(summary.documents >= 50)
    // Thresholds just below what was measured (README, `order` section).
    #expect(summary.exactShare >= 0.61)
    #expect(summary.meanTau >= 0.945)
  }

  @Test(.enabled(if: SupportPaths.sharedData != nil, "needs ../shared/data/frus-dev"))
  func scrambledTelegramsWithAllPageNumbers() throws {
    var scrambler = Scrambler()
    scrambler.keepPageNumber = 1
    let summary = try Self.measure(scrambler)
    print("order evaluation (page numbers kept): \(summary.documents) documents, exact \(summary.exact) (\(summary.exactShare)), mean tau \(summary.meanTau)")
    #expect(summary.documents >= 50)
    #expect(summary.exactShare >= 0.64)
    #expect(summary.meanTau >= 0.955)
  }
}
