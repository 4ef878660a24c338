import Foundation

/// Gives names of officials OCR-style misspellings (`KIMMITT` -> `KINNITT`), everywhere they
/// occur in the dump's text lines, and records each pair in `truth.names`.
///
/// The names are found in the telegram itself: the signature, the word after a title
/// (`AMBASSADOR`, `SECRETARY`, `UNDER SECRETARY`, `PRESIDENT` ...) and the names of the drafting
/// block (`P:AKANTER`). Only whole words of at least four letters are changed; the misspelling is
/// protected from later damage so that the truth entry stays exact.
/// - Complexity: O(n·k) for n characters and k names.
public struct NameMisspeller: NoiseComponent {
  public var kind: String { "names" }
  public var count: ClosedRange<Int>

  public init(count: ClosedRange<Int>) { self.count = count }

  static let titles: Set<String> = ["AMBASSADOR", "SECRETARY", "PRESIDENT", "SENATOR"]
  /// Words that follow a title without being a name ("THE SECRETARY WILL", "SECRETARY GENERAL").
  static let notNames: Set<String> = [
    "WILL", "WOULD", "SHOULD", "COULD", "SAID", "TOLD", "ASKED", "HAS", "HAD", "WAS", "GENERAL",
    "DESIGNATE", "FROM", "THAT", "THIS", "WITH", "ALSO", "THEN", "REPLIED", "NOTED", "SAYS",
    "STATE", "DEFENSE", "COMMERCE", "AGRICULTURE", "TREASURY", "MAKE", "MAKES", "WISHES", "HOPES",
    "BEFORE", "AFTER", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY", "AUGUST",
    "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "BELIEVES", "EXPECTS", "MAY", "MIGHT", "MUST", "DOES", "DID", "WERE", "WANTS", "GAVE",
  ]

  /// Candidate names in the telegram, in order of first appearance.
  static func names(in facts: CableFacts, lines: [String]) -> [String] {
    var found: [String] = []
    func add(_ word: Substring) {
      let name = word.trimmingCharacters(in: .letters.inverted)
      // Verbs after a title ("THE AMBASSADOR PROPOSED") are not names.
      let verbLike = name.count > 5 && (name.hasSuffix("ED") || name.hasSuffix("ING") || name.hasSuffix("LY"))
      if name.count >= 4, !verbLike, name.allSatisfy(\.isLetter), !titles.contains(name), !notNames.contains(name),
        !found.contains(name) {
        found.append(name)
      }
    }
    if let signature = facts.signature { add(Substring(signature)) }
    for line in facts.headerLines where line.contains(":") && !line.hasPrefix("E.O.") {
      if line.hasPrefix("TAGS") || line.hasPrefix("SUBJECT") || line.hasPrefix("REF") { continue }
      // `OFFICE:INITIALSNAME`: the name part is the word after the last colon.
      if let last = line.split(separator: ":").last { add(last.split(separator: " ").last ?? last) }
    }
    for line in lines {
      let words = line.split(separator: " ")
      for (i, word) in words.enumerated().dropLast() where titles.contains(String(word)) {
        add(words[i + 1])
      }
    }
    return found
  }

  public func apply(to dump: inout NoisyDump, using random: inout SeededRandom) {
    let texts = dump.textLinePositions.map { dump.pages[$0.page].lines[$0.line].text }
    var pool = Self.names(in: dump.facts, lines: texts)
    pool.shuffle(using: &random)
    let wanted = Int.random(in: count, using: &random)
    var done = 0
    for name in pool where done < wanted {
      guard let wrong = OCRNameSpelling.misspell(name, random: &random),
        !texts.contains(where: { $0.containsWord(wrong) })
      else { continue }
      var replaced = 0
      for (p, l) in dump.textLinePositions {
        replaced += dump.pages[p].lines[l].text.replaceWord(name, with: wrong)
      }
      guard replaced > 0 else { continue }
      dump.truth.names.append(.init(wrong: wrong, right: name))
      dump.protectedWords.insert(wrong)
      done += 1
    }
    dump.truth.damage.append("names \(done) misspelt")
  }
}

extension String {
  /// True when `word` occurs delimited by non-letters.
  func containsWord(_ word: String) -> Bool {
    var copy = self
    return copy.replaceWord(word, with: word) > 0
  }

  /// Replaces every whole-word occurrence (delimited by non-letters); returns how many.
  @discardableResult
  mutating func replaceWord(_ word: String, with replacement: String) -> Int {
    guard !word.isEmpty else { return 0 }
    var count = 0
    var search = startIndex
    while let range = self.range(of: word, range: search..<endIndex) {
      let before = range.lowerBound == startIndex ? nil : self[index(before: range.lowerBound)]
      let after = range.upperBound == endIndex ? nil : self[range.upperBound]
      if before?.isLetter != true, after?.isLetter != true {
        replaceSubrange(range, with: replacement)
        search = index(range.lowerBound, offsetBy: replacement.count)
        count += 1
      } else {
        search = index(after: range.lowerBound)
      }
    }
    return count
  }
}
