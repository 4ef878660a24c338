import Foundation

/// Checks the signature of a cable: the lone name on its last line.
///
/// A cable from an embassy is signed by its chief of mission, one from the Department by the
/// Secretary of State (or, in the Secretary's absence, the Deputy Secretary as Acting
/// Secretary), one from the Secretary's party abroad (`FM USDEL SECRETARY`) by the Secretary,
/// so the sending post (`FM AMEMBASSY CAIRO`) and the cable's date narrow
/// the signature to the one or two people who held that post on that date. That closed class,
/// like the post slot of a routing line, lets a damaged signature take more OCR damage than a
/// name in running text (`EOTS` for EILTS in a Cairo cable of 1975). A signature that is a known
/// word or name, or no close reading of the candidates, is left alone (a chargé signs too).
///
/// - Complexity: O(n) over the lexicon's entries once per cable with an unknown signature.
struct SignatureResolver {
  let model: NameModel
  let costs: OCRDistance
  let context: CableContext

  /// Role beginnings of a chief of mission in the lexicon (`Ambassador to Egypt`).
  static let chiefOfMission = [
    "AMBASSADOR TO", "MINISTER TO", "MINISTER RESIDENT TO", "PRINCIPAL OFFICER TO",
    "PERMANENT REPRESENTATIVE TO", "ENVOY EXTRAORDINARY",
  ]

  /// The signature token: the only word of the last non-blank line, four letters or more.
  func signature(_ lines: [TextLine]) -> CableContext.Token? {
    guard let last = lines.indices.last(where: { !lines[$0].text.allSatisfy { $0 == " " } }) else { return nil }
    let tokens = context.tokens[last]
    guard tokens.count == 1, let token = tokens.first, !token.hasLower, !token.touchesDigit,
      (4...CandidateIndex.maxLength).contains(token.text.utf8.count),
      lines[last].text.trimmingCharacters(in: .whitespaces) == token.text
    else { return nil }
    return token
  }

  /// The sender of a cable from the Secretary's own party abroad (`FM USDEL SECRETARY`).
  static let secretaryParty = "USDEL SECRETARY"

  /// Who signs a Department cable: the Secretary, or in the Secretary's absence the Acting
  /// Secretary, usually the Deputy Secretary (`INGERSOLL` in May 1975). The Deputy is the less
  /// usual signer, so has less support; the Secretary's party abroad is signed by the Secretary.
  static let departmentSigners: [(role: String, support: Double, signsForParty: Bool)] = [
    ("SECRETARY OF STATE", 2.0, true), ("SECRETARY OF STATE AD INTERIM", 2.0, true),
    ("DEPUTY SECRETARY OF STATE", 1.5, false),
  ]

  /// The sending post (`AMEMBASSY CAIRO`) from the `FM` line, as routing prefix and post words.
  func sender(_ lines: [TextLine]) -> String? {
    let posts = PostResolver(model: model, costs: costs, context: context)
    for tokens in context.tokens.prefix(12) where tokens.first?.text == "FM" {
      if tokens.count >= 3 && tokens[1].text == "USDEL" && tokens[2].text == "SECRETARY" { return Self.secretaryParty }
      guard let (prefix, candidates) = posts.routingPrefix(tokens), prefix == 1,
        let match = posts.exactMatch(posts.slotWords(tokens, after: prefix), candidates)
      else { return nil }
      return tokens[prefix].text + " " + match
    }
    return nil
  }

  /// The people who may sign a cable from `sender` on `date`, with the support each has.
  func signers(sender: String, date: LexiconDate) -> [(entry: LexiconEntry, support: Double)] {
    let countries = model.countryOfPost[sender] ?? []
    let party = sender == Self.secretaryParty
    let department = party || sender.hasPrefix("SECSTATE")
    guard department || !countries.isEmpty else { return [] }
    var result: [(entry: LexiconEntry, support: Double)] = []
    for entry in model.lexicon.entries {
      guard entry.kind == .person, entry.tenureCovers(date) == true, entry.start != nil, entry.end != nil else {
        continue
      }
      let words = NameModel.words(entry.role)
      let role = words.joined(separator: " ")
      if department {
        if let signer = Self.departmentSigners.first(where: { $0.role == role }), !party || signer.signsForParty {
          result.append((entry, signer.support))
        }
        continue
      }
      guard Self.chiefOfMission.contains(where: role.hasPrefix),
        words.contains(where: { word in countries.contains { NameModel.sameCountry(word, $0) } })
      else { continue }
      result.append((entry, 2.0))
    }
    return result
  }

  /// The decision for the signature, if it is unknown and a signer reads close enough.
  func resolve(_ lines: [TextLine], isKnown: (String) -> Bool) -> NameDecision? {
    guard let token = signature(lines), !isKnown(token.text), let date = context.date,
      let sender = sender(lines)
    else { return nil }
    let ocr = Array(token.text.utf8)
    let limit = Int32(35 * ocr.count)
    var candidates: [NameCandidate] = []
    for (entry, support) in signers(sender: sender, date: date) {
      for surname in [entry.name] + entry.variants where !surname.contains(" ") {
        guard let cost = costs.cost(truth: Array(surname.utf8), ocr: ocr, limit: limit) else { continue }
        let evidence = [
          "signature of a cable from \(sender) dated \(date)",
          "lexicon \(entry.fullName) (\(entry.origin)): \(entry.role) "
            + "\(entry.start?.description ?? "?")..\(entry.end?.description ?? "?")",
        ]
        candidates.append(
          NameCandidate(
            text: surname, kind: .person, cost: Double(cost) / 100, support: support, evidence: evidence,
            surname: surname, sufficient: true))
      }
    }
    return NameVerdict.decide(token, candidates)
  }
}
