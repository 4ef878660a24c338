import Foundation

/// One body fragment as the orderer sees it: a paragraph, a paragraph's head or tail, a heading.
struct Fragment: Sendable {
  enum Kind: Sendable { case text, bullet, numbered, heading }
  var text: String
  var kind: Kind
  /// Position in the input after pages were put in page order.
  var position: Int
  /// The printed page number of its page, when one survived.
  var page: Int?
  /// Which page of the dump it was on (index), numbered or not.
  var pageSlot: Int?
  /// Paragraph number (`3.`), when numbered.
  var number: Int?
  /// Subparagraph letter (`B.` is 2), when lettered.
  var letter: Int?
  /// Ends without closing punctuation (a heading never counts as open).
  var open: Bool
  /// Ends on a word that cannot end a sentence (`THE`, `OF`).
  var midPhrase: Bool
  /// Begins with a word that continues a sentence (`AND`, `TO`).
  var continues: Bool
  var words: Set<String>
  /// Its last physical line fills the measure (true), stops well short (false), or unknown.
  var fullLastLine: Bool?
  /// `FIRST, ...` is 1, `SECOND, ...` 2: an enumeration in words.
  var ordinal: Int?
  /// Its first two words and its last word, upper case.
  var leadWords: [String]
  var lastWord: String?
  /// The last fragment of its page in the dump.
  var lastOnPage = false
  /// Printed in one block with the closing name.
  var printedAboveSignature = false
  /// An opening parenthesis is still open at the end.
  var unclosedParen: Bool
  /// A closing parenthesis comes before any opening one.
  var closesParen: Bool
  /// The last character that is not a space or closing quote/bracket (`;` ends a list item that
  /// goes on, `:` introduces what follows).
  var finalMark: Character?

  init(text: String, lineKind: LineKind, position: Int, page: Int?, pageSlot: Int? = nil) {
    self.text = text
    self.pageSlot = pageSlot
    self.position = position
    self.page = page
    number = LineClassifier.paragraphNumber(text)
    letter = number == nil ? LineClassifier.paragraphLetter(text) : nil
    if lineKind == .heading || (lineKind == .text && LineClassifier.isHeading(text)) {
      kind = .heading
    } else if lineKind == .bullet || LineClassifier.isBullet(text) {
      kind = .bullet
    } else if number != nil || letter != nil {
      kind = .numbered
    } else {
      kind = .text
    }
    open = kind != .heading && !LineClassifier.endsSentence(text)
    midPhrase = kind != .heading && LineClassifier.endsMidPhrase(text)
    continues = kind == .text && LineClassifier.startsContinuation(text)
    var depth = 0
    var closesFirst = false
    for character in text {
      if character == "(" { depth += 1 }
      if character == ")" {
        if depth == 0 && !closesFirst { closesFirst = true } else { depth = max(0, depth - 1) }
      }
    }
    let all = LineClassifier.words(text)
    leadWords = Array(all.prefix(2))
    ordinal = all.first.flatMap { Self.ordinals.firstIndex(of: $0) }.map { $0 + 1 }
    lastWord = all.last
    unclosedParen = depth > 0
    finalMark = text.last { !" \t\"')]".contains($0) }
    closesParen = closesFirst
    words = Set(LineClassifier.words(text).filter {
      $0.count >= 4 && !$0.allSatisfy(\.isNumber) && !Self.stopwords.contains($0)
    })
  }

  var isStructuralStart: Bool { kind != .text }

  /// How sure it is that the sentence goes on: certain when the last word cannot end a phrase
  /// or the last line runs to the measure; less so when the line layout is unknown; little
  /// when the last line stops short (an unterminated line, not a cut).
  var openStrength: Double {
    guard open else { return 0 }
    if midPhrase || fullLastLine == true { return 1 }
    return fullLastLine == nil ? 0.6 : 0.3
  }

  static let ordinals = ["FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH"]

