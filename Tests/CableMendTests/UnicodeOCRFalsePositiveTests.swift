import Foundation
import Testing

@testable import CableMend

/// Real English OCR output (ICDAR 2017 post-OCR corpus, all 813 English files, read from
/// `../shared/data/ocr-gt`, never copied), with its aligned gold standard, is full of odd
/// characters but has no mojibake: the mojibake repair must leave it alone. Ligatures (`ﬁ`, `ſ`) are unfolded and the odd Cyrillic
/// letter in an English word is caught.
@Suite struct UnicodeOCRFalsePositiveTests {
  static var folder: URL? {
    SupportPaths.sharedData?.appendingPathComponent("ocr-gt/icdar2017-eng")
  }

  @Test(.enabled(if: folder != nil, "needs ../shared/data/ocr-gt beside the checkout"))
  func noMojibakeRepairsOnRealOCR() throws {
    var text = ""
    for sub in [
      "training/eng_monograph", "training/eng_periodical", "evaluation/eng_monograph",
      "evaluation/eng_periodical",
    ] {
      let directory = Self.folder!.appendingPathComponent(sub)
      for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
        // Whole files: the raw OCR, the aligned OCR and the aligned gold standard.
        text += try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) + "\n"
      }
    }
    var document = InputDecoder.decode(Array(text.utf8), name: "icdar")
    try UnicodeCleaner(options: MendOptions(teletype: false)).run(&document)
    let mojibake = document.edits.filter { $0.reason.hasPrefix("mojibake") }
    let ligatures = document.edits.filter { $0.reason.hasPrefix("compatibility letter form") }
    let lookAlikes = document.edits.filter { $0.reason.hasPrefix("look-alike") }
    print(
      "ICDAR English OCR: \(text.utf8.count) bytes, \(document.edits.count) edits, \(mojibake.count) mojibake, \(ligatures.count) ligatures, \(lookAlikes.count) look-alikes"
    )
    #expect(text.utf8.count > 10_000_000)
    #expect(mojibake.isEmpty)
    #expect(ligatures.count >= 3_900)  // measured 3971 (ﬁ, ﬀ, ﬃ, ﬂ, ﬄ, ſ)
    // `ten, А. M.`, `аnd`, `nо`: Cyrillic letters in English text, checked by hand.
    #expect(lookAlikes.map(\.before) == ["\u{410}", "\u{430}", "\u{43E}"])
  }
}
