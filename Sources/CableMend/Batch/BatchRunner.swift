import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a ``BatchPlan``: mends every file on all cores, writes each output atomically, and
/// isolates each file's failure.
///
/// ```swift
/// let plan = try BatchPlan(inputDirectory: "scans", outputDirectory: "mended")
/// let runner = BatchRunner(plan: plan, pipeline: try Pipeline())
/// let summary = runner.run { progress, outcome in /* draw */ }
/// ```
///
/// Per file: screen the bytes (``InputScreen``), mend, write the report (when asked), then the
/// text; the text is written last, so its presence marks the file complete for `resume`. An
/// error (unreadable, binary, unwritable...) fails that file only. At the end the failures go to
/// `OUTPUT_DIR/failures.jsonl` (rewritten each run; empty when none failed).
///
/// A trap inside a stage (a bug) would still end the process: Swift cannot catch it in-process.
/// Because outputs are atomic, `--resume` then loses no finished work; the fuzzer
/// (`Scripts/fuzz`) is the guard against such traps.
///
/// - Complexity: the pipeline's cost per file, spread over `workers` threads.
public struct BatchRunner: Sendable {
  public var plan: BatchPlan
  public var pipeline: Pipeline
  /// Skip files whose outputs are complete and newer than their inputs.
  public var resume: Bool
  /// Mend files that are not valid UTF-8 (bad bytes become U+FFFD, recorded) instead of failing them.
  public var allowInvalidUTF8: Bool
  public var workers: Int

  public init(plan: BatchPlan, pipeline: Pipeline, resume: Bool = false, allowInvalidUTF8: Bool = false,
              workers: Int? = nil) {
    self.plan = plan
    self.pipeline = pipeline
    self.resume = resume
    self.allowInvalidUTF8 = allowInvalidUTF8
    self.workers = max(1, workers ?? ProcessInfoShim.activeProcessorCount)
  }

  /// Runs the batch. `onProgress` is called after each file, one call at a time (never
  /// concurrently), from a worker thread; keep it quick.
  public func run(onProgress: @Sendable (BatchProgress, BatchOutcome) -> Void = { _, _ in }) -> BatchSummary {
    let clock = ContinuousClock()
    let start = clock.now
    let jobs = plan.jobs
    let state = Mutex(RunState(progress: BatchProgress(totalFiles: jobs.count + plan.unlistable.count,
                                                       totalBytes: plan.totalBytes)))
    for failure in plan.unlistable {
      state.withLock { $0.add(.failed(failure), bytes: 0, elapsed: clock.now - start) }
    }
    let threads = min(workers, max(1, jobs.count))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while let index = state.withLock({ $0.takeNext(limit: jobs.count) }) {
        let outcome = process(jobs[index])
        state.withLock { runState in
          runState.add(outcome, bytes: jobs[index].byteCount, elapsed: clock.now - start)
          onProgress(runState.progress, outcome)
        }
      }
    }
    let final = state.withLock { $0 }
    let failures = final.failures.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    let failuresPath = plan.outputDirectory + "/failures.jsonl"
    var allFailures = failures
    do { try AtomicFile.write(BatchFailure.jsonLines(failures), to: failuresPath) } catch {
      allFailures.append(BatchFailure(path: "failures.jsonl", kind: .unwritable, reason: error.reason,
                                      advice: error.advice))
    }
    return BatchSummary(
      total: jobs.count + plan.unlistable.count, mended: final.progress.mended, skipped: final.progress.skipped,
      failures: allFailures, emptyOutputs: final.emptyOutputs.sorted(),
      processedBytes: final.progress.processedBytes, elapsed: clock.now - start, workers: threads,
      failuresPath: failuresPath)
  }

  /// Mends one file; never throws, every problem becomes a ``BatchFailure``.
  public func process(_ job: BatchJob) -> BatchOutcome {
    let path = job.relativePath
    switch job.entry {
    case .directory:
      return .failed(BatchFailure(
        path: path, kind: .directory, reason: "is a folder, but its name looks like an input file's",
        advice: "rename it, or run batch on it as its own input folder"))
    case .other:
      return .failed(BatchFailure(
        path: path, kind: .notAFile, reason: "is not a regular file (a pipe, device, socket or broken link)",
        advice: "replace it with the file it should be, or remove it"))
    case .file:
      break
    }
    if resume && isComplete(job) { return .skipped(path: path) }
    let bytes: [UInt8]
    do { bytes = try InputReader.read(job.inputPath) } catch {
      return .failed(BatchFailure(path: path, kind: .unreadable, reason: error.reason, advice: error.advice))
    }
    if let problem = InputScreen.problem(in: bytes, allowInvalidUTF8: allowInvalidUTF8) {
      return .failed(BatchFailure(path: path, problem: problem))
    }
    let result = pipeline.mend(bytes, name: path)
    do {
      if let folder = parentFolder(of: job.outputPath) { try AtomicFile.makeDirectories(folder) }
      if let reportPath = job.reportPath {
        let json: [UInt8]
        do { json = Array(try result.report.json()) + [0x0A] } catch {
          return .failed(BatchFailure(path: path, kind: .unwritable, reason: "report does not encode: \(error)",
                                      advice: "report this as a bug with the input file"))
        }
        try AtomicFile.write(json, to: reportPath)
      }
      try AtomicFile.write(Array(result.text.utf8), to: job.outputPath)
    } catch {
      return .failed(BatchFailure(path: path, kind: .unwritable, reason: "\(error.path): \(error.reason)",
                                  advice: error.advice))
    }
    return .mended(path: path, edits: result.document.edits.count, emptyOutput: result.text.isEmpty)
  }

  /// True when the output (and report, when asked) exist as regular files and the output is
  /// at least as new as the input. The text is renamed into place last, so its presence means
  /// the file finished; an input edited since makes it stale.
  public func isComplete(_ job: BatchJob) -> Bool {
    var input = stat()
    var output = stat()
    guard stat(job.inputPath, &input) == 0, stat(job.outputPath, &output) == 0,
          (output.st_mode & S_IFMT) == S_IFREG else { return false }
    if let reportPath = job.reportPath {
      var report = stat()
      guard stat(reportPath, &report) == 0, (report.st_mode & S_IFMT) == S_IFREG else { return false }
    }
    let inTime = (input.st_mtim.tv_sec, input.st_mtim.tv_nsec)
    let outTime = (output.st_mtim.tv_sec, output.st_mtim.tv_nsec)
    return outTime >= inTime
  }

  private func parentFolder(of path: String) -> String? {
    path.lastIndex(of: "/").map { String(path[..<$0]) }
  }
}

/// The shared state of a run, behind the runner's lock.
private struct RunState {
  var progress: BatchProgress
  var next = 0
  var failures: [BatchFailure] = []
  var emptyOutputs: [String] = []

  mutating func takeNext(limit: Int) -> Int? {
    guard next < limit else { return nil }
    defer { next += 1 }
    return next
  }

  mutating func add(_ outcome: BatchOutcome, bytes: Int, elapsed: Duration) {
    progress.record(outcome, bytes: bytes)
    progress.elapsed = elapsed
    switch outcome {
    case .failed(let failure): failures.append(failure)
    case .mended(let path, _, true): emptyOutputs.append(path)
    default: break
    }
  }
}

/// The number of cores available, without importing Foundation into the runner.
enum ProcessInfoShim {
  static var activeProcessorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
