import Foundation

/// Proposes and scores candidates for one suspicious token: people from the lexicon, ordinary
/// words from the English list, posts in routing lines.
struct NameResolver {
  let model: NameModel
  let costs: OCRDistance
  let english: EnglishWords?
  let context: CableContext
  /// Clean mentions of each name token in a name context: after a title, before `AS` and a
  /// title (`KHALIFA AS LIBYAN AMBASSADOR`), or beside another name token (`SOUVANNA PHOUMA`). A bare mention (`BAN LIANG`, a village) is weaker evidence.
  let strongMentions: [String: Int]
  /// Countries the cable is about: those of its addressed posts, and country names in its text;
  /// sorted, so the evidence a report names does not depend on hashing order between runs.
  let countries: [String]
  /// Person name tokens that occur in the document (``documentNames(model:english:context:)``).
  let documentNames: [Int]

  init(model: NameModel, costs: OCRDistance, english: EnglishWords?, context: CableContext) {
    self.model = model
    self.costs = costs
    self.english = english
    self.context = context
    countries = Self.countries(model: model, context: context).sorted()
    strongMentions = Self.strongMentions(model: model, english: english, context: context)
    documentNames = Self.documentNames(model: model, english: english, context: context)
  }

  private static func countries(model: NameModel, context: CableContext) -> Set<String> {
    var result: Set<String> = []
    for tokens in context.tokens {
      for (index, token) in tokens.prefix(3).enumerated() {
        guard let posts = model.posts[token.text] else { continue }
        let words = tokens.dropFirst(index + 1).prefix(4).map(\.text)
        for post in posts where words.starts(with: post.words) {
          result.formUnion(model.countryOfPost[token.text + " " + post.words.joined(separator: " ")] ?? [])
        }
      }
      for token in tokens where model.countryWords.contains(token.text) { result.insert(token.text) }
    }
    return result
  }

  /// The cable's country that the entry's role names, if any.
  func countryMatch(_ entry: LexiconEntry, number: Int32) -> String? {
    guard !countries.isEmpty, !entry.role.isEmpty else { return nil }
    for word in model.entryWords[Int(number)].role where word.utf8.count >= 3 {
      if let country = countries.first(where: { NameModel.sameCountry(word, $0) }) { return country }
    }
    return nil
  }

  private static func strongMentions(model: NameModel, english: EnglishWords?, context: CableContext)
    -> [String: Int]
  {
    var result: [String: Int] = [:]
    func isTitleWord(_ word: String) -> Bool { (model.roleInitialCounts[word] ?? 0) >= 20 }
    func isName(_ token: CableContext.Token) -> Bool {
      !token.hasLower && model.termNumber[token.text] != nil && english?.words.contains(token.text) != true
    }
    // Two name tokens side by side count only when one lexicon entry holds both (SOUVANNA
    // PHOUMA), not when they merely are both names somewhere (MINA SULMAN, a port).
    func sameEntry(_ a: CableContext.Token, _ b: CableContext.Token) -> Bool {
      guard isName(b), let x = model.termNumber[a.text], let y = model.termNumber[b.text] else {
        return false
      }
      return !Set(model.entriesOfTerm[x]).isDisjoint(with: model.entriesOfTerm[y])
    }
    for tokens in context.tokens {
      for (index, token) in tokens.enumerated() where isName(token) {
        let previous = index > 0 ? tokens[index - 1] : nil
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        let titled = previous.map { $0.text.utf8.count >= 4 && isTitleWord($0.text) } ?? false
        // `KHALIFA AS LIBYAN AMBASSADOR`: a title after AS names the person's role.
        let titledAfter =
          next?.text == "AS"
          && tokens.dropFirst(index + 2).prefix(3).contains { $0.text.utf8.count >= 4 && isTitleWord($0.text) }
        if titled || titledAfter || previous.map({ sameEntry(token, $0) }) == true
          || next.map({ sameEntry(token, $0) }) == true
        {
          result[token.text, default: 0] += 1
        }
      }
    }
    return result
  }

  /// True when the token is a real word or name and must not be changed.
  func isKnown(_ text: String) -> Bool {
    model.known.contains(text) || english?.words.contains(text) == true
  }

  /// True when the word is the surname of some person in the lexicon.
  func isKnownSurname(_ word: String) -> Bool {
    guard let term = model.termNumber[word] else { return false }
    return !model.entriesOfTerm[term].isEmpty
  }

  func isRoleWord(_ word: String) -> Bool { model.roleWordWeight[word] != nil }

  /// A word that begins at least 20 roles.
  func isTitleHead(_ word: String) -> Bool { (model.roleInitialCounts[word] ?? 0) >= 20 }

