import Foundation
import Testing

@testable import CableMend

/// Measures the `names` stage on clean telegrams from `../shared/data/frus-dev` whose names we
/// damage with ``NameCorruptor``: precision (changes that restore a damaged name, over all
/// changes) and recall (damaged names restored, over all damaged names).
///
/// Set `CABLEMEND_NAMES_EXPORT=DIR` to write the damaged texts and the truth there, for
/// `Scripts/compare-symspell`. Set `CABLEMEND_NAMES_SEEDS=4,5,6` to measure other damage (fresh
/// draws the stage was not tuned on); then only precision is asserted.
@Suite struct NameEvaluationTests {
  struct Tally {
    var damaged = 0
    var restored = 0
    var changes = 0
    var wrong: [String] = []
    var missed: [String] = []
    var precision: Double { changes == 0 ? 1 : Double(restored) / Double(changes) }
    var recall: Double { damaged == 0 ? 1 : Double(restored) / Double(damaged) }
  }

  /// Seeds 1–9: the damage earlier rounds studied (362 damaged names, about 15 s in a debug
  /// build). Seeds 30–39 were held out one round and 40–49 the next (README, names).
  static let seeds: [UInt64] = Array(1...9)

  static func evaluate(seeds: [UInt64], export: URL?) throws -> Tally {
    let folder = SupportPaths.sharedData!.appendingPathComponent("frus-dev")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".gold.txt")
    }
    .sorted()
    let model = try NameModel.defaultModel.get()
    let english = EnglishWords.system
    let table = try NameModel.defaultCostTable()
    let pipeline = try Pipeline(options: MendOptions(stages: [.names]))
    var tally = Tally()
    var truthRows = "file\tstart\tend\twrong\tright\n"
    for seed in seeds {
      for file in files {
        let gold = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let corruptor = NameCorruptor(
          seed: seed &* 1000 &+ UInt64(file.utf8.count), rate: 0.3, costTable: table)
        let (text, corruptions) = corruptor.corrupt(gold) {
          model.isPersonNameToken($0) && english?.words.contains($0) != true
        }
        let result = pipeline.mend(Array(text.utf8), name: file)
        let edits = result.document.edits.filter { $0.stage == .names }
        var byStart: [Int: NameCorruptor.Corruption] = [:]
        for c in corruptions { byStart[c.range.lowerBound] = c }
        tally.damaged += corruptions.count
        tally.changes += edits.count
        var fixed: Set<Int> = []
        for edit in edits {
          if let c = byStart[edit.source.start], edit.source.end == c.range.upperBound, edit.after == c.right
          {
            tally.restored += 1
            fixed.insert(c.range.lowerBound)
          } else {
            tally.wrong.append("\(file): \(edit.before) -> \(edit.after) [\(edit.reason)]")
          }
        }
        for c in corruptions where !fixed.contains(c.range.lowerBound) {
          let why = result.document.notes.first { $0.contains(" \(c.wrong) unchanged") } ?? "no candidate"
          tally.missed.append("\(c.wrong) (\(c.right)): \(why)")
        }
        if let export {
          let name = "seed\(seed)-\(file.replacingOccurrences(of: ".gold.txt", with: ".raw.txt"))"
          try text.write(to: export.appendingPathComponent(name), atomically: true, encoding: .utf8)
          for c in corruptions {
            truthRows += "\(name)\t\(c.range.lowerBound)\t\(c.range.upperBound)\t\(c.wrong)\t\(c.right)\n"
          }
        }
      }
    }
    if let export {
      try truthRows.write(to: export.appendingPathComponent("truth.tsv"), atomically: true, encoding: .utf8)
      let summary = "cablemend\t\(tally.restored)\t\(tally.changes)\t\(tally.damaged)\n"
      try summary.write(to: export.appendingPathComponent("cablemend.tsv"), atomically: true, encoding: .utf8)
    }
    return tally
  }

  @Test(.enabled(if: SupportPaths.sharedData != nil, "needs ../shared/data/frus-dev"))
  func precisionAndRecallOnDamagedFrusTelegrams() throws {
    let export = ProcessInfo.processInfo.environment["CABLEMEND_NAMES_EXPORT"].map {
      URL(fileURLWithPath: $0)
    }
    if let export { try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true) }
    let custom = ProcessInfo.processInfo.environment["CABLEMEND_NAMES_SEEDS"].map {
      $0.split(separator: ",").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
    }
    let tally = try Self.evaluate(seeds: custom ?? Self.seeds, export: export)
    print(
      "names evaluation: damaged \(tally.damaged), changes \(tally.changes), restored \(tally.restored); "
        + "precision \(tally.precision), recall \(tally.recall)")
    print("wrong: \(tally.wrong)")
    print("missed:\n" + tally.missed.joined(separator: "\n"))
    #expect(tally.damaged >= 100, "too few damaged names to measure")
    #expect(tally.precision >= 0.99)
    if custom != nil { return }
    // The issue's target; the stage reaches 0.909 (329/362) on these seeds (README, names).
    #expect(tally.recall >= 0.90)
  }
}
