@testable import CableMend
import Foundation
import Testing

/// Scrambles clean telegrams (frus-dev, outside the repository, and any committed under
/// `Corpus/telegrams/`) and measures how well `unwrap` + `order` restore their paragraph order.
@Suite struct OrderEvaluationTests {
  static let seedsPerTelegram: [UInt64] = [1, 2]

  /// Which telegrams: all, the training split (the committed telegrams and the frus-dev
  /// telegrams whose file name hashes even), or the evaluation split (frus-dev, hash odd), so
  /// learned cue weights (``OrderCueTrainingTests``) are judged on telegrams they never saw.
  enum Split { case all, training, evaluation }

  /// FNV-1a of the file name: a split that does not depend on the directory listing's order.
  static func stableHash(_ name: String) -> UInt64 {
    name.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }

  static func golds(_ split: Split = .all) -> [(name: String, text: String)] {
    var dirs: [(URL, committed: Bool)] = [(SupportPaths.corpus.appendingPathComponent("telegrams"), true)]
    if let shared = SupportPaths.sharedData { dirs.append((shared.appendingPathComponent("frus-dev"), false)) }
    var result: [(String, String)] = []
    for (dir, committed) in dirs {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".gold.txt") {
        let training = committed || stableHash(name) % 2 == 0
        if split == .training && !training || split == .evaluation && training { continue }
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
    var line: String { "\(documents) documents, exact \(exact) (\(exactShare)), mean tau \(meanTau)" }
  }

  /// `multiplier` 7919 is the usual seed set; 104729 is the second one the README reports.
  static func measure(_ scrambler: Scrambler = Scrambler(), split: Split = .all, seeds: [UInt64] = seedsPerTelegram,
                      multiplier: UInt64 = 7919, weights: [Double] = OrderCue.weights) throws -> Summary {
    var summary = Summary()
    for (name, gold) in golds(split) {
      for seed in seeds {
        let scrambled = scrambler.scramble(gold: gold, seed: seed &* multiplier &+ UInt64(name.utf8.count), source: name)
        let outcome = try OrderEvaluation.evaluate(scrambled, options: MendOptions(), weights: weights)
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
    #expect(summary.exactShare >= 0.64)
    #expect(summary.meanTau >= 0.955)
  }

  /// The frus-dev telegrams the weight learner never trains on (``Split/evaluation``).
  @Test(.enabled(if: SupportPaths.sharedData != nil, "needs ../shared/data/frus-dev"))
  func evaluationSplitComesBackInOrder() throws {
    let summary = try Self.measure(split: .evaluation)
    print("order evaluation (evaluation split, default scrambler): \(summary.line)")
    #expect(summary.documents >= 20)
    #expect(summary.exactShare >= 0.55)
    #expect(summary.meanTau >= 0.93)
  }

  @Test(.enabled(if: SupportPaths.sharedData != nil, "needs ../shared/data/frus-dev"))
  func scrambledTelegramsWithAllPageNumbers() throws {
    var scrambler = Scrambler()
    scrambler.keepPageNumber = 1
    let summary = try Self.measure(scrambler)
    print("order evaluation (page numbers kept): \(summary.documents) documents, exact \(summary.exact) (\(summary.exactShare)), mean tau \(summary.meanTau)")
    #expect(summary.documents >= 50)
    #expect(summary.exactShare >= 0.66)
    #expect(summary.meanTau >= 0.96)
  }
}
