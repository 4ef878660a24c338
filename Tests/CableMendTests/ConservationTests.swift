import Testing

@testable import CableMend

@Suite struct ConservationTests {
  private func decoded(_ text: String) -> (bytes: [UInt8], document: Document) {
    let bytes = Array(text.utf8)
    return (bytes, InputDecoder.decode(bytes, name: "t"))
  }

  @Test(arguments: ["", "ONE LINE\n", "A\nB\r\nC\u{0C}D\n\n\nE   \n", "\u{FEFF}BOM FIRST\n"])
  func untouchedTextIsConserved(_ text: String) {
    let (bytes, document) = decoded(text)
    let report = ConservationChecker.check(input: bytes, output: TextRenderer.render(document), document: document)
    #expect(report.isConserved, "\(report)")
  }

  @Test func aLineDroppedWithoutAnEditIsCaught() {
    var (bytes, document) = decoded("KEEP\nLOSE ME\n")
    document.lines.removeLast()
    let report = ConservationChecker.check(input: bytes, output: TextRenderer.render(document), document: document)
    #expect(!report.isConserved)
    #expect(Set(report.missing.map(\.scalar)) == Set("LOSEM".unicodeScalars))
    #expect(report.uncovered == [SourceRange(start: 5, end: 9), SourceRange(start: 10, end: 12)])
  }

  @Test func aRecordedRemovalIsConserved() {
    var (bytes, document) = decoded("KEEP\nPAGE 02 OF 03\nMORE\n")
    document.removeLines(at: [1], stage: .furniture, reason: { _ in "page head" })
    let report = ConservationChecker.check(input: bytes, output: TextRenderer.render(document), document: document)
    #expect(report.isConserved, "\(report)")
  }

  @Test func aReplacementMustBeRecorded() {
    var (bytes, document) = decoded("KISSINQER SAID\n")
    document.lines[0].replaceUTF8(6..<7, with: "G")
    let silent = ConservationChecker.check(input: bytes, output: TextRenderer.render(document), document: document)
    #expect(silent.missing.map(\.scalar) == ["Q"])
    #expect(silent.surplus.map(\.scalar) == ["G"])
    document.edits.append(Edit(stage: .names, kind: .replace, source: document.lines[0].source(ofUTF8: 6..<7),
                               before: "Q", after: "G", reason: "lexicon"))
    let recorded = ConservationChecker.check(input: bytes, output: TextRenderer.render(document), document: document)
    #expect(recorded.isConserved, "\(recorded)")
  }

  @Test func chainedEditsTelescope() {
    // ﬁ -> fi (unicode), then fi -> FI (another stage): both recorded, so the balance holds.
    var (bytes, document) = decoded("\u{FB01}LE\n")
    document.lines[0].replaceUTF8(0..<3, with: "fi")
    document.edits.append(Edit(stage: .unicode, kind: .replace, source: SourceRange(start: 0, end: 3),
                               before: "\u{FB01}", after: "fi", reason: "ligature"))
    document.lines[0].replaceUTF8(0..<2, with: "FI")
    document.edits.append(Edit(stage: .names, kind: .replace, source: SourceRange(start: 0, end: 3),
                               before: "fi", after: "FI", reason: "case"))
    let report = ConservationChecker.check(input: bytes, output: TextRenderer.render(document), document: document)
    #expect(report.isConserved, "\(report)")
  }

  @Test func invalidBytesAreAccountedForByDecodeEdits() {
    let bytes: [UInt8] = Array("AB".utf8) + [0xFF, 0xE2, 0x80] + Array("C\n".utf8) + [0x00, 0x80]
    let document = InputDecoder.decode(bytes, name: "t")
    let report = ConservationChecker.check(input: bytes, output: TextRenderer.render(document), document: document)
    #expect(report.isConserved, "\(report)")
  }

  @Test func textInventedWithoutAnEditIsCaught() {
    let (bytes, document) = decoded("A\n")
    let report = ConservationChecker.check(input: bytes, output: "A\nSUBJECT: X\n", document: document)
    #expect(Set(report.surplus.map(\.scalar)) == Set("SUBJECT:X".unicodeScalars))
    #expect(report.missing.isEmpty)
  }

  @Test func anEditPointingElsewhereLeavesTheRemovedBytesUncovered() {
    var (bytes, document) = decoded("KEEP\nGONE\n")
    document.lines.removeLast()
    // Right text, wrong place: the balance holds but the coverage check does not.
    document.edits.append(Edit(stage: .dedupe, kind: .remove, source: SourceRange(start: 0, end: 4),
                               before: "GONE", after: "", reason: "wrong offsets"))
    let report = ConservationChecker.check(input: bytes, output: TextRenderer.render(document), document: document)
    #expect(report.missing.isEmpty && report.surplus.isEmpty)
    #expect(report.uncovered == [SourceRange(start: 5, end: 9)])
  }

  @Test func editsPastTheEndAreReported() {
    var (bytes, document) = decoded("A\n")
    document.edits.append(Edit(stage: .order, kind: .move, source: SourceRange(start: 0, end: 99),
                               before: "", after: "", reason: "bad"))
    let report = ConservationChecker.check(input: bytes, output: TextRenderer.render(document), document: document)
    #expect(report.editsOutOfBounds.count == 1)
    #expect(report.description.contains("past the end"))
  }

  @Test func whitespaceIsLayoutAndNotChecked() {
    let (bytes, document) = decoded("A \u{00A0}\tB\n")
    let report = ConservationChecker.check(input: bytes, output: "A B\n", document: document)
    #expect(report.isConserved, "\(report)")
  }

  @Test func theSampleIsConservedByTheWholePipeline() throws {
    let bytes = try SupportPaths.bytes(SupportPaths.sample)
    let pipeline = try Pipeline()
    let result = pipeline.mend(bytes, name: "sample")
    let report = ConservationChecker.check(input: bytes, result: result)
    #expect(report.isConserved, "\(ConservationChecker.firstViolation(pipeline: pipeline, input: bytes).map(\.description) ?? "\(report)")")
  }

  @Test func theReportNamesWhatWasLost() {
    let report = ConservationReport(missing: [.init(scalar: "X", count: 2), .init(scalar: "\u{200B}", count: 1)],
                                    surplus: [], uncovered: [SourceRange(start: 3, end: 5)], editsOutOfBounds: [])
    #expect(report.description == "lost without an edit: 'X'×2 U+200B×1; input bytes no line or edit points at: 3..<5")
  }
}
