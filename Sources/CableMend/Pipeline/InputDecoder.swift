/// Turns raw bytes into lines. It is the first step of the `unicode` stage, and it always runs,
/// because no stage can work on undecoded bytes.
///
/// - Changes: splits at LF, CRLF, CR and form feed (a form feed marks the next line as
///   ``TextLine/followsFormFeed`` for the `pages` stage); substitutes U+FFFD for each byte that
///   is not part of valid UTF-8, recording one `decode` edit per bad byte with its offset; drops
///   a leading byte-order mark (recorded).
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
      edits.append(Edit(stage: .unicode, kind: .remove, source: SourceRange(start: 0, end: 3),
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

  private static func decodeLine(_ bytes: [UInt8], _ range: Range<Int>, formFeed: Bool,
                                 edits: inout [Edit]) -> TextLine
  {
    let slice = bytes[range]
    let source = SourceRange(range)
    if let text = String(validating: slice, as: UTF8.self) {
      return TextLine(text: text, source: source, followsFormFeed: formFeed)
    }
    // Slow path: walk scalars, substituting U+FFFD for each bad byte and keeping the map exact.
    var text = ""
    var map = SourceMap.empty
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = slice.makeIterator()
    var offset = range.lowerBound
    var goodStart = offset
    var good: [UInt8] = []
    func flushGood() {
      guard !good.isEmpty else { return }
      text += String(decoding: good, as: UTF8.self)
      map.append(SourceMap(verbatim: SourceRange(start: goodStart, end: goodStart + good.count),
                           textLength: good.count))
      good.removeAll(keepingCapacity: true)
    }
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        if good.isEmpty { goodStart = offset }
        good.append(contentsOf: encoded)
        offset += encoded.count
      case .error(let length):
        flushGood()
        for bad in offset..<(offset + length) {
          let hex = "0x" + String(bytes[bad], radix: 16, uppercase: true)
          edits.append(Edit(stage: .unicode, kind: .decode, source: SourceRange(start: bad, end: bad + 1),
                            before: hex, after: "\u{FFFD}", reason: "invalid UTF-8 byte",
                            confidence: 1))
          text += "\u{FFFD}"
          map.append(SourceMap(verbatim: SourceRange(start: bad, end: bad + 1), textLength: 3))
        }
        offset += length
      case .emptyInput:
        break loop
      }
    }
    flushGood()
    return TextLine(text: text, sourceMap: map, followsFormFeed: formFeed)
  }
}
