/// Makes a scrambled dump from a clean telegram (frus-dev layout), with ground truth, to measure
/// the `unwrap` and `order` stages.
///
/// What it does, in order, all driven by one seed:
/// 1. Hard-wraps every body paragraph at ``width`` columns (header fields stay one per line).
/// 2. Lays the fragments out on pages of about ``pageLines`` lines; a paragraph that does not
///    fit is split at a line end, its tail going to the top of the next page (a broken
///    sentence, as on paper).
/// 3. Cuts the tail off some paragraphs at a line end (a broken sentence) and moves it, or moves
///    a whole paragraph, to another place on the same page (the moves seen in the sample).
/// 4. Drops a page other than the first (its text is gone; the truth lists it).
/// 5. Shuffles the pages; each page keeps its printed number with probability
///    ``keepPageNumber`` (a running head `PAGE nn OF mm`).
///
/// Each fragment carries its index in reading order, so the expected order of what survives is
/// known exactly.
public struct Scrambler: Sendable {
  public var width = 60
  public var pageLines = 26
  public var tailCut = 0.25
  public var moves = 2
  public var dropPage = 0.3
  public var shufflePages = 0.5
  public var keepPageNumber = 0.8

  public init() {}

  /// A piece of the telegram as it sits in the dump.
  public struct Piece: Sendable, Hashable {
    /// Its place in the telegram's reading order.
    public var index: Int
    /// Physical lines (wrapped).
    public var lines: [String]
    public var isHeader: Bool
    public var text: String { lines.joined(separator: " ") }
  }

  public struct Page: Sendable, Hashable {
    /// 1-based page number in the telegram.
    public var number: Int
    /// Whether the running head with the number survived.
    public var numberSurvives: Bool
    public var pieces: [Piece]
  }

  public struct Result: Sendable {
    /// Pages in dump order (after shuffling and dropping).
    public var pages: [Page]
    public var pageCount: Int
    public var truth: TruthFile
    /// Body pieces (not header lines) that survive, in reading order.
    public var expectedBody: [Piece] {
      pages.flatMap(\.pieces).filter { !$0.isHeader }.sorted { $0.index < $1.index }
    }

    /// The dump as text: each page under a `PAGE nn OF mm` running head (when it survives),
    /// pieces separated by blank lines, pages separated by form feeds.
    public func rawText(origin: String = "CABLE") -> String {
      pages.map { page in
        var out: [String] = []
        if page.numberSurvives {
          out.append("PAGE \(String(format2: page.number)) OF \(String(format2: pageCount)) \(origin)")
          out.append("")
        }
        out.append(page.pieces.map { $0.lines.joined(separator: "\n") }.joined(separator: "\n\n"))
        return out.joined(separator: "\n")
      }.joined(separator: "\n\u{0C}") + "\n"
    }
  }

  public func scramble(gold: String, seed: UInt64, source: String) -> Result {
    var rng = SeededRandom(seed: seed)
    var truth = TruthFile()
    truth.generator = "scrambler 1: width \(width), page \(pageLines) lines"
    truth.seed = seed
    truth.source = source
    let pieces = makePieces(gold, rng: &rng)
    var pages = paginate(pieces)
    let lastIndex = pieces.count - 1 + (pages.flatMap(\.pieces).count - pieces.count)
    for _ in 0..<moves { moveFragment(&pages, keeping: lastIndex, rng: &rng, truth: &truth) }
    let total = pages.count
    if pages.count > 2, rng.chance(dropPage) {
      let victim = Int.random(in: 1..<pages.count, using: &rng)
      truth.droppedPages.append(pages[victim].number)
      pages.remove(at: victim)
    }
    for k in pages.indices { pages[k].numberSurvives = rng.chance(keepPageNumber) }
    if pages.count > 1, rng.chance(shufflePages) {
      pages.shuffle(using: &rng)
      truth.moves.append("pages shuffled: " + pages.map { String($0.number) }.joined(separator: ","))
    }
    return Result(pages: pages, pageCount: total, truth: truth)
  }

  /// Header lines one piece each; body paragraphs wrapped, some cut into head and tail.
  func makePieces(_ gold: String, rng: inout SeededRandom) -> [Piece] {
    let blocks = gold.split(separator: "\n\n", omittingEmptySubsequences: true).map(String.init)
    var pieces: [Piece] = []
    for (b, block) in blocks.enumerated() {
      if b == 0 && blocks.count > 1 {
        for line in block.split(separator: "\n") {
          pieces.append(Piece(index: pieces.count, lines: [String(line)], isHeader: true))
        }
        continue
      }
      let wrapped = wrap(block.replacingNewlines, width: width)
      if wrapped.count >= 3, rng.chance(tailCut) {
        let cut = Int.random(in: 1..<wrapped.count, using: &rng)
        pieces.append(Piece(index: pieces.count, lines: Array(wrapped[..<cut]), isHeader: false))
        pieces.append(Piece(index: pieces.count, lines: Array(wrapped[cut...]), isHeader: false))
      } else {
        pieces.append(Piece(index: pieces.count, lines: wrapped, isHeader: false))
      }
    }
    return pieces
  }

  func paginate(_ pieces: [Piece]) -> [Page] {
    var pages: [Page] = [Page(number: 1, numberSurvives: true, pieces: [])]
    var used = 0
    var queue = pieces[...]
    var nextIndexShift = 0
    while var piece = queue.popFirst() {
      piece.index += nextIndexShift
      let need = piece.lines.count + (used > 0 ? 1 : 0)
      if used + need > pageLines && used > 0 {
        let room = pageLines - used - 1
        if !piece.isHeader && room >= 2 && piece.lines.count - room >= 1 {
          var head = piece
          head.lines = Array(piece.lines[..<room])
          pages[pages.count - 1].pieces.append(head)
          piece.lines = Array(piece.lines[room...])
          piece.index += 1
          nextIndexShift += 1
        }
        pages.append(Page(number: pages.count + 1, numberSurvives: true, pieces: []))
        used = 0
      }
      used += piece.lines.count + (used > 0 ? 1 : 0)
      pages[pages.count - 1].pieces.append(piece)
    }
    return pages
  }

  /// Moves a paragraph tail (or a whole paragraph) to another place on its page.
  func moveFragment(_ pages: inout [Page], keeping last: Int, rng: inout SeededRandom, truth: inout TruthFile) {
    func movable(_ piece: Piece) -> Bool { !piece.isHeader && piece.index != last }
    let candidates = pages.indices.filter { pages[$0].pieces.filter(movable).count >= 3 }
    guard let p = candidates.randomElement(using: &rng) else { return }
    let body = pages[p].pieces.indices.filter { movable(pages[p].pieces[$0]) }
    let from = body.randomElement(using: &rng)!
    let piece = pages[p].pieces.remove(at: from)
    var to = Int.random(in: 0...pages[p].pieces.count, using: &rng)
    if to == from { to = (to + 1) % (pages[p].pieces.count + 1) }
    pages[p].pieces.insert(piece, at: to)
    truth.moves.append("page \(pages[p].number): piece \(piece.index) moved from slot \(from) to \(to)")
  }

  /// Greedy word wrap.
  func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}

extension String {
  init(format2 value: Int) { self = value < 10 ? "0\(value)" : String(value) }
  var replacingNewlines: String { split(separator: "\n").joined(separator: " ") }
}
