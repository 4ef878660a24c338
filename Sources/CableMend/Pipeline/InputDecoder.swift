#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns raw bytes into lines. It is the first step of the `unicode` stage, and it always runs,
/// because no stage can work on undecoded bytes.
///
/// - Changes: splits at LF, CRLF, CR and form feed (a form feed marks the next line as
///   ``TextLine/followsFormFeed`` for the `pages` stage); replaces each byte that is not part of
///   valid UTF-8, recording one `decode` edit per bad byte with its offset; drops a leading
///   byte-order mark (recorded). A bad byte becomes U+FFFD, unless it is clearly a
///   Windows-1252 character in otherwise-UTF-8 text (a file edited with two encodings): a lone
///   bad byte, in a line with at most one bad byte in sixteen (or two), that Windows-1252 defines as a
///   printable character and, for a letter (0xC0 and up), that touches an ASCII letter
///   (`caf\u{E9}` becomes `café`, `\u{93}YES\u{94}` becomes `“YES”`).
/// - Never touches: valid text. Line terminators are layout and are not recorded one by one.
/// - Complexity: O(n) in the input bytes; plain ASCII lines take a fast path.
public enum InputDecoder {
  public static func decode(_ input: some Collection<UInt8>, name: String) -> Document {
    let bytes = Array(input)
    var lines: [TextLine] = []
    var edits: [Edit] = []
    var lineStart = 0
    var followsFormFeed = false
    var index = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      edits.append(
        Edit(
          stage: .unicode, kind: .remove, source: SourceRange(start: 0, end: 3),
          before: "\u{FEFF}", after: "", reason: "byte-order mark"))
      lineStart = 3
      index = 3
    }
    func finishLine(at end: Int) {
      lines.append(decodeLine(bytes, lineStart..<end, formFeed: followsFormFeed, edits: &edits))
    }
    while index < bytes.count {
      // Jump to the next line-end or form-feed byte; plain text is skipped eight bytes at a time.
      let next = bytes.withUnsafeBufferPointer { buffer in
        ByteScan.first(in: buffer, from: index, below: 0x0E, orDelete: false) {
          $0 == 0x0A || $0 == 0x0D || $0 == 0x0C
        }
      }
      guard let next else { break }
      index = next
      let byte = bytes[index]
      switch byte {
      case 0x0A:
        finishLine(at: index)
        followsFormFeed = false
        index += 1
        lineStart = index
      case 0x0D:
        finishLine(at: index)
        followsFormFeed = false
        index += (index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
        lineStart = index
      case 0x0C:
        if index > lineStart { finishLine(at: index) }
        followsFormFeed = true
        index += 1
        lineStart = index
      default:
        index += 1
      }
    }
    if lineStart < bytes.count { finishLine(at: bytes.count) }
    var document = Document(name: name, inputByteCount: bytes.count, lines: lines)
    document.edits = edits
    return document
  }

  private static func decodeLine(
    _ bytes: [UInt8], _ range: Range<Int>, formFeed: Bool,
    edits: inout [Edit]
  ) -> TextLine {
    let source = SourceRange(range)
    if let text = validText(bytes, range) {
      return TextLine(text: text, source: source, followsFormFeed: formFeed)
    }
    let slice = bytes[range]
    // Slow path: find the bad bytes first, so each can be judged with its neighbours.
    var segments: [(range: Range<Int>, valid: Bool)] = []
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = slice.makeIterator()
    var offset = range.lowerBound
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        if let last = segments.last, last.valid {
          segments[segments.count - 1].range = last.range.lowerBound..<(offset + encoded.count)
        } else {
          segments.append((offset..<(offset + encoded.count), true))
        }
        offset += encoded.count
      case .error(let length):
        for bad in offset..<(offset + length) { segments.append((bad..<(bad + 1), false)) }
        offset += length
      case .emptyInput:
        break loop
      }
    }
    let badCount = segments.lazy.filter { !$0.valid }.count
    // "Otherwise UTF-8": at most one bad byte in sixteen (two in a short line). Random or
    // binary input stays U+FFFD.
    let mostlyGood = badCount <= max(2, range.count / 16)
    var text = ""
    var map = SourceMap.empty
    for (index, segment) in segments.enumerated() {
      let start = segment.range.lowerBound
      if segment.valid {
        text += String(decoding: bytes[segment.range], as: UTF8.self)
        map.append(SourceMap(verbatim: SourceRange(segment.range), textLength: segment.range.count))
        continue
      }
      let isolated =
        (index == 0 || segments[index - 1].valid)
        && (index + 1 == segments.count || segments[index + 1].valid)
      let hex = "0x" + String(bytes[start], radix: 16, uppercase: true)
      let repaired = mostlyGood && isolated ? windows1252Reading(bytes, at: start, in: range) : nil
      let after = repaired.map(String.init) ?? "\u{FFFD}"
      let reason =
        repaired == nil
        ? "invalid UTF-8 byte"
        : "invalid UTF-8 byte read as Windows-1252 (a single byte in UTF-8 text)"
      edits.append(
        Edit(
          stage: .unicode, kind: .decode, source: SourceRange(start: start, end: start + 1),
          before: hex, after: after, reason: reason, confidence: repaired == nil ? 1 : 0.8))
      text += after
      map.append(SourceMap(verbatim: SourceRange(start: start, end: start + 1), textLength: after.utf8.count))
    }
    return TextLine(text: text, sourceMap: map, followsFormFeed: formFeed)
  }

  /// The line's text when its bytes are valid UTF-8, else nil.
  ///
  /// Decoding an unsafe buffer is the standard library's fast path (a line of ASCII is
  /// copied after a word-at-a-time check); the generic `String(validating:)` over an array
  /// slice cost more than the rest of decoding together. A repaired decoding differs from the
  /// input bytes, so comparing the two says whether the line was valid.
  private static func validText(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
    bytes.withUnsafeBufferPointer { buffer in
      let part = UnsafeBufferPointer(rebasing: buffer[range])
      var text = String(decoding: part, as: UTF8.self)
      let same = text.withUTF8 { decoded in
        decoded.count == part.count
          && (part.isEmpty || memcmp(decoded.baseAddress!, part.baseAddress!, part.count) == 0)
      }
      return same ? text : nil
    }
  }

  /// The Windows-1252 character for a lone bad byte when that reading is clear: a defined,
  /// printable character, and for letters (0xC0 and up) an ASCII letter right beside it
  /// (`caf\u{E9}`). Otherwise nil, and the byte becomes U+FFFD.
  static func windows1252Reading(_ bytes: [UInt8], at index: Int, in line: Range<Int>) -> Unicode.Scalar? {
    let byte = bytes[index]
    let scalar = LegacyCharset.windows1252.decode[Int(byte)]
    guard byte >= 0x80, scalar.value >= 0xA0 else { return nil }
    guard byte >= 0xC0 else { return scalar }
    func isLetter(_ at: Int) -> Bool {
      guard line.contains(at) else { return false }
      let value = bytes[at] | 0x20
      return value >= 0x61 && value <= 0x7A
    }
    return isLetter(index - 1) || isLetter(index + 1) ? scalar : nil
  }
}
