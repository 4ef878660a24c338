import Testing

@testable import CableMend

/// Guards against steps that grow faster than the document, without timing anything: the work
/// a step does (comparisons counted by the code itself) on a document and on one twice as long
/// must grow about 2x, not 4x. Speed itself is measured only in `Benchmarks/`.
@Suite struct LinearityTests {
  /// `count` random upper-case shapes of `length` letters: far more than the tolerance apart,
  /// so none groups with another and every one is a new group (the worst case for grouping).
  static func distinctShapes(_ count: Int, length: Int = 20, seed: UInt64 = 1) -> [[UInt8]] {
    var rng = SeededRandom(seed: seed)
    return (0..<count).map { _ in (0..<length).map { _ in UInt8.random(in: 65...90, using: &rng) } }
  }

  /// The grouping the furniture stage used before ``ShapeGroups``: every shape against every
  /// group, earliest match wins.
  static func fullScan(_ shapes: [[UInt8]]) -> [[Int]] {
    var groups: [(shape: [UInt8], members: [Int])] = []
    for (index, shape) in shapes.enumerated() {
      if let group = groups.firstIndex(where: { ShapeGroups.same($0.shape, shape) }) {
        groups[group].members.append(index)
      } else {
        groups.append((shape, [index]))
      }
    }
    return groups.map(\.members)
  }

  static func grouped(_ shapes: [[UInt8]], scanLimit: Int = ShapeGroups.defaultScanLimit) -> ShapeGroups {
    var groups = ShapeGroups(scanLimit: scanLimit)
    for (index, shape) in shapes.enumerated() { groups.add(shape, member: index) }
    return groups
  }

  @Test func shapeGroupingWorkGrowsLinearly() {
    // A small window keeps the test fast; the default window behaves the same beyond 256 groups.
    let window = 24
    let n = 4 * window
    let single = Self.grouped(Self.distinctShapes(n), scanLimit: window).comparisons
    let double = Self.grouped(Self.distinctShapes(2 * n), scanLimit: window).comparisons
    #expect(single > 0)
    // A scan of every group would make this ratio about 4.
    #expect(Double(double) / Double(single) < 2.5, "comparisons \(single) -> \(double)")
  }

  @Test func repeatedShapesCostNoComparisons() {
    let shapes = Self.distinctShapes(50)
    let once = Self.grouped(shapes).comparisons
    let thrice = Self.grouped(shapes + shapes + shapes)
    #expect(thrice.comparisons == once)
    #expect(thrice.members.allSatisfy { $0.count == 3 })
  }

  @Test func emptyAndOneShape() {
    #expect(Self.grouped([]).members.isEmpty)
    let one = Self.grouped([Array("PAGE # OF #".utf8)])
    #expect(one.members == [[0]])
    #expect(one.comparisons == 0)
  }

  /// Below the window the grouping is exactly the full scan's, also for damaged copies of a few
  /// heads (within the tolerance of one another, in a random order).
  @Test(arguments: 0..<20)
  func groupingEqualsTheFullScanBelowTheWindow(seed: Int) {
    var rng = SeededRandom(seed: UInt64(seed))
    let heads = Self.distinctShapes(6, length: Int.random(in: 6...40, using: &rng), seed: UInt64(seed) + 100)
    let shapes: [[UInt8]] = (0..<120).map { _ in
      var shape = heads[Int.random(in: 0..<heads.count, using: &rng)]
      for _ in 0..<Int.random(in: 0...3, using: &rng) {
        let at = Int.random(in: 0..<shape.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: shape[at] = UInt8.random(in: 35...90, using: &rng)
        case 1 where shape.count > 1: shape.remove(at: at)
        default: shape.insert(UInt8.random(in: 65...90, using: &rng), at: at)
        }
      }
      return shape
    }
    #expect(Self.grouped(shapes).members == Self.fullScan(shapes))
  }

  /// A dump of `pages` pages separated by form feeds, each with its own unknown running head,
  /// a page head and a paragraph: the page edges hold distinct short lines.
  static func dump(pages: Int, seed: UInt64) -> String {
    let heads = distinctShapes(pages, length: 24, seed: seed).map { String(decoding: $0, as: UTF8.self) }
    return heads.enumerated().map { page, head in
      "\(head)\nPAGE \(page % 9 + 1) OF 9\n\nTHE MINISTER SAID THE TALKS WOULD RESUME NEXT WEEK AND\n"
        + "THAT HE EXPECTED NO CHANGE IN THE POSITION OF EITHER SIDE.\n\n\(head.prefix(10))\n"
    }.joined(separator: "\u{0C}")
  }

  static func headComparisons(_ text: String) throws -> Int {
    let pipeline = try Pipeline(options: MendOptions(stages: [.pages]))
    let document = pipeline.mend(Array(text.utf8), name: "linearity").document
    return FurnitureJudgement(document: document, edgeDepth: FurnitureStripper.edgeDepth).headComparisons
  }

  /// The same document twice over (a release that repeats its pages): the second copy's edge
  /// lines join their groups without a comparison, so the work does not double, let alone grow 4x.
  @Test func runningHeadWorkOnADocumentDoubled() throws {
    let dump = Self.dump(pages: 30, seed: 7)
    let single = try Self.headComparisons(dump)
    let double = try Self.headComparisons(dump + "\u{0C}" + dump)
    #expect(single > 0)
    #expect(double <= 2 * single, "comparisons \(single) -> \(double)")
  }
}
