import Foundation
import Testing

@testable import CableMend

@Suite struct LexiconTests {
  static let header = "kind\tname\tfull_name\tvariants\trole\toffice\tstart\tend\n"

  @Test func emptyTextGivesEmptyLexicon() throws {
    #expect(try Lexicon.parse("", file: "x.tsv").entries.isEmpty)
    #expect(try Lexicon.parse("# only a comment\n\n", file: "x.tsv").entries.isEmpty)
  }

  @Test func oneRowIsReadWithDatesVariantsAndOrigin() throws {
    let text =
      Self.header
      + "person\tKimmitt\tRobert Michael Kimmitt\tkimmit | KIMMET\tUnder Secretary of State for Political Affairs\tP\t1989-03-02\t1991-08\n"
    let entry = try #require(try Lexicon.parse(text, file: "mine.tsv").entries.first)
    #expect(entry.kind == .person)
    #expect(entry.name == "KIMMITT")
    #expect(entry.variants == ["KIMMIT", "KIMMET"])
    #expect(entry.role == "UNDER SECRETARY OF STATE FOR POLITICAL AFFAIRS")
    #expect(entry.office == "P")
    #expect(entry.firstInitial == UInt8(ascii: "R"))
    #expect(entry.origin == "mine.tsv:2")
    #expect(entry.tenureCovers(LexiconDate(year: 1990, month: 12, day: 4)) == true)
    #expect(entry.tenureCovers(LexiconDate(year: 1991, month: 8, day: 30)) == true)  // month precision
    #expect(entry.tenureCovers(LexiconDate(year: 1992, month: 1, day: 1)) == false)
  }

  @Test func manyKindsAndCRLFLineEnds() throws {
    let text =
      "post\tAMEMBASSY BONN\tEmbassy\t\tGermany\t\t1955\t1999\r\n"
      + "office\tEAP\tEast Asia\t\t\t\t\t\r\nterm\tEXDIS\tcaption\t\t\t\t\t\r\n"
    let lexicon = try Lexicon.parse(text, file: "x.tsv")
    #expect(lexicon.entries.map(\.kind) == [.post, .office, .term])
    #expect(lexicon.entries[0].end == LexiconDate(year: 1999))
  }

  @Test(arguments: [
    ("person\tX\n", 1, "expected 8 tab-separated columns"),
    ("people\tKIMMITT\t\t\t\t\t\t\n", 1, "unknown kind 'people'"),
    ("person\t \t\t\t\t\t\t\n", 1, "the name column is empty"),
    ("# c\nperson\tKIMMITT\t\t\t\t\t1989-13\t\n", 2, "bad start date '1989-13'"),
    ("person\tKIMMITT\t\t\t\t\t1990\tsoon\n", 1, "bad end date 'soon'"),
    ("\n\nperson\tKIMMITT\t\t\t\t\t1991\t1989\n", 3, "end date 1989 is before start date 1991"),
  ])
  func badRowsNameFileLineAndProblem(text: String, line: Int, problem: String) {
    #expect {
      _ = try Lexicon.parse(text, file: "bad.tsv")
    } throws: { error in
      guard let error = error as? LexiconError else { return false }
      return error.file == "bad.tsv" && error.line == line && error.problem.contains(problem)
        && error.description.hasPrefix("lexicon bad.tsv:\(line): ")
    }
  }

  @Test func datesOfEachPrecision() {
    #expect(LexiconDate("1990")?.lowerBound == 1990_0101)
    #expect(LexiconDate("1990-12")?.upperBound == 1990_1231)
    #expect(LexiconDate("1990-12-04")?.description == "1990-12-04")
    for bad in ["", "90", "1990-00", "1990-02-32", "x-1-1", "1990-1-1-1"] { #expect(LexiconDate(bad) == nil) }
  }

  @Test func defaultLexiconHoldsOfficialsPostsAndOffices() throws {
    let model = try NameModel.defaultModel.get()
    let kimmitt = model.lexicon.entries.filter {
      $0.kind == .person && $0.name == "KIMMITT" && $0.office == "P"
    }
    #expect(kimmitt.count == 1)
    #expect(kimmitt.first?.tenureCovers(LexiconDate(year: 1990, month: 12, day: 4)) == true)
    #expect(model.lexicon.entries.contains { $0.kind == .person && $0.name == "QIAN QICHEN" })
    #expect(model.posts["AMEMBASSY"]?.contains { $0.words == ["BONN"] } == true)
    #expect(model.posts["USMISSION"]?.contains { $0.words == ["USUN", "NEW", "YORK"] } == true)
    #expect(model.offices.isSuperset(of: ["EAP", "S/S", "NSC", "P"]))
    #expect(model.lexicon.entries.count > 15_000)
  }

  @Test func userLexiconAddsEntriesAndBadOnesFailClearly() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cablemend-lexicon-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let good = folder.appendingPathComponent("good.tsv")
    try
      "person\tZORBLATT\tAnna Zorblatt\t\tDeputy Assistant Secretary for Imaginary Affairs\tIMA\t1988\t1992\n"
      .write(to: good, atomically: true, encoding: .utf8)
    let bad = folder.appendingPathComponent("bad.tsv")
    try "# mine\nperson\tZORBLATT\n".write(to: bad, atomically: true, encoding: .utf8)

    let corrector = try NameCorrector(options: MendOptions(lexiconPaths: [good.path]))
    #expect(corrector.model.isPersonNameToken("ZORBLATT"))
    #expect(throws: LexiconError.self) { _ = try Pipeline(options: MendOptions(lexiconPaths: [bad.path])) }
    do {
      _ = try Pipeline(options: MendOptions(lexiconPaths: [bad.path]))
    } catch let error as LexiconError {
      #expect(error.file == bad.path && error.line == 2)
    }
    let missing = folder.appendingPathComponent("missing.tsv").path
    #expect {
      _ = try NameCorrector(options: MendOptions(lexiconPaths: [missing]))
    } throws: { ($0 as? LexiconError)?.description.contains("missing.tsv") == true }
  }
}

