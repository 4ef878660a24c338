import Foundation

/// Everything the `names` stage looks things up in, built once from a ``Lexicon``: the name
/// tokens and their candidate index, the posts by routing prefix, office symbols, and the words
/// of roles (for title cues).
///
/// The model for the default lexicon is built once per process (``NameModel/defaultModel``);
/// a pipeline with extra lexicons builds its own.
public struct NameModel: Sendable {
  public let lexicon: Lexicon
  /// Upper-case name tokens (surname words and variants), and the person entries behind each.
  let nameTerms: [[UInt8]]
  let entriesOfTerm: [[Int32]]
  let termNumber: [String: Int]
  let nameIndex: CandidateIndex
  /// Every token the lexicon knows: names, post words, office symbols and their parts, terms.
  let known: Set<String>
  let offices: Set<String>
  /// Posts by routing prefix (`AMEMBASSY`): the words after the prefix, and the entry.
  let posts: [String: [Post]]
  /// How rare each role word is (inverse document frequency over person roles).
  let roleWordWeight: [String: Double]
  /// How many roles begin with each word (SECRETARY, AMBASSADOR, SENATOR): title heads.
  let roleInitialCounts: [String: Int]
  /// Word pairs that occur in roles and full names (`UNDER SECRETARY`), as `A B`.
  let rolePairs: Set<String>
  /// Distinctive words of the countries of posts (`LAOS`, `KENYA`; not `REPUBLIC`), and the
  /// country words of each post (`AMEMBASSY VIENTIANE` -> `LAOS`).
  let countryWords: Set<String>
  let countryOfPost: [String: [String]]
  /// The words of each person entry, split once here instead of once per candidate a token is
  /// scored against (that was about half of the `names` stage); empty for other entries.
  let entryWords: [EntryWords]

  /// ``words(_:)`` of a person entry's role and full name, and what the stage derives from them.
  struct EntryWords: Sendable {
    /// The words of the role.
    var role: [String] = []
    /// The first word of each `;`-separated part of the role.
    var roleHeads: [String] = []
    /// The words of the full name.
    var fullName: [String] = []
    /// ``LexiconEntry/initials``.
    var initials: [UInt8] = []

    init() {}

    init(_ entry: LexiconEntry) {
      role = NameModel.words(entry.role)
      roleHeads = entry.role.split(separator: ";").compactMap { NameModel.words(String($0)).first }
      fullName = NameModel.words(entry.fullName)
      initials = entry.initials
    }
  }

  struct Post: Sendable {
    var words: [String]
    var phrase: [UInt8]
    var entry: Int
  }

  public init(lexicon: Lexicon) {
    self.lexicon = lexicon
    var tables = Tables()
    for (number, entry) in lexicon.entries.enumerated() { tables.add(entry, number: number) }
    self.nameTerms = tables.terms
    self.entriesOfTerm = tables.entriesOfTerm
    self.termNumber = tables.termNumber
    self.nameIndex = CandidateIndex(terms: tables.terms, maxDeletes: 2)
    self.known = tables.known
    self.offices = tables.offices
    self.posts = tables.posts
    let total = Double(max(tables.personCount, 1))
    self.roleWordWeight = tables.roleCounts.mapValues { log(total / Double($0)) }
    self.rolePairs = tables.rolePairs
    self.roleInitialCounts = tables.roleInitialCounts
    // Country words common in roles (UNITED, as in United States) say nothing about a cable.
    let common = Set(tables.roleCounts.filter { Double($0.value) > total * 0.02 }.keys)
    (countryWords, countryOfPost) = Self.countries(lexicon, excluding: common)
    entryWords = lexicon.entries.map { $0.kind == .person ? EntryWords($0) : EntryWords() }
  }

  /// The lookup tables, filled one lexicon entry at a time.
  private struct Tables {
    var termNumber: [String: Int] = [:]
    var terms: [[UInt8]] = []
    var entriesOfTerm: [[Int32]] = []
    var known: Set<String> = []
    var offices: Set<String> = []
    var posts: [String: [Post]] = [:]
    var roleCounts: [String: Int] = [:]
    var rolePairs: Set<String> = []
    var roleInitialCounts: [String: Int] = [:]
    var personCount = 0

    mutating func add(_ entry: LexiconEntry, number: Int) {
      switch entry.kind {
      case .person: addPerson(entry, number: number)
      case .post:
        let words = NameModel.words(entry.name)
        known.formUnion(words)
        guard words.count >= 2 else { return }
        let rest = Array(words.dropFirst())
        posts[words[0], default: []].append(
          Post(words: rest, phrase: Array(rest.joined(separator: " ").utf8), entry: number))
      case .office:
        offices.insert(entry.name)
        known.formUnion(NameModel.words(entry.name))
      case .term:
        known.formUnion(NameModel.words(entry.name))
      }
    }

