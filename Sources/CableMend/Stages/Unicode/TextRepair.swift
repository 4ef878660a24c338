/// One change a Unicode repair wants to make to a piece of a line, before it is applied.
struct TextRepair: Sendable, Hashable {
  /// UTF-8 byte range of the current text.
  var range: Range<Int>
  var replacement: String
  var reason: String
  var confidence: Double = 1
  var evidence: [Edit.Evidence] = []

  init(
    range: Range<Int>, replacement: String, reason: String, confidence: Double = 1,
    evidence: [Edit.Evidence] = []
  ) {
    self.range = range
    self.replacement = replacement
    self.reason = reason
    self.confidence = confidence
    self.evidence = evidence
  }

  /// One repair turning the whole of `view` into `scalars`, trimmed to the part that differs.
  init(_ view: ScalarView, replacedBy scalars: [Unicode.Scalar], reason: String, confidence: Double = 1) {
    let original = view.scalars
    var prefix = 0
    while prefix < min(scalars.count, original.count) && scalars[prefix] == original[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(scalars.count, original.count) - prefix
      && scalars[scalars.count - 1 - suffix] == original[original.count - 1 - suffix]
    {
      suffix += 1
    }
    self.init(
      range: view.byteRange(prefix..<(original.count - suffix)),
      replacement: ScalarView.string(scalars[prefix..<(scalars.count - suffix)]),
      reason: reason, confidence: confidence)
  }
}

/// The scalars of a text with the UTF-8 offset where each starts; `offsets` has one extra
/// entry, the text's length, so `offsets[i]..<offsets[j]` is the byte range of scalars i..<j.
struct ScalarView {
  let scalars: [Unicode.Scalar]
  let offsets: [Int]

  init(_ text: String) {
    var scalars: [Unicode.Scalar] = []
    var offsets: [Int] = []
    let capacity = text.utf8.count
    scalars.reserveCapacity(capacity)
    offsets.reserveCapacity(capacity + 1)
    var offset = 0
    for scalar in text.unicodeScalars {
      scalars.append(scalar)
      offsets.append(offset)
      offset += UTF8.width(scalar)
    }
    offsets.append(offset)
    self.scalars = scalars
    self.offsets = offsets
  }

  /// The same view of valid UTF-8 bytes, decoded here without building a `String` first.
  init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    var scalars: [Unicode.Scalar] = []
    var offsets: [Int] = []
    let count = bytes.count
    scalars.reserveCapacity(count)
    offsets.reserveCapacity(count + 1)
    var index = 0
    while index < count {
      let lead = UInt32(bytes[index])
      let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      var value = width == 1 ? lead : lead & (0xFF >> UInt32(width + 1))
      for next in (index + 1)..<(index + width) { value = value << 6 | UInt32(bytes[next] & 0x3F) }
      scalars.append(Unicode.Scalar(value)!)
      offsets.append(index)
      index += width
    }
    offsets.append(count)
    self.scalars = scalars
    self.offsets = offsets
  }

  var count: Int { scalars.count }

  /// The text the view was made from.
  var text: String { Self.string(scalars[...]) }

  /// A string of scalars, encoded here: appending them to a `String.UnicodeScalarView` goes
  /// through the standard library's generic path, several thousand instructions a call.
  static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count * 4)
    for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
    return String(decoding: bytes, as: UTF8.self)
  }

  func byteRange(_ scalarRange: Range<Int>) -> Range<Int> {
    offsets[scalarRange.lowerBound]..<offsets[scalarRange.upperBound]
  }
}

extension TextLine {
  /// Applies disjoint repairs and records each as an edit of the `unicode` stage with the
  /// input bytes it touched. Returns how many were applied.
  ///
  /// Every edit's source and before-text are read from the line as it stands, then the text
  /// is written once (``replaceUTF8(descending:)``). Looking the sources up before any
  /// replacement gives the same ranges as looking each up after the replacements above it:
  /// replacing bytes never changes how the bytes before them map to the input, nor the input
  /// range the whole map covers.
  ///
  /// - Parameter offset: where the repairs' byte ranges start in this line (they were found
  ///   in a piece of it).
  @discardableResult
  mutating func apply(_ repairs: [TextRepair], offset: Int = 0, edits: inout [Edit]) -> Int {
    guard !repairs.isEmpty else { return 0 }
    var changes: [(range: Range<Int>, text: String)] = []
    changes.reserveCapacity(repairs.count)
    let first = edits.count
    var text = self.text
    text.withUTF8 { bytes in
      let descending = repairs.count == 1 ? repairs : repairs.sorted { $0.range.lowerBound > $1.range.lowerBound }
      for repair in descending {
        let range = (repair.range.lowerBound + offset)..<(repair.range.upperBound + offset)
        // Compare bytes: String equality is canonical equivalence and would hide NFC repairs.
        let old = UnsafeBufferPointer(rebasing: bytes[range])
        guard !old.elementsEqual(repair.replacement.utf8) else { continue }
        edits.append(
          Edit(
            stage: .unicode, kind: repair.replacement.isEmpty ? .remove : .replace,
            source: source(ofUTF8: range), before: String(decoding: old, as: UTF8.self),
            after: repair.replacement, reason: repair.reason, confidence: repair.confidence,
            evidence: repair.evidence))
        changes.append((range, repair.replacement))
      }
    }
    edits[first...].reverse()
    replaceUTF8(descending: changes)
    return changes.count
  }
}
