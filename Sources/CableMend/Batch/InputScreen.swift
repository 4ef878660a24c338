#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decides whether a file in a batch is text worth mending, before the pipeline sees it.
///
/// `mend` on one file accepts any bytes (invalid UTF-8 is decoded and recorded). A batch runs
/// unattended over thousands of files, so it is stricter: a file that is empty, binary, or not
/// UTF-8 is listed as a failure with the line and what to do, rather than turned into text
/// full of U+FFFD that nobody looks at. `allowInvalidUTF8` relaxes the last rule.
///
/// - Never touches: the bytes; it only reads them.
/// - Complexity: O(n) in the file size. The whole-file scans go through `memchr` and the
///   standard library's UTF-8 validation, so even a 100 MB file costs well under a second in
///   an unoptimised build; only the bytes around a problem are walked one by one.
public enum InputScreen {
  /// Bytes sniffed for the binary test; enough to see a file's nature, cheap on huge files.
  static let sniffLength = 64 * 1024

  /// The problem with `bytes`, or nil when they can be mended.
  public static func problem(in bytes: [UInt8], allowInvalidUTF8: Bool = false) -> InputProblem? {
    if bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {
      return InputProblem(
        kind: .empty,
        reason: bytes.isEmpty ? "is empty" : "holds only whitespace",
        advice: "nothing to mend; remove it from the folder or check the OCR export")
    }
    if let problem = binaryProblem(bytes) { return problem }
    if !allowInvalidUTF8, let problem = invalidUTF8Problem(bytes) { return problem }
    return nil
  }

  private static func binaryProblem(_ bytes: [UInt8]) -> InputProblem? {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return InputProblem(kind: .binary, reason: "is UTF-16 text (it starts with a UTF-16 byte-order mark)",
                          advice: "convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8", offset: 0, line: 1)
    }
    if let nul = firstIndex(of: 0, in: bytes) {
      return InputProblem(
        kind: .binary, reason: "contains a NUL byte, so it is not a text file",
        advice: "if it is UTF-16 text convert it to UTF-8 (iconv -f UTF-16 -t UTF-8); otherwise remove it",
        offset: nul, line: lineNumber(of: nul, in: bytes))
    }
    // Text has few control characters; images, archives and executables have many. (Invalid
    // UTF-8 alone is not binary: that is a text file in another encoding, reported separately.)
    let window = bytes.prefix(sniffLength)
    let suspicious = window.count { $0 < 0x20 && !(0x09...0x0D).contains($0) && $0 != 0x1B || $0 == 0x7F }
    guard suspicious * 10 > window.count else { return nil }
    return InputProblem(
      kind: .binary,
      reason: "looks binary (\(suspicious) of its first \(window.count) bytes are control characters)",
      advice: "remove it from the folder, or convert it to plain text first")
  }

  private static func invalidUTF8Problem(_ bytes: [UInt8]) -> InputProblem? {
    var bad = 0
    var first: Int?
    // Validate in chunks with the standard library (fast even in debug builds); walk byte by
    // byte only inside a chunk that fails. Chunks end on a scalar boundary.
    var start = 0
    while start < bytes.count {
      var end = min(bytes.count, start + 1 << 16)
      var back = 0
      while end < bytes.count && back < 3 && bytes[end] & 0xC0 == 0x80 {
        end -= 1
        back += 1
      }
      if back == 3 && bytes[end] & 0xC0 == 0x80 { end += 3 }
      if String(validating: bytes[start..<end], as: UTF8.self) == nil {
        var index = start
        while index < end {
          let length = bytes[index] < 0x80 ? 1 : UTF8Scalar.length(in: bytes, at: index)
          if length == 1 && bytes[index] >= 0x80 {
            bad += 1
            if first == nil { first = index }
          }
          index += length
        }
        end = max(end, index)
      }
      start = end
    }
    guard let first else { return nil }
    let hex = String(bytes[first], radix: 16, uppercase: true)
    return InputProblem(
      kind: .invalidUTF8,
      reason: "is not valid UTF-8 (\(bad) bad byte\(bad == 1 ? "" : "s"); the first, 0x\(hex), at byte \(first))",
      advice: "convert it to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8), or pass --allow-invalid-utf8 "
        + "to mend it with each bad byte replaced by U+FFFD and recorded",
      offset: first, line: lineNumber(of: first, in: bytes))
  }

  /// 1-based line of byte `offset`, counting LF, CR and CRLF as line ends as the decoder does.
  static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
    let head = Array(bytes[..<offset])
    var line = 1
    var from = 0
    // Line feeds by memchr; a lone CR (old Mac line end) is rare enough to look for separately.
    while let lf = firstIndex(of: 0x0A, in: head, from: from) {
      line += 1
      from = lf + 1
    }
    from = 0
    while let cr = firstIndex(of: 0x0D, in: head, from: from) {
      if cr + 1 >= bytes.count || bytes[cr + 1] != 0x0A { line += 1 }
      from = cr + 1
    }
    return line
  }

  /// `memchr` over an array: the first index at or after `from` holding `byte`.
  static func firstIndex(of byte: UInt8, in bytes: [UInt8], from: Int = 0) -> Int? {
    guard from < bytes.count else { return nil }
    return bytes.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress! + from
      guard let hit = memchr(base, Int32(byte), buffer.count - from) else { return nil }
      return from + (UnsafeRawPointer(hit) - UnsafeRawPointer(buffer.baseAddress!))
    }
  }
}

/// Why a file cannot be mended in a batch, with what to do about it.
public struct InputProblem: Sendable, Hashable {
  public var kind: BatchFailure.Kind
  public var reason: String
  public var advice: String
  /// Byte offset of the first offending byte, when there is one.
  public var offset: Int?
  /// 1-based line of that byte.
  public var line: Int?

  public init(kind: BatchFailure.Kind, reason: String, advice: String, offset: Int? = nil, line: Int? = nil) {
    self.kind = kind
    self.reason = reason
    self.advice = advice
    self.offset = offset
    self.line = line
  }
}
