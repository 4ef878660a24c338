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
/// - Complexity: O(n²) to score n fragments plus the solver's budgeted local search (see
///   ``OrderSolver``); above ``fragmentLimit`` fragments the input order is kept (O(n)).
public struct FragmentOrderer: Stage {
  public static let name = StageName.order
  let markGaps: Bool

  /// Ends with ``settle(_:edits:notes:)`` (``MendOptions/stableOrder``).
  let settles: Bool

  /// One weight per ``OrderCue``; only measurement and training set other weights.
  var cueWeights = OrderCue.weights

  public init(options: MendOptions) throws {
    markGaps = options.markGaps
    settles = options.stableOrder
  }

  /// The dump split for ordering: header lines, body lines and their fragments, the closing name.
  struct Split: Sendable {
    var indexed: [Item]
    var pages: [PageInfo]
    var signature: Item?
    var header: [Item]
    var body: [Item]
    /// One per body line, in the same order.
    var fragments: [Fragment]
  }

  /// Pages in order, the closing name found, header and body apart, body fragments built.
  func split(_ document: Document) -> Split? {
    let indexed = document.lines.enumerated().map { Item(index: $0.offset, line: $0.element) }
    guard indexed.contains(where: { !$0.isBlank }) else { return nil }
    let pages = Self.inferPageNumbers(document)
    let paged = pageOrdered(indexed, pages: pages)
    let signature = Self.findSignature(paged)
    var header: [Item] = []
    var body: [Item] = []
    for item in paged where !item.isBlank && item.index != signature?.index {
      if item.line.kind == .header || item.line.kind == .clearance { header.append(item) } else { body.append(item) }
    }
    let measure = Self.wrapWidth(body.map(\.line))
    // Text printed in one block with the closing name (no blank line between) ends the cable.
    let attached = signature.flatMap { sig in
      paged.firstIndex { $0.index == sig.index }.flatMap { k in k > 0 && !paged[k - 1].isBlank ? paged[k - 1].index : nil }
    }
    var fragments = body.enumerated().map { position, item in
      var fragment = Fragment(text: item.line.text, lineKind: item.line.kind, position: position,
                              page: pageNumber(item, pages), pageSlot: item.line.page)
      fragment.fullLastLine = Self.fillsMeasure(item.line, width: measure)
      fragment.printedAboveSignature = item.index == attached
      return fragment
    }
    for k in fragments.indices {
      fragments[k].lastOnPage = k + 1 == fragments.count || fragments[k + 1].pageSlot != fragments[k].pageSlot
    }
    return Split(indexed: indexed, pages: pages, signature: signature, header: header, body: body, fragments: fragments)
  }

  public func run(_ document: inout Document) {
    guard let split = split(document) else { return }
    let (indexed, pages, signature, body, fragments) = (split.indexed, split.pages, split.signature, split.body, split.fragments)
    var header = Self.headerOrdered(split.header)
    var edits: [Edit] = []
    header = Self.withoutRepeatedFields(header, edits: &edits)
    cleanAddressees(&header, edits: &edits)
    restoreClassification(&header, body: body, metadata: document.metadata, edits: &edits)
    let missing = missingPages(pages, document)
    let (evidence, result) = solveOrder(fragments, pagesMissing: !missing.isEmpty, notes: &document.notes)
    let orderedBody = result.order.map { body[$0] }
    var final = header + orderedBody
    if var signature {
      signature.line.kind = .signature
      final.append(signature)
    }
    var closing = signature == nil ? nil : final[final.count - 1].line
    recordMoves(final, input: indexed, evidence: evidence, bodyOrder: result.order, bodyOffset: header.count, edits: &edits)
    var mended = Self.mergeBrokenSentences(zip(orderedBody, result.order).map { ($0.line, fragments[$1].page) }, edits: &edits)
    if evidence != nil, settles {
      mended = settle(mended, edits: &edits, notes: &document.notes)
      if closing == nil, let found = settledSignature(header: header.map(\.line), body: mended, edits: &edits) {
        closing = found.signature
        mended = settle(found.body, edits: &edits, notes: &document.notes)
      }
    }
    var lines = header.map(\.line) + mended.map(\.line) + (closing.map { [$0] } ?? [])
    lines = insertGaps(lines, bodyPages: mended.map(\.page), headerCount: header.count, missing: missing,
                     total: document.pages.compactMap(\.total).max() ?? 0, edits: &edits)
    removeWhitespaceLines(indexed, edits: &edits)
    document.lines = lines
    document.edits.append(contentsOf: edits)
    var structure = CableParser.parse(lines)
    structure.missingPages = missing
    document.structure = structure
    if !missing.isEmpty {
      let total = document.pages.compactMap(\.total).max() ?? 0
      document.notes.append("pages missing from the dump: \(missing.map { "\($0)" }.joined(separator: ", ")) of \(total)")
    }
    if evidence != nil {
      document.notes.append(String(format: "order: solver score %.2f (greedy baseline %.2f, input order %.2f) over %d fragments",
                                   result.score, result.greedyScore, result.inputScore, fragments.count))
    }
  }

