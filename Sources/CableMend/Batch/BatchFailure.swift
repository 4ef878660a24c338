import Foundation

/// One file a batch could not mend, and why. Each is one line of `OUTPUT_DIR/failures.jsonl`.
public struct BatchFailure: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable, Codable {
    /// A directory where a file was expected (its name ends like an input file's).
    case directory
    /// Not a regular file: a socket, a device, a pipe (reading it could hang), a broken link.
    case notAFile = "not-a-file"
    /// The file could not be opened or read (permissions, I/O error).
    case unreadable
    /// Empty, or only whitespace.
    case empty
    /// NUL bytes, UTF-16, or mostly control bytes.
    case binary
    /// Not UTF-8, and `--allow-invalid-utf8` was not given.
    case invalidUTF8 = "invalid-utf8"
    /// The output (or its report) could not be written.
    case unwritable
  }

  /// The input's path relative to the input folder.
  public var path: String
  public var kind: Kind
  public var reason: String
  public var advice: String
  /// 1-based line of the offending byte, when there is one.
  public var line: Int?
  /// Byte offset of the offending byte, when there is one.
  public var offset: Int?

  public init(path: String, kind: Kind, reason: String, advice: String, line: Int? = nil, offset: Int? = nil) {
    self.path = path
    self.kind = kind
    self.reason = reason
    self.advice = advice
    self.line = line
    self.offset = offset
  }

  init(path: String, problem: InputProblem) {
    self.init(path: path, kind: problem.kind, reason: problem.reason, advice: problem.advice,
              line: problem.line, offset: problem.offset)
  }

  /// `path:line: reason; advice`, the form editors and `grep` understand.
  public var description: String {
    let place = line.map { "\(path):\($0)" } ?? path
    return "\(place): \(reason); \(advice)"
  }

  /// The failures as JSON Lines, one object per line with sorted keys.
  public static func jsonLines(_ failures: [BatchFailure]) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var out: [UInt8] = []
    for failure in failures {
      // Encoding plain strings and integers cannot fail.
      if let data = try? encoder.encode(failure) {
        out.append(contentsOf: data)
        out.append(0x0A)
      }
    }
    return out
  }
}

/// What happened to one file.
public enum BatchOutcome: Sendable, Hashable {
  /// Mended and written; `edits` changes, `emptyOutput` when nothing but furniture was left.
  case mended(path: String, edits: Int, emptyOutput: Bool)
  /// Its output was already complete (`--resume`).
  case skipped(path: String)
  case failed(BatchFailure)
}

/// The end of a batch: counts, every failure, and how long it took.
public struct BatchSummary: Sendable {
  public var total: Int
  public var mended: Int
  public var skipped: Int
  /// Sorted by path.
  public var failures: [BatchFailure]
  /// Files whose repaired text is empty (nothing but furniture, say), sorted. Not failures:
  /// their reports say what was removed.
  public var emptyOutputs: [String]
  /// Bytes of input actually read and mended (skipped files not counted).
  public var processedBytes: Int
  public var elapsed: Duration
  public var workers: Int
  /// Where the failure list was written.
  public var failuresPath: String

  public var succeeded: Bool { failures.isEmpty }
}