@Suite struct OCRDistanceTests {
  static let costs = try! NameModel.defaultCosts.get()

  func cost(_ truth: String, _ ocr: String, limit: Int32 = .max) -> Int32? {
    Self.costs.cost(truth: Array(truth.utf8), ocr: Array(ocr.utf8), limit: limit)
  }

  @Test func identicalAndEmptyWordsCostNothingOrPerCharacter() {
    #expect(cost("KIMMITT", "KIMMITT") == 0)
    #expect(cost("", "") == 0)
    #expect(cost("AB", "") ?? 0 > 0)
  }

  @Test func commonConfusionsCostLessThanArbitraryEdits() {
    #expect(cost("UNDER", "UNCER")! < OCRDistance.unit)
    #expect(cost("KIMMITT", "KINNIFF")! < 2 * OCRDistance.unit)
    #expect(cost("MODERN", "MODEM")! < OCRDistance.unit)  // RN read as M counts once
    #expect(cost("UNDER", "UNXER")! == OCRDistance.unit)
  }

  @Test func limitStopsEarly() {
    #expect(cost("KIMMITT", "SOLOMON", limit: 100) == nil)
    #expect(cost("KIMMITT", "KIMMITT", limit: 0) == 0)
  }

  /// The length bound never exceeds the cost, and a limit (with the band and the early stop it
  /// allows) gives exactly the unlimited cost when that is within it and nil otherwise, over
  /// random words rich in the table's confusions, non-ASCII bytes and empty words included.
  @Test func limitAndLengthBoundAreExact() {
    let alphabet = Array("RNMILDCOHUFBSEAT1 0".utf8) + Array("É".utf8)
    var rng = SeededRandom(seed: 11)
    for _ in 0..<3000 {
      let truth = (0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
      var ocr = truth
      for _ in 0..<Int.random(in: 0...4, using: &rng) {
        let c = alphabet.randomElement(using: &rng)!
        if ocr.isEmpty || rng.chance(0.3) {
          ocr.insert(c, at: Int.random(in: 0...ocr.count, using: &rng))
        } else if rng.chance(0.5) {
          ocr.remove(at: Int.random(in: 0..<ocr.count, using: &rng))
        } else {
          ocr[Int.random(in: 0..<ocr.count, using: &rng)] = c
        }
      }
      let full = Self.costs.cost(truth: truth, ocr: ocr)!
      #expect(Self.costs.lengthBound(truth: truth.count, ocr: ocr.count) <= full)
      #expect(multisetBound(truth, ocr) <= full, "\(truth) \(ocr)")
      for limit: Int32 in [0, 30, 60, 100, 150, 250] {
        #expect(Self.costs.cost(truth: truth, ocr: ocr, limit: limit) == (full <= limit ? full : nil))
      }
    }
  }
}

extension OCRDistanceTests {
  func multisetBound(_ truth: [UInt8], _ ocr: [UInt8], costs: OCRDistance = Self.costs) -> Int32 {
    var counts = [Int32](repeating: 0, count: 128)
    return truth.withUnsafeBufferPointer { t in
      ocr.withUnsafeBufferPointer { o in
        counts.withUnsafeMutableBufferPointer { c in
          costs.truthWeight.withUnsafeBufferPointer { tw in
            costs.ocrWeight.withUnsafeBufferPointer { ow in
              OCRDistance.countLetters(o, into: c.baseAddress!)
              let bound = costs.multisetBound(truth: t, ocr: o, counts: c.baseAddress!, truthWeight: tw, ocrWeight: ow)
              // The counts are the OCR word's again afterwards.
              var again = [Int32](repeating: 0, count: 128)
              again.withUnsafeMutableBufferPointer { OCRDistance.countLetters(o, into: $0.baseAddress!) }
              #expect(Array(c) == again)
              return bound
            }
          }
        }
      }
    }
  }