  /// Above this many body fragments the text is not one cable (cables have tens of fragments):
  /// the input order is kept, so pairwise evidence (O(n²) memory and time) is never built.
  static let fragmentLimit = 200

  /// The body order, or the input order with a note when there are too many fragments to judge.
  func solveOrder(_ fragments: [Fragment], pagesMissing: Bool, notes: inout [String])
    -> (FragmentEvidence?, OrderSolver.Result)
  {
    guard fragments.count <= Self.fragmentLimit else {
      let identity = Array(fragments.indices)
      notes.append("order: \(fragments.count) body fragments exceed the limit of \(Self.fragmentLimit); "
        + "kept the input order (too many to be one cable's fragments)")
      return (nil, OrderSolver.Result(order: identity, score: 0, greedy: identity, greedyScore: 0))
    }
    let evidence = FragmentEvidence(fragments, pagesMissing: pagesMissing, weights: cueWeights)
    let solver = OrderSolver(follow: evidence.follow, precedence: evidence.precedence)
    var result = solver.solve()
    // Keep the input order unless the evidence clearly beats it: a small gain is within the
    // noise of the cues (a sentence opening `AS ...` reads as a continuation), and a wrong move
    // costs far more than a missed one on a dump that was never scrambled.
    if result.score - result.inputScore < Self.moveMargin {
      if result.order != Array(fragments.indices) {
        notes.append(String(format: "order: kept the input order; the best order gained only %.2f (< %.1f)",
                            result.score - result.inputScore, Self.moveMargin))
      }
      result.order = Array(fragments.indices)
      result.score = result.inputScore
    }
    return (evidence, result)
  }

  /// How much the solver's order must beat the input order by before fragments are moved.
  static let moveMargin = 0.5

  struct Item: Sendable {
    var index: Int
    var line: TextLine
    var isBlank: Bool { line.kind == .blank || line.text.trimmingSpaces.isEmpty }
  }

  func pageNumber(_ item: Item, _ pages: [PageInfo]) -> Int? {
    guard let page = item.line.page, page < pages.count else { return nil }
    return pages[page].number
  }

  /// Physical lines of a wrapped paragraph, as the source map still shows them.
  static func physicalLengths(_ line: TextLine) -> [Int] {
    line.sourceMap.pieces.filter { $0.verbatim && $0.length > 0 }.map(\.length)
  }

  /// The width the dump was wrapped at: the 90th percentile of the physical lines of
  /// paragraphs that were wrapped; nil when too few were.
  static func wrapWidth(_ lines: [TextLine]) -> Int? {
    let lengths = lines.flatMap { line -> [Int] in
      let physical = physicalLengths(line)
      return physical.count >= 2 ? Array(physical.dropLast()) : []
    }.sorted()
    guard lengths.count >= 6 else { return nil }
    return lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
  }

