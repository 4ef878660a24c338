import Foundation

/// The `order` stage: puts pages and fragments back in the order the telegram was written, and
/// parses the result into a ``CableStructure``.
///
/// - Changes: line order. First pages, by their printed numbers where any survive (a page
///   without a number stays after the page it followed). Then fragments: header fields go first
///   in the order a cable's header has them (clearance block, DTG, FM, TO, INFO, classification,
///   caption, passing line, E.O., TAGS, SUBJECT, REF); the closing name goes last; body
///   fragments are ordered by ``OrderSolver`` on the evidence of ``FragmentEvidence``. Two
///   neighbours that are halves of one broken sentence (the first ends without closing
///   punctuation, the second is not a bullet, heading or numbered paragraph) are joined. In
///   addressee lines, channel sequence numbers (`0250/60`) and delivery indicators (`ZEN/`) are
///   removed. A classification line without its classification (`STATE 415364`) gets the most
///   restrictive classification banner still standing alone in the text. Every move, join,
///   removal and insertion is an edit with its evidence; missing pages go into
///   ``Document/notes`` and ``CableStructure/missingPages``, and with `--mark-gaps` a visible
///   `[PAGE n OF m MISSING]` line is inserted where they belong.
/// - Never touches: the words of a fragment (except the routing parts of addressee lines and
///   the restored classification), blank-line layout (the renderer lays out).
/// - Complexity: O(n²) to score n fragments plus the solver's local search (see
///   ``OrderSolver``).
public struct FragmentOrderer: Stage {
  public static let name = StageName.order
  let markGaps: Bool

  public init(options: MendOptions) throws { markGaps = options.markGaps }

  public func run(_ document: inout Document) {
    let indexed = document.lines.enumerated().map { Item(index: $0.offset, line: $0.element) }
    guard indexed.contains(where: { !$0.isBlank }) else { return }
    let paged = pageOrdered(indexed, pages: document.pages)
    let signature = Self.findSignature(paged)
    var header: [Item] = []
    var body: [Item] = []
    for item in paged where !item.isBlank && item.index != signature?.index {
      if item.line.kind == .header || item.line.kind == .clearance { header.append(item) } else { body.append(item) }
    }
    header = Self.headerOrdered(header)
    var edits: [Edit] = []
    cleanAddressees(&header, edits: &edits)
    restoreClassification(&header, body: body, metadata: document.metadata, edits: &edits)
    let fragments = body.enumerated().map { position, item in
      Fragment(text: item.line.text, lineKind: item.line.kind, position: position, page: pageNumber(item, document.pages))
    }
    let evidence = FragmentEvidence(fragments)
    let solver = OrderSolver(follow: evidence.follow, precedence: evidence.precedence)
    let result = solver.solve()
    let orderedBody = result.order.map { body[$0] }
    var final = header + orderedBody
    if var signature {
      signature.line.kind = .signature
      final.append(signature)
    }
    recordMoves(final, input: indexed, evidence: evidence, bodyOrder: result.order, bodyOffset: header.count, edits: &edits)
    var lines = final.map(\.line)
    let bodyPages = result.order.map { fragments[$0].page }
    let missing = missingPages(document.pages)
    lines = insertGaps(lines, bodyPages: bodyPages, headerCount: header.count, missing: missing, edits: &edits)
    lines = Self.mergeBrokenSentences(lines, edits: &edits)
    removeWhitespaceLines(indexed, edits: &edits)
    document.lines = lines
    document.edits.append(contentsOf: edits)
    var structure = CableParser.parse(lines)
    structure.missingPages = missing
    document.structure = structure
    if !missing.isEmpty {
      let total = document.pages.compactMap(\.total).max() ?? 0
      document.notes.append("pages missing from the dump: \(missing.map(String.init).joined(separator: ", ")) of \(total)")
    }
    document.notes.append(String(format: "order: solver score %.2f (greedy baseline %.2f) over %d fragments",
                                 result.score, result.greedyScore, fragments.count))
  }

  struct Item: Sendable {
    var index: Int
    var line: TextLine
    var isBlank: Bool { line.kind == .blank || line.text.trimmingSpaces.isEmpty }
  }

  func pageNumber(_ item: Item, _ pages: [PageInfo]) -> Int? {
    guard let page = item.line.page, page < pages.count else { return nil }
    return pages[page].number
  }

