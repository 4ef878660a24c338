import ArgumentParser
import CableMend
import Foundation

extension CableMendCommand {
  struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Repair every file in a folder, on all cores, with progress and resume.",
      discussion: """
        Mends every INPUT_DIR/**/*.txt into the same place under OUTPUT_DIR. Each output is \
        written to a temporary file and renamed, so no output is ever half-written. A file that \
        cannot be mended (unreadable, empty, binary, not UTF-8, a folder named like a file) fails \
        alone; failures are listed at the end and in OUTPUT_DIR/failures.jsonl. Exit status: 0 when \
        every file was mended, 1 when the batch could not start (bad folders, bad lexicon), 2 when \
        one or more files failed.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @Argument(help: "The folder of raw dumps (searched recursively).")
    var inputDir: String

    @Argument(help: "Where the repaired texts go (created if missing; must not be INPUT_DIR).")
    var outputDir: String

    @Option(help: "text: write the repaired text only; json: also write NAME.report.json beside it.")
    var format: Format = .text

    @Flag(help: "Skip files whose outputs are already complete and newer than their inputs.")
    var resume = false

    @Flag(name: .shortAndLong, help: "No progress bar; the summary lists failures only.")
    var quiet = false

    @Option(name: .customLong("extension"), help: "Mend files ending in .EXT; '' mends every file.")
    var fileExtension = "txt"

    @Option(name: .shortAndLong, help: "Files mended at once (default: one per core).")
    var jobs: Int?

    @Flag(help: "Mend files that are not valid UTF-8 (bad bytes become U+FFFD, recorded) instead of failing them.")
    var allowInvalidUTF8 = false

    @OptionGroup var pipelineOptions: PipelineOptions

    func validate() throws {
      try pipelineOptions.validate()
      if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
      let pipeline: Pipeline
      do { pipeline = try Pipeline(options: try pipelineOptions.mendOptions()) } catch {
        StandardError.write("cablemend: \(error)")
        throw ExitCode(1)
      }
      let plan: BatchPlan
      do {
        plan = try BatchPlan(inputDirectory: inputDir, outputDirectory: outputDir,
                             fileExtension: fileExtension, writeReports: format == .json)
      } catch {
        StandardError.write("cablemend: \(error)")
        throw ExitCode(1)
      }
      let runner = BatchRunner(plan: plan, pipeline: pipeline, resume: resume,
                               allowInvalidUTF8: allowInvalidUTF8, workers: jobs)
      let bar = !quiet && isatty(2) != 0 ? ProgressBar() : nil
      let summary = runner.run { progress, _ in bar?.draw(progress) }
      bar?.finish()
      report(summary)
      if !summary.succeeded { throw ExitCode(2) }
    }

    private func report(_ summary: BatchSummary) {
      for failure in summary.failures { StandardError.write("cablemend: \(failure)") }
      if quiet { return }
      let seconds = Double(summary.elapsed.components.seconds)
        + Double(summary.elapsed.components.attoseconds) / 1e18
      var line = "cablemend: \(summary.total) files: \(summary.mended) mended, \(summary.skipped) already done, "
        + "\(summary.failures.count) failed in \(String(format: "%.1f", seconds)) s on \(summary.workers) "
        + "worker\(summary.workers == 1 ? "" : "s")"
      if !summary.emptyOutputs.isEmpty {
        line += "; \(summary.emptyOutputs.count) gave empty text (see their reports)"
      }
      StandardError.write(line)
      if !summary.failures.isEmpty { StandardError.write("cablemend: failures listed in \(summary.failuresPath)") }
    }
  }
}
