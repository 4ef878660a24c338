import CableMend
import Foundation

/// Draws a batch's progress on one line of standard error, at most ten times a second. Only
/// used when standard error is a terminal.
final class ProgressBar: @unchecked Sendable {
  // Called from one worker at a time (the runner serializes progress calls), so plain stored
  // state is safe; @unchecked because the compiler cannot see that guarantee.
  private var lastDraw: ContinuousClock.Instant?
  private var drewAnything = false
  private let width = 24

  func draw(_ progress: BatchProgress) {
    let now = ContinuousClock.now
    let finished = progress.doneFiles == progress.totalFiles
    if let lastDraw, now - lastDraw < .milliseconds(100), !finished { return }
    lastDraw = now
    drewAnything = true
    let filled = Int(progress.fraction * Double(width))
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    var parts = ["[\(bar)] \(progress.doneFiles)/\(progress.totalFiles) files"]
    if let rate = progress.filesPerSecond { parts.append(String(format: "%.1f files/s", rate)) }
    if let bytes = progress.bytesPerSecond { parts.append(String(format: "%.2f MB/s", bytes / 1e6)) }
    if let eta = progress.estimatedRemaining { parts.append("ETA " + Self.clock(eta)) }
    if progress.failed > 0 { parts.append("\(progress.failed) failed") }
    FileHandle.standardError.write(Data(("\r" + parts.joined(separator: "  ") + "\u{1B}[K").utf8))
  }

  func finish() {
    if drewAnything { FileHandle.standardError.write(Data("\n".utf8)) }
  }

  static func clock(_ duration: Duration) -> String {
    let total = Int(duration.components.seconds)
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
    return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
  }
}