  /// The largest cost worth considering for a token of `length` letters, in hundredths.
  /// Short tokens get less room: one arbitrary edit in four letters is a different name.
  static func costLimit(length: Int) -> Int32 { Int32(max(0, min(250, 35 * length - 60))) }

  /// Tokens under six letters are looked up with one deletion: their cost limit leaves no
  /// room for more edits than that on the token's side.
  static func queryDeletes(_ length: Int) -> Int { length >= 6 ? 2 : 1 }

  /// A candidate this close (one common confusion) earns a point towards sufficiency.
  static let closeCost: Int32 = 45

  /// From this many letters, one arbitrary edit (cost up to 1.0) is as telling as one common
  /// confusion in a short token: few names of six letters or more lie one edit from another.
  /// Five was tried: it turned `MUONG` (a Vietnamese place) into LUONG, a minister's name.
  static let longTokenLength = 6

  /// Whether a candidate at `cost` from a token of `length` letters is close enough to earn
  /// the closeness point (``personSufficient``).
  static func isClose(cost: Int32, length: Int) -> Bool {
    cost <= closeCost || (length >= longTokenLength && cost <= 100)
  }

  // MARK: People

  struct PersonCue {
    var offices: [String]?
    var title: [String]
    /// An unknown word stands beside the token (`DIEN BIEN PHU`): it is probably part of a
    /// foreign name or place the lexicon lacks, so closeness and country alone do not suffice.
    var unknownNeighbour = false
    /// The upper-case words right beside the token (spaces only between), if any.
    var previous: String? = nil
    var next: String? = nil
    var neighbours: [String] { [previous, next].compactMap { $0 } }
  }

  /// The person candidates of the token; appends to `reads` the spelling of every surname
  /// the indexes and the document's names proposed, kept or not (for ``NameMemo``).
  func personCandidates(_ token: CableContext.Token, cue: PersonCue, reads: inout [String]) -> [NameCandidate] {
    let bytes = Array(token.text.utf8)
    let limit = Self.costLimit(length: bytes.count)
    var lookups = [bytes]
    if cue.offices != nil {
      // Clearance lines glue initials to surnames: RSOLCHON is R + SOLCHON. One to three initials
      // before a surname the lexicon knows exactly (RWMURPHY, TMTNILES) is a correct spelling.
      for drop in 1...3 where bytes.count - drop >= 4 {
        if isKnownSurname(String(decoding: bytes.dropFirst(drop), as: UTF8.self)) { return [] }
      }
      for drop in 1...3 where bytes.count - drop >= 4 { lookups.append(Array(bytes.dropFirst(drop))) }
    }
    var seen: Set<Int> = []
    for lookup in lookups {
      model.nameIndex.forEachCandidate(of: lookup, queryDeletes: Self.queryDeletes(lookup.count)) {
        seen.insert($0)
      }
    }
    addDocumentNames(near: bytes, glued: cue.offices != nil, to: &seen)
    var result: [NameCandidate] = []
    reads.reserveCapacity(reads.count + seen.count)
    // The name tokens beside the token, looked up once for every candidate.
    let neighbourTerms = cue.neighbours.compactMap { model.termNumber[$0] }
    for term in seen {
      let surname = String(decoding: model.nameTerms[term], as: UTF8.self)
      reads.append(surname)
      guard surname != token.text, surname.utf8.count >= 3 else { continue }
      if let candidate = bestPerson(
        term: term, surname: surname, token: bytes, cue: cue, neighbourTerms: neighbourTerms, limit: limit)
      {
        result.append(candidate)
      }
    }
    return result
  }

