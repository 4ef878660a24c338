import Foundation

/// One document of an evaluation set: `X.raw.txt` with its `X.gold.txt` and, when present,
/// `X.truth.json`, all in the same folder.
public struct EvaluationDocument: Sendable, Hashable {
  /// The path of `X` relative to the scanned folder, e.g. `low/cable-03`.
  public var name: String
  public var raw: URL
  public var gold: URL
  public var truth: URL?
}

/// Why a folder cannot be evaluated.
public struct EvaluationError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var reason: String
  public var advice: String
  public var description: String { "'\(path)' \(reason); \(advice)" }
}

/// Runs the pipeline over a folder of raw dumps with gold texts and scores every output.
///
/// ```swift
/// let evaluator = try Evaluator()
/// let scan = try Evaluator.documents(in: "Corpus/generated")
/// let run = try evaluator.evaluate(scan.documents)
/// print(run.textTable())
/// ```
/// - Complexity: per document, the pipeline's cost plus the metrics' O(n·m/64).
public struct Evaluator: Sendable {
  public var options: MendOptions
  public var conventions: MetricConventions

  public init(options: MendOptions = MendOptions(), conventions: MetricConventions = .init()) {
    self.options = options
    self.conventions = conventions
  }

  /// What a folder scan found: the documents, in name order, and the raw dumps skipped because
  /// they have no gold text.
  public struct Scan: Sendable {
    public var documents: [EvaluationDocument]
    public var skipped: [String]
  }

  /// Finds every `X.raw.txt` under `path` (recursively) that has an `X.gold.txt` beside it.
  /// - Throws: ``EvaluationError`` when the folder is missing or holds no such pair.
  public static func documents(in path: String) throws(EvaluationError) -> Scan {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw EvaluationError(
        path: path, reason: "does not exist", advice: "give a folder of X.raw.txt and X.gold.txt files")
    }
    guard isDirectory.boolValue else {
      throw EvaluationError(
        path: path, reason: "is not a folder",
        advice: "give a folder; to score one pair use 'cablemend score GOLD OUTPUT'")
    }
    let root = URL(fileURLWithPath: path)
    var documents: [EvaluationDocument] = []
    var skipped: [String] = []
    let relativePaths = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
    for relative in relativePaths.sorted() where relative.hasSuffix(".raw.txt") {
      let name = String(relative.dropLast(".raw.txt".count))
      let raw = root.appendingPathComponent(relative)
      let gold = root.appendingPathComponent(name + ".gold.txt")
      let truth = root.appendingPathComponent(name + ".truth.json")
      guard FileManager.default.fileExists(atPath: gold.path) else {
        skipped.append(relative)
        continue
      }
      documents.append(
        EvaluationDocument(
          name: name, raw: raw, gold: gold,
          truth: FileManager.default.fileExists(atPath: truth.path) ? truth : nil))
    }
    guard !documents.isEmpty else {
      let extra = skipped.isEmpty ? "" : " (\(skipped.count) raw dumps have no gold)"
      throw EvaluationError(
        path: path, reason: "holds no X.raw.txt with an X.gold.txt beside it\(extra)",
        advice: "put each raw dump beside its gold text, named X.raw.txt and X.gold.txt")
    }
    return Scan(documents: documents, skipped: skipped)
  }

  /// Runs the pipeline with ``options`` on every document and scores raw and repaired text.
  /// - Throws: ``EvaluationError`` for an unreadable file or truth file, or a pipeline that cannot
  ///   be built (a bad lexicon).
  public func evaluate(_ documents: [EvaluationDocument], label: String = "all stages")
    throws(EvaluationError)
    -> EvaluationRun
  {
    let pipeline: Pipeline
    do { pipeline = try Pipeline(options: options) } catch {
      throw EvaluationError(
        path: options.lexiconPaths.joined(separator: ","), reason: "cannot build the pipeline (\(error))",
        advice: "check the lexicon files")
    }
    var results: [DocumentEvaluation] = []
    for document in documents {
      results.append(try evaluate(document, with: pipeline))
    }
    return EvaluationRun(label: label, stages: options.stages.sorted(), documents: results)
  }

  /// The full run, then one run with each stage of ``options`` switched off in turn.
  public func ablate(_ documents: [EvaluationDocument]) throws(EvaluationError) -> [EvaluationRun] {
    var runs = [try evaluate(documents)]
    for stage in options.stages.sorted() {
      var without = self
      without.options.stages.remove(stage)
      runs.append(try without.evaluate(documents, label: "without \(stage.rawValue)"))
    }
    return runs
  }

  private func evaluate(_ document: EvaluationDocument, with pipeline: Pipeline) throws(EvaluationError)
    -> DocumentEvaluation
  {
    let rawBytes = try Self.read(document.raw)
    let gold = String(decoding: try Self.read(document.gold), as: UTF8.self)
    var truth: TruthFile?
    if let url = document.truth {
      do { truth = try TruthFile.read(url.path) } catch {
        throw EvaluationError(path: url.path, reason: error.reason, advice: error.advice)
      }
    }
    let raw = String(decoding: rawBytes, as: UTF8.self)
    let result = pipeline.mend(rawBytes, name: document.name)
    let baseline = Scorecard(gold: gold, output: raw, truth: truth, edits: [], conventions: conventions)
    let repaired = Scorecard(
      gold: gold, output: result.text, truth: truth, edits: result.document.edits,
      conventions: conventions)
    return DocumentEvaluation(
      name: document.name, level: truth?.level, baseline: baseline, repaired: repaired,
      edits: result.document.edits.count,
      texts: EvaluatedTexts(raw: raw, gold: gold, output: result.text, edits: result.document.edits))
  }

  private static func read(_ url: URL) throws(EvaluationError) -> [UInt8] {
    do { return try InputReader.read(url.path) } catch {
      throw EvaluationError(path: url.path, reason: "cannot be read (\(error.reason))", advice: error.advice)
    }
  }
}
