import CableMend
import Foundation
import Testing

/// Furniture removal measured on the frus-dev gold telegrams, paginated and furnished by
/// ``FurnitureInjector`` in every style: precision (removed lines that were furniture), recall
/// (furniture lines removed) and body lines lost. The README's `furniture` section reports the
/// figures this test prints in its failure messages and asserts.
@Suite("Furniture evaluation on frus-dev")
struct FurnitureEvaluationTests {
  struct Score: CustomStringConvertible {
    var injected = 0
    var removedFurniture = 0
    var removedBody = 0
    var bodyLines = 0
    var misses: [String] = []
    var losses: [String] = []

    var precision: Double {
      let removed = removedFurniture + removedBody
      return removed == 0 ? 1 : Double(removedFurniture) / Double(removed)
    }
    var recall: Double { injected == 0 ? 1 : Double(removedFurniture) / Double(injected) }

    mutating func add(_ other: Score) {
      injected += other.injected
      removedFurniture += other.removedFurniture
      removedBody += other.removedBody
      bodyLines += other.bodyLines
      misses += other.misses
      losses += other.losses
    }

    var description: String {
      String(format: "furniture lines %d, removed %d; precision %.4f, recall %.4f; body lines %d, lost %d",
             injected, removedFurniture + removedBody, precision, recall, bodyLines, removedBody)
    }
  }

  static func goldFiles() throws -> [URL] {
    guard let shared = SupportPaths.sharedData else { return [] }
    let folder = shared.appendingPathComponent("frus-dev")
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.lastPathComponent.hasSuffix(".gold.txt") }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  static func score(_ dump: FurnitureInjector.Result, name: String) throws -> Score {
    let pipeline = try Pipeline(options: MendOptions(stages: [.pages, .furniture]))
    let result = pipeline.mend(Array(dump.text.utf8), name: name)
    let removed = result.document.edits.filter { $0.stage == .furniture && $0.kind == .remove }.map(\.source)
    var score = Score()
    for (index, range) in dump.lineRanges.enumerated() where !dump.lines[index].isEmpty {
      let gone = removed.contains { $0.start < range.upperBound && range.lowerBound < $0.end }
      if dump.isFurniture[index] {
        score.injected += 1
        if gone { score.removedFurniture += 1 } else { score.misses.append("\(name): \(dump.lines[index])") }
      } else {
        score.bodyLines += 1
        if gone {
          score.removedBody += 1
          score.losses.append("\(name): \(dump.lines[index])")
        }
      }
    }
    return score
  }

  /// Every gold file in every style, with a seed fixed per file and style.
  static func evaluate(options: FurnitureInjector.Options = .init(), seedBase: UInt64 = 0) throws
    -> [FurnitureInjector.Style: Score]
  {
    var scores: [FurnitureInjector.Style: Score] = [:]
    for (fileIndex, url) in try goldFiles().enumerated() {
      let gold = try String(contentsOf: url, encoding: .utf8)
      for (styleIndex, style) in FurnitureInjector.Style.allCases.enumerated() {
        let seed = seedBase + UInt64(fileIndex * 100 + styleIndex + 1)
        let injector = FurnitureInjector(seed: seed, options: options)
        let dump = injector.inject(into: gold, style: style)
        scores[style, default: Score()].add(try score(dump, name: "\(url.lastPathComponent) [\(style)]"))
      }
    }
    return scores
  }

  static func report(_ label: String, _ scores: [FurnitureInjector.Style: Score]) -> Score {
    var total = Score()
    for style in FurnitureInjector.Style.allCases {
      let score = scores[style] ?? Score()
      total.add(score)
      print("furniture evaluation (\(label)) \(style): \(score)")
    }
    print("furniture evaluation (\(label)) total: \(total)")
    for miss in total.misses.prefix(40) { print("  missed: \(miss)") }
    for loss in total.losses.prefix(40) { print("  lost: \(loss)") }
    return total
  }

  /// The default injector settings: one OCR slip in 15% of furniture lines, blank lines after
  /// half of them, pages of 24 to 40 lines.
  @Test(.enabled(if: SupportPaths.sharedData != nil, "needs ../shared/data/frus-dev"))
  func recallAndPrecisionOnFrusDev() throws {
    let total = Self.report("default", try Self.evaluate())
    #expect(total.injected > 1000, "too few furniture lines injected to measure: \(total)")
    #expect(total.recall >= 1.0, "\(total)")
    #expect(total.removedBody == 0, "\(total)")
    #expect(total.precision >= 1.0, "\(total)")
  }

  /// Harder settings on other seeds: short pages, a slip in 60% of furniture lines, and
  /// furniture mostly glued to the body with no blank line between.
  @Test(.enabled(if: SupportPaths.sharedData != nil, "needs ../shared/data/frus-dev"))
  func recallAndPrecisionUnderHeavyDamage() throws {
    let options = FurnitureInjector.Options(linesPerPage: 12...24, damage: 0.6, blankAfterFurniture: 0.1)
    let total = Self.report("heavy", try Self.evaluate(options: options, seedBase: 50_000))
    #expect(total.injected > 1000, "too few furniture lines injected to measure: \(total)")
    #expect(total.recall >= 0.99, "\(total)")
    #expect(total.removedBody == 0, "\(total)")
  }
}
