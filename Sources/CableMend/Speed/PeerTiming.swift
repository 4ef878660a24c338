/// In-process timings of CableMend's hot paths on a user's input, for side-by-side comparison
/// with peer tools that time themselves the same way (`Scripts/compare-peers`).
///
/// Each task runs `runs` times on the same input and returns every duration, so the caller can
/// take a median; the output of the last run is returned for agreement checks with the peer.
public enum PeerTiming {
  public struct Timing: Sendable {
    /// Seconds per run.
    public var seconds: [Double]
    /// Units processed per run (bytes, tokens or pairs).
    public var units: Int
    /// The output of the last run, for comparison with the peer's.
    public var output: [String]
    /// For pipeline tasks: seconds spent in decoding, each stage and rendering, summed over
    /// the documents of the last run, in pipeline order.
    public var stages: [(label: String, seconds: Double)] = []

    public var median: Double {
      let sorted = seconds.sorted()
      guard !sorted.isEmpty else { return 0 }
      return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
  }

  /// Decoding plus the `unicode` stage over `bytes`; the output is the cleaned lines.
  public static func unicode(_ bytes: [UInt8], options: MendOptions, runs: Int) throws -> Timing {
    let stage = try UnicodeCleaner(options: options)
    var output: [String] = []
    let seconds = measure(runs) {
      var document = InputDecoder.decode(bytes, name: "timing")
      stage.run(&document)
      output = document.lines.map(\.text)
    }
    return Timing(seconds: seconds, units: bytes.count, output: output)
  }

  /// The whole pipeline over `bytes`; the output is the repaired text's lines.
  public static func pipeline(_ bytes: [UInt8], options: MendOptions, runs: Int) throws -> Timing {
    try batch([bytes], options: options, runs: runs)
  }

  /// The whole pipeline over each document in turn, one at a time on one core, as a batch of
  /// files runs; units are the input bytes of all documents, the output one text a document.
  ///
  /// A first, untimed pass mends the first document, so that process-wide tables (lexicon,
  /// word lists, pattern tables), built once per process, are not counted against the first run.
  public static func batch(_ documents: [[UInt8]], options: MendOptions, runs: Int) throws -> Timing {
    let pipeline = try Pipeline(options: options)
    if let first = documents.first { _ = pipeline.mend(first, name: "warm-up") }
    var output: [String] = []
    var stages: [(label: String, seconds: Double)] = []
    let seconds = measure(runs) {
      output = []
      stages = []
      for (number, document) in documents.enumerated() {
        let result = pipeline.mend(document, name: "timing-\(number)")
        output.append(result.text)
        for (index, run) in result.runs.enumerated() {
          if index == stages.count { stages.append((run.label, 0)) }
          stages[index].seconds += Self.seconds(run.duration)
        }
      }
    }
    var timing = Timing(seconds: seconds, units: documents.reduce(0) { $0 + $1.count }, output: output)
    timing.stages = stages
    return timing
  }

  /// Context-free name and word lookup of each token (``NameCorrector/suggestions(for:limit:)``);
  /// the output is the best suggestion a token, or the token itself when there is none.
  public static func lookup(_ tokens: [String], options: MendOptions, runs: Int) throws -> Timing {
    let corrector = try NameCorrector(options: options)
    var output: [String] = []
    let seconds = measure(runs) {
      output = tokens.map { corrector.suggestions(for: $0, limit: 1).first?.text ?? $0 }
    }
    return Timing(seconds: seconds, units: tokens.count, output: output)
  }

  /// Levenshtein distances (over Unicode scalars) of each pair; the output is one distance a pair.
  public static func distances(_ pairs: [(String, String)], runs: Int) -> Timing {
    let scalars = pairs.map { (Array($0.0.unicodeScalars), Array($0.1.unicodeScalars)) }
    var output: [String] = []
    let seconds = measure(runs) {
      output = scalars.map { String(EditDistance.levenshtein($0.0, $0.1)) }
    }
    return Timing(seconds: seconds, units: pairs.count, output: output)
  }

  static func measure(_ runs: Int, _ body: () -> Void) -> [Double] {
    let clock = ContinuousClock()
    return (0..<max(1, runs)).map { _ in
      let start = clock.now
      body()
      return seconds(clock.now - start)
    }
  }

  static func seconds(_ duration: Duration) -> Double {
    let (s, atto) = duration.components
    return Double(s) + Double(atto) / 1e18
  }
}