  private func bestPerson(
    term: Int, surname: String, token: [UInt8], cue: PersonCue, neighbourTerms: [Int], limit: Int32
  )
    -> NameCandidate?
  {
    let surnameBytes = model.nameTerms[term]
    let plainLimit = limit
    // A surname that is also an English word (LONG, BAKER) is not a mention of a person by itself.
    let mentions = english?.words.contains(surname) == true ? 0 : context.counts[surname] ?? 0
    let strong = strongMentions[surname] ?? 0
    // Bare mentions of a name under four letters (TWE) are as likely OCR debris as a person.
    let documentName = mentions > 0 && surnameBytes.count >= 4
    var limit = neighbourSharesEntry(term: term, neighbourTerms: neighbourTerms) ? max(limit, Self.namePairCostLimit) : limit
    if strong > 0 || !cue.title.isEmpty { limit = max(limit, Self.strongContextCostLimit) }
    if documentName { limit = max(limit, Self.documentNameCostLimit(length: token.count)) }
    let bare = costs.cost(truth: surnameBytes, ocr: token, limit: limit)
    // A spelling the cable prints twice or more (QADHAAFI) is a transliteration, not damage:
    // OCR seldom damages two mentions alike. Only such a token may count as long.
    let printedOnce = (context.counts[String(decoding: token, as: UTF8.self)] ?? 0) <= 1
    if bare == nil && cue.offices == nil { return nil }
    var gluedCosts: [[UInt8]: Int32?] = [:]
    var best:
      (
        entry: LexiconEntry, number: Int32, cost: Int32, glued: [UInt8]?, support: Double, title: Double, sufficient: Bool,
        neighbour: NeighbourEvidence?
      )?
    for number in model.entriesOfTerm[term].prefix(80) {
      let entry = model.lexicon.entries[Int(number)]
      let (cost, glued) =
        cue.offices == nil
        ? (bare, nil)
        : gluedCost(model.entryWords[Int(number)].initials, surname: surnameBytes, token: token, bare: bare, limit: limit, cache: &gluedCosts)
      guard let cost else { continue }
      let neighbour = neighbourEvidence(
        entry, entryNumber: number, term: term, surname: surname, cue: cue, cost: cost)
      let title = titleMatch(cue.title, entry: number)
      // Only strong context earns a wider cost limit; beyond one arbitrary edit, only when the
      // name itself occurs in the document.
      if cost > plainLimit {
        let points = contextPoints(
          entry, cue: cue, title: title, mentions: documentName ? mentions : 0, strong: strong, neighbour: neighbour)
        if points < 2 || (cost > Self.strongContextCostLimit && !documentName) { continue }
      }
      // The cable's country in the role, read once here for support and sufficiency.
      let country = countryMatch(entry, number: number)
      let support =
        personSupport(entry, country: country, offices: cue.offices, title: title, mentions: mentions, strong: strong)
        + (neighbour?.support ?? 0)
      let sufficient = personSufficient(
        entry, country: country, cue: cue, title: title, mentions: mentions, strong: strong,
        cost: cost, length: printedOnce ? token.count : 0, neighbour: neighbour)
      let score = support - Double(cost) / 100
      if best == nil || (sufficient && !best!.sufficient)
        || (sufficient == best!.sufficient && score > best!.support - Double(best!.cost) / 100)
      {
        best = (entry, number, cost, glued, support, title, sufficient, neighbour)
      }
    }
    guard let best else { return nil }
    let text = best.glued.map { String(decoding: $0 + surnameBytes, as: UTF8.self) } ?? surname
    return NameCandidate(
      text: text, kind: .person, cost: Double(best.cost) / 100, support: best.support,
      evidence: personEvidence(
        best.entry, number: best.number, cue: cue, title: best.title, surname: surname,
        mentions: mentions, strong: strong) + (best.neighbour.map { [$0.evidence] } ?? []),
      surname: surname, sufficient: best.sufficient)
  }

  /// The cost of reading the token as the surname with its first one, two or three initials
  /// glued on, as clearance lines write it (RSOLOMON, HJCOHEN, TMTNILES), when that is below
  /// the bare cost; memoised per initials in `cache`.
  private func gluedCost(
    _ initials: [UInt8], surname: [UInt8], token: [UInt8], bare: Int32?, limit: Int32,
    cache: inout [[UInt8]: Int32?]
  ) -> (Int32?, [UInt8]?) {
    var cost = bare
    var glued: [UInt8]?
    for count in stride(from: 1, through: initials.count, by: 1) {
      let prefix = Array(initials.prefix(count))
      if cache[prefix] == nil {
        cache[prefix] = costs.cost(truth: prefix + surname, ocr: token, limit: min(limit, bare ?? limit))
      }
      if let g = cache[prefix]!, g < (cost ?? .max) {
        cost = g
        glued = prefix
      }
    }
    return (cost, glued)
  }

  /// A four-letter token may be one arbitrary edit from a candidate (`FIAO` for SIAD) when the
  /// context alone speaks for it (``contextPoints(_:cue:title:mentions:strong:neighbour:)``).
  static let strongContextCostLimit: Int32 = 100

  /// Points from the text around the token, not from the lexicon's dates or countries: a clean
  /// mention in a name context or a repeated one (two points; one bare mention, one), a title cue that fits the role (of two words, or with the
  /// tenure covering the date), the rest of the name beside the token.
  private func contextPoints(
    _ entry: LexiconEntry, cue: PersonCue, title: Double, mentions: Int, strong: Int, neighbour: NeighbourEvidence?
  ) -> Int {
    var points = strong > 0 || mentions >= 2 ? 2 : mentions
    if title >= 0.5 && (cue.title.count >= 2 || (dateSupport(entry) ?? 0) > 0) { points += 2 }
    if (neighbour?.points ?? 0) >= 2 { points += 2 }
    return points
  }

