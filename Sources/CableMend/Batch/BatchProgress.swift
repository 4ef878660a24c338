/// How far a batch has got, with throughput and time remaining. The runner updates it after
/// every file; the CLI only draws it.
public struct BatchProgress: Sendable, Hashable {
  public var totalFiles: Int
  public var totalBytes: Int
  public var mended = 0
  public var failed = 0
  public var skipped = 0
  /// Bytes of files read and mended or rejected in this run.
  public var processedBytes = 0
  /// Bytes of files skipped as already complete (they cost no time, so they do not count
  /// towards throughput).
  public var skippedBytes = 0
  /// Time since the run started.
  public var elapsed: Duration = .zero

  public init(totalFiles: Int, totalBytes: Int) {
    self.totalFiles = totalFiles
    self.totalBytes = totalBytes
  }

  public var doneFiles: Int { mended + failed + skipped }

  /// 0...1 by files.
  public var fraction: Double { totalFiles == 0 ? 1 : Double(doneFiles) / Double(totalFiles) }

  private var seconds: Double {
    let (whole, atto) = elapsed.components
    return Double(whole) + Double(atto) / 1e18
  }

  /// Files mended or rejected per second in this run; nil before the first.
  public var filesPerSecond: Double? {
    let worked = mended + failed
    return worked > 0 && seconds > 0 ? Double(worked) / seconds : nil
  }

  /// Input bytes per second in this run; nil before the first file.
  public var bytesPerSecond: Double? {
    processedBytes > 0 && seconds > 0 ? Double(processedBytes) / seconds : nil
  }

  /// Time remaining, from the bytes left and the byte rate so far (bytes, not files, because
  /// one large file takes as long as many small ones). Nil until there is a rate; zero when done.
  public var estimatedRemaining: Duration? {
    if doneFiles >= totalFiles { return .zero }
    let remainingBytes = max(0, totalBytes - processedBytes - skippedBytes)
    if let rate = bytesPerSecond { return .milliseconds(Int64(Double(remainingBytes) / rate * 1000)) }
    return nil
  }

  /// Counts `outcome` for a file of `bytes` bytes.
  mutating func record(_ outcome: BatchOutcome, bytes: Int) {
    switch outcome {
    case .mended:
      mended += 1
      processedBytes += bytes
    case .failed:
      failed += 1
      processedBytes += bytes
    case .skipped:
      skipped += 1
      skippedBytes += bytes
    }
  }
}
