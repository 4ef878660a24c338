import Foundation
import Testing

@testable import CableMend

/// Paragraphs written for these tests, in the style of a cable body.
enum DedupeFixtures {
  static let paragraphs = [
    "1. THE AMBASSADOR CALLED ON THE FOREIGN MINISTER THIS MORNING TO REVIEW THE DRAFT AGREEMENT ON FISHING RIGHTS ALONG THE NORTHERN COAST.",
    "2. THE MINISTER SAID HIS GOVERNMENT WOULD ACCEPT MOST OF OUR LANGUAGE BUT COULD NOT AGREE TO A SEPARATE INSPECTION REGIME WITHOUT CONSULTING THE CABINET.",
    "3. WE BELIEVE THE MINISTER IS SINCERE, AND THAT THE CABINET WILL FOLLOW HIS ADVICE IF WE OFFER A MODEST CONCESSION ON THE LENGTH OF THE SEASON.",
    "--THE EMBASSY RECOMMENDS THAT THE DEPARTMENT AUTHORIZE A SHORTER SEASON IN EXCHANGE FOR JOINT PATROLS DURING THE FIRST TWO YEARS.",
    "--THE MINISTER ALSO ASKED WHETHER THE UNITED STATES WOULD SEND AN OBSERVER TO THE REGIONAL CONFERENCE NEXT MONTH IN THE CAPITAL.",
    "4. THE PRESS HAS REPORTED THE TALKS ACCURATELY SO FAR, AND WE SEE NO NEED FOR A PUBLIC STATEMENT BEFORE THE CABINET MEETS ON FRIDAY.",
  ]

  /// Paragraphs separated by blank lines, as `unwrap` leaves them.
  static func document(_ paragraphs: [String]) -> String { paragraphs.joined(separator: "\n\n") + "\n" }

  /// The text hard-wrapped at `width` columns, one physical line each.
  static func wrapped(_ paragraph: String, width: Int = 60) -> [String] {
    FurnitureInjector.wrap(paragraph, width: width)
  }

  static func noisy(_ text: String, rate: Double, seed: UInt64) -> String {
    var random = SeededRandom(seed: seed)
    return OCRCharacterNoise().damage(text, rate: rate, using: &random)
  }

  static func texts(_ document: Document) -> [String] {
    document.lines.map(\.text).filter { !$0.isEmpty }
  }
}

@Suite struct DeduplicatorTests {
  typealias F = DedupeFixtures

  @Test(arguments: ["", "\n\n\n", "ONE LINE ONLY, NOTHING TO COMPARE IT WITH AT ALL IN THIS DOCUMENT\n"])
  func emptyAndSingleLineInputsAreUnchanged(text: String) {
    let document = DedupeHarness.run(text)
    #expect(document.edits.isEmpty)
    #expect(document.lines.map(\.text) == InputDecoder.decode(Array(text.utf8), name: "t").lines.map(\.text))
  }

  @Test func documentWithoutDuplicatesIsUnchanged() {
    let text = F.document(F.paragraphs)
    let document = DedupeHarness.run(text)
    #expect(document.edits.isEmpty)
    #expect(F.texts(document) == F.paragraphs)
  }

  @Test func exactDuplicateParagraphIsRemovedWithBothRanges() {
    let paragraphs = F.paragraphs + [F.paragraphs[1]]
    let document = DedupeHarness.run(F.document(paragraphs))
    #expect(F.texts(document) == F.paragraphs)
    let original = InputDecoder.decode(Array(F.document(paragraphs).utf8), name: "t")
    let kept = original.lines.first { $0.text == F.paragraphs[1] }!
    let copy = original.lines.last { $0.text == F.paragraphs[1] }!
    #expect(document.edits.count == 1)
    let edit = document.edits[0]
    #expect(edit.kind == .remove && edit.stage == .dedupe)
    #expect(edit.source == copy.source && edit.related == kept.source)
    #expect(edit.before == F.paragraphs[1] && edit.confidence == 1)
  }

  @Test func exactDuplicatePhysicalLineIsRemoved() {
    let lines = F.paragraphs.prefix(3).flatMap { F.wrapped($0) + [""] }
    let repeated = lines[1]
    let document = DedupeHarness.run((lines + [repeated, "", "END OF TEXT"]).joined(separator: "\n"))
    #expect(F.texts(document) == lines.filter { !$0.isEmpty } + ["END OF TEXT"])
  }

  /// A rescanned page: every line of it, short ones too, comes out once.
  @Test func duplicatedPageOfPhysicalLinesIsRemoved() {
    let page = F.paragraphs.prefix(4).flatMap { F.wrapped($0) + [""] } + ["BAKER"]
    let rest = F.wrapped(F.paragraphs[5])
    let document = DedupeHarness.run((page + [""] + page + [""] + rest).joined(separator: "\n"))
    #expect(F.texts(document) == page.filter { !$0.isEmpty } + rest)
    #expect(document.edits.allSatisfy { $0.evidence.contains(Edit.Evidence("level", "span of consecutive lines (page-level)")) })
    #expect(document.edits.contains { $0.before == "BAKER" })
  }

