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

  /// Character errors, counted word by word: the damage never splits or joins words, so the
  /// words line up, and a full-line Levenshtein over paragraph-long lines would be slow.
  static func errors(_ gold: String, _ other: String) -> Int {
    if gold.unicodeScalars.elementsEqual(other.unicodeScalars) { return 0 }
    // The spaces UnicodeDamage writes between words.
    let separators: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\u{A0}" || $0 == "\u{2009}" }
    let goldWords = gold.unicodeScalars.split(omittingEmptySubsequences: false, whereSeparator: separators)
    let otherWords = other.unicodeScalars.split(omittingEmptySubsequences: false, whereSeparator: separators)
    guard goldWords.count == otherWords.count else {
      return EditDistance.levenshtein(Array(gold.unicodeScalars), Array(other.unicodeScalars))
    }
    var total = 0
    for (a, b) in zip(goldWords, otherWords) where !a.elementsEqual(b) {
      total += EditDistance.levenshtein(Array(a), Array(b))
    }
    // Separators that changed (a no-break space for a space) count once each.
    let goldSpaces = gold.unicodeScalars.filter(separators)
    let otherSpaces = other.unicodeScalars.filter(separators)
    total += zip(goldSpaces, otherSpaces).filter { $0 != $1 }.count
    return total
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
        let before = Self.errors(goldLine, damagedLine)
        let after = Self.errors(goldLine, line)
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
