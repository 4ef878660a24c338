/// The candidates the `names` stage has found for each token, kept for one run of the stage so
/// that a spelling is resolved once per cue and pass, and again in a later pass only when what
/// changed can change its answer.
///
/// A token's candidates (``NameResolver/personCandidates(_:cue:reads:)`` and
/// ``NameResolver/wordCandidates(_:previous:next:reads:)``) are a function of the token's text,
/// its cue (clearance offices, title words, whether an unknown word stands beside it, the words
/// right beside it: the ``Key``), the static model, and of the document only through:
/// - how often a word occurs (`CableContext.counts`), how often a pair of words does
///   (`CableContext.pairs`) and the clean mentions of a name in a name context
///   (`NameResolver.strongMentions`), each read for the token's text and for the spelling of a
///   candidate the indexes proposed (the ``Entry/words``, whether or not that candidate was
///   kept): a pair is read only with a candidate's spelling in it;
/// - the document's person names (`NameResolver.documentNames`), which join the candidates when
///   their length is near the token's (``Entry/lengths``);
/// - the cable's date and its countries, read for every person candidate.
///
/// Between two passes ``invalidate(after:)`` compares these with the previous pass's and drops
/// every entry that read something that changed: all of them when the date or the countries
/// changed. An entry kept therefore holds exactly the candidates a fresh resolution would give.
/// `NameMemoTests` checks a memoised run against resolving every token afresh.
struct NameMemo {
  struct Key: Hashable {
    var text: String
    var offices: [String]?
    var title: [String]
    var unknownNeighbour: Bool
    /// The upper-case neighbours the person cue reads (only spaces between).
    var previous: String?
    var next: String?
    /// The neighbouring tokens the word candidates read (whatever separates them).
    var previousToken: String?
    var nextToken: String?
  }

  struct Entry {
    var candidates: [NameCandidate]
    /// The token's text and every spelling the indexes proposed for it.
    var words: [String]
    /// The lengths of document names that would join the candidates.
    var lengths: ClosedRange<Int>
  }

  private var entries: [Key: Entry] = [:]
  /// What the entries were computed against.
  private var counts: [String: Int] = [:]
  private var pairs: [String: Int] = [:]
  private var strong: [String: Int] = [:]
  private var documentNames: [Int] = []
  private var countries: [String] = []
  private var date: LexiconDate?
  private var started = false

  subscript(key: Key) -> Entry? {
    get { entries[key] }
    set { entries[key] = newValue }
  }

  /// Drops the entries that the change from the previous pass's context to `resolver`'s can
  /// affect, and remembers `resolver`'s context for the next pass.
  mutating func invalidate(after resolver: NameResolver, nameLength: (Int) -> Int) {
    let context = resolver.context
    defer {
      counts = context.counts
      pairs = context.pairs
      strong = resolver.strongMentions
      documentNames = resolver.documentNames
      countries = resolver.countries
      date = context.date
      started = true
    }
    guard started, !entries.isEmpty else { return }
    if date != context.date || countries != resolver.countries {
      entries.removeAll()
      return
    }
    var changed = Self.changedKeys(counts, context.counts)
    changed.formUnion(Self.changedKeys(strong, resolver.strongMentions))
    for pair in Self.changedKeys(pairs, context.pairs) {
      for word in pair.split(separator: " ") { changed.insert(String(word)) }
    }
    let names = Set(documentNames).symmetricDifference(resolver.documentNames).map(nameLength)
    guard !changed.isEmpty || !names.isEmpty else { return }
    entries = entries.filter { _, entry in
      !names.contains(where: entry.lengths.contains) && !entry.words.contains(where: changed.contains)
    }
  }

  private static func changedKeys(_ old: [String: Int], _ new: [String: Int]) -> Set<String> {
    var result: Set<String> = []
    for (key, value) in old where new[key] != value { result.insert(key) }
    for (key, _) in new where old[key] == nil { result.insert(key) }
    return result
  }
}
