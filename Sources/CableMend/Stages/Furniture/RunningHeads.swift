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

  /// - Parameters:
  ///   - page: the page index of each line.
  ///   - edge: whether each line is among the first or last few lines of its page.
  ///   - header: whether each line is one of the telegram's own header lines.
  /// - Complexity: O(c²·k²) for c candidate lines of at most k characters; candidates are the
  ///   short lines at page edges, a few per page.
  init(lines: [TextLine], page: [Int], edge: [Bool], formats: [FormatMatch?], header: [Bool]) {
    var groups: [(shape: [UInt8], members: [Int])] = []
    for index in lines.indices where Self.isCandidate(lines[index].text, edge: edge[index], format: formats[index]) {
      let shape = FurnitureText.digitShape(FurnitureText.folded(lines[index].text))
      guard !shape.isEmpty else { continue }
      if let group = groups.firstIndex(where: { Self.same($0.shape, shape) }) {
        groups[group].members.append(index)
      } else {
        groups.append((shape, [index]))
      }
    }
    for group in groups where group.members.count >= 2 {
      let edgePages = Set(group.members.filter { edge[$0] }.map { page[$0] }).sorted()
      // A header line printed again on later pages: the first copy is the cable's own.
      let members = header[group.members[0]] ? Array(group.members.dropFirst()) : group.members
      for member in members {
        if formats[member].map({ !$0.strong }) == true { repeatedWeak.insert(member) }
        if edgePages.count >= 2 && edge[member] { pagesByLine[member] = edgePages }
      }
    }
  }

  static func isCandidate(_ text: String, edge: Bool, format: FormatMatch?) -> Bool {
    let length = text.utf8.count
    guard length > 0, length <= 90, !FurnitureText.isProse(text) else { return false }
    return edge || format != nil
  }

  private static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    if a == b { return true }
    let limit = FurnitureText.tolerance(min(a.count, b.count))
    return limit > 0 && FurnitureText.distance(a, b, limit: limit) <= limit
  }
}
