@testable import CableMend
import Testing

/// The grammar of the join where the orderer rejoins a broken sentence.
@Suite struct SentenceJunctionTests {
  @Test(arguments: [
    ("THE", "WOULD"), ("ITS", "AND"), ("A", "THE"), ("OF", "WAS"), ("ON", "WOULD"), ("TO", "WAS"),
    ("TO", "AND"), ("WOULD", "THE"), ("SHOULD", "MUST"), ("COULD", "OR"),
  ])
  func joinsEnglishDoesNotMake(last: String, first: String) {
    #expect(SentenceJunction.isImpossible(last, first))
  }

  @Test(arguments: [
    ("THE", "PRESIDENT"), ("OF", "THE"), ("TO", "BE"), ("TO", "HAVE"), ("WOULD", "BE"), ("WOULD", "NOT"),
    ("IN", "MAY"), ("THE", "WILL"), ("OF", "WILL"), ("AND", "THE"), ("GUIDANCE", "WOULD"), ("IS", "THE"),
  ])
  func ordinaryJoinsPass(last: String, first: String) {
    #expect(!SentenceJunction.isImpossible(last, first))
  }

  @Test func emptyAndHostileWordsAreNeutral() {
    #expect(!SentenceJunction.isImpossible("", ""))
    #expect(!SentenceJunction.isImpossible("THE", ""))
    #expect(!SentenceJunction.isImpossible("\u{0}", "WOULD"))
    #expect(!SentenceJunction.isImpossible(String(repeating: "X", count: 10_000), "THE"))
  }

  /// In the evidence: a head ending `ON` prefers (neither tail scanned next to it, the nearer one a
  /// continuation word) the tail `THE ...` to the tail `WOULD ...`.
  @Test func evidencePrefersTheGrammaticalTail() {
    let head = Fragment(text: "WE WOULD APPRECIATE GUIDANCE ON", lineKind: .text, position: 0, page: nil)
    let verbTail = Fragment(text: "WOULD HAVE TO BE BALANCED AGAINST OTHER INTERESTS.", lineKind: .text, position: 5, page: nil)
    let nounTail = Fragment(text: "THE DELEGATION POSITION BEFORE THE MINISTER LEAVES.", lineKind: .text, position: 6, page: nil)
    let evidence = FragmentEvidence([head, verbTail, nounTail])
    #expect(evidence.pairScore(head, nounTail) > evidence.pairScore(head, verbTail) + 1)
  }
}
