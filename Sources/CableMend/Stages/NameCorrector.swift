/// The `names` stage: corrects OCR-damaged names of officials, posts in routing lines, and
/// ordinary words, against a dated lexicon and an English word list, using the cable's context.
///
/// For each token that is not a known word or name, candidates come from an OCR-skeleton
/// deletion index (``CandidateIndex``) and are scored by an OCR-weighted edit distance
/// (``OCRDistance``) against context: the cable's date checked against each tenure, the office
/// symbol of a clearance line, a title before the name, clean mentions of the same person
/// elsewhere in the document, word pairs seen elsewhere; a lone name on the last line is checked
/// against who held the sending post on the cable's date (``SignatureResolver``). Evidence for a person is pooled over
/// every occurrence of the same damaged spelling. It changes a token only when the best
/// candidate has real support and a clear lead (``NameVerdict``); otherwise it abstains and, when
/// a candidate was plausible, says why in the document's notes. Every change is a `replace`
/// edit carrying the candidates, their scores and the evidence.
///
/// - Changes: single tokens of upper-case letters, in place.
/// - Never touches: English words and lexicon names (except the post slot of a routing line,
///   which must name a known post), numbers and tokens touching digits (DTGs, telegram numbers),
///   TAGS, E.O. and DTG lines, office symbols, tokens under four letters, lower-case text.
/// - Complexity: O(t · k) for t tokens and k candidates per unknown token (a handful), the
///   candidates of each distinct spelling and cue computed once per run unless a correction
///   changes what they read; lexicon and word-list indexes are built once per process.
public struct NameCorrector: Stage {
  public static let name = StageName.names

  let model: NameModel
  let costs: OCRDistance
  let english: EnglishWords?
  /// Whether a run remembers each token's candidates (``NameMemo``); off only in tests, to
  /// check that remembering changes nothing.
  var memoize = true

  /// - Throws: ``LexiconError`` for a user lexicon (`--lexicon`) that cannot be read or has a
  ///   bad row, naming the file, line and problem.
  public init(options: MendOptions) throws {
    var model = try NameModel.defaultModel.get()
    if !options.lexiconPaths.isEmpty {
      var lexicon = model.lexicon
      for path in options.lexiconPaths { lexicon.append(contentsOf: try NameModel.readLexicon(path: path)) }
      model = NameModel(lexicon: lexicon)
    }
    self.init(model: model, costs: try NameModel.defaultCosts.get(), english: EnglishWords.system)
  }

  init(model: NameModel, costs: OCRDistance, english: EnglishWords?) {
    self.model = model
    self.costs = costs
    self.english = english
  }

  /// The most passes one run makes. Each pass decides again for the tokens still unknown, with
  /// the support the previous passes' corrections add (a corrected surname becomes a clean
  /// mention that pools with its damaged twins); in practice the second pass settles it. A
  /// token's candidates are computed once per spelling and cue, and again in a later pass only
  /// when a correction changed something they read (``NameMemo``); pooling and the verdicts,
  /// which are cheap, run on every pass.
  static let maximumPasses = 4

  /// Runs passes until one changes nothing, so that mending the output again finds nothing more
  /// to correct here (the stage is its own fixed point). Notes come from the last pass only.
  public func run(_ document: inout Document) {
    if english == nil {
      document.notes.append(
        "names: word correction is off because \(EnglishWords.defaultPath) is missing; "
          + "install Debian's wamerican (Scripts/setup does)")
    }
    var memo = NameMemo()
    for pass in 1...Self.maximumPasses {
      let decisions = self.decisions(document.lines, memo: &memo)
      let changes = decisions.filter { $0.replacement != nil }.count
      apply(decisions, to: &document, pass: pass, noting: changes == 0 || pass == Self.maximumPasses)
      if changes == 0 { break }
    }
  }

