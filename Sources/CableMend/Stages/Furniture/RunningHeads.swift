/// Repetition learned from the document (signal 2): lines that recur at the top or bottom of
/// several pages are running heads, whatever they say.
///
/// Lines are compared after folding OCR digit-for-letter slips and collapsing every number to
/// `#` (page and control numbers change from page to page), and two shapes within a small edit
/// distance count as the same line, so a head damaged differently on each page still groups.
struct RunningHeads: Sendable {
  /// For each running-head line, the pages (0-based indices) where its group sits at an edge.
  private(set) var pagesByLine: [Int: [Int]] = [:]
  /// Lines whose weak format (a lone number) recurs elsewhere in the document.
  private(set) var repeatedWeak: Set<Int> = []
  /// Shape comparisons made while grouping (see ``ShapeGroups``): work, counted for tests.
  private(set) var comparisons = 0

  /// - Parameters:
  ///   - page: the page index of each line.
  ///   - edge: whether each line is among the first or last few lines of its page.
  ///   - header: whether each line is one of the telegram's own header lines.
  /// - Complexity: O(c·k²) for c candidate lines of at most k characters; candidates are the
  ///   short lines at page edges, a few per page (``ShapeGroups`` bounds the comparisons).
  init(lines: [TextLine], page: [Int], edge: [Bool], formats: [FormatMatch?], header: [Bool]) {
    var shapes = ShapeGroups()
    for index in lines.indices
    where Self.isCandidate(lines[index].text, edge: edge[index], format: formats[index]) {
      let shape = FurnitureText.digitShape(FurnitureText.folded(lines[index].text))
      guard !shape.isEmpty else { continue }
      shapes.add(shape, member: index)
    }
    comparisons = shapes.comparisons
    let groups = shapes.members
    let repeated = Set(groups.filter { $0.count >= 2 }.joined())
    let neighbours = Self.contentNeighbours(lines, formats: formats, repeated: repeated)
    for group in groups where group.count >= 2 {
      var edgePages = Set(group.filter { edge[$0] }.map { page[$0] }).sorted()
      if Self.isDuplicatedBlock(group, neighbours: neighbours, formats: formats) { edgePages = [] }
      // A header line printed again on later pages: the first copy is the cable's own.
      let members = header[group[0]] ? Array(group.dropFirst()) : group
      for member in members {
        if formats[member].map({ !$0.strong }) == true { repeatedWeak.insert(member) }
        let needed = formats[member] == nil && Self.readsAsText(member, lines: lines) ? 3 : 2
        if edgePages.count >= needed && edge[member] { pagesByLine[member] = edgePages }
      }
    }
  }

  /// For each line, the nearest non-blank lines above and below that no format matched and
  /// that are not themselves repeated (other running heads sit next to running heads).
  static func contentNeighbours(_ lines: [TextLine], formats: [FormatMatch?], repeated: Set<Int>)
    -> [(above: String?, below: String?)]
  {
    let isContent = { (index: Int) in
      formats[index] == nil && !repeated.contains(index)
        && !lines[index].text.allSatisfy { $0 == " " || $0 == "\t" }
    }
    var result = [(above: String?, below: String?)](repeating: (nil, nil), count: lines.count)
    var last: String?
    for index in lines.indices {
      result[index].above = last
      if isContent(index) { last = lines[index].text }
    }
    last = nil
    for index in lines.indices.reversed() {
      result[index].below = last
      if isContent(index) { last = lines[index].text }
    }
    return result
  }

  /// A line with no furniture format that recurs together with the same body text around it is
  /// part of a page or paragraph printed twice (the `dedupe` stage's business), not a running
  /// head: a running head's neighbours change from page to page.
  static func isDuplicatedBlock(
    _ members: [Int], neighbours: [(above: String?, below: String?)], formats: [FormatMatch?]
  ) -> Bool {
    guard members.allSatisfy({ formats[$0] == nil }) else { return false }
    var seenAbove: Set<String> = []
    var seenBelow: Set<String> = []
    for member in members {
      if let above = neighbours[member].above, !seenAbove.insert(above).inserted { return true }
      if let below = neighbours[member].below, !seenBelow.insert(below).inserted { return true }
    }
    return false
  }

  /// A line that ends a sentence, or that carries on an unfinished line just above it, reads
  /// like the tail of a paragraph (`HAVE.`); two such tails can coincide by chance, so with no
  /// format to back it, such a line must recur on three pages to count as a running head.
  static func readsAsText(_ index: Int, lines: [TextLine]) -> Bool {
    let text = lines[index].text.trimmingWhitespace()
    if let last = text.last, ".?!".contains(last) { return true }
    guard index > 0 else { return false }
    let above = lines[index - 1].text.trimmingWhitespace()
    guard above.count >= 25, let end = above.last else { return false }
    return !".:;?!)\"".contains(end)
  }

  static func isCandidate(_ text: String, edge: Bool, format: FormatMatch?) -> Bool {
    let length = text.utf8.count
    guard length > 0, length <= 90, !FurnitureText.isProse(text) else { return false }
    return edge || format != nil
  }
}
