import Foundation

/// How texts are prepared and counted before they are compared. Every measure in `Metrics/`
/// takes one, so that a figure can always be stated with its conventions.
///
/// The defaults:
/// - **Normalisation**: Unicode NFC; CRLF and CR become LF; spaces and tabs at the start and
///   end of every line are dropped; newlines at the very end of the text are dropped. Spaces
///   inside a line and blank lines between paragraphs are kept and count.
/// - **Unit**: Unicode scalars (code points after NFC). `graphemes` counts extended grapheme
///   clusters instead (what dinglehopper counts); the two differ only where a combining mark
///   has no precomposed form.
/// - **Words**: Unicode word segments (UAX #29 rules for letters, digits and the punctuation
///   allowed inside words, such as `U.S` in `U.S.` or `3,000`) that contain at least one letter
///   or digit; punctuation-only segments are not words. `whitespace` splits on whitespace
///   instead, so punctuation stays attached.
public struct MetricConventions: Sendable, Hashable, Codable {
  public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
    case scalars, graphemes
  }

  public enum Words: String, Sendable, Hashable, Codable, CaseIterable {
    case unicode, whitespace
  }

  /// Apply the normalisation above; when false, texts are compared exactly as given.
  public var normalize: Bool
  public var unit: Unit
  public var words: Words

  public init(normalize: Bool = true, unit: Unit = .scalars, words: Words = .unicode) {
    self.normalize = normalize
    self.unit = unit
    self.words = words
  }
}

/// An error count over a reference length.
public struct ErrorRate: Sendable, Hashable, Codable {
  public var errors: Int
  public var referenceLength: Int

  public init(errors: Int, referenceLength: Int) {
    self.errors = errors
    self.referenceLength = referenceLength
  }

  /// errors / reference length; 0 when both are 0 and 1 when only the reference is empty
  /// (dinglehopper reports infinity there).
  public var rate: Double {
    if referenceLength == 0 { return errors == 0 ? 0 : 1 }
    return Double(errors) / Double(referenceLength)
  }

  private enum CodingKeys: String, CodingKey { case errors, referenceLength, rate }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    errors = try c.decode(Int.self, forKey: .errors)
    referenceLength = try c.decode(Int.self, forKey: .referenceLength)
  }

  /// Writes the rate too, so that JSON readers need not divide.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(errors, forKey: .errors)
    try c.encode(referenceLength, forKey: .referenceLength)
    try c.encode(rate, forKey: .rate)
  }

  /// Sums counts, so that an overall figure weights documents by their length (micro-average).
  public static func + (lhs: ErrorRate, rhs: ErrorRate) -> ErrorRate {
    ErrorRate(errors: lhs.errors + rhs.errors, referenceLength: lhs.referenceLength + rhs.referenceLength)
  }
}

/// Character, word and bag-of-words error rates under ``MetricConventions``.
///
/// ```swift
/// TextMetrics.characterErrorRate(reference: "THE CABLE", hypothesis: "THE CA8LE").rate  // 1/9
/// ```
public enum TextMetrics {
  /// The text as the measures see it (see ``MetricConventions``).
  /// - Complexity: O(n).
  public static func normalized(_ text: String, _ conventions: MetricConventions = .init()) -> String {
    guard conventions.normalize else { return text }
    let nfc = text.precomposedStringWithCanonicalMapping
    var lines: [Substring] = []
    var current = nfc.unicodeScalars.startIndex
    let scalars = nfc.unicodeScalars
    var i = scalars.startIndex
    while i < scalars.endIndex {
      let s = scalars[i]
      if s == "\n" || s == "\r" {
        lines.append(Substring(scalars[current..<i]))
        var next = scalars.index(after: i)
        if s == "\r" && next < scalars.endIndex && scalars[next] == "\n" { next = scalars.index(after: next) }
        current = next
        i = next
      } else {
        i = scalars.index(after: i)
      }
    }
    lines.append(Substring(scalars[current..<scalars.endIndex]))
    var result = lines.map { trimmedHorizontalSpace($0) }
    while let last = result.last, last.isEmpty { result.removeLast() }
    return result.joined(separator: "\n")
  }

  private static func trimmedHorizontalSpace(_ line: Substring) -> Substring {
    let scalars = line.unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end && (scalars[start] == " " || scalars[start] == "\t") {
      start = scalars.index(after: start)
    }
    while end > start {
      let before = scalars.index(before: end)
      guard scalars[before] == " " || scalars[before] == "\t" else { break }
      end = before
    }
    return Substring(scalars[start..<end])
  }

  /// Character error rate: Levenshtein edits between the normalised texts, over the normalised
  /// reference length, in the convention's unit.
  /// - Complexity: O(n·m/64) time, O(n + m) memory.
  public static func characterErrorRate(
    reference: String, hypothesis: String,
    _ conventions: MetricConventions = .init()
  ) -> ErrorRate {
    let r = normalized(reference, conventions)
    let h = normalized(hypothesis, conventions)
    let edits: Int
    let length: Int
    switch conventions.unit {
    case .scalars:
      let a = Array(r.unicodeScalars)
      edits = EditDistance.levenshtein(a, Array(h.unicodeScalars))
      length = a.count
    case .graphemes:
      let a = Array(r)
      edits = EditDistance.levenshtein(a, Array(h))
      length = a.count
    }
    return ErrorRate(errors: edits, referenceLength: length)
  }

  /// The words of a normalised text under the convention's word rule.
  public static func words(_ text: String, _ conventions: MetricConventions = .init()) -> [String] {
    let t = normalized(text, conventions)
    switch conventions.words {
    case .unicode: return WordSegmenter.words(t)
    case .whitespace: return t.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
  }

  /// Word error rate: Levenshtein edits over words, over the reference word count.
  /// - Complexity: O(w·v/64) for w and v words.
  public static func wordErrorRate(
    reference: String, hypothesis: String,
    _ conventions: MetricConventions = .init()
  ) -> ErrorRate {
    let r = words(reference, conventions)
    let h = words(hypothesis, conventions)
    return ErrorRate(errors: EditDistance.levenshtein(r, h), referenceLength: r.count)
  }

  /// Order-independent bag-of-words error rate: with M reference words missing from the
  /// hypothesis and E hypothesis words not in the reference (as multisets), errors = max(M, E)
  /// over the reference word count. A substituted word is one error (one missing, one extra), as
  /// in WER, so this is never above WER; moving words or paragraphs costs nothing.
  /// - Complexity: O(w + v) expected.
  public static func bagOfWordsErrorRate(
    reference: String, hypothesis: String,
    _ conventions: MetricConventions = .init()
  ) -> ErrorRate {
    let r = words(reference, conventions)
    let h = words(hypothesis, conventions)
    var balance: [String: Int] = [:]
    for w in r { balance[w, default: 0] += 1 }
    for w in h { balance[w, default: 0] -= 1 }
    var missing = 0
    var extra = 0
    for count in balance.values {
      if count > 0 { missing += count } else { extra -= count }
    }
    return ErrorRate(errors: Swift.max(missing, extra), referenceLength: r.count)
  }
}
