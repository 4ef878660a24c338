/// Turns a clean telegram (gold layout) into a realistic raw OCR dump and the truth file that
/// records what was done. Deterministic: the same gold, level, seed (and OCR text) always give the
/// same bytes.
///
/// The damage is a chain of small components, each with its own random stream drawn from the
/// seed and the component's `kind`, so that changing one component does not change what the
/// others do:
///
/// 1. layout: hard wrap at 58–69 columns and cut into pages (`TeletypeLayout`), or, when OCR text
///    is given, the OCR'd pages as they are (split at form feeds);
/// 2. names: OCR-style misspellings of officials' names;
/// 3. unicode: mojibake, invisible characters, no-break spaces, look-alike Cyrillic letters,
///    typographic quotes and dashes;
/// 4. order: a dropped page, moved fragments, shuffled pages;
/// 5. duplicates: overlapping and rescanned pages;
/// 6. furniture: running heads, banners, routing lines, declassification stamps.
///
/// ```swift
/// let generator = NoiseGenerator(level: .medium, seed: 7)
/// let (raw, truth) = generator.generate(gold: text, source: "t01_bangkok_1965")
/// ```
/// - Complexity: O(n) in the length of the telegram for each component.
public struct NoiseGenerator: Sendable {
  public static let version = "noise-generator 1"

  public var level: NoiseLevel
  public var seed: UInt64
  public var settings: NoiseSettings

  public init(level: NoiseLevel, seed: UInt64) {
    self.level = level
    self.seed = seed
    self.settings = level.settings
  }

  /// The components applied after layout, in order.
  public var components: [any NoiseComponent] {
    [
      NameMisspeller(count: settings.nameCorruptions),
      UnicodeDamager(rate: settings.unicodeRate, kinds: settings.unicodeKinds),
      PageScrambler(moves: settings.fragmentMoves, shuffle: settings.pageShuffle, drop: settings.dropPage),
      RescanDuplicator(count: settings.duplicates),
      PageFurniture(layers: settings.furnitureStyles),
    ]
  }

  /// The random stream of one step: the seed mixed with a stable hash of the step's name.
  public func random(for kind: String) -> SeededRandom {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in kind.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return SeededRandom(seed: seed ^ hash)
  }

  /// The clean telegram wrapped and paginated, without other damage: what the OCR script renders
  /// as page images. Pages are separated by form feeds.
  public func cleanPages(gold: String) -> String {
    layout(gold: gold).pages.map { $0.lines.map(\.text).joined(separator: "\n") + "\n" }
      .joined(separator: "\u{0C}")
  }

  /// The raw dump and its truth file.
  /// - Parameters:
  ///   - gold: the clean telegram.
  ///   - source: recorded as the truth file's `source`.
  ///   - ocrText: OCR output of the rendered `cleanPages(gold:)`, pages split by form feeds; when
  ///     given it replaces the layout step.
  public func generate(gold: String, source: String? = nil, ocrText: String? = nil) -> (raw: String, truth: TruthFile) {
    var dump = layout(gold: gold)
    if let ocrText {
      let pages = ocrText.split(separator: "\u{0C}", omittingEmptySubsequences: true)
        .filter { !$0.allSatisfy(\.isWhitespace) }
      dump.pages = pages.enumerated().map { index, page in
        NoisyDump.Page(number: index + 1, lines: page.split(separator: "\n", omittingEmptySubsequences: false)
          .map { NoisyDump.Line(String($0)) }.reversed().drop { $0.text.isEmpty }.reversed())
      }
      dump.pageCount = dump.pages.count
      dump.truth.damage = ["ocr \(dump.pages.count) pages from rendered page images"]
    }
    dump.truth.source = source
    for component in components {
      var random = random(for: component.kind)
      component.apply(to: &dump, using: &random)
    }
    var random = random(for: "render")
    dump.layout = NoisyDump.Layout.allCases.randomElement(using: &random)!
    dump.truth.damage.append("layout \(dump.layout.rawValue)")
    return (dump.render(), dump.truth)
  }

  private func layout(gold: String) -> NoisyDump {
    var random = random(for: "layout")
    let layout = TeletypeLayout(settings: settings, random: &random)
    let (lines, hyphenated) = layout.wrap(gold, random: &random)
    var truth = TruthFile()
    truth.generator = "\(Self.version), level \(level.rawValue)"
    truth.seed = seed
    truth.level = level.rawValue
    truth.damage.append("wrap \(layout.width) columns, \(hyphenated) hyphenated breaks, "
      + "\(layout.linesPerPage) lines a page")
    return NoisyDump(pages: layout.paginate(lines), facts: CableFacts(gold: gold), truth: truth)
  }
}
