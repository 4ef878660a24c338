/// Why a line is furniture: its kind and the signals that agreed.
struct FurnitureVerdict: Sendable, Hashable {
  var kind: FurnitureKind
  var detail: String
  /// `format`, `repetition`, `position`, in that order, as they fired.
  var signals: [String]
  var confidence: Double

  var reason: String {
    "page furniture: \(kind.rawValue) (\(detail)); signals: \(signals.joined(separator: " + "))"
  }
}

/// Combines the three signals over a whole document and decides, line by line, what is furniture.
struct FurnitureJudgement: Sendable {
  /// The verdict for each line, nil for lines that stay.
  private(set) var verdicts: [FurnitureVerdict?]
  /// Page index of each line.
  let page: [Int]
  /// Comparisons of running-head shapes: the part of the judgement that could grow faster than
  /// the document, counted so tests can check it does not (``ShapeGroups``).
  let headComparisons: Int

  /// - Parameter formats: ``FurnitureFormats/match(_:)`` of every line, when already known.
  init(document: Document, edgeDepth: Int, formats known: [FormatMatch?]? = nil) {
    let lines = document.lines
    var formats = known ?? lines.map { FurnitureFormats.match($0.text) }
    let header = lines.map { HeaderLines.isHeaderContent($0.text, tokens: FurnitureText.tokens($0.text)) }
    if lines.allSatisfy({ $0.page != nil }) && !document.pages.isEmpty {
      page = lines.map { $0.page! }
    } else {
      page = PageLayout(lines: lines, formats: formats).pageIndices(lineCount: lines.count)
    }
    Self.vetoContinuations(lines, formats: &formats)
    let edge = Self.edges(lines, page: page, depth: edgeDepth)
    let heads = RunningHeads(lines: lines, page: page, edge: edge, formats: formats, header: header)
    headComparisons = heads.comparisons
    verdicts = Array(repeating: nil, count: lines.count)
    for index in lines.indices {
      if let format = formats[index], format.strong {
        var signals = ["format"]
        if heads.pagesByLine[index] != nil { signals.append("repetition") }
        if edge[index] { signals.append("position") }
        verdicts[index] = FurnitureVerdict(
          kind: format.kind, detail: format.detail, signals: signals,
          confidence: signals.count > 1 ? 0.99 : 0.95)
      } else if let pages = heads.pagesByLine[index] {
        let kind = formats[index]?.kind ?? .runningHead
        let location = "recurs at the edge of pages " + pages.map { String($0 + 1) }.joined(separator: ", ")
        verdicts[index] = FurnitureVerdict(
          kind: kind, detail: formats[index].map { $0.detail + "; " + location } ?? location,
          signals: (formats[index] == nil ? [] : ["format"]) + ["repetition", "position"], confidence: 0.9)
      } else if let format = formats[index], heads.repeatedWeak.contains(index) {
        verdicts[index] = FurnitureVerdict(
          kind: format.kind, detail: format.detail + "; recurs in the document",
          signals: ["format", "repetition"], confidence: 0.85)
      }
    }
    acceptConnectedWeakLines(lines, formats: formats)
  }

  /// Weak-format lines join the furniture when, skipping blank lines, the line above or below
  /// is furniture or the page ends there, until nothing changes, so a stack of stamps at a
  /// page's top is taken whole.
  ///
  /// A line accepted puts its neighbours back on the work list, so each line is looked at O(1)
  /// times: O(n), where repeating whole passes until none changed was O(n²) on a long chain.
  /// The rule only ever adds furniture, so the lines accepted are the same in any order.
  private mutating func acceptConnectedWeakLines(_ lines: [TextLine], formats: [FormatMatch?]) {
    let nonBlank = lines.indices.filter { !Self.isBlank(lines[$0]) }
    var pending = Array(nonBlank.indices.reversed())
    while let position = pending.popLast() {
      let index = nonBlank[position]
      guard verdicts[index] == nil, let format = formats[index], !format.strong else { continue }
      let above = position > 0 ? nonBlank[position - 1] : nil
      let below = position + 1 < nonBlank.count ? nonBlank[position + 1] : nil
      guard connects(above, to: index) || connects(below, to: index) else { continue }
      verdicts[index] = FurnitureVerdict(
        kind: format.kind, detail: format.detail,
        signals: ["format", "position"], confidence: 0.8)
      if below != nil { pending.append(position + 1) }
      if above != nil { pending.append(position - 1) }
    }
  }

  /// True when `other` is furniture, or is missing or on another page (the page ends there).
  private func connects(_ other: Int?, to index: Int) -> Bool {
    guard let other, page[other] == page[index] else { return true }
    return verdicts[other] != nil
  }

  /// A weak match on a line that directly continues an unfinished body line above it (no blank
  /// line between, no closing punctuation) is a wrapped piece of that paragraph, not furniture.
  private static func vetoContinuations(_ lines: [TextLine], formats: inout [FormatMatch?]) {
    for index in lines.indices.dropFirst() {
      guard let format = formats[index], !format.strong, formats[index - 1] == nil else { continue }
      let above = lines[index - 1].text.trimmingWhitespace()
      guard above.count >= 25, let last = above.last, !".:;?!)\"".contains(last) else { continue }
      formats[index] = nil
    }
  }

  static func edges(_ lines: [TextLine], page: [Int], depth: Int) -> [Bool] {
    var edge = [Bool](repeating: false, count: lines.count)
    var byPage: [Int: [Int]] = [:]
    for index in lines.indices where !isBlank(lines[index]) { byPage[page[index], default: []].append(index) }
    for members in byPage.values {
      for index in members.prefix(depth) + members.suffix(depth) { edge[index] = true }
    }
    return edge
  }

  static func isBlank(_ line: TextLine) -> Bool { line.text.allSatisfy { $0 == " " || $0 == "\t" } }
}
