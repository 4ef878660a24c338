import Foundation

@testable import CableMend

/// Learns the weights of the order cues (``OrderCue``) from scrambled telegrams whose reading
/// order is known: an averaged structured perceptron.
///
/// For each training dump the body fragments are built exactly as the `order` stage builds them
/// (after `unwrap`), and the true order of those fragments is read off the scrambler's pieces.
/// The solver then orders the fragments with the current weights; where its order is not the
/// true one and the true order does not score higher (so the evidence, not the search, is at
/// fault), the weights move by `rate` times (cues of the true order - cues of the found
/// order): cues the truth has and the found order lacks gain weight, and the other way round.
/// Each weight keeps the sign of its hand-set weight or becomes 0 (a cue says which way it
/// points; the data says how much). The result is the average of the weights over all steps,
/// which is far less jumpy than the last weights.
///
/// Training never sees the text of the evaluation telegrams: the caller chooses the split.
///
/// - Complexity: per epoch, for each example of n fragments, one solve (see ``OrderSolver``)
///   plus O(n²) to price the cues of two orders; the cue lists are built once per example.
struct OrderCueTraining: Sendable {
  /// One scrambled dump's body as the solver sees it, with the true order.
  struct Example: Sendable {
    /// `follow[i][j]`, row/column n the start/end, as in ``FragmentEvidence/follow``.
    var follow: [[CueList]]
    var precedence: [[CueList]]
    /// Fragment indices in the telegram's reading order.
    var truth: [Int]
    var count: Int { precedence.count }
  }

  var epochs = 8
  var rate = 0.05
  /// Cues whose weights stay as set by hand: the adjacency prior. How often input neighbours
  /// are true neighbours is a property of the scrambler's settings (how many pieces it moves),
  /// not of cables, and the prior must also hold dumps that were never scrambled (learned, it
  /// fell from 1.5 to 0.1 and the sample went out of order). How far a fragment moves
  /// (`inputDistance`) is learned.
  var frozen: Set<OrderCue> = [.adjacentInInput, .startFirstInInput, .endLastInInput]

  /// The body fragments of a scrambled dump and their true order; nil when a fragment cannot be
  /// found in the scrambler's pieces or there are fewer than two fragments.
  static func example(_ scrambled: Scrambler.Result, options: MendOptions = MendOptions()) throws -> Example? {
    var document = OrderEvaluation.document(scrambled)
    try LineUnwrapper(options: options).run(&document)
    let orderer = try FragmentOrderer(options: options)
    guard let split = orderer.split(document), split.fragments.count >= 2,
      split.fragments.count <= FragmentOrderer.fragmentLimit else { return nil }
    let pieces = scrambled.expectedBody.map { (index: $0.index, text: OrderEvaluation.collapse($0.text)) }
    var keys: [(Int, Int)] = []
    for fragment in split.fragments {
      let text = OrderEvaluation.collapse(fragment.text)
      let hit = pieces.lazy.compactMap { piece -> (Int, Int)? in
        guard let range = piece.text.range(of: text) else { return nil }
        let key = (piece.index, piece.text.distance(from: piece.text.startIndex, to: range.lowerBound))
        return keys.contains { $0 == key } ? nil : key
      }.first
      guard let hit else { return nil }
      keys.append(hit)
    }
    let truth = keys.indices.sorted { keys[$0] < keys[$1] }
    let missing = !orderer.missingPages(split.pages, document).isEmpty
    let evidence = FragmentEvidence(split.fragments, pagesMissing: missing)
    return Example(follow: evidence.followCues(), precedence: evidence.precedenceCueMatrix(), truth: truth)
  }

  /// The cue totals of a path: start, neighbours and end count positively, every precedence
  /// penalty negatively, so `weights · cues(path)` is the solver's objective.
  static func cues(_ example: Example, path: [Int]) -> [Double] {
    var total = [Double](repeating: 0, count: OrderCue.allCases.count)
    func add(_ list: CueList, _ sign: Double) { for item in list.items { total[item.cue.rawValue] += sign * item.value } }
    guard let first = path.first, let last = path.last else { return total }
    let n = example.count
    add(example.follow[n][first], 1)
    add(example.follow[last][n], 1)
    for (a, b) in zip(path, path.dropFirst()) { add(example.follow[a][b], 1) }
    for k in path.indices {
      for l in (k + 1)..<path.count { add(example.precedence[path[k]][path[l]], -1) }
    }
    return total
  }

  /// The solver's order of an example under `weights`.
  static func solve(_ example: Example, weights: [Double]) -> [Int] {
    let follow = example.follow.map { row in row.map { $0.score(weights) } }
    let precedence = example.precedence.map { row in row.map { $0.score(weights) } }
    return OrderSolver(follow: follow, precedence: precedence).solve().order
  }

  /// Averaged perceptron from `start`; examples are visited in a seeded shuffle each epoch.
  func train(_ examples: [Example], start: [Double] = OrderCue.handWeights, seed: UInt64 = 1) -> [Double] {
    var weights = start
    var sum = [Double](repeating: 0, count: start.count)
    var steps = 0.0
    var rng = SeededRandom(seed: seed)
    for _ in 0..<epochs {
      for example in examples.shuffled(using: &rng) {
        let found = Self.solve(example, weights: weights)
        if found != example.truth {
          let truthCues = Self.cues(example, path: example.truth)
          let foundCues = Self.cues(example, path: found)
          let margin = zip(weights, zip(truthCues, foundCues)).reduce(0.0) { $0 + $1.0 * ($1.1.0 - $1.1.1) }
          // A truth that already scores higher is a search miss, not the evidence's fault.
          if margin <= 1e-9 {
            for cue in OrderCue.allCases where !frozen.contains(cue) {
              let k = cue.rawValue
              weights[k] = Self.clamped(weights[k] + rate * (truthCues[k] - foundCues[k]), like: start[k])
            }
          }
        }
        for k in weights.indices { sum[k] += weights[k] }
        steps += 1
      }
    }
    return steps == 0 ? start : sum.map { $0 / steps }
  }

  /// `value`, or 0 when its sign differs from the hand weight's (a zero hand weight is free).
  static func clamped(_ value: Double, like hand: Double) -> Double {
    if hand > 0 { return max(0, value) }
    if hand < 0 { return min(0, value) }
    return value
  }
}
