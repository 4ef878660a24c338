import Foundation
import Testing

@testable import CableMend

/// What `dedupe` must leave alone, and inputs meant to break it.
@Suite struct DeduplicatorRepetitionTests {
  typealias F = DedupeFixtures

  @Test func legitimateRepetitionIsKept() {
    let paragraphs = [
      "CONGRESS",
      "--THE SECRETARY SAID THE UNITED STATES SOUGHT A PEACEFUL RESOLUTION OF THE DISPUTE OVER THE ISLANDS.",
      "--THE MINISTER AGREED THAT A PEACEFUL RESOLUTION WAS IN THE INTEREST OF EVERY STATE IN THE REGION.",
      "CONGRESS",
      "--",
      "--SENATOR HOLLINGS ASKED ABOUT THE TRADE FIGURES FOR THE FIRST QUARTER.",
      "--",
      "2. FOR LONDON: PLEASE INFORM THE FOREIGN OFFICE OF THE DRAFT TEXT AT AN APPROPRIATE LEVEL TODAY.",
      "3. FOR PARIS: PLEASE INFORM THE FOREIGN OFFICE OF THE DRAFT TEXT AT AN APPROPRIATE LEVEL TODAY.",
      "--FIRST, THE MINISTER SAID HIS GOVERNMENT WOULD ACCEPT THE DRAFT AGREEMENT ON FISHING RIGHTS.",
      "--SECOND, THE MINISTER SAID HIS GOVERNMENT WOULD ACCEPT THE DRAFT AGREEMENT ON FISHING RIGHTS.",
      "SECRET", "SECRET", "HOLLINGS", "HOLLINGS",
      "------------------------------------------------------------",
      "------------------------------------------------------------",
      "BAKER",
    ]
    let document = DedupeHarness.run(F.document(paragraphs))
    #expect(document.edits.isEmpty, "\(document.edits.map(\.before))")
    #expect(F.texts(document) == paragraphs)
  }

  /// A line that recurs on every page is page furniture, left for the `furniture` stage.
  @Test func recurringFurnitureLineIsKept() {
    let stamp = "NOT TO BE REPRODUCED WITHOUT THE AUTHORIZATION OF THE EXECUTIVE SECRETARY"
    let pages = F.paragraphs.prefix(3).map { [stamp, $0] }.flatMap { $0 }
    let document = DedupeHarness.run(F.document(pages))
    #expect(document.edits.isEmpty)
    #expect(F.texts(document) == pages)
    #expect(document.notes.count == 1 && document.notes[0].contains("furniture"))
  }

  /// The user's sample repeats names, "PEACEFUL RESOLUTION", stamps and captions, but no text
  /// long enough to be a duplicate: its raw lines come out unchanged.
  @Test func rawSampleHasNothingToRemove() throws {
    let document = DedupeHarness.run(String(decoding: try SupportPaths.bytes(SupportPaths.sample), as: UTF8.self))
    #expect(document.edits.isEmpty, "\(document.edits.map(\.before))")
  }

  /// The sample's body as `unwrap` would give it: each block of lines joined into one paragraph,
  /// keeping the body's sentences and bullets (page furniture is the `furniture` stage's, which
  /// runs before). "PEACEFUL RESOLUTION" and "HUMAN RIGHTS" recur; nothing is removed.
  @Test func sampleBodyParagraphsAreUnchanged() throws {
    let text = String(decoding: try SupportPaths.bytes(SupportPaths.sample), as: UTF8.self)
    let body = text.components(separatedBy: "\n\n").map { $0.replacingOccurrences(of: "\n", with: " ") }
      .filter { $0.split(separator: " ").count >= 6 && ($0.hasSuffix(".") || $0.hasPrefix("--")) }
    #expect(body.filter { $0.contains("PEACEFUL RESOLUTION") }.count >= 2)
    let document = DedupeHarness.run(F.document(body))
    #expect(document.edits.isEmpty, "\(document.edits.map(\.before))")
    #expect(F.texts(document) == body)
  }

  /// Without the `furniture` stage, a stamp block found on just two pages is a duplicated span
  /// like any other and its second copy goes (three or more lone copies would be kept).
  @Test func stampBlockOnTwoPagesIsTreatedAsDuplicateWithoutFurnitureStage() {
    let stamp = ["ALERT COPY", "NOT TO BE REPRODUCED WITHOUT THE AUTHORIZATION OF THE EXECUTIVE SECRETARY"]
    let lines = stamp + [F.paragraphs[0]] + stamp + [F.paragraphs[1]]
    let document = DedupeHarness.run(F.document(lines))
    #expect(F.texts(document) == stamp + [F.paragraphs[0], F.paragraphs[1]])
  }

