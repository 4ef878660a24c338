import Foundation

/// Proposes and scores candidates for one suspicious token: people from the lexicon, ordinary
/// words from the English list, posts in routing lines.
struct NameResolver {
  let model: NameModel
  let costs: OCRDistance
  let english: EnglishWords?
  let context: CableContext
  let titleWordLimit: Double

  init(model: NameModel, costs: OCRDistance, english: EnglishWords?, context: CableContext) {
    self.model = model
    self.costs = costs
    self.english = english
    self.context = context
    // Title words are role words found in at least 20 roles (SECRETARY, ASSISTANT, SENATOR...).
    let people = Double(model.lexicon.entries.lazy.filter { $0.kind == .person }.count)
    titleWordLimit = log(max(people, 20) / 20)
  }

  /// True when the token is a real word or name and must not be changed.
  func isKnown(_ text: String) -> Bool {
    model.known.contains(text) || english?.words.contains(text) == true
  }

  func isRoleWord(_ word: String) -> Bool { model.roleWordWeight[word] != nil }

  func isTitleWord(_ word: String) -> Bool {
    guard let weight = model.roleWordWeight[word] else { return false }
    return weight <= titleWordLimit
  }

  /// The largest cost worth considering for a token of `length` letters, in hundredths.
  static func costLimit(length: Int) -> Int32 { Int32(min(250, 30 * length)) }

  // MARK: People

  struct PersonCue {
    var offices: [String]?
    var title: [String]
  }

  func personCandidates(_ token: CableContext.Token, cue: PersonCue) -> [NameCandidate] {
    let bytes = Array(token.text.utf8)
    let limit = Self.costLimit(length: bytes.count)
    var lookups = [bytes]
    if cue.offices != nil {
      // Clearance lines glue initials to surnames: RSOLCHON is R + SOLCHON.
      for drop in 1...2 where bytes.count - drop >= 4 { lookups.append(Array(bytes.dropFirst(drop))) }
    }
    var seen: Set<Int> = []
    for lookup in lookups {
      model.nameIndex.forEachCandidate(of: lookup) { seen.insert($0) }
    }
    var result: [NameCandidate] = []
    for term in seen {
      let surname = String(decoding: model.nameTerms[term], as: UTF8.self)
      guard surname != token.text, surname.utf8.count >= 3 else { continue }
      if let candidate = bestPerson(term: term, surname: surname, token: bytes, cue: cue, limit: limit) {
        result.append(candidate)
      }
    }
    return result
  }

  private func bestPerson(term: Int, surname: String, token: [UInt8], cue: PersonCue, limit: Int32)
    -> NameCandidate?
  {
    let surnameBytes = model.nameTerms[term]
    let bare = costs.cost(truth: surnameBytes, ocr: token, limit: limit)
    var best: NameCandidate?
    let mentions = context.counts[surname] ?? 0
    for number in model.entriesOfTerm[term].prefix(60) {
      let entry = model.lexicon.entries[Int(number)]
      var text = surname
      var cost = bare
      if cue.offices != nil, let initial = entry.firstInitial,
        let glued = costs.cost(truth: [initial] + surnameBytes, ocr: token, limit: min(limit, bare ?? limit)),
        glued < (bare ?? .max)
      {
        cost = glued
        text = String(decoding: [initial] + surnameBytes, as: UTF8.self)
      }
      guard let cost else { continue }
      var support = 0.0
      var evidence = ["lexicon \(entry.fullName.isEmpty ? entry.name : entry.fullName) (\(entry.origin))"]
      if let date = context.date, let covers = entry.tenureCovers(date) {
        support += covers ? 1.0 : -1.0
        evidence.append("cable date \(date) \(covers ? "within" : "outside") tenure "
          + "\(entry.start?.description ?? "?")..\(entry.end?.description ?? "?") as \(entry.role)")
      }
      if let offices = cue.offices, !entry.office.isEmpty, offices.contains(entry.office) {
        support += 1.0
        evidence.append("clearance office \(entry.office) matches")
      }
      let title = titleMatch(cue.title, role: entry.role)
      if title > 0 {
        support += 1.5 * title
        evidence.append("title '\(cue.title.joined(separator: " "))' matches role \(NameCandidate.format(title))")
      }
      if mentions > 0 {
        support += 1.5
        evidence.append("\(surname) appears \(mentions)x elsewhere in the document")
      }
      let candidate = NameCandidate(text: text, kind: .person, cost: Double(cost) / 100, support: support,
                                    evidence: evidence, surname: surname)
      if best == nil || candidate.score > best!.score { best = candidate }
    }
    return best
  }

  /// The share of the cue's weight (rarer words weigh more) found in the role.
  func titleMatch(_ cue: [String], role: String) -> Double {
    guard !cue.isEmpty, !role.isEmpty else { return 0 }
    let roleWords = Set(NameModel.words(role))
    var total = 0.0, found = 0.0
    for word in cue {
      let weight = model.roleWordWeight[word] ?? 0
      total += weight
      if roleWords.contains(word) { found += weight }
    }
    return total > 0 ? found / total : 0
  }

  // MARK: Words

  func wordCandidates(_ token: CableContext.Token, previous: String?, next: String?) -> [NameCandidate] {
    guard let english else { return [] }
    let bytes = Array(token.text.utf8)
    var seen: Set<Int> = []
    english.index.forEachCandidate(of: bytes) { seen.insert($0) }
    var result: [NameCandidate] = []
    for number in seen {
      let word = english.index.terms[number]
      guard let cost = costs.cost(truth: word, ocr: bytes, limit: OCRDistance.unit) else { continue }
      let text = String(decoding: word, as: UTF8.self)
      var support = 0.0
      var evidence: [String] = ["English word list"]
      for pair in [previous.map { $0 + " " + text }, next.map { text + " " + $0 }].compactMap({ $0 }) {
        if let count = context.pairs[pair] {
          support += 1.0
          evidence.append("'\(pair)' occurs \(count)x elsewhere in the document")
        } else if model.rolePairs.contains(pair) {
          support += 1.0
          evidence.append("'\(pair)' occurs in lexicon titles")
        }
      }
      if let count = context.counts[text] {
        support += 0.5
        evidence.append("\(text) occurs \(count)x in the document")
      }
      result.append(NameCandidate(text: text, kind: .word, cost: Double(cost) / 100, support: support,
                                  evidence: evidence, surname: text))
    }
    return result
  }
}

