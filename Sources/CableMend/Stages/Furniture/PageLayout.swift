/// Finds where pages begin in a run of lines, from page markers, form feeds and banners.
///
/// The dump is read as alternating *runs*: stretches of furniture-looking or blank lines, and
/// stretches of other (body) lines. A page break falls inside a furniture run:
/// - at a form feed, if the run (or a body stretch) has one;
/// - otherwise, when the run has a page marker, after the last line that ends a page (a handling
///   line such as `NOT TO BE REPRODUCED...`), or else at the last banner before the first marker
///   (the banner printed above the page head), or else at the marker itself;
/// - otherwise, when the run has two or more whole banners (a page's foot and the next page's
///   head), at the last of them.
///
/// A marker before any body line labels the current page instead of starting one.
struct PageLayout: Sendable {
  struct Page: Sendable, Hashable {
    var firstLine: Int
    var number: Int?
    var total: Int?
    var boundary: String
  }

  private(set) var pages: [Page] = []

  /// - Parameter formats: the format match of each line (nil for body and blank lines).
  /// - Complexity: O(n) in the number of lines.
  init(lines: [TextLine], formats: [FormatMatch?]) {
    pages = [Page(firstLine: 0, boundary: "start")]
    var index = 0
    var sawBody = false
    while index < lines.count {
      if isFurnitureOrBlank(lines[index], formats[index]) {
        var end = index
        while end < lines.count && isFurnitureOrBlank(lines[end], formats[end]) { end += 1 }
        handleRun(index..<end, lines: lines, formats: formats, afterBody: sawBody)
        index = end
      } else {
        if lines[index].followsFormFeed && index > 0 { startPage(at: index, boundary: "form feed") }
        sawBody = true
        index += 1
      }
    }
    inferFirstPageNumber()
  }

  /// The index into ``pages`` of every line.
  func pageIndices(lineCount: Int) -> [Int] {
    var result = [Int](repeating: 0, count: lineCount)
    for (pageIndex, page) in pages.enumerated() {
      let end = pageIndex + 1 < pages.count ? pages[pageIndex + 1].firstLine : lineCount
      for line in page.firstLine..<end { result[line] = pageIndex }
    }
    return result
  }

  private func isFurnitureOrBlank(_ line: TextLine, _ format: FormatMatch?) -> Bool {
    format != nil || line.text.allSatisfy { $0 == " " || $0 == "\t" }
  }

  private mutating func handleRun(_ run: Range<Int>, lines: [TextLine], formats: [FormatMatch?],
                                  afterBody: Bool) {
    let markers = run.filter { formats[$0]?.kind == .pageMarker }
    let banners = run.filter { formats[$0]?.kind == .banner }
    let formFeed = run.first { lines[$0].followsFormFeed && $0 > 0 }
    var start: Int?
    var boundary = ""
    if let formFeed, afterBody || formFeed > pages[pages.count - 1].firstLine {
      start = formFeed
      boundary = "form feed"
    } else if let firstMarker = markers.first, afterBody {
      let pageEnd = run.last { $0 < firstMarker && formats[$0]?.kind == .handling }
      let banner = banners.last { $0 < firstMarker }
      if let pageEnd, let next = run.first(where: { $0 > pageEnd && formats[$0] != nil && formats[$0]?.kind != .handling }) {
        start = next
      } else {
        start = banner ?? firstMarker
      }
      boundary = "page marker"
    } else if banners.count >= 2, afterBody {
      start = banners.last
      boundary = "banner"
    }
    if let start, start > pages[pages.count - 1].firstLine { startPage(at: start, boundary: boundary) }
    label(with: markers.filter { $0 >= pages[pages.count - 1].firstLine }, lines: lines)
  }

  private mutating func startPage(at line: Int, boundary: String) {
    pages.append(Page(firstLine: line, boundary: boundary))
  }

  /// Numbers the current page from its markers; when two disagree (`PAGE 02 OF 07` above an
  /// inner `PAGE 01`), the one that continues the sequence wins, else the one with a total.
  private mutating func label(with markers: [Int], lines: [TextLine]) {
    guard !markers.isEmpty else { return }
    let parsed = markers.compactMap { PageMarker(FurnitureText.tokens(lines[$0].text)) }
    var page = pages[pages.count - 1]
    let expected = pages.count >= 2 ? pages[pages.count - 2].number.map { $0 + 1 } : 1
    let candidates = (page.number.map { [PageMarker(number: $0, total: page.total)] } ?? []) + parsed
    let best = candidates.first { $0.number == expected } ?? candidates.first { $0.total != nil }
      ?? candidates[0]
    page.number = best.number
    page.total = best.total ?? candidates.compactMap(\.total).first
    pages[pages.count - 1] = page
  }

  private mutating func inferFirstPageNumber() {
    if pages.count >= 2, pages[0].number == nil, pages[1].number == 2 { pages[0].number = 1 }
  }
}

extension PageMarker {
  init(number: Int?, total: Int?) {
    self.number = number
    self.total = total
  }
}