  /// One pass: every post, signature and token decision on the current lines.
  private func decisions(_ lines: [TextLine], memo: inout NameMemo) -> [NameDecision] {
    let context = CableContext(lines: lines)
    var decisions: [NameDecision] = []
    let posts = PostResolver(model: model, costs: costs, context: context)
    let addressed = posts.addressed(lines)
    var slotTokens: Set<[Int]> = []
    for line in lines.indices {
      decisions += posts.resolve(line: line, addressed: addressed)
      if let (prefix, _) = posts.routingPrefix(context.tokens[line]) {
        for token in posts.slotWords(context.tokens[line], after: prefix) {
          slotTokens.insert([line, token.range.lowerBound])
        }
      }
    }
    let resolver = NameResolver(model: model, costs: costs, english: english, context: context)
    let signatures = SignatureResolver(model: model, costs: costs, context: context)
    if let signature = signatures.resolve(lines, isKnown: resolver.isKnown),
      signature.replacement != nil
    {
      decisions.append(signature)
      slotTokens.insert([signature.token.line, signature.token.range.lowerBound])
    }
    memo.invalidate(after: resolver) { model.nameTerms[$0].count }
    decisions += tokenDecisions(lines, context: context, resolver: resolver, skipping: slotTokens, memo: &memo)
    return decisions
  }

  private struct Occurrence {
    var token: CableContext.Token
    var candidates: [NameCandidate]
  }

  private func tokenDecisions(
    _ lines: [TextLine], context: CableContext, resolver: NameResolver,
    skipping: Set<[Int]>, memo: inout NameMemo
  ) -> [NameDecision] {
    var occurrences: [Occurrence] = []
    for (number, tokens) in context.tokens.enumerated() where !context.protectedLines.contains(number) {
      let bytes = Array(lines[number].text.utf8)
      for (index, token) in tokens.enumerated() {
        guard !token.hasLower, !token.touchesDigit,
          (4...CandidateIndex.maxLength).contains(token.text.utf8.count),
          !skipping.contains([number, token.range.lowerBound]), !resolver.isKnown(token.text)
        else { continue }
        let offices = context.clearanceOffices(token, line: bytes, offices: model.offices)
        if offices != nil && token.text.utf8.count < 5 { continue }
        let title = context.titleCue(
          before: index, in: tokens, line: bytes, isRoleWord: resolver.isRoleWord,
          isTitleHead: resolver.isTitleHead)
        let unknownNeighbour = [index - 1, index + 1].contains { k in
          guard k >= 0 && k < tokens.count, !tokens[k].hasLower, !tokens[k].touchesDigit,
            tokens[k].text.utf8.count >= 3,
            CableContext.adjacent(tokens[min(k, index)], tokens[max(k, index)], in: bytes)
          else { return false }
          return !resolver.isKnown(tokens[k].text)
        }
        let key = NameMemo.Key(
          text: token.text, offices: offices, title: title, unknownNeighbour: unknownNeighbour,
          previous: neighbour(index - 1, of: index, in: tokens, line: bytes),
          next: neighbour(index + 1, of: index, in: tokens, line: bytes),
          previousToken: index > 0 ? tokens[index - 1].text : nil,
          nextToken: index + 1 < tokens.count ? tokens[index + 1].text : nil)
        let candidates: [NameCandidate]
        if memoize, let entry = memo[key] {
          candidates = entry.candidates
        } else {
          candidates = resolve(token, key, resolver: resolver, into: &memo)
        }
        occurrences.append(Occurrence(token: token, candidates: candidates))
      }
    }
    pool(&occurrences)
    return occurrences.compactMap { NameVerdict.decide($0.token, $0.candidates) }
  }