  /// Frequent words that say nothing about which fragments belong together.
  static let stopwords: Set<String> = [
    "WITH", "THAT", "THIS", "THESE", "THOSE", "FROM", "WERE", "WOULD", "COULD", "SHOULD", "HAVE", "BEEN",
    "WILL", "THEIR", "THEY", "THEM", "THERE", "WHICH", "ALSO", "INTO", "ABOUT", "SAID", "WHAT", "WHEN",
    "WHERE", "WHILE", "SUCH", "SOME", "MORE", "MOST", "ONLY", "OTHER", "THAN", "THEN", "VERY", "UPON",
    "OVER", "UNDER", "AFTER", "BEFORE", "DURING", "BETWEEN", "AGAINST", "WITHOUT", "WITHIN", "BEING",
    "HOWEVER", "ALTHOUGH", "BECAUSE", "SINCE", "UNTIL", "EACH", "BOTH", "MUCH", "MANY", "MADE", "MAKE",
    "TAKE", "GIVE", "NOTED", "TOLD", "STATED", "ISSUE", "ISSUES", "POINT", "POINTS", "ALSO", "EVEN",
    "STILL", "WELL", "JUST", "LIKE", "MUST", "MIGHT", "SHALL", "DOES", "DONE", "HERE", "WHOSE", "WHOM",
    "YOUR", "OURS", "ITSELF", "MEETING", "STRESSED", "INCLUDING",
  ]
}

/// The evidence that one fragment directly follows another, as a score, with the cues behind it.
///
/// Scores are weighted sums of cues (``OrderCue``, ``CueList``; see the README's `order` section): a broken
/// sentence (+), a continuation after a finished sentence (-), paragraph numbers in sequence
/// (+) or out of it (-), a heading before its body (+), shared rare words (+), and the input
/// position as a weak prior. Precedence penalties (a page or paragraph number going backwards
/// anywhere on the path) are kept apart in ``precedence``, because they hold between any two
/// fragments, not only neighbours.
///
/// - Complexity: O(n² · w) to build for n fragments of w words.
struct FragmentEvidence: Sendable {
  let fragments: [Fragment]
  /// `follow[i][j]`: score for j directly after i. Row/column `n` is the header (start) and
  /// the signature (end) respectively.
  private(set) var follow: [[Double]]
  /// `precedence[i][j]`: penalty when i stands anywhere before j.
  private(set) var precedence: [[Double]]
  private let weight: [String: Double]
  /// One weight per ``OrderCue``.
  let weights: [Double]
  /// Adjacent pairs of content words inside the fragments (`UN FORCE`), for rejoining a sentence
  /// into a phrase the cable uses elsewhere.
  private let phrases: Set<String>
  /// The one fragment that could introduce a list (a line ending `:`, a heading), if exactly one.
  private let soleIntroducer: Int?
  /// Most paragraphs are numbered, so an unnumbered plain fragment is probably a tail.
  private let numberedStyle: Bool
  /// Some list item ends with `;`, so list items that go on are marked and one ending with `.`
  /// closes its list.
  private let semicolonLists: Bool
  /// Page numbers that are in the dump.
  private let presentPages: Set<Int>
  /// The dump announces pages it does not have.
  private let pagesMissing: Bool

  init(_ fragments: [Fragment], pagesMissing: Bool = false, weights: [Double] = OrderCue.weights) {
    self.pagesMissing = pagesMissing
    self.weights = weights
    self.fragments = fragments
    let n = fragments.count
    var df: [String: Int] = [:]
    for fragment in fragments { for word in fragment.words { df[word, default: 0] += 1 } }
    let limit = max(2, n / 4)
    weight = df.filter { $0.value <= limit && $0.value < n }.mapValues { log(Double(n + 1) / Double($0)) }
    let numbered = fragments.filter { $0.number != nil }.count
    let plain = fragments.filter { $0.kind == .text }.count
    numberedStyle = numbered >= 3 && numbered >= plain
    semicolonLists = fragments.contains { $0.kind == .bullet && $0.finalMark == ";" }
    // Where exactly one fragment could introduce a list (a line ending `:`, a heading), every
    // bullet belongs after it.
    let introducers = fragments.indices.filter { fragments[$0].kind == .heading || (fragments[$0].finalMark == ":" && fragments[$0].kind != .bullet) }
    soleIntroducer = introducers.count == 1 ? introducers[0] : nil
    presentPages = Set(fragments.compactMap(\.page))
    phrases = Self.contentPhrases(fragments)
    follow = Array(repeating: Array(repeating: 0, count: n + 1), count: n + 1)
    precedence = Array(repeating: Array(repeating: 0, count: n), count: n)
    for i in 0..<n {
      for j in 0..<n where i != j {
        follow[i][j] = pairScore(fragments[i], fragments[j])
        precedence[i][j] = precedencePenalty(fragments[i], fragments[j])
      }
      follow[n][i] = startScore(fragments[i])
      follow[i][n] = endScore(fragments[i])
    }
  }

