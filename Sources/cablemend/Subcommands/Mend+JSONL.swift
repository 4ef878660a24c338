import ArgumentParser
import CableMend
import Foundation

extension CableMendCommand.Mend {
  /// `mend --jsonl`: streams records from FILE or standard input to standard output. Exit
  /// status 1 when any record failed (each failure is also a `{"error":...}` line in place).
  func runJSONL(_ pipeline: Pipeline) throws {
    if report != nil {
      StandardError.write("cablemend: --report does not apply to --jsonl; use --format json to put each report in its line")
      throw ExitCode(64)
    }
    let fd: Int32 = file == "-" ? 0 : open(file, O_RDONLY)
    guard fd >= 0 else {
      StandardError.write("cablemend: cannot read '\(file)': \(String(cString: strerror(errno))); check the path")
      throw ExitCode.inputError
    }
    defer { if fd != 0 { close(fd) } }
    var readError: Int32?
    let stream = JSONLStream(pipeline: pipeline, includeReport: format == .json)
    let summary = stream.run(
      read: {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
          let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
          if n < 0 && errno == EINTR { continue }
          if n < 0 { readError = errno }
          return n > 0 ? Array(chunk[..<n]) : nil
        }
      },
      write: { FileHandle.standardOutput.write(Data($0)) })
    if let readError {
      StandardError.write("cablemend: reading '\(file == "-" ? "<stdin>" : file)' failed: \(String(cString: strerror(readError)))")
      throw ExitCode.inputError
    }
    if summary.failed > 0 {
      StandardError.write("cablemend: \(summary.failed) of \(summary.failed + summary.mended) records failed; see the \"error\" lines")
      throw ExitCode.inputError
    }
  }
}
