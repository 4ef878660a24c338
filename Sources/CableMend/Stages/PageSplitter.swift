/// The `pages` stage: splits the dump into pages and records each page's number and total.
///
/// Page breaks come from page markers (`PAGE 02 OF 07 STATE 415364`, read OCR-tolerantly),
/// form feeds, and the position of classification banners (see ``PageLayout`` for the rules).
/// It fills ``Document/pages`` (number, total, input range, why the page starts there) and
/// sets ``TextLine/page`` on every line.
///
/// - Changes: no text; only page information.
/// - Never touches: the lines themselves, their order or their text, so it records no edits.
/// - Complexity: O(n·p) in the number of lines n and the length p of the longest furniture
///   phrase, since each short line is compared with the known phrases once.
public struct PageSplitter: Stage {
  public static let name = StageName.pages

  public init(options: MendOptions) throws {}

  public func run(_ document: inout Document) {
    guard !document.lines.isEmpty else { return }
    let formats = FormatMemo.formats(of: document.lines, memo: document.formatMemo)
    document.formatMemo = FormatMemo(lines: document.lines, formats: formats)
    let layout = PageLayout(lines: document.lines, formats: formats)
    document.pages = Self.pageInfos(layout, lines: document.lines)
    for (index, page) in layout.pageIndices(lineCount: document.lines.count).enumerated() {
      document.lines[index].page = page
    }
    // Totals are recorded as printed; when heads disagree (`OF 02` and `OF 07`) the user should
    // know that the count of missing pages rests on a misread number.
    let totals = document.pages.compactMap(\.total)
    if Set(totals).count > 1 {
      let list = totals.map { "\($0)" }.joined(separator: ", ")
      document.notes.append(
        "page heads disagree on the page count (\(list)); each page keeps the total it prints")
    }
  }

  static func pageInfos(_ layout: PageLayout, lines: [TextLine]) -> [PageInfo] {
    layout.pages.enumerated().map { index, page in
      let end = index + 1 < layout.pages.count ? layout.pages[index + 1].firstLine : lines.count
      let first = lines[page.firstLine].source
      let last = lines[end - 1].source
      let source = SourceRange(start: first.start, end: max(first.end, last.end))
      return PageInfo(number: page.number, total: page.total, source: source, boundary: page.boundary)
    }
  }
}