  /// The cue lists behind ``follow``, for learning the weights.
  func followCues() -> [[CueList]] {
    let n = fragments.count
    var cues = Array(repeating: Array(repeating: CueList(), count: n + 1), count: n + 1)
    for i in 0..<n {
      for j in 0..<n where i != j { cues[i][j] = pairCues(fragments[i], fragments[j]) }
      cues[n][i] = startCues(fragments[i])
      cues[i][n] = endCues(fragments[i])
    }
    return cues
  }

  /// The cue lists behind ``precedence``, for learning the weights.
  func precedenceCueMatrix() -> [[CueList]] {
    fragments.map { a in fragments.map { b in a.position == b.position ? CueList() : precedenceCues(a, b) } }
  }

  func pairScore(_ a: Fragment, _ b: Fragment) -> Double { pairCues(a, b).score(weights) }

  /// The cues for `b` directly after `a` (weights in ``OrderCue``).
  func pairCues(_ a: Fragment, _ b: Fragment) -> CueList {
    var cues = CueList()
    let gap = b.position - a.position - 1
    // Input adjacency only counts where it is trustworthy: on one page, or across two pages
    // whose printed numbers follow each other.
    let samePage = a.pageSlot == b.pageSlot
    let consecutive = a.page != nil && b.page == a.page.map { $0 + 1 }
    if gap == 0 && (samePage || consecutive) {
      cues.add(.adjacentInInput)
    } else {
      cues.add(.inputDistance, Double(min(abs(gap), 20)))
    }
    var acrossGap = false
    if let p = a.page, let q = b.page, q > p + 1 {
      // Skipping a page that is in the dump is wrong; crossing pages that are missing leaves
      // nothing to judge a broken sentence by.
      if (p + 1..<q).contains(where: presentPages.contains) { cues.add(.skipsPresentPage) } else { acrossGap = true }
    }
    if a.unclosedParen && b.closesParen { cues.add(.parenthesisCloses) }
    // The last fragment of a page running on into a tail on the next page: a page break.
    if a.open, b.kind == .text, a.lastOnPage, let p = a.page, b.page == p + 1 { cues.add(.pageBreakRunsOn) }
    if acrossGap {
      // no sentence cues across missing pages
    } else if a.open {
      sentenceCues(a, b, adjacentOnPage: gap == 0 && samePage, into: &cues)
    } else if b.continues {
      // Where pages are missing, a continuation may have lost its head with them.
      cues.add(pagesMissing ? .continuationAfterClosedPagesMissing : .continuationAfterClosed)
    } else if b.kind == .text && a.kind != .heading {
      // A sentence that ends at the end of a full line may still have a paragraph after it.
      if a.fullLastLine == true { cues.add(.fullLineRunsOn) }
      if a.fullLastLine == false { cues.add(.shortLineEnds) }
      if numberedStyle { cues.add(.plainAfterClosedInNumberedStyle) }
    }
    if a.kind == .heading { headingCues(a, b, into: &cues) }
    listCues(a, b, into: &cues)
    if let x = a.number, let y = b.number, y == x + 1, !a.open { cues.add(.numberInSequence) }
    if let x = a.ordinal, let y = b.ordinal, y == x + 1 { cues.add(.ordinalInSequence) }
    if b.kind == .heading && a.kind != .heading { cues.add(.headingAfterRelated, min(2, cohesion(a, b))) }
    if let x = a.letter, let y = b.letter, !a.open, y == x + 1 { cues.add(.letterInSequence) }
    if b.letter == 1 && a.number != nil && !a.open { cues.add(.firstLetterAfterNumber) }
    cues.add(.cohesion, cohesion(a, b))
    coordinationCues(a, b, into: &cues)
    // A broken sentence rejoined into a phrase the cable uses elsewhere (`THE UN` + `FORCE`).
    if a.open, !acrossGap, let last = a.lastWord, let first = b.leadWords.first, phrases.contains(last + " " + first) {
      cues.add(.junctionPhraseRecurs)
    }
    // A line ending `:` introduces a list or a quotation, not the next numbered paragraph; a
    // bullet follows its introduction, another bullet or its own text, not a finished numbered
    // paragraph that introduces nothing (a plain paragraph before a bullet may be a bullet's
    // tail, so only numbered paragraphs count).
    if a.finalMark == ":", a.kind != .heading, b.kind == .numbered || b.kind == .heading { cues.add(.colonBeforeNonList) }
    if b.kind == .bullet, a.kind == .numbered, !a.open, a.finalMark != ":" { cues.add(.bulletWithoutIntroduction) }
    return cues
  }