  /// Whether the person's evidence can stand alone (see ``NameCandidate/sufficient``): it
  /// needs two points. A clean mention in a name context or repeated, a title of two words or
  /// more (or one, with the tenure covering the date), a matching clearance office: two points
  /// each. A lone bare mention (a village may share the name), a one-word title, a tenure of at
  /// most twelve years with both ends known covering the date, an office symbol (a State or White House official),
  /// the cable's country in the role, a spelling one common confusion away: one point each.
  /// The words beside the token add theirs (``NeighbourEvidence``).
  private func personSufficient(
    _ entry: LexiconEntry, country: String?, cue: PersonCue, title: Double, mentions: Int,
    strong: Int, cost: Int32, length: Int, neighbour: NeighbourEvidence?
  ) -> Bool {
    let date = dateSupport(entry) ?? 0
    // A neighbour that belongs with the candidate is no sign of an unknown foreign phrase.
    let unexplained = cue.unknownNeighbour && neighbour == nil
    var points = (Self.isClose(cost: cost, length: length) && !unexplained ? 1 : 0) + (neighbour?.points ?? 0)
    if strong > 0 || mentions >= 2 { points += 2 } else if mentions == 1 { points += 1 }
    if title >= 0.5 { points += cue.title.count >= 2 || date > 0 ? 2 : 1 }
    if let offices = cue.offices, !entry.office.isEmpty, offices.contains(entry.office) { points += 2 }
    if date >= 1.0 {
      points += 1
      if !entry.office.isEmpty { points += 1 }
    }
    if country != nil && !unexplained { points += 1 }
    return points >= 2
  }

  private func personSupport(
    _ entry: LexiconEntry, country: String?, offices: [String]?, title: Double, mentions: Int,
    strong: Int
  ) -> Double {
    var support = dateSupport(entry) ?? 0
    if let offices, !entry.office.isEmpty, offices.contains(entry.office) { support += 1.0 }
    support += 1.5 * title
    if country != nil { support += 1.0 }
    if mentions > 0 { support += strong > 0 || mentions > 1 ? 2.0 : 1.0 }
    return support
  }

  private func personEvidence(
    _ entry: LexiconEntry, number: Int32, cue: PersonCue, title: Double, surname: String,
    mentions: Int, strong: Int
  ) -> [String] {
    var evidence = ["lexicon \(entry.fullName.isEmpty ? entry.name : entry.fullName) (\(entry.origin))"]
    if let support = dateSupport(entry), let date = context.date {
      evidence.append(
        "cable date \(date) \(support > 0 ? "within" : "outside") tenure "
          + "\(entry.start?.description ?? "?")..\(entry.end?.description ?? "?") as \(entry.role)"
          + (support == 0.5 ? " (a long tenure, weak evidence)" : "")
          + (support == 0 ? " (dates of one remark of several, not held against it)" : ""))
    }
    if let offices = cue.offices, !entry.office.isEmpty, offices.contains(entry.office) {
      evidence.append("clearance office \(entry.office) matches")
    }
    if title > 0 {
      evidence.append(
        "title '\(cue.title.joined(separator: " "))' matches role \(NameCandidate.format(title))")
    }
    if let country = countryMatch(entry, number: number) { evidence.append("role names \(country), a country of this cable") }
    if mentions > 0 {
      evidence.append(
        "\(surname) appears \(mentions)x elsewhere in the document"
          + (strong > 0 ? ", \(strong)x after a title or beside another name" : " (never in a name context)"))
    }
    return evidence
  }

  /// The share of the cue's weight (rarer words weigh more) found in the role, provided the
  /// role (or one of its `;`-separated parts) begins with a word of the cue: `UNDER SECRETARY`
  /// fits "Under Secretary of State for Political Affairs", `GENERAL` does not fit "First
  /// Secretary of the Lao Dong Party, General ...".
  func titleMatch(_ cue: [String], entry number: Int32) -> Double {
    let words = model.entryWords[Int(number)]
    guard !cue.isEmpty, !words.role.isEmpty else { return 0 }
    guard words.roleHeads.contains(where: cue.contains) else { return 0 }
    let roleWords = words.role
    var total = 0.0, found = 0.0
    for word in cue {
      let weight = model.roleWordWeight[word] ?? 0
      total += weight
      if roleWords.contains(word) { found += weight }
    }
    return total > 0 ? found / total : 0
  }
}
