/// Breaks long words across line ends the way a typist or teletype operator did
/// (`INFORMA-` / `TION`): where a line is followed by another line of the same text block and the
/// next line opens with a long plain word, the word's head moves up with a hyphen if it fits in
/// the wrap width. Only words of at least eight letters without a hyphen of their own are split,
/// so the unwrap stage can tell these hyphens from real ones (NON-PROLIFERATION). Furniture and
/// blank lines are never touched. The count is recorded in `truth.damage`.
/// - Complexity: O(n) in the number of lines.
public struct LineEndHyphenator: NoiseComponent {
  public var kind: String { "hyphenation" }
  public var chance: Double
  public var width: Int

  public init(chance: Double, width: Int) {
    self.chance = chance
    self.width = width
  }

  public func apply(to dump: inout NoisyDump, using random: inout SeededRandom) {
    var count = 0
    for p in dump.pages.indices {
      for l in dump.pages[p].lines.indices.dropLast() {
        let (upper, lower) = (dump.pages[p].lines[l], dump.pages[p].lines[l + 1])
        guard upper.role == .text, lower.role == .text, !upper.text.isEmpty,
          let word = lower.text.split(separator: " ").first, word.count >= 8,
          word.allSatisfy(\.isLetter)
        else { continue }
        let room = width - upper.text.count - 2
        let cut = min(room, word.count - 3)
        guard cut >= 3, random.chance(chance) else { continue }
        dump.pages[p].lines[l].text += " " + word.prefix(cut) + "-"
        dump.pages[p].lines[l + 1].text = String(lower.text.dropFirst(cut))
        count += 1
      }
    }
    dump.truth.damage.append("hyphenation \(count) words broken at line ends")
  }
}
