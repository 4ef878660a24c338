import ArgumentParser
import CableMend
import Foundation

extension CableMendCommand {
  /// Times a hot path in-process and prints JSON, for `Scripts/compare-peers`.
  struct Speed: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Time a hot path on an input, in-process (used by Scripts/compare-peers).",
      discussion: """
        TASK is unicode (FILE: decode + unicode stage), pipeline (FILE: the full pipeline), \
        batch (FILE: a directory; the full pipeline on each *.raw.txt under it, one at a time), \
        distance (FILE: tab-separated pairs, one a line), or lookup (FILE: one token a line). Prints JSON with every run's \
        seconds, the median and the units processed; --output writes the last run's output.
        """
    )

    enum Task: String, ExpressibleByArgument, CaseIterable { case unicode, pipeline, batch, distance, lookup }

    @Argument(help: "unicode, pipeline, batch, distance or lookup.") var task: Task
    @Argument(help: "The input file.") var file: String
    @Option(help: "How many runs.") var runs = 5
    @Option(help: "Write the last run's output here, one item a line.") var output: String?

    func run() throws {
      if task == .batch {
        let documents = try Self.rawDumps(under: file)
        let timing = try PeerTiming.batch(documents, options: MendOptions(), runs: runs)
        try report(timing)
        return
      }
      let bytes: [UInt8]
      do { bytes = try InputReader.read(file) } catch {
        StandardError.write("cablemend: \(error)")
        throw ExitCode.inputError
      }
      let timing: PeerTiming.Timing
      switch task {
      case .unicode: timing = try PeerTiming.unicode(bytes, options: MendOptions(), runs: runs)
      case .pipeline: timing = try PeerTiming.pipeline(bytes, options: MendOptions(), runs: runs)
      case .batch: return
      case .lookup:
        let tokens = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        timing = try PeerTiming.lookup(tokens, options: MendOptions(), runs: runs)
      case .distance:
        let pairs = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { line in
          let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
          return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
        timing = PeerTiming.distances(pairs, runs: runs)
      }
      try report(timing)
    }

    /// Writes the last run's output (when asked) and prints the JSON summary.
    private func report(_ timing: PeerTiming.Timing) throws {
      if let output {
        try Data((timing.output.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: output))
      }
      let runsList = timing.seconds.map { String(format: "%.6f", $0) }.joined(separator: ", ")
      let stages = timing.stages.map { "\"\($0.label)\": " + String(format: "%.6f", $0.seconds) }
        .joined(separator: ", ")
      print(
        #"{"task": "\#(task.rawValue)", "units": \#(timing.units), "median": \#(timing.median), "seconds": [\#(runsList)], "stages": {\#(stages)}}"#
      )
    }

    /// Every `*.raw.txt` under `directory`, sorted by path, read whole.
    static func rawDumps(under directory: String) throws -> [[UInt8]] {
      guard let walker = FileManager.default.enumerator(atPath: directory) else {
        StandardError.write("cablemend: cannot list directory '\(directory)'; pass a directory of *.raw.txt files.")
        throw ExitCode.inputError
      }
      let paths = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".raw.txt") }.sorted()
      guard !paths.isEmpty else {
        StandardError.write("cablemend: no *.raw.txt files under '\(directory)'.")
        throw ExitCode.inputError
      }
      do {
        return try paths.map { try InputReader.read(directory + "/" + $0) }
      } catch {
        StandardError.write("cablemend: \(error)")
        throw ExitCode.inputError
      }
    }
  }
}