  /// The letter bound is zero for anagrams and equal words, positive when letters differ, and
  /// at most the true cost for random words of upper-case letters and digits (the words
  /// lookups meet), with the default table and with a table of unit costs.
  @Test func multisetBoundNeverExceedsTheCost() {
    #expect(multisetBound([], []) == 0)
    #expect(multisetBound(Array("KIMMITT".utf8), Array("KIMMITT".utf8)) == 0)
    #expect(multisetBound(Array("ABC".utf8), Array("CBA".utf8)) == 0)
    #expect(multisetBound(Array("UNDER".utf8), Array("UNXER".utf8)) > 0)
    #expect(multisetBound(Array("AB".utf8), []) <= Self.costs.cost(truth: Array("AB".utf8), ocr: [])!)
    let plain = OCRDistance()
    #expect(multisetBound(Array("ABC".utf8), Array("XYZ".utf8), costs: plain) == 300)
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8) + Array("É".utf8)
    var rng = SeededRandom(seed: 12)
    for _ in 0..<3000 {
      let truth = (0..<Int.random(in: 0...10, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
      let ocr = (0..<Int.random(in: 0...10, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
      for costs in [Self.costs, plain] {
        #expect(multisetBound(truth, ocr, costs: costs) <= costs.cost(truth: truth, ocr: ocr)!)
      }
    }
  }
}

@Suite struct CandidateIndexTests {
  @Test(arguments: [
    ("KINNIFF", "KIMMITT"), ("SOLCHON", "SOLOMON"), ("RIMMITT", "KIMMITT"), ("UNCER", "UNDER"),
  ])
  func findsTheTrueSpelling(token: String, truth: String) {
    let index = CandidateIndex(
      terms: ["KIMMITT", "SOLOMON", "UNDER", "SCHIFTER"].map { Array($0.utf8) }, maxDeletes: 2)
    var found: Set<String> = []
    index.forEachCandidate(of: Array(token.utf8)) {
      found.insert(String(decoding: index.terms[$0], as: UTF8.self))
    }
    #expect(found.contains(truth))
  }

  @Test func emptyIndexAndEmptyTokenFindNothing() {
    let empty = CandidateIndex(terms: [], maxDeletes: 2)
    var count = 0
    empty.forEachCandidate(of: Array("KIMMITT".utf8)) { _ in count += 1 }
    let index = CandidateIndex(terms: [Array("KIMMITT".utf8)], maxDeletes: 1)
    index.forEachCandidate(of: []) { _ in count += 1 }
    #expect(count == 0)
  }
}
