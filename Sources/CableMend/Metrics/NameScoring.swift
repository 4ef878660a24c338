import Foundation

/// Precision and recall of the `names` stage against the corruptions a generator injected
/// (``TruthFile/names``), decided from the stage's own edits.
///
/// Conventions:
/// - A name-stage edit is **correct** when it turns an injected `wrong` into its `right`: its
///   `before` contains `wrong`, and replacing that occurrence with `right` gives its `after`
///   (so an edit may span more than the one token). Case and surrounding spaces must match.
/// - Every other name-stage edit is a **false correction**: it changed text that was not
///   injected as a corruption, or changed a corruption to the wrong value. Real OCR (tesseract)
///   can damage names too, and a good fix of such damage counts as false here, so precision is
///   a lower bound when the corpus also has real OCR noise.
/// - A truth entry is **recalled** when a correct edit fixes it; an entry listed k times needs
///   k correct edits for the same pair.
/// - Precision = correct edits / name-stage edits; recall = recalled entries / truth entries.
///   Each is `nil` when its denominator is 0.
/// - Complexity: O(e·t) string comparisons for e edits and t truth entries.
public struct NameScore: Sendable, Hashable, Codable {
  public var edits: Int
  public var correctEdits: Int
  public var injected: Int
  public var recalled: Int

  public init(edits: Int = 0, correctEdits: Int = 0, injected: Int = 0, recalled: Int = 0) {
    self.edits = edits
    self.correctEdits = correctEdits
    self.injected = injected
    self.recalled = recalled
  }

  public var precision: Double? { edits == 0 ? nil : Double(correctEdits) / Double(edits) }
  public var recall: Double? { injected == 0 ? nil : Double(recalled) / Double(injected) }
  public var falseCorrections: Int { edits - correctEdits }

  private enum CodingKeys: String, CodingKey {
    case edits, correctEdits, injected, recalled, precision, recall
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    edits = try c.decode(Int.self, forKey: .edits)
    correctEdits = try c.decode(Int.self, forKey: .correctEdits)
    injected = try c.decode(Int.self, forKey: .injected)
    recalled = try c.decode(Int.self, forKey: .recalled)
  }

  /// Writes precision and recall too (absent when undefined).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(edits, forKey: .edits)
    try c.encode(correctEdits, forKey: .correctEdits)
    try c.encode(injected, forKey: .injected)
    try c.encode(recalled, forKey: .recalled)
    try c.encodeIfPresent(precision, forKey: .precision)
    try c.encodeIfPresent(recall, forKey: .recall)
  }

  public static func + (lhs: NameScore, rhs: NameScore) -> NameScore {
    NameScore(
      edits: lhs.edits + rhs.edits, correctEdits: lhs.correctEdits + rhs.correctEdits,
      injected: lhs.injected + rhs.injected, recalled: lhs.recalled + rhs.recalled)
  }

  /// Scores the `names`-stage edits among `edits` against `truth`.
  public static func score(edits: [Edit], truth: [TruthFile.Substitution]) -> NameScore {
    let nameEdits = edits.filter { $0.stage == .names }
    var needed: [TruthFile.Substitution: Int] = [:]
    for entry in truth { needed[entry, default: 0] += 1 }
    var correct = 0
    var recalled = 0
    for edit in nameEdits {
      guard let fixed = needed.keys.first(where: { fixes(edit, $0) }) else { continue }
      correct += 1
      if needed[fixed, default: 0] > 0 {
        needed[fixed, default: 0] -= 1
        recalled += 1
      }
    }
    return NameScore(edits: nameEdits.count, correctEdits: correct, injected: truth.count, recalled: recalled)
  }

  /// Whether `edit` turns one occurrence of `entry.wrong` into `entry.right` and changes nothing else.
  static func fixes(_ edit: Edit, _ entry: TruthFile.Substitution) -> Bool {
    guard !entry.wrong.isEmpty else { return false }
    var searchStart = edit.before.startIndex
    while let range = edit.before.range(of: entry.wrong, range: searchStart..<edit.before.endIndex) {
      var candidate = edit.before
      candidate.replaceSubrange(range, with: entry.right)
      if candidate == edit.after { return true }
      searchStart = edit.before.index(after: range.lowerBound)
    }
    return false
  }
}
