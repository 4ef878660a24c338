@testable import CableMend
import Testing

/// The cues added with the weight learner: a rejoined phrase the cable uses elsewhere, a colon
/// before something that is not its list, a bullet after a numbered paragraph that introduces
/// nothing.
@Suite struct OrderCueTests {
  static func fragment(_ text: String, _ position: Int, kind: LineKind = .text) -> Fragment {
    Fragment(text: text, lineKind: kind, position: position, page: nil)
  }

  static func fired(_ evidence: FragmentEvidence, _ a: Int, _ b: Int) -> [OrderCue] {
    evidence.pairCues(evidence.fragments[a], evidence.fragments[b]).items.map(\.cue)
  }

  @Test func aRejoinedPhraseThatRecursElsewhereIsACue() {
    let fragments = [
      Self.fragment("2. BALL SAID THE MANDATE OF THE UN FORCE EXPIRES SOON AND THE UN", 0),
      Self.fragment("FORCE SHOULD BE RENEWED.", 4),
      Self.fragment("MARCH AND THAT NEITHER GOVERNMENT SHOULD ACT.", 8),
    ]
    let evidence = FragmentEvidence(fragments)
    #expect(Self.fired(evidence, 0, 1).contains(.junctionPhraseRecurs))
    #expect(!Self.fired(evidence, 0, 2).contains(.junctionPhraseRecurs))
    #expect(evidence.pairScore(fragments[0], fragments[1]) > evidence.pairScore(fragments[0], fragments[2]))
  }

  @Test func aColonIntroducesItsListNotTheNextParagraph() {
    let fragments = [
      Self.fragment("2. YOU SHOULD DRAW ON THE FOLLOWING POINTS:", 0),
      Self.fragment("3. PLEASE REPORT THE RESPONSE.", 5),
      Self.fragment("-- WE VALUE THE ALLIANCE.", 7, kind: .bullet),
    ]
    let evidence = FragmentEvidence(fragments)
    #expect(Self.fired(evidence, 0, 1).contains(.colonBeforeNonList))
    #expect(!Self.fired(evidence, 0, 2).contains(.colonBeforeNonList))
    #expect(evidence.pairScore(fragments[0], fragments[2]) > evidence.pairScore(fragments[0], fragments[1]))
  }

  @Test func aBulletAfterAFinishedNumberedParagraphIsACue() {
    let fragments = [
      Self.fragment("3. WE SUGGEST THAT YOU CALL ON THE MINISTER.", 0),
      Self.fragment("-- THE PURPOSE OF THE CALL IS TO LISTEN.", 1, kind: .bullet),
      Self.fragment("AND THE EMBASSY SHOULD REPORT.", 2),
    ]
    let evidence = FragmentEvidence(fragments)
    #expect(Self.fired(evidence, 0, 1).contains(.bulletWithoutIntroduction))
    // A plain paragraph before a bullet may be the tail of the bullet above: no cue.
    #expect(!Self.fired(evidence, 2, 1).contains(.bulletWithoutIntroduction))
  }

  @Test func noFragmentsAndOneFragmentBuildEmptyEvidence() {
    #expect(FragmentEvidence([]).followCues().count == 1)
    let one = FragmentEvidence([Self.fragment("1. TEXT.", 0)])
    #expect(one.followCues().count == 2)
    #expect(one.precedenceCueMatrix().count == 1 && one.precedenceCueMatrix()[0][0].items.isEmpty)
  }
}
