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
    let pipeline = try Pipeline(options: options)
    var output: [String] = []
    let seconds = measure(runs) {
      output = [pipeline.mend(bytes, name: "timing").text]
    }
    return Timing(seconds: seconds, units: bytes.count, output: output)
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
      let (s, atto) = (clock.now - start).components
      return Double(s) + Double(atto) / 1e18
    }
  }
}
