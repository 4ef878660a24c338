import CableMend
import Testing

@Suite("FurnitureInjector")
struct FurnitureInjectorTests {
  /// A cable written for these tests, in the gold layout.
  static let gold = """
    O R 201340Z MAR 73
    FM AMEMBASSY KUWAIT
    TO SECSTATE WASHDC IMMEDIATE
    INFO AMEMBASSY LONDON
    CONFIDENTIAL KUWAIT 0886
    EXDIS
    E.O. 11652: GDS
    TAGS: PFOR, KU, US
    SUBJECT: TEST CABLE FOR THE INJECTOR

    1. \(String(repeating: "THIS PARAGRAPH IS LONG ENOUGH TO WRAP OVER SEVERAL LINES. ", count: 12))

    2. \(String(repeating: "A SECOND PARAGRAPH FILLS ANOTHER PAGE OR SO OF TEXT HERE. ", count: 14))

    3. SHORT ONE.

    STOLTZFUS

    """

  static func words(_ text: String) -> [Substring] { text.split(whereSeparator: { $0 == " " || $0 == "\n" }) }

  @Test(arguments: FurnitureInjector.Style.allCases)
  func bodyIsKeptAndFurnitureIsMarked(style: FurnitureInjector.Style) {
    let dump = FurnitureInjector(seed: 11).inject(into: Self.gold, style: style)
    #expect(dump.style == style)
    #expect(dump.pageCount >= 2)
    let body = dump.lines.indices.filter { !dump.isFurniture[$0] }.map { dump.lines[$0] }.joined(separator: "\n")
    #expect(Self.words(body) == Self.words(Self.gold))
    #expect(!dump.injectedFurniture.isEmpty)
    #expect(dump.lines.allSatisfy { $0.count <= 80 })
    let bytes = Array(dump.text.utf8)
    for (index, range) in dump.lineRanges.enumerated() {
      #expect(String(decoding: bytes[range], as: UTF8.self) == dump.lines[index])
    }
  }

  @Test func sameSeedSameDumpOtherSeedOtherDump() {
    let a = FurnitureInjector(seed: 5).inject(into: Self.gold)
    let b = FurnitureInjector(seed: 5).inject(into: Self.gold)
    let c = FurnitureInjector(seed: 6).inject(into: Self.gold, style: a.style)
    #expect(a == b)
    #expect(a.text != c.text)
  }

  @Test func truthFileListsTheInjectedLines() {
    let injector = FurnitureInjector(seed: 9)
    let dump = injector.inject(into: Self.gold, style: .foiaRelease)
    let truth = injector.truth(for: dump, source: "test")
    #expect(truth.furniture == dump.injectedFurniture)
    #expect(truth.seed == 9)
    #expect(truth.generator?.contains("foiaRelease") == true)
  }

  @Test func archiveCopySeparatesPagesWithFormFeeds() {
    let dump = FurnitureInjector(seed: 3).inject(into: Self.gold, style: .archiveCopy)
    #expect(dump.text.filter { $0 == "\u{0C}" }.count == dump.pageCount - 1)
  }

  @Test func furnitureCarriesTheCablesClassificationAndNumber() {
    let dump = FurnitureInjector(seed: 2, options: .init(damage: 0)).inject(into: Self.gold, style: .incomingTelegram)
    #expect(dump.injectedFurniture.contains("CONFIDENTIAL"))
    #expect(dump.injectedFurniture.contains { $0.hasPrefix("PAGE 01 KUWAIT 00886 201340Z") })
  }

  @Test func emptyGoldGivesAnEmptyPage() {
    let dump = FurnitureInjector(seed: 1).inject(into: "", style: .outgoingState)
    #expect(dump.pageCount == 1)
    #expect(dump.lines.indices.allSatisfy { dump.isFurniture[$0] || dump.lines[$0].isEmpty })
  }
}
