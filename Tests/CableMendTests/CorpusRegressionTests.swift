import Foundation
import Testing

@testable import CableMend

/// Guards the committed corpus against regressions: runs `eval` on `Corpus/generated` and fails
/// when the overall CER reduction, paragraph-order tau or name precision falls below the
/// figures recorded in `Corpus/generated/thresholds.json`.
///
/// Recording: `Scripts/record-thresholds` runs the evaluation and writes that file (figures
/// rounded down, so small differences between machines do not fail). The test skips, saying
/// so, while the corpus or the file is absent.
@Suite struct CorpusRegressionTests {
  // The recorded-figures mechanism, in one place.
  static let corpus = SupportPaths.corpus.appendingPathComponent("generated")
  static let thresholdsFile = corpus.appendingPathComponent("thresholds.json")
  static let minimumDocuments = 20
  static var ready: Bool { FileManager.default.fileExists(atPath: thresholdsFile.path) }

  @Test(
    .enabled(
      if: ready,
      "Corpus/generated/thresholds.json absent: run Scripts/record-thresholds once the corpus is committed"))
  func committedCorpusStaysAboveRecordedFigures() throws {
    let thresholds = try EvaluationThresholds.read(Self.thresholdsFile.path)
    let scan = try Evaluator.documents(in: Self.corpus.path)
    #expect(scan.documents.count >= Self.minimumDocuments)
    let run = try Evaluator().evaluate(scan.documents)
    let failures = thresholds.failures(run.summary)
    #expect(failures.isEmpty, "\(failures.joined(separator: "; "))\n\(run.textTable())")
    // Each figure the file records must be measurable on this corpus.
    if thresholds.minimumNamePrecision != nil { #expect(run.summary.names.edits > 0) }
  }

  /// The same check on a set written here, so the mechanism is exercised before the corpus lands.
  @Test func mechanismWorksOnATemporarySet() throws {
    let set = try TemporaryEvaluationSet()
    defer { set.remove() }
    let run = try Evaluator().evaluate(try Evaluator.documents(in: set.root.path).documents)
    let measured = run.summary
    // Thresholds at the measured figures pass; just above them fail.
    let atMeasured = EvaluationThresholds(
      minimumCERReduction: measured.cerReduction, minimumTau: measured.tau,
      minimumNamePrecision: measured.names.precision)
    #expect(atMeasured.failures(measured).isEmpty)
    let above = EvaluationThresholds(
      minimumCERReduction: (measured.cerReduction ?? 0) + 0.01,
      minimumTau: (measured.tau ?? 0) + 0.01)
    #expect(above.failures(measured).count == 2)
    let file = set.root.appendingPathComponent("thresholds.json")
    try JSONEncoder().encode(atMeasured).write(to: file)
    #expect(try EvaluationThresholds.read(file.path) == atMeasured)
  }
}
