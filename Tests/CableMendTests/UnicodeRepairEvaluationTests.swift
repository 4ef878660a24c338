import Foundation
import Testing

@testable import CableMend

/// Measures the `unicode` stage on the clean cables of `../shared/data/frus-dev` (read at test
/// time, never copied): each is damaged with ``UnicodeDamage`` and repaired, and the repaired
/// lines are compared with the clean ones.
@Suite struct UnicodeRepairEvaluationTests {
  static var folder: URL? { SupportPaths.sharedData?.appendingPathComponent("frus-dev") }

  struct Score {
    var damagedLines = 0
    var restoredLines = 0
    var untouchedChanged = 0
    var errorsBefore = 0
    var errorsAfter = 0
    var characters = 0
    var misses: [String] = []
  }

  /// A short view of where two lines first differ, for the test log.
  static func firstDifference(_ gold: String, _ got: String) -> String {
    let a = Array(gold.unicodeScalars)
    let b = Array(got.unicodeScalars)
    var at = 0
    while at < min(a.count, b.count) && a[at] == b[at] { at += 1 }
    let from = max(0, at - 15)
    let show = { (s: [Unicode.Scalar]) in
      String(String.UnicodeScalarView(s[min(from, s.count)..<min(at + 15, s.count)]))
    }
    return "gold \(show(a).debugDescription) got \(show(b).debugDescription)"
  }

  static func evaluate(seed: UInt64, rate: Double) throws -> Score {
    var score = Score()
    let names = try FileManager.default.contentsOfDirectory(atPath: folder!.path)
      .filter { $0.hasSuffix(".gold.txt") }.sorted()
    for (index, name) in names.enumerated() {
      let gold = try String(contentsOf: folder!.appendingPathComponent(name), encoding: .utf8)
      let damaged = UnicodeDamage(seed: seed &+ UInt64(index), rate: rate).damage(gold)
      var document = InputDecoder.decode(Array(damaged.utf8), name: name)
      try UnicodeCleaner(options: MendOptions()).run(&document)
      let goldLines = gold.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let damagedLines = damaged.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let repaired = document.lines.map(\.text)
      // The decoder drops a trailing empty line; compare the lines it kept.
      for (line, (goldLine, damagedLine)) in zip(repaired, zip(goldLines, damagedLines)) {
        score.characters += goldLine.unicodeScalars.count
        let before = EditDistance.levenshtein(
          Array(goldLine.unicodeScalars), Array(damagedLine.unicodeScalars))
        let after = EditDistance.levenshtein(Array(goldLine.unicodeScalars), Array(line.unicodeScalars))
        score.errorsBefore += before
        score.errorsAfter += after
        if damagedLine != goldLine {
          score.damagedLines += 1
          if line.unicodeScalars.elementsEqual(goldLine.unicodeScalars) {
            score.restoredLines += 1
          } else {
            score.misses.append(Self.firstDifference(goldLine, line))
          }
        } else if !line.unicodeScalars.elementsEqual(goldLine.unicodeScalars) {
          score.untouchedChanged += 1
        }
      }
    }
    return score
  }

  @Test(.enabled(if: folder != nil, "needs ../shared/data/frus-dev beside the checkout"))
  func repairsSyntheticDamageOnCables() throws {
    let score = try Self.evaluate(seed: 2026, rate: 0.05)
    let restored = Double(score.restoredLines) / Double(max(score.damagedLines, 1))
    let cerBefore = Double(score.errorsBefore) / Double(max(score.characters, 1))
    let cerAfter = Double(score.errorsAfter) / Double(max(score.characters, 1))
    print(
      "frus-dev with UnicodeDamage(rate 0.05): \(score.damagedLines) damaged lines, \(score.restoredLines) restored exactly (\(String(format: "%.1f%%", 100 * restored))); CER \(String(format: "%.3f%%", 100 * cerBefore)) before, \(String(format: "%.3f%%", 100 * cerAfter)) after; clean lines changed: \(score.untouchedChanged)"
    )
    for miss in score.misses { print("  miss \(miss)") }
    #expect(score.damagedLines > 100)
    #expect(score.untouchedChanged == 0)
    #expect(restored >= 0.99)  // measured 285 of 285
    #expect(cerAfter <= cerBefore)
  }
}
