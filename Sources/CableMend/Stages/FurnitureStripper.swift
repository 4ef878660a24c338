/// The `furniture` stage: removes page furniture (running heads, banners, routing lines, office
/// and FOIA stamps) and moves it into ``Document/metadata``.
///
/// A line is judged by three signals:
/// 1. **format**: it matches the known shapes of cable and FOIA furniture, OCR-tolerantly
///    (``FurnitureFormats``); strong matches (a page head, a whole banner, a routing line) are
///    furniture alone, weak ones (a lone number, a piece of a stamp) need another signal;
/// 2. **repetition**: its shape recurs at the top or bottom of several pages (``RunningHeads``);
/// 3. **position**: it sits at a page edge, or next to lines already judged furniture.
///
/// Removed: strong-format lines; repeated lines at page edges; weak-format lines that repeat or
/// that connect (through blank lines and other furniture) to a page edge or to furniture.
///
/// - Changes: removes whole lines, each recorded as a `remove` edit with its input range, the
///   kind of furniture and the signals that fired; fills ``Document/metadata``.
/// - Never touches: prose, and the telegram's own header (DTG, FM, TO, INFO addressees, the
///   classification line with its number, caption, E.O., TAGS, SUBJECT, REF, the drafting and
///   clearance block), which vetoes weak signals; a weak line that continues the body line
///   above it (a wrapped line) is kept; blank lines are left for the renderer.
/// - Complexity: O(n·p) for n lines and furniture phrases of length p, plus O(c²) comparisons
///   among the c short lines at page edges.
public struct FurnitureStripper: Stage {
  public static let name = StageName.furniture
  /// How many non-blank lines at each end of a page count as its edge.
  static let edgeDepth = 6

  public init(options: MendOptions) throws {}

  public func run(_ document: inout Document) {
    guard !document.lines.isEmpty else { return }
    let formats = FormatMemo.formats(of: document.lines, memo: document.formatMemo)
    document.formatMemo = nil
    let judgement = FurnitureJudgement(document: document, edgeDepth: Self.edgeDepth, formats: formats)
    var previousKind: FurnitureKind?
    var removed: Set<Int> = []
    for index in judgement.verdicts.indices {
      guard let verdict = judgement.verdicts[index] else { continue }
      let line = document.lines[index]
      let evidence = [
        Edit.Evidence("kind", verdict.kind.rawValue), Edit.Evidence("matched", verdict.detail),
        Edit.Evidence("signals", verdict.signals.joined(separator: ",")),
        Edit.Evidence("page", String(judgement.page[index] + 1)),
      ]
      document.edits.append(
        Edit(
          stage: .furniture, kind: .remove, source: line.source, before: line.text,
          after: "", reason: verdict.reason, confidence: verdict.confidence,
          evidence: evidence))
      let match = FormatMatch(kind: verdict.kind, strong: true, detail: verdict.detail)
      FurnitureMetadata.record(line.text, as: match, previousKind: previousKind, into: &document.metadata)
      previousKind = verdict.kind
      removed.insert(index)
    }
    // When pages were split, their numbers (reconciled across disagreeing heads) are the record.
    let splitNumbers = document.pages.compactMap(\.number)
    if !splitNumbers.isEmpty { document.metadata.pageNumbers = splitNumbers }
    document.lines = document.lines.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
  }
}
