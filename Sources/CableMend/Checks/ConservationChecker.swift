/// Checks that a run lost nothing silently: every input character is either in the output or
/// accounted for by an edit in the report, and the output holds nothing the edits do not explain.
///
/// Two checks, both over **non-whitespace Unicode scalars** (whitespace is layout: unwrapping
/// turns line ends into spaces and rendering collapses blank lines, neither recorded one by one):
///
/// 1. **Balance.** For every scalar `s`:
///    `count(s, input) = count(s, output) + Σ count(s, edit.before) − Σ count(s, edit.after)`
///    summed over all edits except `move` (a move changes no counts, whatever text it carries)
///    and `decode` (its `before` describes raw bytes, like `0xFF`, not text). Bytes that are not
///    valid UTF-8 are not characters, so they count for nothing in the input; each `decode`
///    edit's `after` (U+FFFD) still counts, because that scalar enters the text. Because edits
///    telescope (a later edit's `before` is an earlier edit's `after`), chains of edits balance as
///    long as each edit states exactly what it replaced. A surplus means text was invented without
///    an `insert`/`replace` edit; a deficit means text was lost without a `remove`/`replace`.
/// 2. **Coverage.** Every non-whitespace input byte lies in the source range of some piece of a
///    final line's source map or of some edit. This catches edits that carry the right text but
///    point at the wrong place (or nowhere), and lines dropped without an edit.
///
/// Limits, on purpose: whitespace is not checked; balance is a multiset check, so it cannot tell
/// *where* a character went (coverage checks the offsets, but a non-verbatim piece or an edit
/// covers its whole range, so it cannot say which byte inside that range became which output
/// byte); and neither check judges whether an edit was a good idea.
///
/// - Complexity: O(n + e log e) for an input of n bytes and e edits and source-map pieces.
public enum ConservationChecker {
  /// Checks a finished run.
  public static func check(input: some Collection<UInt8>, result: MendResult) -> ConservationReport {
    check(input: input, output: result.text, document: result.document)
  }

  /// Checks `output` and `document` (its final lines and its edits) against `input`.
  public static func check(input: some Collection<UInt8>, output: String, document: Document)
    -> ConservationReport
  {
    let bytes = Array(input)
    var balance = ScalarCounts()
    balance.addValidScalars(of: bytes, sign: 1)
    balance.add(output, sign: -1)
    var outOfBounds: [Edit] = []
    for edit in document.edits {
      if edit.source.end > bytes.count || (edit.related.map { $0.end > bytes.count } ?? false) {
        outOfBounds.append(edit)
      }
      switch edit.kind {
      case .move: continue
      case .decode: balance.add(edit.after, sign: 1)
      default:
        balance.add(edit.before, sign: -1)
        balance.add(edit.after, sign: 1)
      }
    }
    var missing: [ConservationReport.Count] = []
    var surplus: [ConservationReport.Count] = []
    for (scalar, count) in balance.nonZero() {
      if count > 0 { missing.append(.init(scalar: scalar, count: count)) }
      if count < 0 { surplus.append(.init(scalar: scalar, count: -count)) }
    }
    return ConservationReport(
      missing: missing, surplus: surplus,
      uncovered: uncoveredRanges(bytes, document: document), editsOutOfBounds: outOfBounds)
  }

  /// Non-whitespace input bytes that neither a final line nor an edit points at, merged into
  /// maximal ranges.
  static func uncoveredRanges(_ bytes: [UInt8], document: Document) -> [SourceRange] {
    var covered: [SourceRange] = []
    for line in document.lines {
      for piece in line.sourceMap.pieces where !piece.source.isEmpty { covered.append(piece.source) }
    }
    for edit in document.edits where !edit.source.isEmpty { covered.append(edit.source) }
    covered.sort { $0.start < $1.start }
    var result: [SourceRange] = []
    var cursor = 0
    func scanGap(upTo end: Int) {
      let stop = min(end, bytes.count)
      var index = cursor
      while index < stop {
        let length = UTF8Scalar.length(in: bytes, at: index)
        if !UTF8Scalar.isWhitespace(in: bytes, at: index, length: length) {
          let range = SourceRange(start: index, end: min(index + length, stop))
          if let last = result.last, last.end == range.start {
            result[result.count - 1] = last.union(range)
          } else {
            result.append(range)
          }
        }
        index += length
      }
    }
    for range in covered where range.end > cursor {
      if range.start > cursor { scanGap(upTo: range.start) }
      cursor = max(cursor, range.end)
    }
    scanGap(upTo: bytes.count)
    return result
  }
}

/// What ``ConservationChecker`` found. Empty lists mean the run is conserved.
public struct ConservationReport: Sendable, Hashable, CustomStringConvertible {
  public struct Count: Sendable, Hashable {
    public var scalar: Unicode.Scalar
    public var count: Int
  }

  /// Input characters neither in the output nor removed or replaced by an edit.
  public var missing: [Count]
  /// Output characters neither in the input nor added by an edit.
  public var surplus: [Count]
  /// Non-whitespace input bytes that no final line and no edit points at.
  public var uncovered: [SourceRange]
  /// Edits whose ranges reach past the end of the input.
  public var editsOutOfBounds: [Edit]

  public var isConserved: Bool {
    missing.isEmpty && surplus.isEmpty && uncovered.isEmpty && editsOutOfBounds.isEmpty
  }

