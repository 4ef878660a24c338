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
  /// Word pairs that occur in roles and full names (`UNDER SECRETARY`), as `A B`.
  let rolePairs: Set<String>

  struct Post: Sendable {
    var words: [String]
    var phrase: [UInt8]
    var entry: Int
  }

  public init(lexicon: Lexicon) {
    self.lexicon = lexicon
    var termNumber: [String: Int] = [:]
    var terms: [[UInt8]] = []
    var entriesOfTerm: [[Int32]] = []
    var known: Set<String> = []
    var offices: Set<String> = []
    var posts: [String: [Post]] = [:]
    var roleCounts: [String: Int] = [:]
    var rolePairs: Set<String> = []
    var personCount = 0
    for (number, entry) in lexicon.entries.enumerated() {
      switch entry.kind {
      case .person:
        personCount += 1
        for form in [entry.name] + entry.variants {
          for word in Self.words(form) where word.utf8.count >= 2 {
            known.insert(word)
            let id = termNumber[word] ?? {
              terms.append(Array(word.utf8))
              entriesOfTerm.append([])
              termNumber[word] = terms.count - 1
              return terms.count - 1
            }()
            if entriesOfTerm[id].last != Int32(number) { entriesOfTerm[id].append(Int32(number)) }
          }
        }
        let roleWords = Self.words(entry.role)
        for word in Set(roleWords) { roleCounts[word, default: 0] += 1 }
        for (a, b) in zip(roleWords, roleWords.dropFirst()) { rolePairs.insert(a + " " + b) }
      case .post:
        let words = Self.words(entry.name)
        known.formUnion(words)
        guard words.count >= 2 else { continue }
        let rest = Array(words.dropFirst())
        posts[words[0], default: []].append(Post(words: rest, phrase: Array(rest.joined(separator: " ").utf8),
                                                 entry: number))
      case .office:
        offices.insert(entry.name)
        known.formUnion(Self.words(entry.name))
      case .term:
        known.formUnion(Self.words(entry.name))
      }
    }
    self.nameTerms = terms
    self.entriesOfTerm = entriesOfTerm
    self.termNumber = termNumber
    self.nameIndex = CandidateIndex(terms: terms, maxDeletes: 2)
    self.known = known
    self.offices = offices
    self.posts = posts
    let total = Double(max(personCount, 1))
    self.roleWordWeight = roleCounts.mapValues { log(total / Double($0)) }
    self.rolePairs = rolePairs
  }

  /// Upper-case runs of ASCII letters in `text`.
  static func words(_ text: String) -> [String] {
    text.uppercased().split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init)
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

  static func defaultLexicon() throws(LexiconError) -> Lexicon {
    var lexicon = Lexicon()
    for name in ["officials", "curated"] {
      lexicon.append(contentsOf: try Lexicon.parse(try resourceText(name), file: "\(name).tsv"))
    }
    return lexicon
  }

  private static func resourceText(_ name: String) throws(LexiconError) -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources/lexicon")
      ?? Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "lexicon"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else {
      throw LexiconError(file: "\(name).tsv", line: 0,
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