  /// `a` ends without closing punctuation: `b` is its tail, unless `b` opens a structure.
  func sentenceCues(_ a: Fragment, _ b: Fragment, adjacentOnPage: Bool, into cues: inout CueList) {
    let strength = a.openStrength
    // A heading is known by its shape alone (short, upper case, maybe a colon), so a
    // heading-shaped line scanned directly below a line ending mid-phrase (`... MAKE THE`)
    // is that sentence's tail.
    // Only after an article or preposition (`THE`), or when the line ends `:` as a list's
    // introduction does: `... ON THE VICE PRESIDENT AND` / `DEPARTURE` is a section break.
    let headingTail = b.kind == .heading && a.midPhrase && adjacentOnPage
      && (a.lastWord.map { SentenceJunction.determiners.contains($0) || SentenceJunction.prepositions.contains($0) } == true
        || b.finalMark == ":")
    if b.isStructuralStart && !headingTail {
      cues.add(.structuralAfterOpen, strength)
      return
    }
    cues.add(.brokenSentence, strength)
    if b.continues { cues.add(.continuationAfterOpen, strength) }
    if a.midPhrase { cues.add(.midPhraseAfterOpen, strength) }
    if let last = a.lastWord, let first = b.leadWords.first, SentenceJunction.isImpossible(last, first) {
      cues.add(.impossibleJunction)
    }
  }

  /// A heading names what follows it: its words recur in its first paragraph, often in another
  /// form (`ARRIVAL` over `PARTY WILL ARRIVE`).
  func headingCues(_ a: Fragment, _ b: Fragment, into cues: inout CueList) {
    if b.kind == .heading {
      cues.add(.headingBeforeHeading)
    } else if b.continues {
      cues.add(.headingBeforeContinuation)
    } else {
      cues.add(.headingBeforeText)
      cues.add(.headingCohesion, min(1, cohesion(a, b)))
    }
    cues.add(.headingStems, Double(min(2, sharedStems(a, b))))
  }

  /// Lists: a line ending `:` introduces the bullets under it; an item ending `;` has another
  /// item after it; where items end `;`, one ending `.` is the last of its list.
  func listCues(_ a: Fragment, _ b: Fragment, into cues: inout CueList) {
    switch a.finalMark {
    case ":": if b.kind == .bullet { cues.add(.colonBeforeBullet) }
    case ";": cues.add(b.kind == .bullet ? .semicolonBeforeBullet : .semicolonBeforeOther)
    case "." where a.kind == .bullet && semicolonLists: if b.kind == .bullet { cues.add(.lastItemBeforeBullet) }
    default: break
    }
  }

  /// `MOSBACHER` + `AND QIAN AGREED`: a tail that joins a name to the head's last word fits a
  /// head ending in a name (a word no dictionary knows) and not one ending in a common word.
  func coordinationCues(_ a: Fragment, _ b: Fragment, into cues: inout CueList) {
    guard a.open, b.leadWords.count >= 2, b.leadWords[0] == "AND" || b.leadWords[0] == "OR",
      let last = a.lastWord, last.count >= 3, last.allSatisfy(\.isLetter), b.leadWords[1].allSatisfy(\.isLetter)
    else { return }
    let dictionary = HyphenJudge.Dictionary.shared
    guard !dictionary.words.isEmpty else { return }
    let headIsName = !dictionary.contains(last)
    let tailIsName = !dictionary.contains(b.leadWords[1])
    if headIsName && tailIsName { cues.add(.namesCoordinated) } else if headIsName != tailIsName { cues.add(.nameWithWord) }
  }

  func precedencePenalty(_ a: Fragment, _ b: Fragment) -> Double { precedenceCues(a, b).score(weights) }

