#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that a reader, or a later `--resume`, never sees half a file: the bytes go to
/// a hidden temporary file in the same folder, which is flushed and then renamed over the target
/// (rename within one file system is atomic).
///
/// The temporary name is fixed per target (`.NAME.cablemend-partial`), so a run killed mid-write
/// leaves at most one stale partial per file, and the next run over that file overwrites it.
public enum AtomicFile {
  /// The temporary file `write(_:to:)` uses for `path`.
  public static func partialPath(for path: String) -> String {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    return folder + "." + name + ".cablemend-partial"
  }

  /// Writes `bytes` to `path` atomically.
  /// - Throws: ``WriteError`` naming the file and the system's reason.
  public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
    let partial = partialPath(for: path)
    let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw WriteError(path: path, errno: errno) }
    var written = 0
    var failure: Int32?
    bytes.withUnsafeBytes { buffer in
      while written < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        written += n
      }
    }
    if failure == nil && fsync(fd) != 0 { failure = errno }
    if close(fd) != 0 && failure == nil { failure = errno }
    if failure == nil && rename(partial, path) != 0 { failure = errno }
    if let failure {
      unlink(partial)
      throw WriteError(path: path, errno: failure)
    }
  }

  /// Creates `path` and its missing parents, like `mkdir -p`.
  public static func makeDirectories(_ path: String) throws(WriteError) {
    var info = stat()
    if stat(path, &info) == 0 {
      guard (info.st_mode & S_IFMT) == S_IFDIR else {
        throw WriteError(path: path, reason: "exists and is not a folder", advice: "move it away or choose another output folder")
      }
      return
    }
    if let slash = path.dropLast().lastIndex(of: "/"), slash != path.startIndex {
      try makeDirectories(String(path[..<slash]))
    }
    if mkdir(path, 0o755) != 0 && errno != EEXIST { throw WriteError(path: path, errno: errno) }
  }
}

/// An output that could not be written.
public struct WriteError: Error, Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var advice: String

  public init(path: String, reason: String, advice: String) {
    self.path = path
    self.reason = reason
    self.advice = advice
  }

  init(path: String, errno code: Int32) {
    let advice: String
    switch code {
    case EACCES, EPERM, EROFS: advice = "check that the output folder is writable"
    case ENOSPC, EDQUOT: advice = "free some disk space"
    case ENOTDIR: advice = "a part of the path is a file, not a folder; choose another output folder"
    default: advice = "check the output folder"
    }
    self.init(path: path, reason: String(cString: strerror(code)), advice: advice)
  }

  public var description: String { "cannot write '\(path)': \(reason); \(advice)" }
}