  /// Stable sort by printed page number; an unnumbered page stays after the page before it.
  func pageOrdered(_ items: [Item], pages: [PageInfo]) -> [Item] {
    guard pages.contains(where: { $0.number != nil }) else { return items }
    var key: [Double] = []
    var last = 0.0
    for (index, page) in pages.enumerated() {
      if let number = page.number { last = Double(number) } else { last += Double(index + 1) * 1e-6 }
      key.append(last)
    }
    return items.enumerated().sorted { a, b in
      let ka = a.element.line.page.map { key[min($0, key.count - 1)] } ?? 0
      let kb = b.element.line.page.map { key[min($0, key.count - 1)] } ?? 0
      return ka != kb ? ka < kb : a.offset < b.offset
    }.map(\.element)
  }

  /// The closing name: the last line of the dump if it is a lone name; else a lone name printed
  /// directly under a finished sentence; else a lone name closing the last page that has one.
  static func findSignature(_ items: [Item]) -> Item? {
    let content = items.filter { !$0.isBlank }
    func candidate(_ item: Item) -> Bool {
      (item.line.kind == .text || item.line.kind == .heading || item.line.kind == .signature)
        && LineClassifier.isSignatureCandidate(item.line.text)
    }
    if let marked = content.last(where: { $0.line.kind == .signature }) { return marked }
    if let last = content.last, candidate(last), let before = content.dropLast().last,
      before.line.kind != .heading, LineClassifier.endsSentence(before.line.text)
    {
      return last
    }
    for (k, item) in items.enumerated().reversed() where k > 0 && candidate(item) {
      let before = items[k - 1]
      if !before.isBlank, before.line.kind != .header, LineClassifier.endsSentence(before.line.text) { return item }
    }
    return nil
  }

  /// Header lines in the order of a cable's header; ties keep their order.
  static func headerOrdered(_ items: [Item]) -> [Item] {
    var previous: CableStructure.FieldKind?
    let ranked = items.enumerated().map { offset, item -> (Int, Int, Item) in
      let field = LineClassifier.field(item.line.text, previous: previous)
        ?? (item.line.kind == .clearance ? .clearance : previous ?? .subject)
      previous = field
      return (field.rank, offset, item)
    }
    return ranked.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.2)
  }

  /// Removes channel sequence numbers and delivery indicators from addressee lines.
  func cleanAddressees(_ header: inout [Item], edits: inout [Edit]) {
    var previous: CableStructure.FieldKind?
    for k in header.indices {
      let field = LineClassifier.field(header[k].line.text, previous: previous)
      previous = field ?? previous
      guard field == .to || field == .info else { continue }
      for (range, what) in AddresseeLine.routingRanges(in: header[k].line.text).reversed() {
        let line = header[k].line
        let removed = String(decoding: Array(line.text.utf8)[range], as: UTF8.self)
        edits.append(Edit(stage: .order, kind: .remove, source: line.source(ofUTF8: range), before: removed,
                          after: "", reason: "\(what) in an addressee line is message-centre routing, not address",
                          evidence: [Edit.Evidence("line", line.text)]))
        header[k].line.replaceUTF8(range, with: "")
      }
    }
  }

  /// Gives a bare `STATE 415364` line the classification the telegram bore: the most restrictive
  /// standalone banner in the text or the furniture's metadata (release markings say
  /// UNCLASSIFIED; the telegram as sent was not).
  func restoreClassification(_ header: inout [Item], body: [Item], metadata: CableMetadata, edits: inout [Edit]) {
    guard let k = header.firstIndex(where: { LineClassifier.field($0.line.text) == .classification }) else { return }
    let text = LineClassifier.normalized(header[k].line.text)
    guard !LineClassifier.classifications.contains(where: { text.hasPrefix($0 + " ") }) else { return }
    var seen = body.map { LineClassifier.normalized($0.line.text) }.filter { LineClassifier.classifications.contains($0) }
    if let fromMetadata = metadata.classification { seen.append(LineClassifier.normalized(fromMetadata)) }
    let order = LineClassifier.classifications  // most restrictive first
    guard let best = order.first(where: { seen.contains($0) && $0 != "UNCLASSIFIED" }) else { return }
    let at = header[k].line.source(ofUTF8: 0..<0)
    header[k].line.replaceUTF8(0..<0, with: best + " ")
    edits.append(Edit(stage: .order, kind: .insert, source: SourceRange(start: at.start, end: at.start), before: "",
                      after: best + " ", reason: "classification line lacked its classification; taken from the \(best) banner",
                      confidence: 0.8, evidence: [Edit.Evidence("banners", Set(seen).sorted().joined(separator: ", "))]))
  }

  /// Page numbers the dump announces (`PAGE 02 OF 07`) but does not contain.
  func missingPages(_ pages: [PageInfo]) -> [Int] {
    guard let total = pages.compactMap(\.total).max(), total > 0, total < 1000 else { return [] }
    let present = Set(pages.compactMap(\.number))
    guard !present.isEmpty else { return [] }
    return (1...total).filter { !present.contains($0) }
  }
}