  @Test func manyExactCopiesOfALongLineLeaveOne() {
    let line = F.paragraphs[2]
    let document = DedupeHarness.run(Array(repeating: line, count: 2_000).joined(separator: "\n"))
    #expect(F.texts(document) == [line])
    #expect(document.edits.count == 1_999 && document.edits.allSatisfy { $0.kind == .remove })
  }

  @Test func manyCopiesOfAShortLineAreAllKept() {
    let text = Array(repeating: "UNCLASSIFIED", count: 2_000).joined(separator: "\n")
    #expect(DedupeHarness.run(text).edits.isEmpty)
  }

  @Test func veryLongDuplicatedLineIsRemovedWithoutAligning() {
    let long = String(repeating: F.paragraphs[0] + " ", count: 250)
    let document = DedupeHarness.run(long + "\n\n" + F.paragraphs[1] + "\n\n" + long + "\n")
    #expect(F.texts(document).count == 2)
    #expect(document.edits.count == 1 && document.edits[0].before == long)
  }

  @Test func nonASCIICopiesKeepExactOffsets() {
    let text = "L'AMBASSADEUR A RENCONTRÉ LE MINISTRE DES AFFAIRES ÉTRANGÈRES À GENÈVE CE MATIN."
    let copy = "L'AMBASSADEUR A RENC0NTRÉ LE MINISTRE DES AFFAIRES ÉTRANGÈRES À GENÈVE CE MATIN."
    let input = "\(copy)\n\nAUTRE CHOSE\n\n\(text)\n"
    let document = DedupeHarness.run(input)
    #expect(F.texts(document) == [text, "AUTRE CHOSE"])
    let bytes = Array(input.utf8)
    for edit in document.edits {
      #expect(String(decoding: bytes[edit.source.range], as: UTF8.self) == edit.before)
      if edit.kind == .replace, let related = edit.related {
        #expect(String(decoding: bytes[related.range], as: UTF8.self) == edit.after)
      }
    }
  }

  /// Random bytes, control characters and invalid UTF-8: no crash, and every line either
  /// survives or is accounted for by a removal edit.
  @Test(arguments: UInt64(1)...5)
  func hostileBytesAreHandled(seed: UInt64) {
    var random = SeededRandom(seed: seed)
    var bytes: [UInt8] = []
    for _ in 0..<4_000 { bytes.append(UInt8.random(in: 0...255, using: &random)) }
    let chunk = Array(bytes[100..<400])
    bytes += [0x0A] + chunk + [0x0A, 0x0A] + chunk
    var document = InputDecoder.decode(bytes, name: "hostile")
    let before = document.lines.filter { !$0.text.isEmpty }.map(\.source)
    Deduplicator(settings: DedupeSettings()).run(&document)
    let after = document.lines.filter { !$0.text.isEmpty }.map(\.source)
    let removed = document.edits.filter { $0.kind == .remove && $0.stage == .dedupe }.map(\.source)
    #expect(Set(after).union(removed) == Set(before))
    #expect(after.count + removed.count == before.count)
  }

  /// Random documents of the fixture paragraphs, some repeated with noise: every paragraph is
  /// still there once, and every removed line is near its kept copy.
  @Test func randomMixturesKeepEveryParagraph() {
    var random = SeededRandom(seed: 99)
    for round in 0..<30 {
      var paragraphs = F.paragraphs
      for _ in 0..<3 {
        let pick = F.paragraphs.randomElement(using: &random)!
        let noisy = F.noisy(pick, rate: 0.03, seed: UInt64(round * 10 + paragraphs.count))
        paragraphs.insert(noisy, at: Int.random(in: 0...paragraphs.count, using: &random))
      }
      let document = DedupeHarness.run(F.document(paragraphs))
      let left = F.texts(document)
      #expect(left.count <= F.paragraphs.count + 3)
      for original in F.paragraphs {
        let near = left.contains {
          BandedAlignment.align(original.unicodeScalars.map(\.value), $0.unicodeScalars.map(\.value),
                                maxDistance: original.count / 10) != nil
        }
        #expect(near, "lost: \(original)")
      }
    }
  }
}
