import Foundation
import Testing

@testable import CableMend

/// Measures the `dedupe` stage on the clean telegrams of `../shared/data/frus-dev` with
/// duplicates injected by ``DuplicateInjector``: the share of injected duplicates removed, and
/// the unique text wrongly removed (target 0). The figures are in the README's `dedupe` section.
@Suite struct DedupeEvaluationTests {
  static let seedsPerDocument: [UInt64] = [1, 2, 3]

  static func goldFiles() throws -> [URL] {
    guard let shared = SupportPaths.sharedData else { return [] }
    let folder = shared.appendingPathComponent("frus-dev")
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.lastPathComponent.hasSuffix(".gold.txt") }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  @Test(.enabled(if: SupportPaths.sharedData != nil, "needs ../shared/data/frus-dev"))
  func cleanTelegramsComeOutUnchanged() throws {
    let files = try Self.goldFiles()
    #expect(!files.isEmpty)
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      for layout in DedupeLayout.allCases {
        let document = DedupeHarness.run(layout.apply(text))
        #expect(document.edits.isEmpty, "\(file.lastPathComponent) (\(layout)): \(document.edits.map(\.before))")
      }
    }
  }

  @Test(.enabled(if: SupportPaths.sharedData != nil, "needs ../shared/data/frus-dev"),
        arguments: DedupeLayout.allCases)
  func injectedDuplicatesAreRemoved(layout: DedupeLayout) throws {
    var total = DedupeScore()
    for file in try Self.goldFiles() {
      let gold = layout.apply(try String(contentsOf: file, encoding: .utf8))
      for seed in Self.seedsPerDocument {
        var injector = DuplicateInjector(seed: seed &* 7919 &+ UInt64(gold.utf8.count),
                                         options: .init(count: 4))
        let damaged = injector.inject(into: gold)
        total.add(DedupeScore(damaged: damaged))
      }
    }
    print("dedupe evaluation (\(layout)): \(total.summary)")
    #expect(total.injections > 100)
    #expect(total.removedShare >= layout.expectedShare)
    #expect(total.wronglyRemovedCharacters == 0)
    #expect(total.keptCopyErrorRate <= 0.01)
  }
}

/// How the gold text is laid out before duplicates go in: as is (one line per paragraph, what
/// `dedupe` sees after `unwrap`) or hard-wrapped at 69 columns (raw physical lines).
enum DedupeLayout: String, CaseIterable, CustomStringConvertible, Sendable {
  case paragraphs, wrapped

  var description: String { rawValue }

  /// The share of injected duplicated lines the test asserts is removed.
  var expectedShare: Double { self == .paragraphs ? 0.97 : 0.95 }

  func apply(_ text: String) -> String {
    guard self == .wrapped else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var lines: [String] = []
      var current = ""
      for word in line.split(separator: " ") {
        if !current.isEmpty && current.count + 1 + word.count > 69 {
          lines.append(current)
          current = ""
        }
        current += current.isEmpty ? String(word) : " " + word
      }
      lines.append(current)
      return lines.joined(separator: "\n")
    }.joined(separator: "\n")
  }
}

/// Runs the `dedupe` stage alone on a text.
enum DedupeHarness {
  static func run(_ text: String, settings: DedupeSettings = DedupeSettings()) -> Document {
    var document = InputDecoder.decode(Array(text.utf8), name: "test")
    Deduplicator(settings: settings).run(&document)
    return document
  }
}

/// What the stage did to the duplicates one injector run put in.
struct DedupeScore {
  /// Injected duplicates, and those whose every copied line is resolved (one copy left).
  var injections = 0
  var fullyRemoved = 0
  /// Characters of copied lines, and of those resolved.
  var injectedCharacters = 0
  var removedCharacters = 0
  /// Characters removed that were not a spare copy: lines that were never copied, or both copies.
  var wronglyRemovedCharacters = 0
  /// Character errors of the surviving copy against the gold line, summed, and gold characters.
  var keptErrors = 0
  var keptReference = 0
  var copyErrors = 0

  init() {}

  init(damaged: DuplicateInjector.Result) {
    let lines = damaged.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let document = DedupeHarness.run(damaged.text)
    var starts: [Int: Int] = [:]
    var offset = 0
    for (index, line) in lines.enumerated() {
      starts[offset] = index
      offset += line.utf8.count + 1
    }
    let removed = Set(document.edits.filter { $0.kind == .remove }.compactMap { starts[$0.source.start] })
    var survivors: [Int: String] = [:]
    for line in document.lines { if let index = starts[line.source.start] { survivors[index] = line.text } }
    var paired = Set<Int>()
    for injection in damaged.injections {
      injections += 1
      var all = true
      for (original, copy) in zip(injection.originalLines, injection.copyLines) {
        paired.formUnion([original, copy])
        let characters = lines[original].count
        injectedCharacters += characters
        copyErrors += Self.errors(lines[original], lines[copy])
        switch (removed.contains(original), removed.contains(copy)) {
        case (true, true):
          wronglyRemovedCharacters += characters
          all = false
        case (false, false):
          all = false
        default:
          removedCharacters += characters
          let kept = survivors[removed.contains(copy) ? original : copy] ?? ""
          keptErrors += Self.errors(lines[original], kept)
          keptReference += characters
        }
      }
      if all { fullyRemoved += 1 }
    }
    for index in removed where !paired.contains(index) { wronglyRemovedCharacters += lines[index].count }
  }

  /// Edit distance, through a band first: the copies are close, and the full table is slow.
  static func errors(_ reference: String, _ hypothesis: String) -> Int {
    let a = reference.unicodeScalars.map(\.value)
    let b = hypothesis.unicodeScalars.map(\.value)
    if let banded = BandedAlignment.align(a, b, maxDistance: max(a.count, b.count) / 5) { return banded.distance }
    return EditDistance.levenshtein(a, b)
  }

  mutating func add(_ other: DedupeScore) {
    injections += other.injections
    fullyRemoved += other.fullyRemoved
    injectedCharacters += other.injectedCharacters
    removedCharacters += other.removedCharacters
    wronglyRemovedCharacters += other.wronglyRemovedCharacters
    keptErrors += other.keptErrors
    keptReference += other.keptReference
    copyErrors += other.copyErrors
  }

  var removedShare: Double { injectedCharacters == 0 ? 0 : Double(removedCharacters) / Double(injectedCharacters) }
  var keptCopyErrorRate: Double { keptReference == 0 ? 0 : Double(keptErrors) / Double(keptReference) }

  var summary: String {
    let share = String(format: "%.1f%%", 100 * removedShare)
    return "\(fullyRemoved)/\(injections) injected duplicates fully removed; \(share) of duplicated characters "
      + "(\(removedCharacters)/\(injectedCharacters)) removed; \(wronglyRemovedCharacters) unique characters wrongly "
      + "removed; surviving copy CER vs gold \(String(format: "%.4f", keptCopyErrorRate)) (injected copies: "
      + "\(String(format: "%.4f", injectedCharacters == 0 ? 0 : Double(copyErrors) / Double(injectedCharacters))))"
  }
}