  /// Penalties for `a` anywhere before `b`.
  func precedenceCues(_ a: Fragment, _ b: Fragment) -> CueList {
    var cues = CueList()
    if let p = a.page, let q = b.page, p > q { cues.add(.pageBackwards) }
    if let x = a.number, let y = b.number, x >= y { cues.add(.numberBackwards) }
    if let x = a.letter, let y = b.letter, x >= y { cues.add(.letterBackwards) }
    if let x = a.ordinal, let y = b.ordinal, x > y, a.pageSlot == b.pageSlot { cues.add(.ordinalBackwards) }
    if let sole = soleIntroducer, a.kind == .bullet, fragments.indices.contains(sole), fragments[sole].position == b.position {
      cues.add(.bulletBeforeIntroduction)
    }
    return cues
  }

  func startScore(_ f: Fragment) -> Double { startCues(f).score(weights) }

  func startCues(_ f: Fragment) -> CueList {
    var cues = CueList()
    if f.position == 0 { cues.add(.startFirstInInput) }
    // A summary opens a cable's body (`SUMMARY: ... END SUMMARY.`), before paragraph 1 or as it.
    if f.leadWords.first == "SUMMARY", f.kind == .text { cues.add(.startSummary) }
    if f.number == 1 { cues.add(.startParagraphOne) }
    if f.continues { cues.add(.startContinuation) }
    return cues
  }

  func endScore(_ f: Fragment) -> Double { endCues(f).score(weights) }

  func endCues(_ f: Fragment) -> CueList {
    var cues = CueList()
    if f.position == fragments.count - 1 { cues.add(.endLastInInput) }
    if f.open { cues.add(.endOpen) }
    if f.fullLastLine == true { cues.add(.endFullLine) }
    if f.printedAboveSignature { cues.add(.endAboveSignature) }
    if f.kind == .heading { cues.add(.endHeading) }
    return cues
  }

  /// Heading words that recur in `b` in another form: the same first five letters
  /// (`ARRIVAL`, `ARRIVE`; `DEPARTURE`, `DEPART`). Exact repeats are ``cohesion(_:_:)``'s.
  func sharedStems(_ a: Fragment, _ b: Fragment) -> Int {
    let stems = Set(b.words.filter { $0.count >= 5 }.map { $0.prefix(5) })
    return a.words.filter { $0.count >= 5 && !b.words.contains($0) && stems.contains($0.prefix(5)) }.count
  }

  /// Adjacent word pairs in which neither word is a function word, a stopword or a number.
  static func contentPhrases(_ fragments: [Fragment]) -> Set<String> {
    func content(_ word: String) -> Bool {
      SentenceJunction.wordClass(word) == nil && !Fragment.stopwords.contains(word) && !word.allSatisfy(\.isNumber)
    }
    var phrases = Set<String>()
    for fragment in fragments {
      let words = LineClassifier.words(fragment.text)
      for (x, y) in zip(words, words.dropFirst()) where content(x) && content(y) { phrases.insert(x + " " + y) }
    }
    return phrases
  }

  /// Shared rare words, weighted by inverse document frequency, capped.
  func cohesion(_ a: Fragment, _ b: Fragment) -> Double {
    var total = 0.0
    for word in a.words where b.words.contains(word) { total += weight[word] ?? 0 }
    return min(total, 3)
  }

  /// The rare words two fragments share, for the edit's evidence.
  func sharedWords(_ a: Int, _ b: Int) -> [String] {
    fragments[a].words.intersection(fragments[b].words).filter { weight[$0] != nil }.sorted()
  }

  /// The cues that fired for `b` after `a`, in words.
  func cues(_ a: Int, _ b: Int) -> [String] {
    let x = fragments[a]
    let y = fragments[b]
    var cues: [String] = []
    if x.open && !y.isStructuralStart { cues.append(y.continues ? "broken sentence: continuation word" : "broken sentence") }
    if let p = x.number, y.number == p + 1 { cues.append("paragraph numbers \(p), \(p + 1)") }
    if x.kind == .heading { cues.append("heading before its body") }
    let shared = sharedWords(a, b)
    if !shared.isEmpty { cues.append("shared words " + shared.prefix(4).joined(separator: " ")) }
    if y.position == x.position + 1 { cues.append("adjacent in input") }
    return cues
  }
}