  public var description: String {
    if isConserved { return "conserved" }
    func list(_ counts: [Count]) -> String {
      counts.prefix(12).map { "\(Self.show($0.scalar))×\($0.count)" }.joined(separator: " ")
        + (counts.count > 12 ? " …(\(counts.count) kinds)" : "")
    }
    var parts: [String] = []
    if !missing.isEmpty { parts.append("lost without an edit: \(list(missing))") }
    if !surplus.isEmpty { parts.append("added without an edit: \(list(surplus))") }
    if !uncovered.isEmpty {
      let shown = uncovered.prefix(8).map(\.description).joined(separator: ", ")
      parts.append("input bytes no line or edit points at: \(shown)"
                   + (uncovered.count > 8 ? " …(\(uncovered.count) ranges)" : ""))
    }
    if !editsOutOfBounds.isEmpty {
      parts.append("edits past the end of the input: \(editsOutOfBounds.count)")
    }
    return parts.joined(separator: "; ")
  }

  /// A scalar as `'A'`, or `U+FFFD` when it would not print plainly.
  static func show(_ scalar: Unicode.Scalar) -> String {
    let hex = "U+" + String(scalar.value, radix: 16, uppercase: true)
    return scalar.isASCII && scalar.value >= 0x21 && scalar.value < 0x7F ? "'\(Character(scalar))'" : hex
  }
}

/// Signed counts of non-whitespace scalars; ASCII in a flat table because most text is ASCII.
struct ScalarCounts {
  private var ascii = [Int](repeating: 0, count: 128)
  private var other: [Unicode.Scalar: Int] = [:]

  mutating func add(_ text: String, sign: Int) {
    for scalar in text.unicodeScalars { add(scalar, sign: sign) }
  }

  mutating func add(_ scalar: Unicode.Scalar, sign: Int) {
    if scalar.isASCII {
      ascii[Int(scalar.value)] += sign
    } else if !scalar.properties.isWhitespace {
      other[scalar, default: 0] += sign
    }
  }

  /// Counts the scalars of the valid UTF-8 in `bytes`; invalid bytes count for nothing.
  mutating func addValidScalars(of bytes: [UInt8], sign: Int) {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        ascii[Int(byte)] += sign
        index += 1
        continue
      }
      let length = UTF8Scalar.length(in: bytes, at: index)
      if let scalar = UTF8Scalar.decode(bytes, at: index, length: length) { add(scalar, sign: sign) }
      index += length
    }
  }

  func nonZero() -> [(Unicode.Scalar, Int)] {
    var result: [(Unicode.Scalar, Int)] = []
    for (value, count) in ascii.enumerated() where count != 0 {
      let scalar = Unicode.Scalar(UInt8(value))
      if !scalar.properties.isWhitespace { result.append((scalar, count)) }
    }
    result += other.filter { $0.value != 0 }.sorted { $0.key.value < $1.key.value }.map { ($0.key, $0.value) }
    return result
  }
}

/// Byte-level UTF-8 helpers for walking input that may not be valid UTF-8.
enum UTF8Scalar {
  /// Length of the well-formed scalar at `index`, or 1 for a byte that does not start one.
  static func length(in bytes: [UInt8], at index: Int) -> Int {
    let lead = bytes[index]
    let expected: Int
    switch lead {
    case 0x00..<0x80: return 1
    case 0xC2...0xDF: expected = 2
    case 0xE0...0xEF: expected = 3
    case 0xF0...0xF4: expected = 4
    default: return 1
    }
    guard index + expected <= bytes.count else { return 1 }
    return decode(bytes, at: index, length: expected) == nil ? 1 : expected
  }

  /// The scalar encoded by exactly `length` bytes at `index`, or nil when they are not one.
  static func decode(_ bytes: [UInt8], at index: Int, length: Int) -> Unicode.Scalar? {
    guard length > 1 || bytes[index] < 0x80 else { return nil }
    guard index + length <= bytes.count else { return nil }
    return String(validating: bytes[index..<(index + length)], as: UTF8.self)?.unicodeScalars.first
  }

  static func isWhitespace(in bytes: [UInt8], at index: Int, length: Int) -> Bool {
    if length == 1 {
      let byte = bytes[index]
      return byte < 0x80 && Unicode.Scalar(byte).properties.isWhitespace
    }
    return decode(bytes, at: index, length: length)?.properties.isWhitespace ?? false
  }
}

extension ConservationChecker {
  /// Where conservation first broke: after decoding (`decode`) or after a stage.
  public struct StageViolation: Sendable, CustomStringConvertible {
    public var stage: String
    public var report: ConservationReport
    public var description: String { "after \(stage): \(report)" }
  }

  /// Runs `pipeline` one stage at a time, checking the rendered text and the edits so far after
  /// each, and names the first step that broke conservation; nil when every step conserves.
  /// A diagnostic for tests and the fuzzer: it renders once per stage.
  public static func firstViolation(pipeline: Pipeline, input: [UInt8], name: String = "<input>")
    -> StageViolation?
  {
    var document = InputDecoder.decode(input, name: name)
    let decoded = check(input: input, output: TextRenderer.render(document), document: document)
    if !decoded.isConserved { return StageViolation(stage: "decode", report: decoded) }
    for stage in pipeline.stages {
      stage.run(&document)
      let report = check(input: input, output: TextRenderer.render(document), document: document)
      if !report.isConserved {
        return StageViolation(stage: type(of: stage).name.rawValue, report: report)
      }
    }
    return nil
  }
}
