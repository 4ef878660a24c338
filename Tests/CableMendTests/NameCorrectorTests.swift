import Foundation
import Testing

@testable import CableMend

@Suite struct NameCorrectorTests {
  static let names = try! Pipeline(options: MendOptions(stages: [.names]))

  func nameEdits(_ text: String, pipeline: Pipeline = names) -> [Edit] {
    pipeline.mend(Array(text.utf8)).document.edits.filter { $0.stage == .names }
  }

  /// Every correction the issue lists for the sample, and nothing else. `P: BRIMMITT` becomes
  /// `P: RKIMMITT`, not `P: KIMMITT`: clearance lines glue the first initial to the surname
  /// (as `RSOLCHON` -> `RSOLOMON` shows), and Kimmitt's forename is Robert, so the OCR read R as
  /// B and K as R. The surname corrected is KIMMITT, as the table says.
  static let expected: Set<String> = [
    "BRIMMITT>RKIMMITT", "KINNIFF>KIMMITT", "RSOLCHON>RSOLOMON", "SOLCHON>SOLOMON", "SCHIFFER>SCHIFTER",
    "UNCER>UNDER", "BOMB>BONN", "USOM>USUN",
  ]

  @Test func sampleThroughUnicodeAndNames() throws {
    let bytes = try SupportPaths.bytes(SupportPaths.sample)
    let pipeline = try Pipeline(options: MendOptions(stages: [.unicode, .names]))
    let result = pipeline.mend(bytes, name: "sample")
    let edits = result.document.edits.filter { $0.stage == .names }
    #expect(Set(edits.map { "\($0.before)>\($0.after)" }) == Self.expected)
    #expect(edits.count == 9)  // SOLCHON occurs twice
    for edit in edits {
      #expect(edit.kind == .replace)
      #expect(
        Array(bytes[edit.source.range]) == Array(edit.before.utf8), "offsets point at the damaged token")
      #expect(edit.evidence.first?.key == "candidates")
      #expect(edit.evidence.first?.value.contains(edit.after) == true)
      #expect(edit.evidence.count >= 2, "the evidence used is recorded")
      #expect(edit.confidence > 0.5 && edit.confidence < 1)
    }
    // No other token changed: undoing the edits gives the input back, line by line.
    let original = String(decoding: bytes, as: UTF8.self)
    var undone = result.document.lines.map(\.text).joined(separator: "\n")
    for edit in edits { undone = undone.replacingOccurrences(of: edit.after, with: edit.before) }
    #expect(
      undone.split(separator: "\n", omittingEmptySubsequences: false).count
        == original.split(separator: "\n", omittingEmptySubsequences: false).count)
    #expect(result.text.contains("APPROVED BY: P: RKIMMITT"))
    #expect(result.text.contains("UNDER SECRETARY KIMMITT"))
    #expect(result.text.contains("TO AMEMBASSY BONN 0250/60"))
    #expect(result.text.contains("USMISSION USUN NEW YORK"))
  }

  @Test func sampleThroughTheFullPipeline() throws {
    let result = try Pipeline().mend(try SupportPaths.bytes(SupportPaths.sample), name: "sample")
    let made = Set(result.document.edits.filter { $0.stage == .names }.map { "\($0.before)>\($0.after)" })
    // Other stages may remove furniture lines, but every damaged name in the body is fixed.
    #expect(made.isSubset(of: Self.expected))
    for fix in ["KINNIFF>KIMMITT", "SOLCHON>SOLOMON", "SCHIFFER>SCHIFTER", "UNCER>UNDER"] {
      #expect(made.contains(fix))
    }
    for damaged in ["KINNIFF", "SOLCHON", "SCHIFFER", "UNCER "] { #expect(!result.text.contains(damaged)) }
  }

  @Test func emptyAndBlankDocumentsAreLeftAlone() {
    #expect(nameEdits("").isEmpty)
    #expect(nameEdits("\n\n  \n").isEmpty)
  }

  @Test(arguments: [
    "O P 040336Z DEC 90",
    "TAGS: PREL, PFOR, MASS, CM, US, KIMMIT",
    "E.O. 12356: DECL: OADR",
    "SECRET STATE 415364 SS09427 AB3-00 /001R",
    "--THE SECRETARY AND QIAN MET FOR TWO HOURS ON THE PERSIAN GULF CRISIS.",
    "S/S-O: EAP/CM: NSC: INR/EAP",
    "Review Authority: Twainswort and lower case text",
  ])
  func validWordsNumbersCodesAndSymbolsAreNeverChanged(line: String) {
    #expect(nameEdits(line).isEmpty)
  }

  @Test func unknownNameWithoutContextIsLeftUnchanged() {
    // XANTHOPOLIS resembles no lexicon name closely enough, and nothing in context helps.
    #expect(nameEdits("O P 040336Z DEC 90\n\n--XANTHOPOLIS SAID THAT THE TALKS WOULD CONTINUE.").isEmpty)
  }

  @Test func titleAndDateSupportACorrectionWithoutOtherMentions() {
    let edits = nameEdits("O P 040336Z DEC 90\n\n--ASSISTANT SECRETARY SOLCHON TOLD THE MINISTER.")
    #expect(edits.map(\.after) == ["SOLOMON"])
    let evidence = edits.first?.evidence.map(\.value).joined(separator: " ") ?? ""
    #expect(evidence.contains("within tenure"))
    #expect(evidence.contains("ASSISTANT SECRETARY"))
  }

  @Test func theCablesDateDecidesBetweenNamesakes() {
    // Without a date that covers Kimmitt's tenure, a lone damaged KINNIFF stays as it is.
    #expect(nameEdits("O P 040336Z DEC 62\n\n--KINNIFF NOTED THE ISSUES.").isEmpty)
  }

  @Test func clearanceInitialsAreKeptAndTheOfficeCounts() {
    let edits = nameEdits("O P 040336Z DEC 90\n\nAPPROVED BY: EAP: RSOLCHON")
    #expect(edits.map(\.after) == ["RSOLOMON"])
    #expect(edits.first?.evidence.contains { $0.value.contains("clearance office EAP") } == true)
  }

  @Test func wordCorrectionNeedsAPairSeenElsewhere() {
    #expect(nameEdits("UNCER SECRETARY BAKER MET THEM.").isEmpty)
    let edits = nameEdits("UNCER SECRETARY BAKER MET THEM.\nLATER THE UNDER SECRETARY LEFT.")
    #expect(edits.map(\.after) == ["UNDER"])
  }

  @Test func withoutAWordListWordCorrectionIsOffAndSaidSo() throws {
    let corrector = NameCorrector(
      model: try NameModel.defaultModel.get(), costs: try NameModel.defaultCosts.get(),
      english: nil)
    var document = InputDecoder.decode(Array("UNCER SECRETARY X.\nTHE UNDER SECRETARY.".utf8), name: "x")
    corrector.run(&document)
    #expect(document.edits.isEmpty)
    #expect(document.notes.contains { $0.contains("word correction is off") })
  }

  @Test func hostileInputDoesNotTrip() {
    let long = String(repeating: "KIMMITTX", count: 200)
    let text =
      "\(long)\n\u{FFFD}\u{FFFD} ÄÖÜ KİMMİTT\n" + String(repeating: "AMEMBASSY ", count: 50)
      + "\nAMEMBASSY\nINFO ZEN/AMEMBASSY"
    #expect(nameEdits(text).isEmpty)
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func damageThenRepairRoundTripsOnManyNames(seed: UInt64) throws {
    // Damaged mentions of names that the same cable also names cleanly come back.
    let clean = "O P 040336Z DEC 90\n\nUNDER SECRETARY KIMMITT AND ASSISTANT SECRETARY SOLOMON MET SCOWCROFT."
    let corruptor = NameCorruptor(seed: seed, rate: 1, costTable: try NameModel.defaultCostTable())
    let (damaged, corruptions) = corruptor.corrupt("--KIMMITT AND SOLOMON SAW SCOWCROFT.") {
      ["KIMMITT", "SOLOMON", "SCOWCROFT"].contains($0)
    }
    #expect(corruptions.count == 3)
    let edits = nameEdits(clean + "\n" + damaged)
    for edit in edits { #expect(corruptions.contains { $0.wrong == edit.before && $0.right == edit.after }) }
  }
}

@Suite struct NameCorruptorTests {
  static let table = try! NameModel.defaultCostTable()

  @Test func sameSeedSameDamageAndRangesPointAtTheDamage() {
    let text = "--KIMMITT MET SOLOMON AND KIMMITT AGAIN; SOLOMON LEFT."
    let isName: (String) -> Bool = { ["KIMMITT", "SOLOMON"].contains($0) }
    let a = NameCorruptor(seed: 7, rate: 1, costTable: Self.table).corrupt(text, isName: isName)
    let b = NameCorruptor(seed: 7, rate: 1, costTable: Self.table).corrupt(text, isName: isName)
    #expect(a.text == b.text && a.corruptions == b.corruptions)
    #expect(a.corruptions.count == 4)
    let bytes = Array(a.text.utf8)
    for c in a.corruptions {
      #expect(String(decoding: bytes[c.range], as: UTF8.self) == c.wrong)
      #expect(c.wrong != c.right && c.wrong.allSatisfy { $0.isUppercase })
    }
    #expect(NameCorruptor.truth(a.corruptions).map(\.right) == ["KIMMITT", "SOLOMON", "KIMMITT", "SOLOMON"])
  }

  @Test func rateZeroAndEmptyTextChangeNothing() {
    let none = NameCorruptor(seed: 1, rate: 0, costTable: Self.table).corrupt("KIMMITT") { _ in true }
    #expect(none.text == "KIMMITT" && none.corruptions.isEmpty)
    #expect(
      NameCorruptor(seed: 1, rate: 1, costTable: Self.table).corrupt("") { _ in true }.corruptions.isEmpty)
  }
}

@Suite struct NameLookupTests {
  static let corrector = try! NameCorrector(options: MendOptions())

  @Test func suggestionsRankTheTrueSpellingFirstOrClose() {
    #expect(Self.corrector.suggestions(for: "KINNIFF").first?.text == "KIMMITT")
    #expect(Self.corrector.suggestions(for: "SCHIFFER").contains { $0.text == "SCHIFTER" && $0.isName })
    #expect(Self.corrector.suggestions(for: "UNCER").contains { $0.text == "UNDER" && !$0.isName })
  }

  /// The bounds that skip candidates and stop distances early must not change a suggestion:
  /// every upper-case word of the sample (OCR damage included) and damaged copies of lexicon
  /// names, at several limits, against every candidate scored in full.
  @Test(arguments: [1, 3, 10])
  func pruningKeepsEverySuggestion(limit: Int) throws {
    let text = String(decoding: try SupportPaths.bytes(SupportPaths.sample), as: UTF8.self)
    var tokens = text.split(whereSeparator: { !$0.isLetter }).map(String.init).filter {
      $0.count >= 3 && $0 == $0.uppercased()
    }
    tokens += ["KINNIFF", "SCHIFFER", "UNCER", "RNURPHY", "WASHINGTCN", "AMBASSADCR", "SECRETAHY", "Q", "ÉCOLE"]
    for token in Set(tokens).sorted() {
      #expect(
        Self.corrector.suggestions(for: token, limit: limit)
          == Self.corrector.unprunedSuggestions(for: token, limit: limit), "\(token)")
    }
  }

  @Test func knownEmptyAndHostileTokens() {
    #expect(Self.corrector.suggestions(for: "KIMMITT") == [.init(text: "KIMMITT", cost: 0, isName: true)])
    #expect(Self.corrector.suggestions(for: "").isEmpty)
    #expect(Self.corrector.suggestions(for: String(repeating: "Q", count: 500)).isEmpty)
  }
}

