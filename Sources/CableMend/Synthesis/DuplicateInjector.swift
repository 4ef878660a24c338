/// Injects duplicated lines, paragraphs and pages into a clean text, each copy with OCR-like
/// character noise, and records what it injected, so the `dedupe` stage can be measured.
///
/// The text is read as blocks of non-blank lines separated by blank lines (a paragraph; in a
/// gold file one paragraph is one line). A duplicate copies one line, one block, or a run of
/// 2–5 blocks (a "page"), adds noise to the copy at a rate drawn from ``Options/noise``, and
/// inserts it as new blocks either right after its original (a rescanned page or a continuation
/// that repeats) or at a later block boundary (a fragment duplicated when the dump was put
/// together). The original is never changed, so every changed character is in a copy.
///
/// ```swift
/// var injector = DuplicateInjector(seed: 7)
/// let damaged = injector.inject(into: goldText)
/// // damaged.text, damaged.injections
/// ```
public struct DuplicateInjector: Sendable {
  public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
    case line, paragraph, page
  }

  public struct Options: Sendable, Hashable {
    /// How many duplicates to inject.
    public var count: Int
    /// Noise rate of each copy: damaged characters per character.
    public var noise: ClosedRange<Double>
    /// The shortest line or block worth duplicating, in characters.
    public var minimumCharacters: Int
    /// Share of copies inserted right after their original (the others go to a later boundary).
    public var adjacentShare: Double
    public var levels: [Level]

    public init(count: Int = 3, noise: ClosedRange<Double> = 0.01...0.05, minimumCharacters: Int = 60,
                adjacentShare: Double = 0.5, levels: [Level] = Level.allCases)
    {
      self.count = count
      self.noise = noise
      self.minimumCharacters = minimumCharacters
      self.adjacentShare = adjacentShare
      self.levels = levels
    }
  }

  /// One injected duplicate. Line numbers are 0-based indices into the output's lines.
  public struct Injection: Sendable, Hashable, Codable {
    public var level: Level
    /// The original lines (non-blank ones only).
    public var originalLines: [Int]
    /// The copy's lines, one for each original line, in the same order.
    public var copyLines: [Int]
    /// The noise rate applied to the copy.
    public var noise: Double
  }

  public struct Result: Sendable {
    public var text: String
    public var injections: [Injection]
  }

  public var options: Options
  /// The character damage applied to each copy.
  public var noise = OCRCharacterNoise()
  private var random: SeededRandom

  public init(seed: UInt64, options: Options = Options()) {
    self.options = options
    random = SeededRandom(seed: seed)
  }

  /// Injects ``Options/count`` duplicates (fewer when the text has too few long blocks).
  public mutating func inject(into text: String) -> Result {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let blocks = Self.blocks(lines)
    var taken = Taken()
    var plans: [(after: Int, level: Level, source: [Int], lineIndex: Int?, noise: Double)] = []
    var attempts = 0
    while plans.count < options.count && attempts < 20 * max(1, options.count) {
      attempts += 1
      if let plan = plan(blocks: blocks, lines: lines, taken: &taken) { plans.append(plan) }
    }
    var output: [String] = []
    var origin: [Int] = []  // output line -> input line, -1 for copies
    var copies: [Int: [(level: Level, lines: [(input: Int, text: String)], noise: Double)]] = [:]
    for plan in plans {
      let sourceLines = plan.lineIndex.map { [$0] } ?? plan.source.flatMap { blocks[$0] }
      let copied = sourceLines.map { (input: $0, text: noise.damage(lines[$0], rate: plan.noise, using: &random)) }
      copies[plan.after, default: []].append((plan.level, copied, plan.noise))
    }
    var injections: [Injection] = []
    var pending: [(Int, Level, [Int], [Int], Double)] = []
    for (index, line) in lines.enumerated() {
      output.append(line)
      origin.append(index)
      guard let blockIndex = blocks.firstIndex(where: { $0.last == index }), let list = copies[blockIndex] else {
        continue
      }
      for copy in list {
        output.append("")
        origin.append(-1)
        var copyLines: [Int] = []
        for (position, item) in copy.lines.enumerated() {
          if copy.level == .page, position > 0, !Self.sameBlock(item.input, copy.lines[position - 1].input, blocks) {
            output.append("")
            origin.append(-1)
          }
          copyLines.append(output.count)
          output.append(item.text)
          origin.append(-1)
        }
        pending.append((injections.count + pending.count, copy.level, copy.lines.map(\.input), copyLines, copy.noise))
      }
      output.append("")
      origin.append(-1)
    }
    let outputIndex = Dictionary(origin.enumerated().filter { $0.element >= 0 }.map { ($0.element, $0.offset) },
                                 uniquingKeysWith: { first, _ in first })
    for (_, level, inputs, copyLines, noise) in pending {
      injections.append(Injection(level: level, originalLines: inputs.map { outputIndex[$0]! }, copyLines: copyLines,
                                  noise: noise))
    }
    return Result(text: output.joined(separator: "\n"), injections: injections)
  }

  /// What earlier plans claimed: each original is copied once, and no copy lands inside a
  /// copied run of blocks, so every original stays contiguous.
  private struct Taken {
    var sources = Set<Int>()
    /// Boundaries after a block, inside a copied run.
    var inside = Set<Int>()
    /// Boundaries where copies go.
    var insertions = Set<Int>()
  }

  private mutating func plan(blocks: [[Int]], lines: [String], taken: inout Taken)
    -> (after: Int, level: Level, source: [Int], lineIndex: Int?, noise: Double)?
  {
    let long = blocks.indices.filter { !taken.sources.contains($0) && blocks[$0].map { lines[$0].count }.reduce(0, +) >= options.minimumCharacters }
    guard !long.isEmpty, !options.levels.isEmpty else { return nil }
    let level = options.levels.randomElement(using: &random)!
    let first = long.randomElement(using: &random)!
    var source = [first]
    if level == .page {
      let length = Int.random(in: 2...5, using: &random)
      while source.count < length, let next = source.last.map({ $0 + 1 }), next < blocks.count,
        !taken.sources.contains(next), !taken.insertions.contains(next - 1)
      {
        source.append(next)
      }
    }
    var lineIndex: Int?
    if level == .line {
      let candidates = blocks[first].filter { lines[$0].count >= options.minimumCharacters }
      guard let pick = candidates.randomElement(using: &random) else { return nil }
      lineIndex = pick
    }
    let last = source.last!
    let after: Int
    if random.chance(options.adjacentShare) || last + 1 >= blocks.count {
      after = last
    } else {
      after = Int.random(in: (last + 1)..<blocks.count, using: &random)
    }
    guard !taken.inside.contains(after) else { return nil }
    taken.sources.formUnion(source)
    taken.inside.formUnion(source.dropLast())
    taken.insertions.insert(after)
    let noise = Double.random(in: options.noise, using: &random)
    return (after, level, source, lineIndex, noise)
  }

  private static func blocks(_ lines: [String]) -> [[Int]] {
    var result: [[Int]] = []
    var current: [Int] = []
    for (index, line) in lines.enumerated() {
      if line.allSatisfy(\.isWhitespace) {
        if !current.isEmpty { result.append(current) }
        current = []
      } else {
        current.append(index)
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  private static func sameBlock(_ x: Int, _ y: Int, _ blocks: [[Int]]) -> Bool {
    blocks.contains { $0.contains(x) && $0.contains(y) }
  }
}
