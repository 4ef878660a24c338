import Foundation

/// The parts of the `order` stage that write edits: moves, joins of broken sentences, gap
/// markers.
extension FragmentOrderer {
  /// One `move` edit for every line whose predecessor changed, with the evidence for its new
  /// neighbour.
  func recordMoves(_ final: [Item], input: [Item], evidence: FragmentEvidence?, bodyOrder: [Int], bodyOffset: Int,
                   edits: inout [Edit])
  {
    var inputPredecessor: [Int: Int] = [:]
    var last: Int?
    for item in input where !item.isBlank {
      if let last { inputPredecessor[item.index] = last }
      last = item.index
    }
    for k in final.indices {
      let item = final[k]
      let predecessor = k > 0 ? final[k - 1].index : nil
      guard inputPredecessor[item.index] != predecessor else { continue }
      var reason = "placed by the reading-order solver"
      var cues: [Edit.Evidence] = []
      var confidence = 0.7
      switch item.line.kind {
      case .header, .clearance:
        reason = "header field placed in the order of a cable's header"
        confidence = 0.95
      case .signature:
        reason = "closing name placed last"
        confidence = 0.9
      default:
        let b = k - bodyOffset
        if b > 0 && b < bodyOrder.count, let evidence {
          let (x, y) = (bodyOrder[b - 1], bodyOrder[b])
          cues = evidence.cues(x, y).map { Edit.Evidence("cue", $0) }
          cues.append(Edit.Evidence("score", String(format: "%.2f", evidence.follow[x][y])))
          confidence = min(0.95, max(0.3, 0.5 + evidence.follow[x][y] / 10))
        } else if b == 0 {
          reason = "first body fragment after the header"
        }
      }
      let before = predecessor.map { p in final.first { $0.index == p }!.line }
      edits.append(Edit(stage: .order, kind: .move, source: item.line.source, related: before?.source,
                        before: String(item.line.text.prefix(60)), after: String(item.line.text.prefix(60)),
                        reason: reason, confidence: confidence,
                        evidence: [Edit.Evidence("after", String(before?.text.suffix(60) ?? "<start>"))] + cues))
    }
  }

  /// Joins neighbours that are two halves of one sentence.
  static func mergeBrokenSentences(_ lines: [TextLine], edits: inout [Edit]) -> [TextLine] {
    mergeBrokenSentences(lines.map { ($0, nil) }, edits: &edits).map(\.line)
  }

  /// Joins neighbours that are two halves of one sentence; a joined line keeps the page of its
  /// first half.
  static func mergeBrokenSentences(_ lines: [(line: TextLine, page: Int?)], edits: inout [Edit])
    -> [(line: TextLine, page: Int?)]
  {
    var out: [(line: TextLine, page: Int?)] = []
    for (line, page) in lines {
      if let previous = out.last?.line, isOpenBody(previous), isContinuation(line) {
        let at = previous.source.end
        edits.append(Edit(stage: .order, kind: .merge, source: SourceRange(start: at, end: at), related: line.source,
                          before: "", after: " ",
                          reason: "broken sentence: the first part ends without closing punctuation, the second continues it",
                          confidence: LineClassifier.startsContinuation(line.text) || LineClassifier.endsMidPhrase(previous.text) ? 0.85 : 0.7,
                          evidence: [Edit.Evidence("end", String(previous.text.suffix(40))),
                                     Edit.Evidence("start", String(line.text.prefix(40)))]))
        out[out.count - 1].line = TextLine.joined([previous, line], separator: " ", kind: previous.kind)
      } else {
        out.append((line, page))
      }
    }
    return out
  }

  static func isOpenBody(_ line: TextLine) -> Bool {
    guard [.text, .bullet, .numbered].contains(line.kind), !LineClassifier.isHeading(line.text) || line.kind != .text
    else { return false }
    return !LineClassifier.endsSentence(line.text)
  }

  static func isContinuation(_ line: TextLine) -> Bool {
    guard line.kind == .text else { return false }
    let text = line.text
    return !LineClassifier.isBullet(text) && LineClassifier.paragraphNumber(text) == nil
      && (!LineClassifier.isHeading(text) || LineClassifier.startsContinuation(text))
  }

  /// With `--mark-gaps`, a `[PAGE n OF m MISSING]` line before the first fragment of a later page
  /// (or at the end of the body).
  func insertGaps(_ lines: [TextLine], bodyPages: [Int?], headerCount: Int, missing: [Int], total: Int,
                  edits: inout [Edit]) -> [TextLine]
  {
    guard markGaps, !missing.isEmpty else { return lines }
    var runs: [[Int]] = []
    for page in missing {
      if let last = runs.last?.last, last + 1 == page { runs[runs.count - 1].append(page) } else { runs.append([page]) }
    }
    var out = lines
    for run in runs.reversed() {
      let k = bodyPages.firstIndex { ($0 ?? 0) > run.last! }
      let at = headerCount + (k ?? bodyPages.count)
      let anchor = at < out.count ? out[at].source.start : (out.last?.source.end ?? 0)
      let label = run.count == 1 ? "PAGE \(run[0])" : "PAGES \(run.first!)-\(run.last!)"
      let text = "[\(label) OF \(max(total, run.last!)) MISSING]"
      let line = TextLine(text: text, sourceMap: SourceMap(pieces: [SourceMap.Piece(length: text.utf8.count,
                                                                                      source: SourceRange(start: anchor, end: anchor),
                                                                                      verbatim: false)]), kind: .gap)
      out.insert(line, at: at)
      edits.append(Edit(stage: .order, kind: .insert, source: SourceRange(start: anchor, end: anchor), before: "", after: text,
                        reason: "--mark-gaps: the dump announces pages that are not in it"))
    }
    return out
  }

  /// Lines of nothing but spaces are dropped as layout; their spaces are recorded.
  func removeWhitespaceLines(_ items: [Item], edits: inout [Edit]) {
    for item in items where item.isBlank && !item.line.text.isEmpty {
      edits.append(Edit(stage: .order, kind: .remove, source: item.line.source, before: item.line.text, after: "",
                        reason: "line of only spaces dropped as layout"))
    }
  }
}