extension NameCorrector {
  /// Every candidate scored in full and sorted, without the bounds: the plain version that
  /// ``NameCorrector/suggestions(for:limit:)`` must agree with.
  func unprunedSuggestions(for token: String, limit: Int) -> [Suggestion] {
    let bytes = Array(token.utf8)
    guard !bytes.isEmpty, bytes.count <= CandidateIndex.maxLength else { return [] }
    if model.known.contains(token) || english?.words.contains(token) == true {
      return [Suggestion(text: token, cost: 0, isName: model.isPersonNameToken(token))]
    }
    let maxCost = NameResolver.costLimit(length: bytes.count)
    var found: [Suggestion] = []
    var lists: [(CandidateIndex, Bool, Int?)] = [(model.nameIndex, true, NameResolver.queryDeletes(bytes.count))]
    if let english { lists.append((english.index, false, nil)) }
    for (index, isName, deletes) in lists {
      var seen: [Int] = []
      index.forEachCandidate(of: bytes, queryDeletes: deletes) { seen.append($0) }
      for term in Set(seen).sorted() {
        if let cost = costs.cost(truth: index.terms[term], ocr: bytes, limit: maxCost) {
          found.append(
            Suggestion(text: String(decoding: index.terms[term], as: UTF8.self), cost: Double(cost) / 100, isName: isName))
        }
      }
    }
    found.sort { $0.cost != $1.cost ? $0.cost < $1.cost : $0.text < $1.text }
    return Array(found.prefix(limit))
  }
}
