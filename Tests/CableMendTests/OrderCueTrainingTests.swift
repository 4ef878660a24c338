@testable import CableMend
import Foundation
import Testing

/// The weight learner for the order cues (``OrderCueTraining``), and (behind an environment
/// variable) the run that derives ``OrderCue/weights``.
@Suite struct OrderCueTrainingTests {
  /// Three fragments whose true order is 0, 2, 1; the wrong links 0→1 and 1→2 carry the input
  /// prior, the right ones only cohesion, so the hand weights keep 0, 1, 2 (ties keep it too).
  static func toyExample() -> OrderCueTraining.Example {
    var follow = Array(repeating: Array(repeating: CueList(), count: 4), count: 4)
    follow[0][2].add(.cohesion)
    follow[2][1].add(.cohesion)
    follow[0][1].add(.adjacentInInput)
    follow[1][2].add(.adjacentInInput)
    follow[3][0].add(.startFirstInInput)
    let precedence = Array(repeating: Array(repeating: CueList(), count: 3), count: 3)
    return OrderCueTraining.Example(follow: follow, precedence: precedence, truth: [0, 2, 1])
  }

  @Test func handWeightsMissTheToyOrderAndLearnedOnesFindIt() {
    let example = Self.toyExample()
    #expect(OrderCueTraining.solve(example, weights: OrderCue.handWeights) == [0, 1, 2])
    var trainer = OrderCueTraining()
    trainer.epochs = 60
    trainer.frozen = []
    let learned = trainer.train([example])
    #expect(OrderCueTraining.solve(example, weights: learned) == [0, 2, 1])
    #expect(learned[OrderCue.cohesion.rawValue] > OrderCue.handWeights[OrderCue.cohesion.rawValue])
    #expect(learned[OrderCue.adjacentInInput.rawValue] >= 0, "a weight keeps its hand weight's sign")
  }

  @Test func noExamplesLeaveTheWeightsAlone() {
    #expect(OrderCueTraining().train([]) == OrderCue.handWeights)
  }

  @Test func pathCuesPriceTheSolversObjective() {
    let example = Self.toyExample()
    let cues = OrderCueTraining.cues(example, path: [0, 2, 1])
    #expect(cues[OrderCue.cohesion.rawValue] == 2)
    #expect(cues[OrderCue.startFirstInInput.rawValue] == 1)
    #expect(OrderCueTraining.cues(example, path: []).allSatisfy { $0 == 0 })
  }

  @Test(arguments: [(1.0, 2.0, 1.0), (-1.0, 2.0, 0.0), (-1.0, -2.0, -1.0), (1.0, -2.0, 0.0), (-1.0, 0.0, -1.0)])
  func weightsKeepTheirSign(value: Double, hand: Double, expected: Double) {
    #expect(OrderCueTraining.clamped(value, like: hand) == expected)
  }

  @Test func everyCueHasAWeight() {
    #expect(OrderCue.handWeights.count == OrderCue.allCases.count)
    #expect(OrderCue.weights.count == OrderCue.allCases.count)
    for cue in OrderCue.allCases {
      #expect(OrderCue.weights[cue.rawValue] * OrderCue.handWeights[cue.rawValue] >= 0, "\(cue) changed sign")
    }
  }

  @Test func aScrambledTelegramGivesItsTrueOrder() throws {
    let gold = try String(contentsOf: SupportPaths.corpus.appendingPathComponent("telegrams/t01_bangkok_1965.gold.txt"),
                          encoding: .utf8)
    let scrambled = Scrambler().scramble(gold: gold, seed: 101, source: "t01")
    let example = try #require(try OrderCueTraining.example(scrambled))
    #expect(example.truth.sorted() == Array(0..<example.count))
    #expect(example.follow.count == example.count + 1)
  }

  static let trainingSeeds: [UInt64] = Array(101...110)

