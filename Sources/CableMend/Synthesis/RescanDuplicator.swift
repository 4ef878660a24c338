/// Repeats text the way rescans and overlapping page images do: the last lines of a page again at
/// the top of the next one, or a whole page a second time. Copies are tagged `.duplicate` and
/// recorded line by line, as written, in `truth.duplicates`.
/// - Complexity: O(n) in the lines copied.
public struct RescanDuplicator: NoiseComponent {
  public var kind: String { "duplicates" }
  public var count: ClosedRange<Int>

  public init(count: ClosedRange<Int>) { self.count = count }

  public func apply(to dump: inout NoisyDump, using random: inout SeededRandom) {
    let wanted = Int.random(in: count, using: &random)
    var done = 0
    for _ in 0..<wanted where !dump.pages.isEmpty {
      let index = Int.random(in: 0..<dump.pages.count, using: &random)
      let text = dump.pages[index].lines.filter { $0.role == .text && !$0.text.isEmpty }
      guard !text.isEmpty else { continue }
      let copies: [NoisyDump.Line]
      if dump.pages.count > 1, random.chance(0.25) {
        copies = text.map { .init($0.text, role: .duplicate) }
        dump.pages.insert(.init(number: dump.pages[index].number, lines: copies), at: index + 1)
      } else {
        copies = text.suffix(Int.random(in: 1...3, using: &random)).map { .init($0.text, role: .duplicate) }
        if index + 1 < dump.pages.count {
          dump.pages[index + 1].lines.insert(contentsOf: copies, at: 0)
        } else {
          dump.pages[index].lines += copies
        }
      }
      dump.truth.duplicates += copies.map(\.text)
      done += 1
    }
    dump.truth.damage.append("duplicates \(done) runs")
  }
}
