/// Turns a clean telegram (gold layout) into a realistic raw OCR dump and the truth file that
/// records what was done. Deterministic: the same gold, level, seed (and OCR text) always give the
/// same bytes.
///
/// The damage is a chain of small components, each with its own random stream drawn from the
/// seed and the component's `kind`, so that changing one does not change what the others do:
///
/// 1. paper: `Scrambler` hard-wraps at 58–69 columns, cuts pages, cuts paragraph tails and moves
///    them or whole paragraphs, drops a page, shuffles pages, loses some running heads;
/// 2. OCR (optional): the pages as `Scripts/ocr-noise` rendered, degraded and OCR'd them;
/// 3. hyphenation: long words broken across line ends (`LineEndHyphenator`);
/// 4. names: OCR-style misspellings of officials' names (`NameMisspeller`);
/// 5. unicode: mojibake, invisible characters, no-break spaces, look-alike Cyrillic letters,
///    typographic quotes and dashes (`UnicodeDamager`);
/// 6. duplicates: overlapping and rescanned pages, each copy re-OCR'd (`RescanDuplicator`);
/// 7. furniture: the page furniture of `FurnitureInjector`'s styles (`FurnitureLayer`).
///
/// ```swift
/// let generator = NoiseGenerator(level: .medium, seed: 7)
/// let (raw, truth) = generator.generate(gold: text, source: "t01_bangkok_1965")
/// ```
/// - Complexity: O(n) in the length of the telegram for each component.
public struct NoiseGenerator: Sendable {
  public static let version = "noise-generator 2"

  public var level: NoiseLevel
  public var seed: UInt64
  public var settings: NoiseSettings

  public init(level: NoiseLevel, seed: UInt64) {
    self.level = level
    self.seed = seed
    self.settings = level.settings
  }

  /// The components applied after the paper (and OCR) step, in order.
  public func components(width: Int) -> [any NoiseComponent] {
    [
      LineEndHyphenator(chance: settings.hyphenation, width: width),
      NameMisspeller(count: settings.nameCorruptions),
      UnicodeDamager(rate: settings.unicodeRate, kinds: settings.unicodeKinds),
      RescanDuplicator(count: settings.duplicates, noise: settings.duplicateNoise),
      FurnitureLayer(styles: settings.furnitureStyles, damage: settings.furnitureDamage),
    ]
  }

  /// The random stream of one step: the seed mixed with a stable hash of the step's name.
  public func random(for kind: String) -> SeededRandom {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in kind.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return SeededRandom(seed: seed ^ hash)
  }

  /// The telegram on paper: wrapped, paginated and scrambled, without other damage. This is what
  /// the OCR script renders as page images; pages are separated by form feeds.
  public func cleanPages(gold: String) -> String {
    paper(gold: gold).dump.pages.map { $0.lines.map(\.text).joined(separator: "\n") + "\n" }
      .joined(separator: "\u{0C}")
  }

  /// The raw dump and its truth file.
  /// - Parameters:
  ///   - gold: the clean telegram.
  ///   - source: recorded as the truth file's `source`.
  ///   - ocrText: OCR output of the rendered `cleanPages(gold:)`, pages split by form feeds; when
  ///     given, its lines replace the clean lines of each page.
  public func generate(gold: String, source: String? = nil, ocrText: String? = nil) -> (
    raw: String, truth: TruthFile
  ) {
    var (dump, width) = paper(gold: gold)
    if let ocrText { Self.replaceText(of: &dump, withOCR: ocrText) }
    dump.truth.source = source
    var layoutRandom = random(for: "render")
    dump.layout = NoisyDump.Layout.allCases.randomElement(using: &layoutRandom)!
    for component in components(width: width) {
      var random = random(for: component.kind)
      component.apply(to: &dump, using: &random)
    }
    dump.truth.damage.append("layout \(dump.layout.rawValue)")
    let raw = dump.render()
    // A misspelling or damaged word that only stood on a dropped page is not in the dump: the
    // truth lists only what a repair could find.
    dump.truth.names.removeAll { !raw.contains($0.wrong) }
    dump.truth.unicode.removeAll { !raw.contains($0.wrong) }
    return (raw, dump.truth)
  }

