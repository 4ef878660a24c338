/// One line of a document, with the map from its current text back to input bytes.
///
/// A line starts as one physical line of the input. Stages may change its text (the Unicode
/// stage, name correction), join several lines into one paragraph (unwrap), or move it (order);
/// the ``SourceMap`` keeps every byte of the current text traceable to the input bytes it came
/// from.
public struct TextLine: Sendable, Hashable {
  /// The current text, without a line terminator.
  public private(set) var text: String
  /// Where each part of `text` came from.
  public private(set) var sourceMap: SourceMap
  /// What the line is, as far as stages have decided.
  public var kind: LineKind
  /// Index into ``Document/pages`` once the `pages` stage has run.
  public var page: Int?
  /// True when a form feed stood before this line in the input.
  public var followsFormFeed: Bool

  /// A line whose text is exactly the input bytes in `source`.
  public init(text: String, source: SourceRange, kind: LineKind = .text, page: Int? = nil,
              followsFormFeed: Bool = false) {
    self.text = text
    self.sourceMap = SourceMap(verbatim: source, textLength: text.utf8.count)
    self.kind = kind
    self.page = page
    self.followsFormFeed = followsFormFeed
  }

  /// A line with an explicit map (used when text already differs from its source).
  public init(text: String, sourceMap: SourceMap, kind: LineKind = .text, page: Int? = nil,
              followsFormFeed: Bool = false) {
    precondition(sourceMap.textLength == text.utf8.count, "source map does not cover the text")
    self.text = text
    self.sourceMap = sourceMap
    self.kind = kind
    self.page = page
    self.followsFormFeed = followsFormFeed
  }

  /// The input bytes the whole line came from.
  public var source: SourceRange { sourceMap.covering }

  /// Input bytes behind a UTF-8 byte range of the current text.
  public func source(ofUTF8 range: Range<Int>) -> SourceRange {
    sourceMap.source(of: range)
  }

  /// Replaces a UTF-8 byte range of the text and keeps the map exact: the new text maps to
  /// the input bytes the replaced text came from.
  ///
  /// - Complexity: O(n) in the line length.
  public mutating func replaceUTF8(_ range: Range<Int>, with replacement: String) {
    let bytes = Array(text.utf8)
    precondition(range.upperBound <= bytes.count, "replacement range past end of line")
    var out = bytes[..<range.lowerBound]
    out.append(contentsOf: replacement.utf8)
    out.append(contentsOf: bytes[range.upperBound...])
    text = String(decoding: out, as: UTF8.self)
    sourceMap.replace(range, withLength: replacement.utf8.count)
  }

  /// Same as ``replaceUTF8(_:with:)`` on each of `replacements` in turn, which must be
  /// disjoint and run from the last to the first, but the text is written once instead of once
  /// per replacement.
  ///
  /// - Complexity: O(n + k·p) for n text bytes, k replacements and p map pieces.
  mutating func replaceUTF8(descending replacements: [(range: Range<Int>, text: String)]) {
    guard !replacements.isEmpty else { return }
    var newCount = text.utf8.count
    for replacement in replacements { newCount += replacement.text.utf8.count - replacement.range.count }
    // The new text is written straight into the string's storage: no byte array in between.
    let old = text
    text = String(unsafeUninitializedCapacity: newCount) { out in
      var old = old
      return old.withUTF8 { bytes in
        var written = 0
        func copy(_ part: UnsafeBufferPointer<UInt8>) {
          guard !part.isEmpty else { return }
          (out.baseAddress! + written).update(from: part.baseAddress!, count: part.count)
          written += part.count
        }
        var cursor = 0
        for replacement in replacements.reversed() {
          let range = replacement.range
          precondition(range.lowerBound >= cursor && range.upperBound <= bytes.count, "replacements must be disjoint, descending and inside the line")
          copy(UnsafeBufferPointer(rebasing: bytes[cursor..<range.lowerBound]))
          var inserted = replacement.text
          inserted.withUTF8 { copy($0) }
          cursor = range.upperBound
        }
        copy(UnsafeBufferPointer(rebasing: bytes[cursor...]))
        return written
      }
    }
    for replacement in replacements {
      sourceMap.replace(replacement.range, withLength: replacement.text.utf8.count)
    }
  }

  /// Joins lines into one, inserting `separator` between them (it maps to no input bytes).
  public static func joined(_ lines: [TextLine], separator: String = " ", kind: LineKind? = nil)
    -> TextLine
  {
    precondition(!lines.isEmpty, "cannot join zero lines")
    var text = ""
    var map = SourceMap.empty
    for (index, line) in lines.enumerated() {
      if index > 0 && !separator.isEmpty {
        text += separator
        map.appendInserted(length: separator.utf8.count)
      }
      text += line.text
      map.append(line.sourceMap)
    }
    return TextLine(text: text, sourceMap: map, kind: kind ?? lines[0].kind, page: lines[0].page,
                    followsFormFeed: lines[0].followsFormFeed)
  }
}

/// In-place line growth for stages that build a long line out of many (unwrap joins a
/// paragraph line by line). ``TextLine/replaceUTF8(_:with:)`` and
/// ``TextLine/joined(_:separator:kind:)`` copy the whole line, which made joining n lines
/// O(n²); these change only the end of the line, in amortised O(change), with the same text
/// and the same source map as those would give.
extension TextLine {
  /// Same as `replaceUTF8(offset..<text.utf8.count, with: "")`.
  mutating func removeUTF8Suffix(from offset: Int) {
    let utf8 = text.utf8
    let count = utf8.count
    precondition(offset >= 0 && offset <= count, "suffix offset past end of line")
    guard offset < count else { return }
    let cut = utf8.index(utf8.endIndex, offsetBy: offset - count)
    text.removeSubrange(cut...)
    sourceMap.removeSuffix(from: offset, textLength: count)
  }

  /// Same as `self = TextLine.joined([self, other], separator: separator, kind: kind)`.
  mutating func append(_ other: TextLine, separator: String) {
    if !separator.isEmpty {
      text += separator
      sourceMap.appendInserted(length: separator.utf8.count)
    }
    text += other.text
    sourceMap.append(other.sourceMap)
  }
}


/// What a line is. Stages refine it; the renderer lays out by it.
public enum LineKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Not yet classified body text.
  case text
  case blank
  /// A field of the cable header (DTG, FM, TO, INFO, classification, E.O., TAGS, SUBJECT...).
  case header
  /// The drafting and clearance block of an outgoing State telegram.
  case clearance
  /// A section heading such as `GULF` or `CONGRESS`.
  case heading
  /// A `--` bullet.
  case bullet
  /// A numbered paragraph (`3. BEGIN TALKING POINTS:`).
  case numbered
  /// The closing name.
  case signature
  /// A marker the pipeline inserted where pages are missing.
  case gap
}
