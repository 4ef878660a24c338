import ArgumentParser
import Foundation

/// Writes diagnostics to standard error; data goes to standard output only.
enum StandardError {
  static func write(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}

/// An error already explained on standard error; exits with `code`.
struct Failure: Error {
  var code: Int32
}

extension ExitCode {
  /// Unreadable input.
  static let inputError = ExitCode(1)
}
