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
/// Scores are sums of small, separately tuned cues (see the README's `order` section): a broken
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
  /// Most paragraphs are numbered, so an unnumbered plain fragment is probably a tail.
  private let numberedStyle: Bool
  /// Some list item ends with `;`, so list items that go on are marked and one ending with `.`
  /// closes its list.
  private let semicolonLists: Bool
  /// Page numbers that are in the dump.
  private let presentPages: Set<Int>
  /// The dump announces pages it does not have.
  private let pagesMissing: Bool

  static let adjacentPrior = 1.5
  static let distancePrior = 0.02
  static let brokenSentence = 2.0
  static let continuationBonus = 1.5
  static let structuralAfterOpen = -2.5
  static let continuationAfterClosed = -2.0
  static let numberInSequence = 1.5
  static let numberBackwards = 3.0
  static let pageBackwards = 4.0
  static let cohesionScale = 0.5
  static let fullLineContinues = 1.0
  static let pageBreakContinues = 1.0
  static let listCue = 1.5
  /// An unnumbered `SUMMARY` paragraph at the start of the body.
  static let summaryOpens = 1.5
  /// Per heading word that recurs in the paragraph below in another form.
  static let stemCue = 0.75
  /// A bullet standing before the one line that could introduce a list.
  static let bulletBeforeIntroduction = 2.0
  /// A broken sentence rejoined across a word pair English does not make (`THE WOULD`).
  static let impossibleJunction = -3.0

  init(_ fragments: [Fragment], pagesMissing: Bool = false) {
    self.pagesMissing = pagesMissing
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
    let soleIntroducer = introducers.count == 1 ? introducers[0] : nil
    presentPages = Set(fragments.compactMap(\.page))
    follow = Array(repeating: Array(repeating: 0, count: n + 1), count: n + 1)
    precedence = Array(repeating: Array(repeating: 0, count: n), count: n)
    for i in 0..<n {
      for j in 0..<n where i != j {
        follow[i][j] = pairScore(fragments[i], fragments[j])
        precedence[i][j] = precedencePenalty(fragments[i], fragments[j])
        if j == soleIntroducer, fragments[i].kind == .bullet { precedence[i][j] += Self.bulletBeforeIntroduction }
      }
      follow[n][i] = startScore(fragments[i])
      follow[i][n] = endScore(fragments[i])
    }
  }

  func pairScore(_ a: Fragment, _ b: Fragment) -> Double {
    var score = 0.0
    let gap = b.position - a.position - 1
    // Input adjacency only counts where it is trustworthy: on one page, or across two pages
    // whose printed numbers follow each other.
    let samePage = a.pageSlot == b.pageSlot
    let consecutive = a.page != nil && b.page == a.page.map { $0 + 1 }
    if gap == 0 && (samePage || consecutive) {
      score += Self.adjacentPrior
    } else {
      score -= Self.distancePrior * Double(min(abs(gap), 20))
    }
    var acrossGap = false
    if let p = a.page, let q = b.page, q > p + 1 {
      // Skipping a page that is in the dump is wrong; crossing pages that are missing leaves
      // nothing to judge a broken sentence by.
      if (p + 1..<q).contains(where: presentPages.contains) { score -= 3 } else { acrossGap = true }
    }
    if a.unclosedParen && b.closesParen { score += 1.5 }
    // The last fragment of a page running on into a tail on the next page: a page break.
    if a.open, b.kind == .text, a.lastOnPage, let p = a.page, b.page == p + 1 { score += Self.pageBreakContinues }
    if acrossGap {
      // no sentence cues across missing pages
    } else if a.open {
      let strength = a.openStrength
      // A heading is known by its shape alone (short, upper case, maybe a colon), so a
      // heading-shaped line scanned directly below a line ending mid-phrase (`... MAKE THE`)
      // is that sentence's tail.
      // Only after an article or preposition (`THE`), or when the line ends `:` as a list's
      // introduction does: `... ON THE VICE PRESIDENT AND` / `DEPARTURE` is a section break.
      let headingTail = b.kind == .heading && a.midPhrase && gap == 0 && samePage
        && (a.lastWord.map { SentenceJunction.determiners.contains($0) || SentenceJunction.prepositions.contains($0) } == true
          || b.finalMark == ":")
      if b.isStructuralStart && !headingTail {
        score += Self.structuralAfterOpen * strength
      } else {
        score += (Self.brokenSentence + (b.continues ? Self.continuationBonus : 0) + (a.midPhrase ? 0.5 : 0)) * strength
        if let last = a.lastWord, let first = b.leadWords.first, SentenceJunction.isImpossible(last, first) {
          score += Self.impossibleJunction
        }
      }
    } else if b.continues {
      // Where pages are missing, a continuation may have lost its head with them.
      score += pagesMissing ? Self.continuationAfterClosed / 4 : Self.continuationAfterClosed
    } else if b.kind == .text && a.kind != .heading && !acrossGap {
      // A sentence that ends at the end of a full line may still have a paragraph after it.
      if a.fullLastLine == true { score += Self.fullLineContinues }
      if a.fullLastLine == false { score -= 1 }
      if numberedStyle { score -= 1 }
    }
    if a.kind == .heading { score += headingScore(a, b) }
    score += listScore(a, b)
    if let x = a.number, let y = b.number, y == x + 1, !a.open { score += Self.numberInSequence }
    if let x = a.ordinal, let y = b.ordinal { score += y == x + 1 ? Self.numberInSequence : 0 }
    if b.kind == .heading && a.kind != .heading { score -= min(1, Self.cohesionScale * cohesion(a, b)) }
    if let x = a.letter, let y = b.letter, !a.open { score += y == x + 1 ? 2 : 0 }
    if b.letter == 1 && a.number != nil && !a.open { score += 2 }
    return score + Self.cohesionScale * cohesion(a, b) + coordination(a, b)
  }

  /// A heading names what follows it: its words recur in its first paragraph, often in another
  /// form (`ARRIVAL` over `PARTY WILL ARRIVE`).
  func headingScore(_ a: Fragment, _ b: Fragment) -> Double {
    let base = b.kind == .heading ? 0.2 : (b.continues ? -2 : 0.5 + min(0.5, Self.cohesionScale * cohesion(a, b)))
    return base + Self.stemCue * Double(min(2, sharedStems(a, b)))
  }

  /// Lists: a line ending `:` introduces the bullets under it; an item ending `;` has another
  /// item after it; where items end `;`, one ending `.` is the last of its list.
  func listScore(_ a: Fragment, _ b: Fragment) -> Double {
    switch a.finalMark {
    case ":": return b.kind == .bullet ? Self.listCue : 0
    case ";": return b.kind == .bullet ? Self.listCue : -Self.listCue
    case "." where a.kind == .bullet && semicolonLists: return b.kind == .bullet ? -Self.listCue / 2 : 0
    default: return 0
    }
  }

  /// `MOSBACHER` + `AND QIAN AGREED`: a tail that joins a name to the head's last word fits a
  /// head ending in a name (a word no dictionary knows) and not one ending in a common word.
  func coordination(_ a: Fragment, _ b: Fragment) -> Double {
    guard a.open, b.leadWords.count >= 2, b.leadWords[0] == "AND" || b.leadWords[0] == "OR",
      let last = a.lastWord, last.count >= 3, last.allSatisfy(\.isLetter), b.leadWords[1].allSatisfy(\.isLetter)
    else { return 0 }
    let dictionary = HyphenJudge.Dictionary.shared
    guard !dictionary.words.isEmpty else { return 0 }
    let headIsName = !dictionary.contains(last)
    let tailIsName = !dictionary.contains(b.leadWords[1])
    if headIsName && tailIsName { return 1.5 }
    return headIsName != tailIsName ? -0.5 : 0
  }

  func precedencePenalty(_ a: Fragment, _ b: Fragment) -> Double {
    var penalty = 0.0
    if let p = a.page, let q = b.page, p > q { penalty += Self.pageBackwards }
    if let x = a.number, let y = b.number, x >= y { penalty += Self.numberBackwards }
    if let x = a.letter, let y = b.letter, x >= y { penalty += 0.5 }
    if let x = a.ordinal, let y = b.ordinal, x > y, a.pageSlot == b.pageSlot { penalty += 1 }
    return penalty
  }

  func startScore(_ f: Fragment) -> Double {
    var score = f.position == 0 ? 1.0 : 0
    // A summary opens a cable's body (`SUMMARY: ... END SUMMARY.`), before paragraph 1 or as it.
    if f.leadWords.first == "SUMMARY", f.kind == .text { score += Self.summaryOpens }
    if f.number == 1 { score += 2 }
    if f.continues { score -= 2 }
    return score
  }

  func endScore(_ f: Fragment) -> Double {
    var score = f.position == fragments.count - 1 ? 1.0 : 0
    if f.open { score -= 2 }
    if f.fullLastLine == true { score -= 1 }
    if f.printedAboveSignature { score += 3 }
    if f.kind == .heading { score -= 1.5 }
    return score
  }

  /// Heading words that recur in `b` in another form: the same first five letters
  /// (`ARRIVAL`, `ARRIVE`; `DEPARTURE`, `DEPART`). Exact repeats are ``cohesion(_:_:)``'s.
  func sharedStems(_ a: Fragment, _ b: Fragment) -> Int {
    let stems = Set(b.words.filter { $0.count >= 5 }.map { $0.prefix(5) })
    return a.words.filter { $0.count >= 5 && !b.words.contains($0) && stems.contains($0.prefix(5)) }.count
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
