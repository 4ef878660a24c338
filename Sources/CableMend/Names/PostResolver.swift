/// Checks the post named after a routing prefix (`AMEMBASSY BOMB`, `USMISSION USOM NEW YORK`).
///
/// The words after a routing prefix form a closed class: they must name a post the lexicon
/// knows for that prefix. So here, and only here, a token that is an English word (`BOMB`) may
/// still be an OCR error. Posts already addressed elsewhere in the cable are not proposed again:
/// a cable names each addressee once.
struct PostResolver {
  let model: NameModel
  let costs: OCRDistance
  let context: CableContext

  /// The addressed posts of the document that match the lexicon exactly, as `PREFIX PHRASE`.
  func addressed(_ lines: [TextLine]) -> Set<String> {
    var result: Set<String> = []
    for tokens in context.tokens {
      guard let (prefixIndex, posts) = routingPrefix(tokens) else { continue }
      let slot = slotWords(tokens, after: prefixIndex)
      if let match = exactMatch(slot, posts) { result.insert(tokens[prefixIndex].text + " " + match) }
    }
    return result
  }

  /// The routing prefix among the first three tokens of a line, with the posts it takes.
  func routingPrefix(_ tokens: [CableContext.Token]) -> (Int, [NameModel.Post])? {
    for (index, token) in tokens.prefix(3).enumerated() {
      if let posts = model.posts[token.text], !token.hasLower { return (index, posts) }
    }
    return nil
  }

  func slotWords(_ tokens: [CableContext.Token], after prefix: Int) -> [CableContext.Token] {
    var slot: [CableContext.Token] = []
    for token in tokens.dropFirst(prefix + 1) {
      if token.touchesDigit || token.hasLower || slot.count == 4 { break }
      slot.append(token)
    }
    return slot
  }

  func exactMatch(_ slot: [CableContext.Token], _ posts: [NameModel.Post]) -> String? {
    let words = slot.map(\.text)
    return posts.filter {
      $0.words.count <= words.count && zip(words, $0.words).allSatisfy { Self.sameWord($0, $1) }
    }
    .max { $0.words.count < $1.words.count }?.words.joined(separator: " ")
  }

  /// Equal words, or two short country designators one of which abbreviates the other
  /// (`VAIHINGEN GER` and `VAIHINGEN GE`): cables write both, so neither is an OCR error.
  static func sameWord(_ slotWord: String, _ postWord: String) -> Bool {
    if slotWord == postWord { return true }
    let (a, b) = (slotWord.utf8.count, postWord.utf8.count)
    guard a <= 3, b <= 3, min(a, b) >= 2 else { return false }
    return slotWord.hasPrefix(postWord) || postWord.hasPrefix(slotWord)
  }

  /// Decisions for the slot of one routing line; empty when the post is known or unclear.
  func resolve(line: Int, addressed: Set<String>) -> [NameDecision] {
    let tokens = context.tokens[line]
    guard !context.protectedLines.contains(line), let (prefixIndex, posts) = routingPrefix(tokens) else {
      return []
    }
    let prefix = tokens[prefixIndex].text
    let slot = slotWords(tokens, after: prefixIndex)
    guard !slot.isEmpty, exactMatch(slot, posts) == nil else { return [] }
    var candidates: [(NameModel.Post, NameCandidate)] = []
    for post in posts where post.words.count <= slot.count {
      let taken = Array(slot.prefix(post.words.count))
      let ocr = Array(taken.map(\.text).joined(separator: " ").utf8)
      let limit = Int32(min(250, max(100, 35 * ocr.count)))
      guard let cost = costs.cost(truth: post.phrase, ocr: ocr, limit: limit) else { continue }
      let name = post.words.joined(separator: " ")
      if addressed.contains(prefix + " " + name) { continue }
      let entry = model.lexicon.entries[post.entry]
      var support = 1.5  // the slot must hold a post of this prefix
      var evidence = [
        "routing line '\(prefix) ...' names a post", "lexicon \(prefix) \(name) (\(entry.origin))",
      ]
      if let date = context.date, let covers = entry.tenureCovers(date) {
        support += covers ? 0.5 : -1.5
        evidence.append("cable date \(date) \(covers ? "within" : "outside") the post's dates")
      }
      candidates.append(
        (
          post,
          NameCandidate(
            text: name, kind: .post, cost: Double(cost) / 100,
            support: support, evidence: evidence, surname: name,
            sufficient: true)
        ))
    }
    let whole = CableContext.Token(
      line: line, range: slot[0].range.lowerBound..<slot[0].range.upperBound,
      text: slot.map(\.text).joined(separator: " "), hasLower: false,
      touchesDigit: false, before: nil, after: nil)
    guard let decision = NameVerdict.decide(whole, candidates.map(\.1)),
      let replacement = decision.replacement,
      let post = candidates.first(where: { $0.1.text == replacement })?.0
    else { return [] }
    // Replace word by word, so unchanged words (NEW YORK) keep their offsets and stay verbatim.
    var result: [NameDecision] = []
    for (token, word) in zip(slot, post.words) where !Self.sameWord(token.text, word) {
      var one = decision
      one.token = token
      one.replacement = word
      result.append(one)
    }
    return result
  }
}
