/// What a generator did to a clean telegram to make a raw dump: the `X.truth.json` beside
/// `X.raw.txt` and `X.gold.txt`. Every field is optional so that generators fill what they know.
public struct TruthFile: Sendable, Codable, Hashable {
  /// An injected name or word corruption: `wrong` stands in the raw dump where the gold has `right`.
  public struct Substitution: Sendable, Codable, Hashable {
    public var wrong: String
    public var right: String
    public init(wrong: String, right: String) {
      self.wrong = wrong
      self.right = right
    }
  }

  /// The generator and its settings, e.g. `noise-generator 1, level medium`.
  public var generator: String?
  public var seed: UInt64?
  /// `low`, `medium` or `high`.
  public var level: String?
  /// The gold telegram it was made from (a path relative to the corpus, or an id).
  public var source: String?
  /// Name corruptions injected.
  public var names: [Substitution] = []
  /// Furniture lines injected, exactly as written into the raw dump.
  public var furniture: [String] = []
  /// Text injected a second time (duplicated lines, paragraphs or pages), as written.
  public var duplicates: [String] = []
  /// Page numbers (1-based) dropped from the dump; the gold still has their text unless
  /// `goldHasDroppedText` is false.
  public var droppedPages: [Int] = []
  /// Short descriptions of fragment moves and page shuffles.
  public var moves: [String] = []
  /// Unicode damage injected (mojibake, invisible characters, no-break spaces, look-alike
  /// letters, typographic quotes and dashes): `wrong` is the damaged token in the raw dump,
  /// `right` the token as the gold has it.
  public var unicode: [Substitution] = []
  /// Every kind of damage applied, one short line each with its parameters
  /// (`wrap 64 columns, 3 hyphenated breaks`, `ocr tesseract, blur 0.8`), in the order applied.
  public var damage: [String] = []

  public init() {}

  private enum CodingKeys: String, CodingKey {
    case generator, seed, level, source, names, furniture, duplicates, droppedPages, moves, unicode, damage
  }

  /// Missing keys decode as absent or empty, so a generator writes only what it knows.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    generator = try c.decodeIfPresent(String.self, forKey: .generator)
    seed = try c.decodeIfPresent(UInt64.self, forKey: .seed)
    level = try c.decodeIfPresent(String.self, forKey: .level)
    source = try c.decodeIfPresent(String.self, forKey: .source)
    names = try c.decodeIfPresent([Substitution].self, forKey: .names) ?? []
    furniture = try c.decodeIfPresent([String].self, forKey: .furniture) ?? []
    duplicates = try c.decodeIfPresent([String].self, forKey: .duplicates) ?? []
    droppedPages = try c.decodeIfPresent([Int].self, forKey: .droppedPages) ?? []
    moves = try c.decodeIfPresent([String].self, forKey: .moves) ?? []
    unicode = try c.decodeIfPresent([Substitution].self, forKey: .unicode) ?? []
    damage = try c.decodeIfPresent([String].self, forKey: .damage) ?? []
  }
}
