import Foundation
import Testing

@testable import CableMend

/// The `order` stage on input that is no cable at all: the work stays bounded, the input order
/// is kept with a note, and the solver's local search stops within its budget.
@Suite struct OrderHostileInputTests {
  @Test func randomBytesThroughThePipelineKeepTheInputOrder() throws {
    var random = SeededRandom(seed: 11)
    let bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &random) }
    let result = try Pipeline(options: MendOptions()).mend(bytes, name: "random.bin")
    #expect(!result.text.isEmpty)
    #expect(result.document.edits.allSatisfy { $0.source.end <= bytes.count })
    let orderNotes = result.document.notes.filter { $0.hasPrefix("order:") }
    #expect(orderNotes.count == 1)
  }

  @Test func fiveThousandLinesOfRandomWordsKeepTheirOrder() throws {
    var random = SeededRandom(seed: 5)
    let vocabulary = (0..<2_000).map { _ in
      String((0..<Int.random(in: 3...9, using: &random)).map { _ in "ABCDEFGHIJKLMNOPRSTUVWY".randomElement(using: &random)! })
    }
    let lines = (0..<5_000).map { k in
      (0..<Int.random(in: 3...12, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
        .joined(separator: " ") + (k % 3 == 0 ? "." : "")
    }
    let text = lines.joined(separator: "\n\n") + "\n"
    let result = try Pipeline(options: MendOptions()).mend(Array(text.utf8), name: "words.txt")
    #expect(result.document.notes.contains { $0.contains("exceed the limit") })
    #expect(!result.document.edits.contains { $0.kind == .move && $0.reason.contains("solver") })
  }

  @Test(arguments: [1, 2, 40, 150])
  func solverOnRandomEvidenceGivesAPermutationWithinItsBudget(count: Int) {
    var random = SeededRandom(seed: UInt64(count))
    let follow = (0...count).map { _ in (0...count).map { _ in Double.random(in: -3...3, using: &random) } }
    let precedence = (0..<count).map { _ in (0..<count).map { _ in random.chance(0.1) ? 1.0 : 0 } }
    let solver = OrderSolver(follow: follow, precedence: precedence, workBudget: 200_000)
    let result = solver.solve()
    #expect(result.order.sorted() == Array(0..<count))
    // Local search never makes the input order worse.
    #expect(result.score >= solver.score(Array(0..<count)) - 1e-9)
  }
}
