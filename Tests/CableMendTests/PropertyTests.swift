import Foundation
import PropertyBased
import Synchronization
import Testing

@testable import CableMend

/// Random documents, built from the corpus by random damage, must be conserved (nothing lost
/// silently), stable (mending the output again changes nothing) and never crash the pipeline.
///
/// A document is: a corpus telegram, run through the corpus noise generator at a random level
/// (or the user's raw sample as it is), then a shrinkable list of ``RandomDamage`` steps. When
/// a property fails, PropertyBased shrinks the step list and prints a seed to replay it.
@Suite struct PropertyTests {
  /// Clean telegrams (made into dumps by the noise generator) and raw dumps (used as they are).
  static let bases: [(text: String, isRaw: Bool)] = {
    let folder = SupportPaths.corpus.appendingPathComponent("telegrams")
    let golds = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".gold.txt") }.sorted()
      .compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    let raw = (try? String(contentsOf: SupportPaths.sample, encoding: .utf8)) ?? ""
    return [(raw, true)] + golds.map { ($0, false) }
  }()

  struct Case: CustomStringConvertible {
    var base: Int
    var level: NoiseLevel?
    var seed: UInt64
    var damage: [RandomDamage]

    var bytes: [UInt8] {
      let (text, isRaw) = PropertyTests.bases[base]
      let dump = isRaw || level == nil ? text : NoiseGenerator(level: level!, seed: seed).generate(gold: text).raw
      return RandomDamage.apply(damage, to: Array(dump.utf8))
    }

    var description: String {
      "base \(base) level \(level?.rawValue ?? "none") seed \(seed) damage \(damage.map { "\($0.kind)@\($0.position)/\($0.variant)" })"
    }
  }

  static let damage = zip(Gen.int(in: 0..<RandomDamage.Kind.allCases.count), Gen.int(in: 0..<1_000_000),
                          Gen.int(in: 0..<1_000))
    .map { RandomDamage(kind: RandomDamage.Kind(rawValue: $0)!, position: $1, variant: $2) }

  static let cases = zip(Gen.int(in: 0..<max(1, bases.count)), Gen.int(in: 0...3), Gen.uint64(in: 0...UInt64(1 << 40)),
                         damage.array(of: 0...6))
    .map { base, level, seed, damage in
      Case(base: base, level: level == 0 ? nil : NoiseLevel.allCases[level - 1], seed: seed, damage: damage)
    }

  /// Stability is a property of `--stable` (``MendOptions/stableOrder``); by default `order`
  /// favours accuracy and a second run may move paragraphs (README, Whole collections).
  static let stablePipeline = try! Pipeline(options: MendOptions(stableOrder: true))
  let pipeline = PropertyTests.stablePipeline

  /// Cases per run. Each case mends twice, and an unoptimised pipeline takes about a second a
  /// document, so the default keeps the suite quick; set CABLEMEND_PROPERTY_COUNT for a deeper run.
  static let count = ProcessInfo.processInfo.environment["CABLEMEND_PROPERTY_COUNT"].flatMap(Int.init) ?? 8

  /// One mend per case serves all three properties, because mending dominates the cost.
  ///
  /// The cases are random on every run, so that runs explore new documents. Conservation and
  /// crashes are hard failures. A paragraph that `order` moves on the second `--stable` run is
  /// recorded as a known issue here rather than failing: a random run finds such a document about
  /// once in a hundred (each one found so far came from a line given another kind upstream, like
  /// the military INFO line of `AddresseeLineTests`), and CI must not pass or fail by the draw.
  /// ``fixedDocumentsKeepTheirOrderOnASecondMend()`` asserts the same property on a fixed set.
  @Test func randomDocumentsAreConservedStableAndNeverCrash() async throws {
    let unstable = Mutex<[String]>([])
    await propertyCheck(count: Self.count, input: Self.cases) { testCase in
      self.check(testCase) { message in unstable.withLock { $0.append(message) } }
    }
    // Known (docs/batch.md#stability): `names` now runs to its own fixed point and `dedupe`
    // re-checks after `order`, but `names` and `unicode` run before `order`, so a token whose
    // context (a signature on the last line, a word pair) or a look-alike that exists only once
    // `order` has joined fragments is still changed on the second run; and a damaged line may be
    // given another kind on the second pass (header or body; joinable or not). Seed to reproduce
    // one: `.fixedSeed("1gQ9aip5SVYmsCj0oCQtvevAP2cNk3JIDUUqJndmrgs=")` (ROGEB → ROGERS, signature).
    for message in unstable.withLock({ $0 }) {
      withKnownIssue("second mend changes the text (context only order builds; line kind of damaged lines)") {
        Issue.record(Comment(rawValue: message))
      }
    }
  }

  /// The same properties on 12 cases drawn once from a fixed seed (the same every run), where a
  /// paragraph moved by `order` on the second `--stable` mend fails the test.
  @Test func fixedDocumentsKeepTheirOrderOnASecondMend() {
    var random = SeededRandom(seed: 20_261_129)
    for _ in 0..<12 {
      let level = Int.random(in: 0...3, using: &random)
      let damage = (0..<Int.random(in: 0...6, using: &random)).map { _ in
        RandomDamage(kind: RandomDamage.Kind.allCases.randomElement(using: &random)!,
                     position: Int.random(in: 0..<1_000_000, using: &random),
                     variant: Int.random(in: 0..<1_000, using: &random))
      }
      let testCase = Case(base: Int.random(in: 0..<max(1, Self.bases.count), using: &random),
                          level: level == 0 ? nil : NoiseLevel.allCases[level - 1],
                          seed: UInt64.random(in: 0...UInt64(1 << 40), using: &random), damage: damage)
      check(testCase) { message in
        if message.hasPrefix("order not stable") { Issue.record(Comment(rawValue: message)) }
      }
    }
  }

  /// Mends `testCase` twice: a crash, a report that does not round-trip or a lost character
  /// fails at once; instability goes to `unstable` (order moves first, then text changes).
  private func check(_ testCase: Case, unstable: (String) -> Void) {
    let bytes = testCase.bytes
    let result = pipeline.mend(bytes, name: "property")
    // No crash, and a report that survives a round trip.
    #expect(result.text.isEmpty || result.text.hasSuffix("\n"))
    do {
      let decoded = try JSONDecoder().decode(MendReport.self, from: try result.report.json())
      #expect(decoded.text == result.text && decoded.edits.count == result.document.edits.count)
    } catch {
      Issue.record("report does not round-trip: \(testCase): \(error)")
    }
    // Conservation, naming the first stage that broke it.
    let report = ConservationChecker.check(input: bytes, result: result)
    if !report.isConserved {
      let culprit = ConservationChecker.firstViolation(pipeline: pipeline, input: bytes)
      Issue.record("not conserved: \(testCase): \(culprit.map(\.description) ?? report.description)")
    }
    // Stability: the repaired text is a fixed point. The `order` stage settles on the
    // evidence its output carries, so a second run should not move anything there, unless the
    // lines were classified differently (a damaged header line read as header on one run and
    // as body on the other). A join on the second run without a move also comes from a line
    // kind assigned differently upstream, and is left to the known issue.
    let twice = pipeline.mend(Array(result.text.utf8), name: "twice")
    let reordered = twice.document.edits.filter { $0.stage == .order && $0.kind == .move }
    func headerBlock(_ text: String) -> String { text.components(separatedBy: "\n\n").first ?? "" }
    if headerBlock(twice.text) == headerBlock(result.text) && !reordered.isEmpty {
      unstable("order not stable: \(testCase): \(reordered.prefix(3).map { "\($0.kind) '\($0.before)'" })")
    }
    if twice.text != result.text {
      let changes = twice.document.edits.prefix(5).map {
        "\($0.stage) \($0.kind) '\($0.before)'→'\($0.after)' (\($0.reason))"
      }
      unstable("not stable: \(testCase): the second run changed the text; first edits: \(changes)")
    }
  }
}
