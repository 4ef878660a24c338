import CableMend
import Foundation

/// The inputs every benchmark uses: the bundled sample and the committed telegrams, read once.
enum Inputs {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The user's sample dump.
  static let sample: [UInt8] = {
    let url = root.appendingPathComponent("Corpus/samples/000_675ac13192480b09.raw.txt")
    return Array((try? Data(contentsOf: url)) ?? Data())
  }()

  /// Every raw dump committed under Corpus/, or the sample alone when there are none.
  static let rawDumps: [[UInt8]] = {
    let base = root.appendingPathComponent("Corpus")
    let files = (FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String] ?? [])
      .filter { $0.hasSuffix(".raw.txt") }.sorted()
    let dumps = files.compactMap { try? Data(contentsOf: base.appendingPathComponent($0)) }.map { Array($0) }
    return dumps.isEmpty ? [sample] : dumps
  }()

  /// About 4 MB of raw dumps, for throughput and bounded-memory checks.
  static let batch: [[UInt8]] = {
    var result: [[UInt8]] = []
    var total = 0
    while total < 4_000_000 {
      for dump in rawDumps {
        result.append(dump)
        total += dump.count
      }
    }
    return result
  }()

  /// The document as it stands just before `stage` runs in the full pipeline.
  static func document(before stage: StageName, from bytes: [UInt8]) -> Document {
    let earlier = Set(StageName.allCases.filter { $0 < stage })
    let pipeline = try! Pipeline(options: MendOptions(stages: earlier))
    return pipeline.mend(bytes, name: "bench").document
  }
}