  /// Whether the fragment's last physical line runs to the measure (so the paragraph probably
  /// went on), or stops well short of it (so it ended); nil when unknown.
  static func fillsMeasure(_ line: TextLine, width: Int?) -> Bool? {
    guard let width, let last = physicalLengths(line).last, last <= width + 2 else { return nil }
    if last >= width - 8 { return true }
    if last < width * 2 / 3 { return false }
    return nil
  }

  /// A page without a printed number that carries the date-time group or FM line is page 1.
  static func inferFirstPage(_ document: Document) -> [PageInfo] {
    var pages = document.pages
    guard !pages.isEmpty, !pages.contains(where: { $0.number == 1 }) else { return pages }
    let first = document.lines.first { line in
      line.kind == .header && [.dtg, .from].contains(LineClassifier.field(line.text))
    }
    if let page = first?.page, page < pages.count, pages[page].number == nil { pages[page].number = 1 }
    return pages
  }

  /// Numbered pages sorted by number into the slots numbered pages hold; an unnumbered page
  /// keeps its slot (the solver may still move its fragments).
  func pageOrdered(_ items: [Item], pages: [PageInfo]) -> [Item] {
    guard pages.contains(where: { $0.number != nil }) else { return items }
    var groups: [(page: Int?, items: [Item])] = []
    for item in items {
      if let last = groups.last, last.page == item.line.page {
        groups[groups.count - 1].items.append(item)
      } else {
        groups.append((item.line.page, [item]))
      }
    }
    func number(_ page: Int?) -> Int? { page.flatMap { $0 < pages.count ? pages[$0].number : nil } }
    let numberedSlots = groups.indices.filter { number(groups[$0].page) != nil }
    let sortedNumbered = numberedSlots.map { groups[$0] }.enumerated()
      .sorted { (number($0.element.page)!, $0.offset) < (number($1.element.page)!, $1.offset) }.map(\.element)
    for (slot, group) in zip(numberedSlots, sortedNumbered) { groups[slot] = group }
    return groups.flatMap(\.items)
  }

  /// The closing name: a lone name under a finished sentence that is the last line of the dump,
  /// or the last line of a page, or (scanned in one block with it) directly under the sentence.
  static func findSignature(_ items: [Item]) -> Item? {
    let content = items.filter { !$0.isBlank }
    if let marked = content.last(where: { $0.line.kind == .signature }) { return marked }
    func candidate(_ k: Int) -> Bool {
      let item = content[k]
      guard item.line.kind == .text || item.line.kind == .heading, LineClassifier.isSignatureCandidate(item.line.text),
        k > 0 else { return false }
      // A closing block of two lone names (a name printed twice, two signers) counts as under
      // the sentence above the first.
      var above = k - 1
      if above > 0, [.text, .heading].contains(content[above].line.kind), LineClassifier.isSignatureCandidate(content[above].line.text) {
        above -= 1
      }
      guard content[above].line.kind != .header, content[above].line.kind != .heading else { return false }
      return LineClassifier.endsSentence(content[above].line.text)
    }
    let indices = Array(content.indices)
    if let last = indices.last, candidate(last) { return content[last] }
    func lastOnPage(_ k: Int) -> Bool { k + 1 < content.count && content[k + 1].line.page != content[k].line.page }
    if let k = indices.last(where: { candidate($0) && lastOnPage($0) }) { return content[k] }
    if let k = indices.last(where: { lastOnPage($0) && content[$0].line.kind != .header
      && LineClassifier.isSignatureCandidate(content[$0].line.text) && !LineClassifier.isMarker(content[$0].line.text) })
    {
      return content[k]
    }
    for k in indices.reversed() where candidate(k) {
      guard let position = items.firstIndex(where: { $0.index == content[k].index }), position > 0 else { continue }
      if !items[position - 1].isBlank { return content[k] }
    }
    // Fragments that drifted below the closing name: the last candidate on the last page with
    // at most two fragments after it (a heading has its section after it).
    let lastPage = content.last?.line.page
    func looseCandidate(_ k: Int) -> Bool {
      (content[k].line.kind == .text || content[k].line.kind == .heading) && k > 0
        && LineClassifier.isSignatureCandidate(content[k].line.text) && content[k - 1].line.kind != .heading
    }
    if lastPage != nil, let k = indices.last(where: { looseCandidate($0) && content[$0].line.page == lastPage }),
      content.count - k - 1 <= 2
    {
      return content[k]
    }
    return nil
  }

