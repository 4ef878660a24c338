/// Turns a clean telegram into a paginated scan dump with page furniture, and says exactly which
/// lines it injected, so that furniture removal can be scored line by line.
///
/// The body is hard-wrapped like a teletype page, cut into pages, and each page gets the
/// furniture of one ``Style``: banners, page heads, control numbers, office and FOIA stamps,
/// routing lines. Some furniture lines are damaged the way OCR damages them (`0` for `O`,
/// `PACE` for `PAGE`), and blank lines are scattered between furniture as scans leave them.
///
/// ```swift
/// let injector = FurnitureInjector(seed: 7)
/// let dump = injector.inject(into: goldText, style: .incomingTelegram)
/// dump.text                 // the raw dump
/// dump.furnitureLineIndices // which of dump.lines were injected
/// ```
///
/// Output is deterministic for a seed. The same seed with a different style gives a different
/// dump; the corpus generator may compose it with other damage generators.
public struct FurnitureInjector: Sendable {
  public enum Style: String, CaseIterable, Sendable, Codable {
    /// An outgoing State telegram of the 1980s: banner, office stamps, a long page head with
    /// control numbers, distribution lines on page 1, alert copy and handling line at the foot.
    case outgoingState
    /// An incoming telegram of the 1970s: banner and a short page head with the DTG at the top,
    /// action and info distribution and a dashed line on page 1, banner at the foot.
    case incomingTelegram
    /// A FOIA release: release status, exemptions and a review block (in one of several
    /// wordings) on page 1; an archive number at each page top; centred page numbers at the foot.
    case foiaRelease
    /// A badly scanned copy: OCR-damaged banners and page heads, pieces of banners, stamps split
    /// across lines, and banners displaced into the middle of the page.
    case damagedScan
    /// An archive copy: a masthead once, a mixed-case `Page 2 of 4` head, the banner only at the
    /// foot of each page, pages separated by form feeds.
    case archiveCopy
  }

  public struct Options: Sendable, Hashable {
    /// Body lines are wrapped at this many characters.
    public var wrapWidth: Int
    /// Content lines per page.
    public var linesPerPage: ClosedRange<Int>
    /// Chance that an injected line gets one OCR slip.
    public var damage: Double
    /// Chance of a blank line after each injected line.
    public var blankAfterFurniture: Double

    public init(wrapWidth: Int = 69, linesPerPage: ClosedRange<Int> = 24...40, damage: Double = 0.15,
                blankAfterFurniture: Double = 0.5) {
      self.wrapWidth = wrapWidth
      self.linesPerPage = linesPerPage
      self.damage = damage
      self.blankAfterFurniture = blankAfterFurniture
    }
  }

  /// A dump and the truth about it.
  public struct Result: Sendable, Hashable {
    public var style: Style
    /// The dump, lines separated by `\n`; a form feed may open a page's first line.
    public var text: String
    /// Each line's text, without terminator or form feed.
    public var lines: [String]
    /// Each line's UTF-8 byte range in ``text``.
    public var lineRanges: [Range<Int>]
    /// True for lines the injector added.
    public var isFurniture: [Bool]
    public var pageCount: Int

    public var furnitureLineIndices: [Int] { isFurniture.indices.filter { isFurniture[$0] } }
    /// The injected lines as written (the `furniture` field of a truth file).
    public var injectedFurniture: [String] { furnitureLineIndices.map { lines[$0] } }
  }

  /// The truth file for a dump this injector made from the gold telegram `source`.
  public func truth(for result: Result, source: String? = nil) -> TruthFile {
    var truth = TruthFile()
    truth.generator = "furniture-injector 1, style \(result.style.rawValue)"
    truth.seed = seed
    truth.source = source
    truth.furniture = result.injectedFurniture
    return truth
  }

  public let seed: UInt64
  public let options: Options

  public init(seed: UInt64, options: Options = Options()) {
    self.seed = seed
    self.options = options
  }

