/// Puts the dump's text out of order, as scanning and re-filing do: drops a page, moves short
/// runs of lines (fragments) to other places, and shuffles the pages. Page numbers stay with
/// their pages, so running heads added later still tell the true order. Each change is recorded
/// in `truth.droppedPages` or `truth.moves`.
/// - Complexity: O(n) in the number of lines per change.
public struct PageScrambler: NoiseComponent {
  public var kind: String { "order" }
  public var moves: ClosedRange<Int>
  public var shuffle: Double
  public var drop: Double

  public init(moves: ClosedRange<Int>, shuffle: Double, drop: Double) {
    self.moves = moves
    self.shuffle = shuffle
    self.drop = drop
  }

  public func apply(to dump: inout NoisyDump, using random: inout SeededRandom) {
    if dump.pages.count >= 3, random.chance(drop) {
      let index = Int.random(in: 1..<dump.pages.count, using: &random)
      dump.truth.droppedPages.append(dump.pages[index].number)
      dump.pages.remove(at: index)
    }
    let wanted = Int.random(in: moves, using: &random)
    var moved = 0
    for _ in 0..<wanted {
      // Most draws straddle a page break or a blank line; a few tries always find a fragment.
      for _ in 0..<20 where moveFragment(in: &dump, random: &random) {
        moved += 1
        break
      }
    }
    if dump.pages.count >= 2, random.chance(shuffle) {
      let before = dump.pages.map(\.number)
      var order = before
      while order == before { order.shuffle(using: &random) }
      dump.pages.sort { order.firstIndex(of: $0.number)! < order.firstIndex(of: $1.number)! }
      dump.truth.moves.append("pages in dump order: " + order.map(String.init).joined(separator: ", "))
    }
    dump.truth.damage.append("order \(moved) fragments moved, \(dump.truth.droppedPages.count) pages dropped")
  }

  /// Cuts 1–3 consecutive non-blank text lines and pastes them at least five lines away.
  private func moveFragment(in dump: inout NoisyDump, random: inout SeededRandom) -> Bool {
    let positions = dump.textLinePositions
    guard positions.count >= 12 else { return false }
    let length = Int.random(in: 1...3, using: &random)
    let start = Int.random(in: 0..<(positions.count - length), using: &random)
    let run = positions[start..<(start + length)]
    guard run.allSatisfy({ $0.page == run.first!.page }),
      run.allSatisfy({ !dump.pages[$0.page].lines[$0.line].text.isEmpty })
    else { return false }
    var target = start
    while abs(target - start) < 5 + length { target = Int.random(in: 0..<positions.count, using: &random) }
    let (page, first) = run.first!
    let lines = Array(dump.pages[page].lines[first..<(first + length)])
    let anchor = positions[target]
    dump.pages[page].lines.removeSubrange(first..<(first + length))
    // Removing lines above the anchor on the same page shifts it up.
    let line = anchor.page == page && anchor.line > first ? anchor.line - length : anchor.line
    dump.pages[anchor.page].lines.insert(contentsOf: lines, at: line)
    dump.truth.moves.append(
      "moved \(length) line(s) from page \(dump.pages[page].number) to page "
        + "\(dump.pages[anchor.page].number): \(lines[0].text)")
    return true
  }
}