    private mutating func addPerson(_ entry: LexiconEntry, number: Int) {
      personCount += 1
      for form in [entry.name] + entry.variants {
        for word in NameModel.words(form) where word.utf8.count >= 2 {
          known.insert(word)
          let id: Int
          if let existing = termNumber[word] {
            id = existing
          } else {
            terms.append(Array(word.utf8))
            entriesOfTerm.append([])
            id = terms.count - 1
            termNumber[word] = id
          }
          if entriesOfTerm[id].last != Int32(number) { entriesOfTerm[id].append(Int32(number)) }
        }
      }
      let roleWords = NameModel.words(entry.role)
      if let first = roleWords.first { roleInitialCounts[first, default: 0] += 1 }
      for word in Set(roleWords) { roleCounts[word, default: 0] += 1 }
      for (a, b) in zip(roleWords, roleWords.dropFirst()) { rolePairs.insert(a + " " + b) }
    }
  }

  private static func countries(_ lexicon: Lexicon, excluding common: Set<String>) -> (
    Set<String>, [String: [String]]
  ) {
    var countriesOfWord: [String: Set<String>] = [:]
    for entry in lexicon.entries where entry.kind == .post && !entry.role.isEmpty {
      for word in words(entry.role) where word.utf8.count >= 4 {
        countriesOfWord[word, default: []].insert(entry.role)
      }
    }
    // A word shared by three or more countries (REPUBLIC, SOUTH, GUINEA) says nothing.
    let distinctive = Set(countriesOfWord.filter { $0.value.count <= 2 && !common.contains($0.key) }.keys)
    var ofPost: [String: [String]] = [:]
    for entry in lexicon.entries where entry.kind == .post && !entry.role.isEmpty {
      ofPost[entry.name] = words(entry.role).filter(distinctive.contains)
    }
    return (distinctive, ofPost)
  }

  /// True when a role word and a country word are the same or one is a prefix of the other
  /// (LAO and LAOS, KENYAN and KENYA, IRAQI and IRAQ).
  static func sameCountry(_ roleWord: String, _ country: String) -> Bool {
    if roleWord == country { return true }
    let (short, long) = roleWord.utf8.count < country.utf8.count ? (roleWord, country) : (country, roleWord)
    let n = short.utf8.count
    guard n >= 3, long.hasPrefix(short) else { return false }
    // LAO/LAOS, KENYA/KENYAN, EGYPT/EGYPTIAN; not EMIR/EMIRATES.
    return long.utf8.count - n <= (n >= 5 ? 3 : 1)
  }

  /// Upper-case runs of ASCII letters in `text`.
  ///
  /// Called for lexicon roles once per candidate a token is scored against, so ASCII text (all
  /// of the shipped lexicon) is split on its bytes: the same words, without upper-casing and
  /// walking the text by `Character`, which was about a sixth of a typical telegram's time.
  static func words(_ text: String) -> [String] {
    if let ascii = text.utf8.withContiguousStorageIfAvailable(asciiWords), let ascii { return ascii }
    return text.uppercased().split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init)
  }

  /// ``words(_:)`` of ASCII bytes; nil when a byte is not ASCII.
  private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
    var result: [String] = []
    var start = -1
    for index in 0...bytes.count {
      let byte: UInt8 = index < bytes.count ? bytes[index] : 0x20
      guard byte < 0x80 else { return nil }
      let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
      if isLetter && start < 0 { start = index }
      if !isLetter && start >= 0 {
        result.append(String(decoding: bytes[start..<index].lazy.map { $0 & 0xDF }, as: UTF8.self))
        start = -1
      }
    }
    return result
  }

  /// The default lexicon shipped with the library, parsed and indexed once per process.
  public static let defaultModel: Result<NameModel, LexiconError> = {
    Result { () throws(LexiconError) -> NameModel in NameModel(lexicon: try defaultLexicon()) }
  }()

  /// The default OCR cost table, read once per process.
  public static let defaultCosts: Result<OCRDistance, LexiconError> = {
    Result { () throws(LexiconError) -> OCRDistance in
      try OCRDistance(table: try resourceText("ocr-costs"), file: "ocr-costs.tsv")
    }
  }()

  /// The text of the default OCR cost table (`ocr-costs.tsv`).
  public static func defaultCostTable() throws(LexiconError) -> String { try resourceText("ocr-costs") }

  /// True when `token` (upper case) is part of a person's name in the lexicon.
  public func isPersonNameToken(_ token: String) -> Bool { termNumber[token] != nil }

  static func defaultLexicon() throws(LexiconError) -> Lexicon {
    var lexicon = Lexicon()
    for name in ["officials", "curated"] {
      lexicon.append(contentsOf: try Lexicon.parse(try resourceText(name), file: "\(name).tsv"))
    }
    return lexicon
  }

  private static func resourceText(_ name: String) throws(LexiconError) -> String {
    guard
      let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources/lexicon")
        ?? Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "lexicon"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else {
      throw LexiconError(
        file: "\(name).tsv", line: 0,
        problem: "the library's resource is missing; rebuild the package (swift build)")
    }
    return text
  }

  /// Reads a user lexicon file.
  /// - Throws: ``LexiconError`` naming the file, line and problem.
  public static func readLexicon(path: String) throws(LexiconError) -> Lexicon {
    let bytes: [UInt8]
    do {
      bytes = try InputReader.read(path)
    } catch {
      throw LexiconError(file: path, line: 0, problem: "\(error.reason); \(error.advice)")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw LexiconError(file: path, line: 0, problem: "is not valid UTF-8; save it as UTF-8 text")
    }
    return try Lexicon.parse(text, file: path)
  }
}
