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
      String(
        format: "furniture lines %d, removed %d; precision %.4f, recall %.4f; body lines %d, lost %d",
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

  /// Narrower wrap, mid damage, other seeds. First run after the detector was finished, this
  /// setting scored precision 0.9994, recall 0.9997 with 2 body lines lost (a sentence tail
  /// `HAVE.` that ended two pages, a total misread `S`); both were then fixed, so it is no
  /// longer held out.
  @Test(.enabled(if: SupportPaths.sharedData != nil, "needs ../shared/data/frus-dev"))
  func recallAndPrecisionUnderMidDamage() throws {
    let options = FurnitureInjector.Options(
      wrapWidth: 58, linesPerPage: 16...30, damage: 0.4, blankAfterFurniture: 0.3)
    let total = Self.report("mid", try Self.evaluate(options: options, seedBase: 777_000))
    #expect(total.injected > 1000, "too few furniture lines injected to measure: \(total)")
    #expect(total.recall >= 1.0, "\(total)")
    #expect(total.removedBody == 0, "\(total)")
  }

  /// Held out: settings and seeds chosen after all tuning and not tuned on since. Its first run
  /// gave precision 1.0000, recall 0.9997 (2940 of 2941; the miss is a displaced banner piece
  /// `CONFIDENT`, which is also an ordinary word) and no body line lost; the thresholds sit there.
  @Test(.enabled(if: SupportPaths.sharedData != nil, "needs ../shared/data/frus-dev"))
  func recallAndPrecisionHeldOut() throws {
    let options = FurnitureInjector.Options(
      wrapWidth: 64, linesPerPage: 20...34, damage: 0.3, blankAfterFurniture: 0.7)
    let total = Self.report("held-out", try Self.evaluate(options: options, seedBase: 4_242_000))
    #expect(total.injected > 1000, "too few furniture lines injected to measure: \(total)")
    #expect(total.recall >= 0.9996, "\(total)")
    #expect(total.precision >= 0.9999, "\(total)")
    #expect(total.removedBody == 0, "\(total)")
  }

  /// The corpus engineer's `NoiseGenerator` (its own furniture: continuation heads, routing, FOIA
  /// stamps, end marks, with OCR, Unicode, order and duplicate damage around it) on the
  /// committed `Corpus/telegrams` golds at every level, scored by text: an injected line left in
  /// the output beyond its count in the gold is a miss; a removed line that is not an injected
  /// line is a body line lost.
  @Test func noiseGeneratorFurnitureOnCorpusTelegrams() throws {
    let folder = SupportPaths.corpus.appendingPathComponent("telegrams")
    let golds = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.lastPathComponent.hasSuffix(".gold.txt") }.sorted { $0.path < $1.path }
    let pipeline = try Pipeline(options: MendOptions(stages: [.unicode, .pages, .furniture]))
    var injected = 0
    var left: [String] = []
    var lost: [String] = []
    for (index, url) in golds.enumerated() {
      let gold = try String(contentsOf: url, encoding: .utf8)
      let goldLines = Self.counts(gold.split(separator: "\n").map(String.init))
      for level in NoiseLevel.allCases {
        let (raw, truth) = NoiseGenerator(level: level, seed: UInt64(index * 10) + 3).generate(gold: gold)
        let result = pipeline.mend(Array(raw.utf8), name: url.lastPathComponent)
        let output = Self.counts(result.text.split(separator: "\n").map(String.init))
        let furniture = Self.counts(truth.furniture)
        for (line, count) in furniture {
          injected += count
          let remaining = min(count, max(0, (output[line] ?? 0) - (goldLines[line] ?? 0)))
          left += Array(repeating: "\(url.lastPathComponent) [\(level)]: \(line)", count: remaining)
        }
        let removed = result.document.edits.filter { $0.stage == .furniture }.map(\.before)
        // A removed copy of a line that still stands in the output (a rescanned page's second
        // header) is not lost text.
        for (line, count) in Self.counts(removed) where count > (furniture[line] ?? 0) && output[line] == nil {
          lost.append("\(url.lastPathComponent) [\(level)]: \(line)")
        }
      }
    }
    print(
      "furniture evaluation (noise generator, Corpus/telegrams): injected \(injected), left \(left.count), "
        + "body lines lost \(lost.count)")
    for line in left.prefix(30) { print("  left: \(line)") }
    for line in lost.prefix(30) { print("  lost: \(line)") }
    #expect(injected > 500)
    #expect(left.isEmpty)
    // Measured 2026-11-29 on the regenerated corpus: no body line lost at the low level; the
    // losses are OCR-damaged signatures and header lines of rescanned pages at medium and high
    // (README, furniture section). The bound catches any new loss.
    #expect(lost.filter { $0.contains("[low]") }.isEmpty)
    #expect(lost.count <= Self.recordedCorpusLosses)
  }

  /// Body lines lost on the noise generator's corpus at all levels, as last measured.
  static let recordedCorpusLosses = 8

  static func counts(_ lines: [String]) -> [String: Int] {
    var result: [String: Int] = [:]
    for line in lines {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if !trimmed.isEmpty { result[trimmed, default: 0] += 1 }
    }
    return result
  }
}
