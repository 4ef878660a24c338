/// The English word list the `names` stage checks and corrects ordinary words against.
///
/// It is Debian's `wamerican` list (`/usr/share/dict/american-english`), which `Scripts/setup`
/// installs. Words are upper-cased; possessives (`'s`) and entries with other punctuation are
/// dropped. When the file is absent, ``system`` is nil and the stage turns word correction off
/// (and says so in the document's notes).
public struct EnglishWords: Sendable {
  public static let defaultPath = "/usr/share/dict/american-english"

  public let words: Set<String>
  /// Words of three letters or more, for candidates.
  let index: CandidateIndex

  public init(lines: some Sequence<Substring>) {
    var words: Set<String> = []
    for line in lines {
      let word = line.hasSuffix("'s") ? line.dropLast(2) : line
      guard !word.isEmpty, word.utf8.allSatisfy({ ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }) else { continue }
      words.insert(word.uppercased())
    }
    self.words = words
    self.index = CandidateIndex(terms: words.filter { $0.utf8.count >= 3 }.sorted().map { Array($0.utf8) },
                                maxDeletes: 1)
  }

  /// Reads a word list, one word a line; nil when the file cannot be read.
  public static func load(path: String) -> EnglishWords? {
    guard let bytes = try? InputReader.read(path) else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    return EnglishWords(lines: text.split(separator: "\n"))
  }

  /// The system word list, read and indexed once per process.
  public static let system: EnglishWords? = load(path: defaultPath)
}
