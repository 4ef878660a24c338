import Testing

@testable import CableMend

/// ``NameVerdict/decide(_:_:)`` must not depend on the order its candidates arrive in: the
/// resolver collects them from `Set`s of index terms, whose order follows the hash seed of the
/// process.
@Suite struct NameVerdictTests {
  static let token = CableContext.Token(
    line: 0, range: 0..<7, text: "KIMNITT", hasLower: false, touchesDigit: false, before: nil, after: nil)

  static func candidate(_ text: String, support: Double, evidence: String, sufficient: Bool = true)
    -> NameCandidate
  {
    NameCandidate(
      text: text, kind: .person, cost: 0.3, support: support, evidence: [evidence], surname: text,
      sufficient: sufficient)
  }

  func summary(_ decision: NameDecision?) -> String {
    guard let decision else { return "none" }
    return "\(decision.replacement ?? "-") \(decision.reason) "
      + decision.candidates.map { "\($0.summary) \($0.evidence)" }.joined(separator: "; ")
  }

  @Test func emptyCandidatesDecideNothing() {
    #expect(NameVerdict.decide(Self.token, []) == nil)
  }

  @Test func oneCandidateIsKept() throws {
    let decision = try #require(
      NameVerdict.decide(Self.token, [Self.candidate("KIMMITT", support: 2, evidence: "title")]))
    #expect(decision.replacement == "KIMMITT")
    #expect(decision.candidates.first?.evidence == ["title"])
  }

  /// Two entries for one surname with the same score (two officials of that name): every
  /// order of the same candidates gives the same decision and the same evidence.
  @Test(arguments: [0, 1, 2, 3, 4, 5])
  func tiedReadingsGiveOneDecisionInEveryOrder(rotation: Int) {
    let candidates = [
      Self.candidate("KIMMITT", support: 2, evidence: "tenure B"),
      Self.candidate("KIMMITT", support: 2, evidence: "tenure A"),
      Self.candidate("KIMMITT", support: 2, evidence: "tenure C", sufficient: false),
      Self.candidate("KINNITT", support: 0.5, evidence: "country"),
    ]
    let rotated = Array(candidates[(rotation % 4)...]) + Array(candidates[..<(rotation % 4)])
    let order = rotation >= 4 ? Array(rotated.reversed()) : rotated
    let reference = summary(NameVerdict.decide(Self.token, candidates))
    #expect(summary(NameVerdict.decide(Self.token, order)) == reference)
    #expect(reference.contains("tenure A"))
    #expect(!reference.contains("tenure B"))
  }

  @Test func higherScoreStillWinsOverEvidenceOrder() throws {
    let decision = try #require(
      NameVerdict.decide(
        Self.token,
        [
          Self.candidate("KIMMITT", support: 1.5, evidence: "a weaker tenure"),
          Self.candidate("KIMMITT", support: 3, evidence: "z stronger title"),
        ]))
    #expect(decision.candidates.first?.evidence == ["z stronger title"])
  }
}
