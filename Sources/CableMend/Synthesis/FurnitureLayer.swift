/// Adds page furniture to the dump's pages with the styles of `FurnitureInjector` (banners,
/// page heads, control numbers, routing, FOIA and review stamps, damaged banners), page by page
/// on pages the generator already laid out, scrambled and OCR'd. The style is drawn from the
/// allowed ones that fit the telegram's direction (`outgoingState` only for State telegrams,
/// `incomingTelegram` only for posts' telegrams). A page whose running head did not survive
/// (``NoisyDump/Page/numberSurvives``) loses its `PAGE nn` line. Every line written is recorded,
/// as written, in `truth.furniture`.
/// - Complexity: O(p) in the number of pages.
public struct FurnitureLayer: NoiseComponent {
  public var kind: String { "furniture" }
  public var styles: [FurnitureInjector.Style]
  public var damage: Double

  public init(styles: [FurnitureInjector.Style], damage: Double) {
    self.styles = styles
    self.damage = damage
  }

  public func apply(to dump: inout NoisyDump, using random: inout SeededRandom) {
    let fitting = styles.filter {
      $0 != (dump.facts.outgoing ? .incomingTelegram : .outgoingState)
    }
    guard let style = fitting.randomElement(using: &random), !dump.pages.isEmpty else { return }
    let gold = dump.facts.headerLines.joined(separator: "\n")
    let injector = FurnitureInjector(seed: random.next(), options: .init(damage: damage))
    var cable = random
    var context = StyleContext(
      cable: GoldCable(gold, random: &cable), style: style,
      pageCount: dump.pageCount, random: random)
    for index in dump.pages.indices {
      let page = dump.pages[index]
      let top = context.top(page: page.number).filter { page.numberSurvives || !Self.isPageHead($0) }
        .map { injector.damaged($0, &context.random) }
      let bottom = context.bottom(page: page.number).map { injector.damaged($0, &context.random) }
      dump.truth.furniture += top + bottom
      dump.pages[index].lines =
        top.map { .init($0, role: .furniture) } + page.lines
        + bottom.map { .init($0, role: .furniture) }
    }
    if context.formFeeds { dump.layout = .formFeed }
    dump.truth.damage.append("furniture style \(style.rawValue), slips \(damage)")
  }

  static func isPageHead(_ line: String) -> Bool {
    ["PAGE ", "PACE ", "PAGF ", "Page "].contains { line.hasPrefix($0) }
  }
}
