#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole input file, with errors a user can act on.
public enum InputReader {
  /// Reads `path`, or standard input when `path` is `-`.
  /// - Throws: ``InputError`` naming the file and the reason.
  public static func read(_ path: String) throws(InputError) -> [UInt8] {
    if path == "-" { return readAll(fd: 0) ?? [] }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw InputError(path: path, errno: errno) }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      throw InputError(path: path, reason: "is a directory", advice: "give a file, or use 'cablemend batch' for a folder")
    }
    guard let bytes = readAll(fd: fd) else { throw InputError(path: path, errno: errno) }
    return bytes
  }

  private static func readAll(fd: Int32) -> [UInt8]? {
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if n == 0 { return result }
      result.append(contentsOf: buffer[0..<n])
    }
  }
}

/// An input that could not be read.
public struct InputError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var reason: String
  public var advice: String

  public init(path: String, reason: String, advice: String) {
    self.path = path
    self.reason = reason
    self.advice = advice
  }

  init(path: String, errno code: Int32) {
    let reason = String(cString: strerror(code))
    let advice: String
    switch code {
    case ENOENT: advice = "check the path"
    case EACCES, EPERM: advice = "check the file's permissions"
    default: advice = "check that the file is readable"
    }
    self.init(path: path, reason: reason, advice: advice)
  }

  public var description: String { "cannot read '\(path)': \(reason); \(advice)" }
}
