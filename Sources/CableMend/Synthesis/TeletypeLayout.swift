/// Lays a clean telegram out as a teletype or typewriter would: every line hard-wrapped at a
/// fixed column (sometimes breaking a long word with a hyphen), then cut into pages. This is the
/// first step of the noise generator; it damages nothing else.
///
/// Header lines and paragraphs are wrapped alike; blank lines between paragraphs are kept.
/// Words are never split except by the hyphenation the settings ask for, and only words of at
/// least eight letters without a hyphen of their own are hyphenated, so the unwrap stage can
/// tell the injected hyphens from real ones (NON-PROLIFERATION).
/// - Complexity: O(n) in the length of the text.
public struct TeletypeLayout: Sendable, Hashable {
  public var width: Int
  public var hyphenation: Double
  public var linesPerPage: Int

  public init(width: Int, hyphenation: Double, linesPerPage: Int) {
    self.width = max(width, 10)
    self.hyphenation = hyphenation
    self.linesPerPage = max(linesPerPage, 1)
  }

  /// Draws width and page length from the settings' ranges.
  public init(settings: NoiseSettings, random: inout SeededRandom) {
    self.init(
      width: Int.random(in: settings.wrapColumns, using: &random),
      hyphenation: settings.hyphenation,
      linesPerPage: Int.random(in: settings.linesPerPage, using: &random))
  }

  /// The wrapped lines and the number of hyphenated breaks made.
  public func wrap(_ text: String, random: inout SeededRandom) -> (lines: [String], hyphenated: Int) {
    var out: [String] = []
    var hyphenated = 0
    let source = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in source.enumerated() {
      // A final newline does not make a last empty line.
      if index == source.count - 1, line.isEmpty { break }
      let wrapped = wrapLine(String(line), random: &random)
      out += wrapped.lines
      hyphenated += wrapped.hyphenated
    }
    return (out, hyphenated)
  }

  private func wrapLine(_ line: String, random: inout SeededRandom) -> (lines: [String], hyphenated: Int) {
    if line.count <= width { return ([line], 0) }
    var lines: [String] = []
    var current = ""
    var hyphenated = 0
    for word in line.split(separator: " ").map(String.init) {
      let candidate = current.isEmpty ? word : current + " " + word
      if candidate.count <= width {
        current = candidate
        continue
      }
      if let (head, tail) = hyphenate(word, room: width - current.count - 1),
        random.chance(hyphenation)
      {
        lines.append(current + " " + head + "-")
        current = tail
        hyphenated += 1
      } else {
        if !current.isEmpty { lines.append(current) }
        current = word
      }
    }
    if !current.isEmpty { lines.append(current) }
    return (lines, hyphenated)
  }

  /// Splits a long plain word so that its head plus a hyphen fits in `room` columns.
  private func hyphenate(_ word: String, room: Int) -> (String, String)? {
    guard word.count >= 8, word.allSatisfy({ $0.isLetter }), room >= 4 else { return nil }
    let cut = min(room - 1, word.count - 3)
    guard cut >= 3 else { return nil }
    return (String(word.prefix(cut)), String(word.dropFirst(cut)))
  }

  /// Cuts lines into pages of `linesPerPage` lines, numbered from 1.
  public func paginate(_ lines: [String]) -> [NoisyDump.Page] {
    stride(from: 0, to: lines.count, by: linesPerPage).enumerated().map { index, start in
      let slice = lines[start..<min(start + linesPerPage, lines.count)]
      return NoisyDump.Page(number: index + 1, lines: slice.map { NoisyDump.Line($0) })
    }
  }
}
