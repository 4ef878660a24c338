import Foundation

/// Adds the furniture of scanned, declassified telegrams to every page, in up to three layers:
///
/// 1. running heads: `PAGE 02 BANGKOK 24610 090305Z` from 1973 on, `-2- BANGKOK 412, AUGUST 17`
///    before (the continuation heads of paper telegrams);
/// 2. classification banners at the top and bottom of each page, and the message centre's routing
///    lines on the first page (`ACTION EA-12`, `INFO OCT-01 ...`, the dashed rule);
/// 3. the declassification stamps of a FOIA release or of the systematic review, and end marks.
///
/// Every line it writes is recorded, exactly as written, in `truth.furniture`.
/// - Complexity: O(p) in the number of pages.
public struct PageFurniture: NoiseComponent {
  public var kind: String { "furniture" }
  public var layers: Int

  public init(layers: Int) { self.layers = layers }

  public func apply(to dump: inout NoisyDump, using random: inout SeededRandom) {
    guard layers > 0, !dump.pages.isEmpty else { return }
    let facts = dump.facts
    let modern = (facts.year ?? 80) >= 73
    let total = dump.pageCount
    let stamp = layers >= 3 ? Self.releaseStamp(random: &random) : []
    let stampPage = Int.random(in: 0..<dump.pages.count, using: &random)
    for index in dump.pages.indices {
      let number = dump.pages[index].number
      var top: [String] = []
      var bottom: [String] = []
      if layers >= 2, facts.classification != "UNCLASSIFIED" || random.chance(0.5) {
        top.append(facts.classification)
        bottom.append(facts.classification)
      }
      if modern {
        let page = String(format: "%02d", number)
        let of = random.chance(0.5) ? " OF \(String(format: "%02d", total))" : ""
        top.append("PAGE \(page)\(of) \(facts.origin) \(facts.number) \(Self.dtgTime(facts.dtg))")
      } else if number > 1 {
        top.append("-\(number)- \(facts.origin) \(facts.number.trimmingLeadingZeros)")
      }
      if layers >= 2, number == 1 { top += Self.routing(facts, random: &random) }
      if index == stampPage { top = stamp + top }
      if layers >= 3, index == dump.pages.count - 1, random.chance(0.6) {
        bottom.append(random.chance(0.5) ? "NNNN" : "<< END OF DOCUMENT >>")
      }
      dump.truth.furniture += top + bottom
      dump.pages[index].lines = top.map { .init($0, role: .furniture) } + dump.pages[index].lines
        + bottom.map { .init($0, role: .furniture) }
    }
    dump.truth.damage.append("furniture \(layers) layers, \(modern ? "page heads" : "continuation heads")")
  }

  /// `170930Z` from `R 170930Z AUG 65`.
  static func dtgTime(_ dtg: String) -> String {
    dtg.split(separator: " ").first { $0.hasSuffix("Z") && $0.count == 7 }.map(String.init) ?? ""
  }

  static func routing(_ facts: CableFacts, random: inout SeededRandom) -> [String] {
    let offices = ["EA", "EUR", "NEA", "AF", "ARA", "EB", "PM", "INR", "L", "H", "SP", "IO", "SS"]
    let action = offices.randomElement(using: &random)!
    var info = ["OCT-01"]
    for office in offices.shuffled(using: &random).prefix(Int.random(in: 3...7, using: &random)) {
      info.append("\(office)-\(String(format: "%02d", Int.random(in: 0...12, using: &random)))")
    }
    let serial = String(format: "%06d", Int.random(in: 1000...999_999, using: &random))
    return [
      facts.outgoing ? "ORIGIN \(action)-00" : "ACTION \(action)-\(String(format: "%02d", Int.random(in: 1...16, using: &random)))",
      "INFO " + info.joined(separator: " ") + " /\(String(format: "%03d", Int.random(in: 1...60, using: &random))) W",
      "------------------ \(dtgTime(facts.dtg)) \(serial) /\(Int.random(in: 10...70, using: &random))",
    ]
  }

  static func releaseStamp(random: inout SeededRandom) -> [String] {
    let year = Int.random(in: 1994...2008, using: &random)
    let date = String(format: "%02d/%02d/%02d", Int.random(in: 1...12, using: &random),
                      Int.random(in: 1...28, using: &random), year % 100)
    let reviewers = ["JOHN H. FARRELL", "GEORGE W. KAPLAN", "SHARON E. AHMAD", "HARRY R. MELONE"]
    if random.chance(0.5) {
      return [
        "UNITED STATES DEPARTMENT OF STATE",
        "REVIEW AUTHORITY: \(reviewers.randomElement(using: &random)!)",
        "DATE/CASE ID: \(date) \(year)\(String(format: "%05d", Int.random(in: 0...99_999, using: &random)))",
        random.chance(0.5) ? "RELEASED IN FULL" : "RELEASED IN PART",
        "UNCLASSIFIED",
      ]
    }
    return ["Declassified/Released US Department of State EO Systematic Review \(date)"]
  }
}

extension String {
  var trimmingLeadingZeros: String {
    let trimmed = drop { $0 == "0" }
    return trimmed.isEmpty ? "0" : String(trimmed)
  }
}