  /// Paginates `gold` (a clean cable in the gold layout) and adds furniture of `style`, or of a
  /// style picked from the seed.
  public func inject(into gold: String, style: Style? = nil) -> Result {
    var random = SeededRandom(seed: seed)
    let chosen = style ?? Style.allCases[Int(random.next() % UInt64(Style.allCases.count))]
    let cable = GoldCable(gold, random: &random)
    let content = wrappedContent(gold)
    let pages = paginate(content, random: &random)
    var context = StyleContext(cable: cable, style: chosen, pageCount: pages.count, random: random)
    var out = DumpBuilder()
    for (index, page) in pages.enumerated() {
      let number = index + 1
      let top = context.top(page: number)
      for (position, text) in top.enumerated() {
        out.add(damaged(text, &context.random), furniture: true, formFeed: position == 0 && index > 0
                  && context.formFeeds)
        if context.random.chance(options.blankAfterFurniture) { out.add("", furniture: false) }
      }
      if top.isEmpty && index > 0 && context.formFeeds { out.pendingFormFeed = true }
      for (position, line) in page.enumerated() {
        out.add(line, furniture: false)
        if line.isEmpty, position > 2, position < page.count - 3, let displaced = context.displaced() {
          out.add(damaged(displaced, &context.random), furniture: true)
          out.add("", furniture: false)
        }
      }
      if page.last?.isEmpty == false { out.add("", furniture: false) }
      for text in context.bottom(page: number) {
        out.add(damaged(text, &context.random), furniture: true)
        if context.random.chance(options.blankAfterFurniture) { out.add("", furniture: false) }
      }
    }
    return Result(style: chosen, text: out.text, lines: out.lines, lineRanges: out.ranges,
                  isFurniture: out.isFurniture, pageCount: pages.count)
  }

  /// Header lines and body paragraphs, each hard-wrapped; one blank line between paragraphs.
  func wrappedContent(_ gold: String) -> [String] {
    var lines: [String] = []
    for raw in gold.split(separator: "\n", omittingEmptySubsequences: false) {
      if raw.trimmingCharacters(in: .whitespaces).isEmpty {
        if lines.last?.isEmpty == false { lines.append("") }
        continue
      }
      lines.append(contentsOf: Self.wrap(String(raw), width: options.wrapWidth))
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if !current.isEmpty && current.count + 1 + word.count > width {
        lines.append(current)
        current = ""
      }
      current += current.isEmpty ? String(word) : " " + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Cuts content into pages, never starting a page with a blank line.
  func paginate(_ content: [String], random: inout SeededRandom) -> [[String]] {
    var pages: [[String]] = []
    var index = 0
    while index < content.count {
      while index < content.count && content[index].isEmpty { index += 1 }
      guard index < content.count else { break }
      let size = Int.random(in: options.linesPerPage, using: &random)
      let end = min(content.count, index + size)
      pages.append(Array(content[index..<end]))
      index = end
    }
    return pages.isEmpty ? [[]] : pages
  }

  /// One OCR slip, with probability ``Options/damage``, in a line long enough to stay legible.
  func damaged(_ text: String, _ random: inout SeededRandom) -> String {
    guard text.count >= 8, random.chance(options.damage) else { return text }
    return OCRSlip.apply(to: text, random: &random)
  }
}

/// Accumulates the dump's lines with their byte ranges.
struct DumpBuilder {
  var text = ""
  var lines: [String] = []
  var ranges: [Range<Int>] = []
  var isFurniture: [Bool] = []
  var pendingFormFeed = false
  private var byteCount = 0

  mutating func add(_ line: String, furniture: Bool, formFeed: Bool = false) {
    if !lines.isEmpty {
      text += "\n"
      byteCount += 1
    }
    if formFeed || pendingFormFeed {
      text += "\u{0C}"
      byteCount += 1
      pendingFormFeed = false
    }
    let length = line.utf8.count
    text += line
    lines.append(line)
    ranges.append(byteCount..<(byteCount + length))
    isFurniture.append(furniture && !line.isEmpty)
    byteCount += length
  }
}
