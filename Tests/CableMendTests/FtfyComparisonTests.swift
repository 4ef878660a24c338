import Foundation
import Testing

@testable import CableMend

/// Runs ftfy's own test cases (`../shared/data/peers/ftfy-test-cases`, never copied into the
/// repository) through the `unicode` stage.
///
/// Expected output is `fixed`, or `original` for `negative.json`. Two figures are kept:
/// - *strict*: the stage's output (teletype folding on, as for cables) equals the expected
///   text exactly, scalar for scalar;
/// - *policy-adjusted*: the expected text is first put through the stage's deliberate
///   differences from ftfy, i.e. the stage with its mojibake repair switched off (no-break
///   spaces become spaces, dashes and quotes fold to ASCII, C1 controls are removed,
///   Cyrillic look-alikes in Latin words become Latin). This measures the encoding repair
///   itself, which is what ftfy's cases are about.
@Suite struct FtfyComparisonTests {
  struct Case: Decodable {
    var label: String
    var original: String
    var fixed: String
  }

  static let files = ["in-the-wild.json", "synthetic.json", "negative.json"]

  static var folder: URL? {
    SupportPaths.sharedData?.appendingPathComponent("peers/ftfy-test-cases")
  }

  struct Tally {
    var total = 0
    var strict = 0
    var adjusted = 0
    var failures: [String] = []
  }

  static func clean(_ text: String, repairs: UnicodeCleaner.Repairs) -> String {
    var document = InputDecoder.decode(Array(text.utf8), name: "case")
    UnicodeCleaner(repairs: repairs).run(&document)
    return document.lines.map(\.text).joined(separator: "\n")
  }

  static func tally() throws -> Tally {
    var tally = Tally()
    for file in files {
      let url = folder!.appendingPathComponent(file)
      let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
      for item in cases {
        let expected = file == "negative.json" ? item.original : item.fixed
        let output = clean(item.original, repairs: .all)
        let adjustedExpected = clean(expected, repairs: UnicodeCleaner.Repairs.all.subtracting(.mojibake))
        tally.total += 1
        if output.unicodeScalars.elementsEqual(expected.unicodeScalars) { tally.strict += 1 }
        let exact = output.unicodeScalars.elementsEqual(expected.unicodeScalars)
        if exact || output.unicodeScalars.elementsEqual(adjustedExpected.unicodeScalars) {
          tally.adjusted += 1
        } else {
          tally.failures.append("\(file): \(item.label)\n    got      \(output.debugDescription)\n    expected \(adjustedExpected.debugDescription)")
        }
      }
    }
    return tally
  }

  @Test(.enabled(if: folder != nil, "needs ../shared/data/peers/ftfy-test-cases beside the checkout"))
  func passRateOnFtfyCases() throws {
    let tally = try Self.tally()
    print("ftfy cases: \(tally.total); policy-adjusted pass \(tally.adjusted) (\(percent(tally.adjusted, tally.total))); strict pass \(tally.strict) (\(percent(tally.strict, tally.total)))")
    for failure in tally.failures { print("  fail \(failure)") }
    #expect(tally.total == 131)
    #expect(tally.adjusted >= 114)  // measured 114 of 131 (87.0%)
    #expect(tally.strict >= 101)  // measured 101 of 131 (77.1%)
  }

  private func percent(_ part: Int, _ whole: Int) -> String {
    String(format: "%.1f%%", 100 * Double(part) / Double(max(whole, 1)))
  }
}
