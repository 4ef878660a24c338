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
        or distance (FILE: tab-separated pairs, one a line). Prints JSON with every run's \
        seconds, the median and the units processed; --output writes the last run's output.
        """
    )

    enum Task: String, ExpressibleByArgument, CaseIterable { case unicode, pipeline, distance }

    @Argument(help: "unicode, pipeline or distance.") var task: Task
    @Argument(help: "The input file.") var file: String
    @Option(help: "How many runs.") var runs = 5
    @Option(help: "Write the last run's output here, one item a line.") var output: String?

    func run() throws {
      let bytes: [UInt8]
      do { bytes = try InputReader.read(file) } catch {
        StandardError.write("cablemend: \(error)")
        throw ExitCode.inputError
      }
      let timing: PeerTiming.Timing
      switch task {
      case .unicode: timing = try PeerTiming.unicode(bytes, options: MendOptions(), runs: runs)
      case .pipeline: timing = try PeerTiming.pipeline(bytes, options: MendOptions(), runs: runs)
      case .distance:
        let pairs = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { line in
          let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
          return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
        timing = PeerTiming.distances(pairs, runs: runs)
      }
      if let output {
        try Data((timing.output.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: output))
      }
      let runsList = timing.seconds.map { String(format: "%.6f", $0) }.joined(separator: ", ")
      print(#"{"task": "\#(task.rawValue)", "units": \#(timing.units), "median": \#(timing.median), "seconds": [\#(runsList)]}"#)
    }
  }
}
