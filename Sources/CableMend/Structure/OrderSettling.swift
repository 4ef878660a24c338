/// Stability of the `order` stage: mending its own output must change nothing.
///
/// The first solve uses evidence that rendering destroys: printed page numbers (precedence and
/// which neighbours are trusted), the wrap measure (whether a paragraph's last line ran to the
/// margin) and the page breaks. A second `mend` sees one page of one-line paragraphs, so it
/// judges the same fragments on the text alone, with broken sentences already joined, and it
/// could find an order that the text alone prefers. To be a fixed point by construction, the
/// stage ends with exactly that judgement: it re-solves the joined body as a second run would
/// see it (no pages, no layout, the current order as the input order), joins what becomes
/// adjacent, and repeats until the order no longer changes.
///
/// Why one more round changes nothing: with the same text cues, the prior of a re-solve only
/// rewards the order it is given, so an order that was best (by the margin) under the previous
/// input is still best under its own; joins only shrink the choices. The loop is capped at
/// ``settleRounds``; the cap has not been reached on the corpus or frus-dev.
extension FragmentOrderer {
  static let settleRounds = 4

  typealias BodyLine = (line: TextLine, page: Int?)

  func settle(_ start: [BodyLine], edits: inout [Edit], notes: inout [String]) -> [BodyLine] {
    var body = start
    for _ in 0..<Self.settleRounds {
      let fragments = body.enumerated().map { k, entry in
        Fragment(text: entry.line.text, lineKind: entry.line.kind, position: k, page: nil)
      }
      var scratch: [String] = []
      let (evidence, result) = solveOrder(fragments, pagesMissing: false, notes: &scratch)
      guard let evidence, result.order != Array(body.indices) else { return body }
      recordSettleMoves(body, order: result.order, evidence: evidence, edits: &edits)
      notes.append(String(format: "order: re-placed fragments on the evidence of the repaired text alone "
        + "(score %.2f over %.2f for the order found with page and layout evidence)", result.score, result.inputScore))
      body = Self.mergeBrokenSentences(result.order.map { body[$0] }, edits: &edits)
    }
    return body
  }

  /// A `move` edit for every line whose predecessor the re-solve changed.
  func recordSettleMoves(_ body: [BodyLine], order: [Int], evidence: FragmentEvidence, edits: inout [Edit]) {
    for (k, j) in order.enumerated() {
      let predecessor = k > 0 ? order[k - 1] : nil
      guard predecessor != (j > 0 ? j - 1 : nil) else { continue }
      let line = body[j].line
      var cues = [Edit.Evidence("after", String(predecessor.map { body[$0].line.text.suffix(60) } ?? "<start>"))]
      if let p = predecessor {
        cues += evidence.cues(p, j).map { Edit.Evidence("cue", $0) }
        cues.append(Edit.Evidence("score", String(format: "%.2f", evidence.follow[p][j])))
      }
      edits.append(Edit(stage: .order, kind: .move, source: line.source, related: predecessor.map { body[$0].line.source },
                        before: String(line.text.prefix(60)), after: String(line.text.prefix(60)),
                        reason: "re-placed on the evidence of the repaired text alone (what a second mend sees)",
                        confidence: 0.6, evidence: cues))
    }
  }
}

extension FragmentOrderer {
  /// The closing name a second run would find in the settled text, when the first found none:
  /// the rendered cable is one page of blank-separated lines, so the page rules of
  /// ``findSignature(_:)`` see the whole body as its last page.
  func settledSignature(header: [TextLine], body: [BodyLine], edits: inout [Edit])
    -> (signature: TextLine, body: [BodyLine])?
  {
    var items: [Item] = []
    for (k, line) in (header + body.map(\.line)).enumerated() {
      var onePage = line
      onePage.page = 0
      items.append(Item(index: k, line: onePage))
      items.append(Item(index: -1, line: TextLine(text: "", source: SourceRange(start: 0, end: 0), kind: .blank, page: 0)))
    }
    guard let found = Self.findSignature(items), found.index >= header.count else { return nil }
    var rest = body
    var signature = rest.remove(at: found.index - header.count).line
    signature.kind = .signature
    edits.append(Edit(stage: .order, kind: .move, source: signature.source, related: rest.last?.line.source,
                      before: signature.text, after: signature.text,
                      reason: "closing name placed last (found in the text as re-placed, which a second mend reads)",
                      confidence: 0.7, evidence: [Edit.Evidence("after", String(rest.last?.line.text.suffix(60) ?? "<start>"))]))
    return (signature, rest)
  }
}