  /// The person and word candidates of a token with the cue `key`, remembered in `memo`
  /// with what they read.
  private func resolve(
    _ token: CableContext.Token, _ key: NameMemo.Key, resolver: NameResolver, into memo: inout NameMemo
  ) -> [NameCandidate] {
    var reads = [token.text]
    var candidates = resolver.personCandidates(
      token,
      cue: .init(
        offices: key.offices, title: key.title, unknownNeighbour: key.unknownNeighbour,
        previous: key.previous, next: key.next),
      reads: &reads)
    if key.offices == nil {
      candidates += resolver.wordCandidates(
        token, previous: key.previousToken, next: key.nextToken, reads: &reads)
    }
    if memoize {
      let lengths = NameResolver.documentNameLengths(near: token.text.utf8.count, glued: key.offices != nil)
      memo[key] = NameMemo.Entry(candidates: candidates, words: reads, lengths: lengths)
    }
    return candidates
  }

  /// The upper-case word at `k` when only spaces separate it from the token at `index`.
  private func neighbour(_ k: Int, of index: Int, in tokens: [CableContext.Token], line bytes: [UInt8])
    -> String?
  {
    guard k >= 0 && k < tokens.count, !tokens[k].hasLower, !tokens[k].touchesDigit,
      CableContext.adjacent(tokens[min(k, index)], tokens[max(k, index)], in: bytes)
    else { return nil }
    return tokens[k].text
  }

  /// Shares a person's context over every occurrence of the same damaged spelling (SOLCHON
  /// after a title, RSOLCHON in a clearance line), keyed by the token minus any glued initial.
  private func pool(_ occurrences: inout [Occurrence]) {
    func key(_ token: String, _ candidate: NameCandidate) -> String {
      let glued = candidate.text.utf8.count - candidate.surname.utf8.count
      return String(token.dropFirst(max(0, glued))) + "|" + candidate.surname
    }
    var best: [String: (support: Double, evidence: [String], sufficient: Bool)] = [:]
    for occurrence in occurrences {
      for candidate in occurrence.candidates where candidate.kind == .person {
        let k = key(occurrence.token.text, candidate)
        if best[k] == nil || best[k]!.support < candidate.support {
          best[k] = (candidate.support, candidate.evidence, candidate.sufficient)
        }
      }
    }
    for o in occurrences.indices {
      for c in occurrences[o].candidates.indices where occurrences[o].candidates[c].kind == .person {
        let candidate = occurrences[o].candidates[c]
        guard let pooled = best[key(occurrences[o].token.text, candidate)], pooled.support > candidate.support
        else { continue }
        occurrences[o].candidates[c].support = pooled.support
        occurrences[o].candidates[c].sufficient = pooled.sufficient || candidate.sufficient
        occurrences[o].candidates[c].evidence = pooled.evidence + ["(context pooled from another occurrence)"]
      }
    }
  }

  private func apply(_ decisions: [NameDecision], to document: inout Document, pass: Int, noting: Bool) {
    var noted = 0
    let ordered = decisions.sorted {
      $0.token.line != $1.token.line
        ? $0.token.line < $1.token.line
        : $0.token.range.lowerBound > $1.token.range.lowerBound
    }
    for decision in ordered {
      let token = decision.token
      guard let replacement = decision.replacement else {
        if noting, let top = decision.candidates.first, top.score > -1.5, noted < 40 {
          noted += 1
          document.notes.append(
            "names: left \(token.text) unchanged (line \(token.line + 1)): \(decision.reason)")
        }
        continue
      }
      let line = document.lines[token.line]
      var evidence = [Edit.Evidence("candidates", decision.candidates.map(\.summary).joined(separator: "; "))]
      evidence += (decision.candidates.first?.evidence ?? []).map { Edit.Evidence("evidence", $0) }
      if pass > 1 { evidence.append(Edit.Evidence("pass", "\(pass) (support from this stage's earlier corrections)")) }
      document.edits.append(
        Edit(
          stage: .names, kind: .replace, source: line.source(ofUTF8: token.range),
          before: token.text, after: replacement, reason: decision.reason,
          confidence: decision.confidence, evidence: evidence))
      document.lines[token.line].replaceUTF8(token.range, with: replacement)
    }
  }
}
