/// Measures the `unwrap` and `order` stages on a scrambled dump from ``Scrambler``.
///
/// The dump is handed to the stages as the `pages` and `furniture` stages would leave it: lines
/// grouped into pages, each page's number known where its running head survived, running heads
/// gone. The repaired text is then searched for every surviving body piece, and their order is
/// compared with the telegram's.
public enum OrderEvaluation {
  public struct Outcome: Sendable {
    /// Every surviving body piece found, in the telegram's order.
    public var exact: Bool
    /// Kendall tau of the found pieces' order against the telegram's.
    public var tau: Double
    public var pieces: Int
    public var found: Int
    public var text: String
  }

  /// Builds the document the stages would see after `pages` and `furniture`.
  public static func document(_ scrambled: Scrambler.Result) -> Document {
    var lines: [TextLine] = []
    var pages: [PageInfo] = []
    var offset = 0
    for page in scrambled.pages {
      let pageIndex = pages.count
      let start = offset
      let physical = page.pieces.map { $0.lines.joined(separator: "\n") }.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
      for text in physical {
        let length = text.utf8.count
        lines.append(TextLine(text: String(text), source: SourceRange(start: offset, end: offset + length),
                              kind: .text, page: pageIndex, followsFormFeed: false))
        offset += length + 1
      }
      pages.append(PageInfo(number: page.numberSurvives ? page.number : nil,
                            total: page.numberSurvives ? scrambled.pageCount : nil,
                            source: SourceRange(start: start, end: offset), boundary: "scrambler"))
    }
    var document = Document(name: "scrambled", inputByteCount: offset, lines: lines)
    document.pages = pages
    return document
  }

  public static func evaluate(_ scrambled: Scrambler.Result, options: MendOptions = MendOptions()) throws -> Outcome {
    try evaluate(scrambled, options: options, weights: OrderCue.weights)
  }

  /// With other cue weights than the orderer's (for learning and comparing weights).
  static func evaluate(_ scrambled: Scrambler.Result, options: MendOptions, weights: [Double]) throws -> Outcome {
    var document = document(scrambled)
    try LineUnwrapper(options: options).run(&document)
    var orderer = try FragmentOrderer(options: options)
    orderer.cueWeights = weights
    orderer.run(&document)
    let text = TextRenderer.render(document)
    return score(text, expected: scrambled.expectedBody.map(\.text))
  }

  /// Where each expected piece sits in `text` (paragraph, offset), and the order statistics.
  public static func score(_ text: String, expected: [String]) -> Outcome {
    let paragraphs = text.split(separator: "\n").map { collapse(String($0)) }
    var positions: [(Int, Int)?] = []
    var used = Set<String>()
    for piece in expected.map(collapse) {
      var hit: (Int, Int)?
      if let k = paragraphs.firstIndex(where: { $0 == piece && !used.contains("\($0)#\(piece)") }) {
        hit = (k, 0)
      } else {
        for (k, paragraph) in paragraphs.enumerated() {
          if let range = paragraph.range(of: piece) {
            hit = (k, paragraph.distance(from: paragraph.startIndex, to: range.lowerBound))
            break
          }
        }
      }
      if let hit { used.insert("\(paragraphs[hit.0])#\(piece)") }
      positions.append(hit)
    }
    let found = positions.compactMap { $0 }
    let sortedFound = found.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    let ranks = found.map { p in sortedFound.firstIndex { $0 == p }! }
    let tau = KendallTau.tau(ranks)
    let inOrder = zip(found, found.dropFirst()).allSatisfy { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
    return Outcome(exact: found.count == expected.count && inOrder, tau: tau, pieces: expected.count,
                   found: found.count, text: text)
  }

  static func collapse(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
  }
}