  /// A continuation page that repeats the last two lines of the page before.
  @Test func continuationThatRepeatsLinesIsTrimmed() {
    let lines = F.paragraphs.prefix(3).flatMap { F.wrapped($0, width: 50) }
    let repeated = Array(lines[4..<6])
    let text = (Array(lines[..<6]) + [""] + repeated + Array(lines[6...])).joined(separator: "\n")
    let document = DedupeHarness.run(text)
    #expect(F.texts(document) == lines)
  }

  @Test(arguments: [0.01, 0.03, 0.05])
  func nearDuplicateParagraphsAreRemoved(rate: Double) {
    var removed = 0
    var trials = 0
    for seed in UInt64(1)...20 {
      for (index, paragraph) in F.paragraphs.enumerated() {
        let copy = F.noisy(paragraph, rate: rate, seed: seed * 31 + UInt64(index))
        guard copy != paragraph else { continue }
        let document = DedupeHarness.run(F.document(F.paragraphs + [copy]))
        trials += 1
        if F.texts(document).count == F.paragraphs.count && document.edits.contains(where: { $0.kind == .remove }) {
          removed += 1
        }
        #expect(!document.edits.contains { $0.kind == .remove && $0.before != copy })
      }
    }
    #expect(Double(removed) / Double(trials) >= 0.97, "\(removed) of \(trials) at \(rate)")
  }

  @Test func nearDuplicatePageOfParagraphsIsRemoved() {
    let copies = F.paragraphs[1...3].enumerated().map { F.noisy($0.element, rate: 0.04, seed: UInt64(40 + $0.offset)) }
    let document = DedupeHarness.run(F.document(F.paragraphs + ["CONGRESS"] + copies))
    #expect(F.texts(document) == F.paragraphs + ["CONGRESS"])
  }

  /// Three copies (of a paragraph too long to pass for furniture): the majority reading wins.
  @Test func threeCopiesVoteByMajority() {
    let tail = " BUT NOT THE SEPARATE REGIME FOR INSPECTIONS AT SEA."
    let text = "THE MINISTER SAID HIS GOVERNMENT WOULD ACCEPT MOST OF OUR LANGUAGE" + tail
    let first = "THE MINISTER SAID HIS G0VERNMENT WOULD ACCEPT MOST OF OUR LANGUAGE" + tail
    let second = "THE MINISTER SAID HIS GOVERNMENT WOULD ACCEPT MOST OF OUR LANGUAGF" + tail
    let document = DedupeHarness.run(F.document([first, "SOMETHING ELSE", second, "MORE", text]))
    #expect(F.texts(document) == [text, "SOMETHING ELSE", "MORE"])
    let replaced = document.edits.filter { $0.kind == .replace }
    #expect(replaced.map(\.after) == ["O"] && replaced.first?.related != nil)
    #expect(replaced.first.map { $0.before == "0" && $0.confidence > 0.5 } == true)
  }

  /// Two copies, each with its own OCR noise: the voted copy has fewer errors than either copy,
  /// on average over many seeded cases. The other paragraphs give the document its vocabulary.
  @Test(arguments: [0.02, 0.05])
  func mergedCopyIsCleanerThanEitherCopy(rate: Double) {
    var errors = (first: 0, second: 0, merged: 0)
    var reference = 0
    var recognised = 0
    for seed in UInt64(1)...30 {
      for (index, paragraph) in F.paragraphs.enumerated() {
        let first = F.noisy(paragraph, rate: rate, seed: seed * 1000 + UInt64(index))
        let second = F.noisy(paragraph, rate: rate, seed: seed * 1000 + UInt64(index) + 500)
        var others = F.paragraphs
        others.remove(at: index)
        let document = DedupeHarness.run(F.document([first] + others + [second]))
        let left = F.texts(document).filter { !others.contains($0) }
        if left.count == 1 { recognised += 1 }
        errors.first += DedupeScore.errors(paragraph, first)
        errors.second += DedupeScore.errors(paragraph, second)
        errors.merged += DedupeScore.errors(paragraph, left.first ?? first)
        reference += paragraph.count
      }
    }
    // Each copy has `rate` noise, so the two are about twice that apart; a few fall outside.
    #expect(recognised >= 30 * F.paragraphs.count * 95 / 100)
    let cer = { (count: Int) in Double(count) / Double(reference) }
    print("merge at \(rate): merged CER \(cer(errors.merged)), copies \(cer(errors.first)), \(cer(errors.second))")
    #expect(cer(errors.merged) < cer(errors.first) && cer(errors.merged) < cer(errors.second),
            "merged CER \(cer(errors.merged)), copies \(cer(errors.first)) and \(cer(errors.second))")
    #expect(cer(errors.merged) < 0.6 * min(cer(errors.first), cer(errors.second)))
  }
}