  /// The scrambled pages and the wrap width.
  private func paper(gold: String) -> (dump: NoisyDump, width: Int) {
    var random = random(for: "paper")
    var scrambler = Scrambler()
    scrambler.width = Int.random(in: settings.wrapColumns, using: &random)
    scrambler.pageLines = Int.random(in: settings.linesPerPage, using: &random)
    scrambler.tailCut = settings.tailCut
    scrambler.moves = Int.random(in: settings.fragmentMoves, using: &random)
    scrambler.dropPage = settings.dropPage
    scrambler.shufflePages = settings.pageShuffle
    scrambler.keepPageNumber = settings.keepPageNumber
    let result = scrambler.scramble(gold: gold, seed: random.next(), source: "")
    var truth = TruthFile()
    truth.generator = "\(Self.version), level \(level.rawValue)"
    truth.seed = seed
    truth.level = level.rawValue
    truth.moves = result.truth.moves
    truth.droppedPages = result.truth.droppedPages
    truth.damage.append(
      "paper width \(scrambler.width), \(scrambler.pageLines) lines a page, "
        + "\(result.truth.moves.count) moves, \(result.truth.droppedPages.count) pages dropped")
    let starts = Self.paragraphStarts(gold, scrambler: scrambler)
    let pages = result.pages.map { page in
      NoisyDump.Page(
        number: page.number, lines: Self.lines(of: page.pieces, paragraphStarts: starts),
        numberSurvives: page.numberSurvives)
    }
    var dump = NoisyDump(pages: pages, facts: CableFacts(gold: gold), truth: truth)
    dump.pageCount = result.pageCount
    return (dump, scrambler.width)
  }

  /// First wrapped line of every body paragraph: a piece that starts with one opens a paragraph
  /// and gets a blank line before it; a paragraph's tail follows its neighbour directly.
  private static func paragraphStarts(_ gold: String, scrambler: Scrambler) -> Set<String> {
    let blocks = gold.split(separator: "\n\n", omittingEmptySubsequences: true).dropFirst()
    return Set(
      blocks.compactMap { scrambler.wrap(String($0).replacingNewlines, width: scrambler.width).first })
  }

  private static func lines(of pieces: [Scrambler.Piece], paragraphStarts: Set<String>) -> [NoisyDump.Line] {
    var lines: [NoisyDump.Line] = []
    for (i, piece) in pieces.enumerated() {
      let previousIsHeader = i > 0 && pieces[i - 1].isHeader
      if i > 0, !(piece.isHeader && previousIsHeader),
        piece.isHeader || previousIsHeader || paragraphStarts.contains(piece.lines.first ?? "")
      {
        lines.append(.init(""))
      }
      lines += piece.lines.map { .init($0) }
    }
    return lines
  }

  /// Puts the OCR'd lines in place of each page's clean lines, keeping page numbers. Trailing
  /// blank lines of an OCR page are dropped.
  static func replaceText(of dump: inout NoisyDump, withOCR ocrText: String) {
    let pages = ocrText.split(separator: "\u{0C}", omittingEmptySubsequences: false)
      .filter { !$0.allSatisfy(\.isWhitespace) }
    let replaced = pages.enumerated().map { index, page in
      let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map {
        NoisyDump.Line(String($0))
      }
      let kept = Array(lines.reversed().drop { $0.text.isEmpty }.reversed())
      let old = index < dump.pages.count ? dump.pages[index] : nil
      return NoisyDump.Page(
        number: old?.number ?? index + 1, lines: kept, numberSurvives: old?.numberSurvives ?? true)
    }
    if replaced.count != dump.pages.count { dump.pageCount = max(dump.pageCount, replaced.count) }
    dump.pages = replaced
    dump.truth.damage.append("ocr \(replaced.count) pages from rendered page images")
  }
}
