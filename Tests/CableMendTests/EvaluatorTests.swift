import Foundation
import Testing

@testable import CableMend

/// A small evaluation set written by the test into a temporary folder, from text written here.
struct TemporaryEvaluationSet {
  let root: URL

  static let gold = """
    SECRET
    FM AMEMBASSY OSLO
    TO SECSTATE WASHDC
    SUBJECT: FISHERIES TALKS

    1. NORWEGIAN NEGOTIATORS TOLD AMBASSADOR HOLLAND TODAY THAT THE FISHERIES TALKS WILL RESUME IN MAY.

    2. THEY EXPECT NO AGREEMENT ON QUOTAS BEFORE THE SUMMER RECESS OF THE STORTING.

    HOLLAND

    """

  /// The gold with a running head, a page stamp, a wrapped paragraph and a corrupted name.
  static let raw = """
    PAGE 01 OSLO 01234 <SECRET>
    SECRET
    FM AMEMBASSY OSLO
    TO SECSTATE WASHDC
    SUBJECT: FISHERIES TALKS

    1. NORWEGIAN NEGOTIATORS TOLD AMBASSADOR H0LLAND TODAY THAT
    THE FISHERIES TALKS WILL RESUME IN MAY.

    2. THEY EXPECT NO AGREEMENT ON QUOTAS BEFORE THE SUMMER RECESS OF THE STORTING.

    HOLLAND
    DECLASSIFIED FOIA 2006

    """

  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("cablemend-eval-\(UInt64.random(in: 0...UInt64.max))")
    let nested = root.appendingPathComponent("low")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    var truth = TruthFile()
    truth.level = "low"
    truth.names = [TruthFile.Substitution(wrong: "H0LLAND", right: "HOLLAND")]
    truth.furniture = ["PAGE 01 OSLO 01234 <SECRET>", "DECLASSIFIED FOIA 2006"]
    try write(Self.raw, "low/oslo.raw.txt")
    try write(Self.gold, "low/oslo.gold.txt")
    try JSONEncoder().encode(truth).write(to: root.appendingPathComponent("low/oslo.truth.json"))
    try write(Self.gold, "clean.raw.txt")
    try write(Self.gold, "clean.gold.txt")
    try write("NO GOLD FOR THIS ONE\n", "orphan.raw.txt")
  }

  func write(_ text: String, _ relative: String) throws {
    try Data(text.utf8).write(to: root.appendingPathComponent(relative))
  }

  func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite struct EvaluatorTests {
  @Test func findsPairsRecursivelyAndSkipsRawDumpsWithoutGold() throws {
    let set = try TemporaryEvaluationSet()
    defer { set.remove() }
    let scan = try Evaluator.documents(in: set.root.path)
    #expect(scan.documents.map(\.name) == ["clean", "low/oslo"])
    #expect(scan.documents.map { $0.truth != nil } == [false, true])
    #expect(scan.skipped == ["orphan.raw.txt"])
  }

  @Test func clearErrorsForMissingOrEmptyFolders() throws {
    #expect(throws: EvaluationError.self) { try Evaluator.documents(in: "/nonexistent/cablemend") }
    let set = try TemporaryEvaluationSet()
    defer { set.remove() }
    let file = set.root.appendingPathComponent("clean.gold.txt").path
    do {
      _ = try Evaluator.documents(in: file)
      Issue.record("a file is not a folder")
    } catch {
      #expect(error.description.contains("is not a folder"))
    }
    let empty = set.root.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    do {
      _ = try Evaluator.documents(in: empty.path)
      Issue.record("an empty folder has no documents")
    } catch {
      #expect(error.description.contains("no X.raw.txt"))
    }
  }

  @Test func scoresBaselineAndRepairAndSumsThem() throws {
    let set = try TemporaryEvaluationSet()
    defer { set.remove() }
    let run = try Evaluator().evaluate(try Evaluator.documents(in: set.root.path).documents)
    let clean = try #require(run.documents.first { $0.name == "clean" })
    let oslo = try #require(run.documents.first { $0.name == "low/oslo" })
    #expect(clean.baseline.cer.errors == 0)
    #expect(oslo.baseline.cer.errors > 0)
    #expect(oslo.level == "low")
    #expect(oslo.baseline.furniture?.remaining == 2)
    #expect(oslo.repaired.names?.injected == 1)
    // Overall rates are sums of counts, not means of rates.
    let s = run.summary
    #expect(s.baselineCER.errors == clean.baseline.cer.errors + oslo.baseline.cer.errors)
    #expect(s.cer.referenceLength == clean.repaired.cer.referenceLength + oslo.repaired.cer.referenceLength)
    if let cut = s.cerReduction { #expect(abs(cut - (1 - s.cer.rate / s.baselineCER.rate)) < 1e-12) }
    let table = run.textTable()
    #expect(table.contains("low/oslo"))
    #expect(table.contains("overall"))
  }

  @Test func ablationSwitchesOffEachStageInTurn() throws {
    let set = try TemporaryEvaluationSet()
    defer { set.remove() }
    let docs = try Evaluator.documents(in: set.root.path).documents
    let runs = try Evaluator().ablate(docs)
    #expect(runs.count == StageName.allCases.count + 1)
    #expect(runs[0].stages == StageName.allCases)
    for (run, stage) in zip(runs.dropFirst(), StageName.allCases) {
      #expect(run.label == "without \(stage.rawValue)")
      #expect(!run.stages.contains(stage))
      #expect(run.stages.count == StageName.allCases.count - 1)
    }
    #expect(EvaluationRun.ablationTable(runs).contains("without names"))
  }

  @Test func htmlReportIsSelfContainedAndEscaped() throws {
    let set = try TemporaryEvaluationSet()
    defer { set.remove() }
    let docs = try Evaluator.documents(in: set.root.path).documents
    let html = HTMLReport(runs: try Evaluator().ablate(docs)).rendered()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    for external in ["src=", "<link", "url(", "<script", "http:", "https:", "@import"] {
      #expect(!html.contains(external), "\(external) would load another resource")
    }
    #expect(html.contains("&lt;SECRET&gt;"))
    #expect(!html.contains("<SECRET>"))
    #expect(html.contains("id=\"doc-1\""))
    #expect(html.contains("class=\"noise\""))
    #expect(html.contains("Ablation"))
  }

  @Test func wordDiffMarksOnlyDifferingWords() {
    let diff = WordDiff(gold: "THE CABLE ARRIVED", text: "THE CA8LE ARRIVED\nPAGE 2")
    #expect(diff.text.filter(\.changed).map { String($0.text) } == ["CA8LE", "PAGE", "2"])
    #expect(diff.gold.filter(\.changed).map { String($0.text) } == ["CABLE"])
    #expect(WordDiff(gold: "", text: "").text.isEmpty)
  }

  @Test func thresholdsReportEachRegression() {
    var documents: [DocumentEvaluation] = []
    let card = Scorecard(gold: "ONE TWO", output: "ONE TW0")
    let raw = Scorecard(gold: "ONE TWO", output: "0NE TW0")
    documents.append(
      DocumentEvaluation(name: "x", level: nil, baseline: raw, repaired: card, edits: 0, texts: nil))
    let summary = EvaluationSummary(documents)
    #expect(summary.cerReduction == 0.5)
    let strict = EvaluationThresholds(minimumCERReduction: 0.6, minimumTau: 0.9, minimumNamePrecision: 0.5)
    let failures = strict.failures(summary)
    #expect(failures.count == 3)  // reduction too low; tau and precision undefined
    #expect(EvaluationThresholds(minimumCERReduction: 0.5).failures(summary).isEmpty)
    #expect(EvaluationThresholds().failures(summary).isEmpty)
  }
}