  /// Re-derives ``OrderCue/weights``: `CABLEMEND_TRAIN_ORDER=1 swift test --filter
  /// OrderCueTrainingTests/derive`. Trains on the training split (``OrderEvaluationTests/Split``)
  /// scrambled with seeds 101-110 (never the evaluation seeds), prints the weights, then the
  /// evaluation split and the full set with the hand weights and the learned ones.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["CABLEMEND_TRAIN_ORDER"] != nil, "set CABLEMEND_TRAIN_ORDER=1"))
  func derive() throws {
    var examples: [OrderCueTraining.Example] = []
    var skipped = 0
    for (name, gold) in OrderEvaluationTests.golds(.training) {
      for seed in Self.trainingSeeds {
        let scrambled = Scrambler().scramble(gold: gold, seed: seed &* 7919 &+ UInt64(name.utf8.count), source: name)
        if let example = try OrderCueTraining.example(scrambled) { examples.append(example) } else { skipped += 1 }
      }
    }
    var trainer = OrderCueTraining()
    if let epochs = ProcessInfo.processInfo.environment["CABLEMEND_TRAIN_EPOCHS"].flatMap(Int.init) { trainer.epochs = epochs }
    if let rate = ProcessInfo.processInfo.environment["CABLEMEND_TRAIN_RATE"].flatMap(Double.init) { trainer.rate = rate }
    switch ProcessInfo.processInfo.environment["CABLEMEND_TRAIN_FREEZE"] {
    case "none": trainer.frozen = []
    case "prior": trainer.frozen = [.adjacentInInput, .inputDistance, .startFirstInInput, .endLastInInput]
    default: break
    }
    let learned = trainer.train(examples)
    print("order training: \(examples.count) examples (\(skipped) skipped), \(trainer.epochs) epochs, rate \(trainer.rate)")
    let rounded = learned.map { ($0 * 1000).rounded() / 1000 }
    print("learned weights: [" + rounded.map { "\($0)" }.joined(separator: ", ") + "]")
    for cue in OrderCue.allCases {
      print("  \(cue): \(OrderCue.handWeights[cue.rawValue]) -> \(rounded[cue.rawValue])")
    }
    var allNumbers = Scrambler()
    allNumbers.keepPageNumber = 1
    var candidates = [("hand", OrderCue.handWeights), ("learned", rounded)]
    if OrderCue.weights != OrderCue.handWeights { candidates.insert(("committed", OrderCue.weights), at: 1) }
    for (label, weights) in candidates {
      for split in [OrderEvaluationTests.Split.evaluation, .all] {
        for multiplier: UInt64 in [7919, 104729] {
          let usual = try OrderEvaluationTests.measure(split: split, multiplier: multiplier, weights: weights)
          let numbered = try OrderEvaluationTests.measure(allNumbers, split: split, multiplier: multiplier, weights: weights)
          print("\(label) \(split) x\(multiplier): default \(usual.line); all page numbers \(numbered.line)")
        }
      }
    }
    #expect(examples.count >= 100)
  }
}

/// Throwaway diagnostic: which true neighbour pairs the solver breaks, by kind.
extension OrderCueTrainingTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["CABLEMEND_ORDER_DIAG"] != nil, "set CABLEMEND_ORDER_DIAG=1"))
  func diagnose() throws {
    var classes: [String: Int] = [:]
    var samples: [String: [String]] = [:]
    for (name, gold) in OrderEvaluationTests.golds(.all) {
      for seed: UInt64 in [1, 2] {
        let scrambled = Scrambler().scramble(gold: gold, seed: seed &* 7919 &+ UInt64(name.utf8.count), source: name)
        var document = OrderEvaluation.document(scrambled)
        try LineUnwrapper(options: MendOptions()).run(&document)
        let orderer = try FragmentOrderer(options: MendOptions())
        guard let split = orderer.split(document), let example = try OrderCueTraining.example(scrambled) else { continue }
        let found = OrderCueTraining.solve(example, weights: OrderCue.weights)
        guard found != example.truth else { continue }
        if ProcessInfo.processInfo.environment["CABLEMEND_ORDER_DIAG"] == "docs" {
          print("DOC \(name)#\(seed)")
          let rank = Dictionary(uniqueKeysWithValues: example.truth.enumerated().map { ($1, $0) })
          for f in found {
            let x = split.fragments[f]
            print("DOC   \(rank[f]!) p\(x.page.map(String.init) ?? "-")/\(x.pageSlot ?? -1) @\(x.position) \(x.fullLastLine.map { $0 ? "F" : "s" } ?? "?") [\(x.text.prefix(40))...\(x.text.suffix(30))]")
          }
        }
        var next: [Int: Int] = [:]
        for (a, b) in zip(found, found.dropFirst()) { next[a] = b }
        for (a, b) in zip(example.truth, example.truth.dropFirst()) where next[a] != b {
          let x = split.fragments[a], y = split.fragments[b]
          let key = "\(x.kind)\(x.open ? "/open" : "/closed")\(x.finalMark.map { "/\($0)" } ?? "") -> \(y.kind)\(y.continues ? "/cont" : "")"
          classes[key, default: 0] += 1
          samples[key, default: []].append("\(name)#\(seed): [\(x.text.suffix(50))] -> [\(y.text.prefix(50))]")
        }
      }
    }
    for (key, count) in classes.sorted(by: { $0.value > $1.value }) {
      print("DIAG \(count) \(key)")
      for sample in samples[key, default: []].prefix(4) { print("DIAG    \(sample)") }
    }
  }
}
