import Testing

@testable import CableMend

/// The incremental move pricing of the local search must agree with pricing each move from
/// scratch (`OrderSolver.delta`), or the search would take different moves.
@Suite struct OrderSolverMovesTests {
  static func solver(size n: Int, seed: UInt64) -> OrderSolver {
    var rng = SeededRandom(seed: seed)
    let follow = (0...n).map { _ in (0...n).map { _ in Double.random(in: -2...2, using: &rng) } }
    let precedence = (0..<n).map { _ in (0..<n).map { _ in rng.chance(0.3) ? Double.random(in: 0...1, using: &rng) : 0 } }
    return OrderSolver(follow: follow, precedence: precedence)
  }

  @Test(arguments: [1, 2, 3, 9, 17])
  func incrementalPricingEqualsDelta(size: Int) {
    let solver = Self.solver(size: size, seed: UInt64(size) &* 31)
    var rng = SeededRandom(seed: 5)
    let path = Array(0..<size).shuffled(using: &rng)
    var jump = [Double](repeating: 0, count: size + 1)
    for length in 1...max(1, min(solver.maxSegment, size - 1)) where length < size {
      for i in 0...(size - length) {
        solver.jumpChanges(path, from: i, length: length, into: &jump)
        for target in 0...(size - length) where target != i {
          let fast = solver.linkChange(path, from: i, length: length, to: target) + jump[target]
          let slow = solver.delta(path, from: i, length: length, to: target)
          #expect(abs(fast - slow) < 1e-9, "i \(i) length \(length) target \(target)")
        }
      }
    }
  }

  @Test func emptyAndSingleFragmentPathsAreKept() {
    #expect(Self.solver(size: 0, seed: 1).improve([]) == [])
    #expect(Self.solver(size: 1, seed: 1).improve([0]) == [0])
  }
}
