import Foundation

/// The texts behind one document's scores, kept for the HTML report (not written to JSON).
public struct EvaluatedTexts: Sendable, Hashable {
  public var raw: String
  public var gold: String
  public var output: String
  public var edits: [Edit]
}

/// One document's scores: the raw dump against the gold (the baseline) and the repaired text
/// against the gold.
public struct DocumentEvaluation: Sendable, Hashable, Codable {
  public var name: String
  /// The truth file's noise level, when there is one.
  public var level: String?
  public var baseline: Scorecard
  public var repaired: Scorecard
  /// Edits the pipeline recorded.
  public var edits: Int
  public var texts: EvaluatedTexts?

  private enum CodingKeys: String, CodingKey { case name, level, baseline, repaired, edits }

  /// The share of the raw dump's character errors the repair removed:
  /// 1 − repaired CER / raw CER (negative when the repair made things worse).
  public var cerReduction: Double? { EvaluationSummary.reduction(from: baseline.cer, to: repaired.cer) }
}

/// Figures over several documents. Error rates are micro-averaged (errors and lengths summed,
/// so long documents weigh more); tau is the mean over documents with at least two paragraphs
/// found; name and residue counts are summed.
public struct EvaluationSummary: Sendable, Hashable, Codable {
  public var documents: Int
  public var baselineCER: ErrorRate
  public var cer: ErrorRate
  public var cerReduction: Double?
  public var wer: ErrorRate
  public var bagOfWords: ErrorRate
  public var flexible: ErrorRate
  public var baselineTau: Double?
  public var tau: Double?
  public var names: NameScore
  public var furniture: ResidueScore
  public var duplicates: ResidueScore

  public init(_ documents: [DocumentEvaluation]) {
    self.documents = documents.count
    let zero = ErrorRate(errors: 0, referenceLength: 0)
    baselineCER = documents.reduce(zero) { $0 + $1.baseline.cer }
    cer = documents.reduce(zero) { $0 + $1.repaired.cer }
    cerReduction = Self.reduction(from: baselineCER, to: cer)
    wer = documents.reduce(zero) { $0 + $1.repaired.wer }
    bagOfWords = documents.reduce(zero) { $0 + $1.repaired.bagOfWords }
    flexible = documents.reduce(zero) { $0 + $1.repaired.flexible }
    baselineTau = Self.meanTau(documents.map(\.baseline.order))
    tau = Self.meanTau(documents.map(\.repaired.order))
    names = documents.reduce(NameScore()) { $0 + ($1.repaired.names ?? NameScore()) }
    furniture = documents.reduce(ResidueScore()) { $0 + ($1.repaired.furniture ?? ResidueScore()) }
    duplicates = documents.reduce(ResidueScore()) { $0 + ($1.repaired.duplicates ?? ResidueScore()) }
  }

  static func meanTau(_ orders: [OrderAgreement]) -> Double? {
    let placed = orders.filter { $0.found >= 2 }
    guard !placed.isEmpty else { return nil }
    return placed.map(\.tau).reduce(0, +) / Double(placed.count)
  }

  static func reduction(from baseline: ErrorRate, to repaired: ErrorRate) -> Double? {
    guard baseline.rate > 0 else { return nil }
    return 1 - repaired.rate / baseline.rate
  }
}

/// The scores of one pipeline configuration over a set of documents.
public struct EvaluationRun: Sendable, Hashable, Codable {
  /// `all stages`, or `without furniture` in an ablation.
  public var label: String
  public var stages: [StageName]
  public var documents: [DocumentEvaluation]
  public var summary: EvaluationSummary

  public init(label: String, stages: [StageName], documents: [DocumentEvaluation]) {
    self.label = label
    self.stages = stages
    self.documents = documents
    summary = EvaluationSummary(documents)
  }

  static let columns = [
    "raw CER", "CER", "CER cut", "WER", "BoW err", "flex CER", "tau", "name P", "name R", "furn left",
    "dup left",
  ]

  /// The per-document table with an `overall` row.
  public func textTable() -> String {
    var table = TextTable(header: ["document"] + Self.columns)
    for d in documents {
      let r = d.repaired
      table.rows.append([
        d.name, FigureFormat.percent(d.baseline.cer.rate), FigureFormat.percent(r.cer.rate),
        FigureFormat.percent(d.cerReduction), FigureFormat.percent(r.wer.rate),
        FigureFormat.percent(r.bagOfWords.rate), FigureFormat.percent(r.flexible.rate),
        r.order.found >= 2 ? FigureFormat.decimal(r.order.tau) : "-",
        FigureFormat.percent(r.names?.precision), FigureFormat.percent(r.names?.recall),
        FigureFormat.percent(r.furniture?.rate), FigureFormat.percent(r.duplicates?.rate),
      ])
    }
    table.rows.append(["overall"] + Self.summaryCells(summary))
    return "\(label) (\(stages.map(\.rawValue).joined(separator: ",")))\n" + table.rendered()
  }

  static func summaryCells(_ s: EvaluationSummary) -> [String] {
    [
      FigureFormat.percent(s.baselineCER.rate), FigureFormat.percent(s.cer.rate),
      FigureFormat.percent(s.cerReduction), FigureFormat.percent(s.wer.rate),
      FigureFormat.percent(s.bagOfWords.rate), FigureFormat.percent(s.flexible.rate),
      FigureFormat.decimal(s.tau), FigureFormat.percent(s.names.precision),
      FigureFormat.percent(s.names.recall), FigureFormat.percent(s.furniture.rate),
      FigureFormat.percent(s.duplicates.rate),
    ]
  }

  /// One overall row per run: the ablation table.
  public static func ablationTable(_ runs: [EvaluationRun]) -> String {
    var table = TextTable(header: ["configuration"] + columns)
    for run in runs { table.rows.append([run.label] + summaryCells(run.summary)) }
    return table.rendered()
  }

  /// What the columns mean, printed under the tables.
  public static let legend = """
    raw CER: the raw dump against the gold; CER cut: 1 - CER / raw CER; BoW err: order-free \
    bag-of-words error; flex CER: order-tolerant CER; tau: paragraph order (Kendall, mean over \
    documents); name P/R: name-stage precision/recall against the truth file; furn left, dup left: \
    injected furniture lines and duplicates still in the output. Rates are micro-averaged.
    """
}

/// What `cablemend eval --format json` writes.
public struct EvaluationReport: Sendable, Codable {
  public var conventions: MetricConventions
  public var runs: [EvaluationRun]
  /// Raw dumps without a gold text.
  public var skipped: [String]

  public init(conventions: MetricConventions, runs: [EvaluationRun], skipped: [String]) {
    self.conventions = conventions
    self.runs = runs
    self.skipped = skipped
  }

  /// Pretty-printed JSON with stable key order.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }
}