  /// Header lines in the order of a cable's header; ties keep their order. A line that names no
  /// field takes the kind of the line above it, which sorting may change, so the sort repeats on
  /// its own result until nothing moves: a second `mend` then finds the header already in order.
  static func headerOrdered(_ items: [Item]) -> [Item] {
    var current = items
    for _ in 0..<4 {
      let next = headerSortedOnce(current)
      if next.map(\.index) == current.map(\.index) { break }
      current = next
    }
    return current
  }

  static func headerSortedOnce(_ items: [Item]) -> [Item] {
    var previous: CableStructure.FieldKind?
    let ranked = items.enumerated().map { offset, item -> (Int, Int, Item) in
      let field = LineClassifier.field(item.line.text, previous: previous)
        ?? (item.line.kind == .clearance ? .clearance : previous ?? .subject)
      previous = field
      return (field.rank, offset, item)
    }
    return ranked.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.2)
  }

  /// A header field printed twice (a page head repeating the E.O. line, say) is kept once.
  static func withoutRepeatedFields(_ header: [Item], edits: inout [Edit]) -> [Item] {
    var seen: [String: SourceRange] = [:]
    var kept: [Item] = []
    for item in header {
      let key = LineClassifier.normalized(item.line.text)
      let isList = LineClassifier.field(item.line.text) == nil  // bare addressee lines may repeat legitimately
      if let first = seen[key], !isList {
        edits.append(Edit(stage: .order, kind: .remove, source: item.line.source, related: first, before: item.line.text,
                          after: "", reason: "header field repeated; kept once", confidence: 0.9))
        continue
      }
      seen[key] = item.line.source
      kept.append(item)
    }
    return kept
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

  /// Page numbers the dump announces (`PAGE 02 OF 07`) but does not contain. Pages whose
  /// running head was lost may be the ones not found, so numbers are reported missing only
  /// when there are more of them than such pages.
  func missingPages(_ pages: [PageInfo], _ document: Document) -> [Int] {
    guard let total = pages.compactMap(\.total).max(), total > 0, total < 1000 else { return [] }
    let present = Set(pages.compactMap(\.number))
    guard !present.isEmpty else { return [] }
    let gaps = (1...total).filter { !present.contains($0) }
    return gaps.count > Self.unnumberedPages(pages, document).count ? gaps : []
  }

  /// Pages with text on them whose number did not survive.
  static func unnumberedPages(_ pages: [PageInfo], _ document: Document) -> [Int] {
    let used = Set(document.lines.compactMap { $0.text.trimmingSpaces.isEmpty ? nil : $0.page })
    return pages.indices.filter { pages[$0].number == nil && used.contains($0) }
  }

  /// ``inferFirstPage(_:)``, then: when the dump announces its page count and exactly one
  /// number is absent while exactly one page has lost its number, that page has that number.
  static func inferPageNumbers(_ document: Document) -> [PageInfo] {
    var pages = inferFirstPage(document)
    guard let total = pages.compactMap(\.total).max(), total > 0, total < 1000 else { return pages }
    let present = Set(pages.compactMap(\.number))
    let gaps = (1...total).filter { !present.contains($0) }
    let unnumbered = unnumberedPages(pages, document)
    if gaps.count == 1, unnumbered.count == 1 { pages[unnumbered[0]].number = gaps[0] }
    return pages
  }
}
