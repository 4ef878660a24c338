/// Parses the lines of a cable, already in reading order, into a ``CableStructure``.
///
/// Header fields are recognised line by line with ``LineClassifier`` (a bare addressee line
/// belongs to the TO or INFO list above it; clearance entries follow `DRAFTED BY`/`APPROVED BY`);
/// body lines become paragraphs with their kind; the line of kind `.signature` is the signature.
/// The parser only reads: it never changes text.
///
/// - Complexity: O(n) in the text.
public enum CableParser {
  public static func parse(_ lines: [TextLine]) -> CableStructure {
    var structure = CableStructure()
    var previous: CableStructure.FieldKind?
    for line in lines {
      let text = LineClassifier.normalized(line.text)
      guard !text.isEmpty else { continue }
      switch line.kind {
      case .header, .clearance:
        let field = LineClassifier.field(text, previous: previous) ?? (line.kind == .clearance ? .clearance : previous)
        previous = field
        if let field { apply(field, text, to: &structure) }
      case .signature:
        structure.signature = text
      case .blank:
        continue
      default:
        structure.paragraphs.append(paragraph(line))
      }
    }
    return structure
  }

  static func paragraph(_ line: TextLine) -> CableStructure.Paragraph {
    let text = line.text
    switch line.kind {
    case .gap: return .init(kind: .gap, text: text)
    case .heading: return .init(kind: LineClassifier.isMarker(text) ? .marker : .heading, text: text)
    case .bullet: return .init(kind: .bullet, text: text)
    default:
      if let number = LineClassifier.paragraphNumber(text) { return .init(kind: .numbered, number: number, text: text) }
      if LineClassifier.isBullet(text) { return .init(kind: .bullet, text: text) }
      if LineClassifier.isMarker(text) { return .init(kind: .marker, text: text) }
      return .init(kind: .text, text: text)
    }
  }

  static func apply(_ field: CableStructure.FieldKind, _ text: String, to s: inout CableStructure) {
    s.header.append(.init(name: field.rawValue, value: text))
    switch field {
    case .clearance:
      var clearance = s.clearance ?? CableStructure.Clearance()
      if text.hasPrefix("DRAFTED BY") {
        clearance.draftedBy = after(colonIn: text, prefix: "DRAFTED BY")
      } else if text.hasPrefix("APPROVED BY") {
        clearance.approvedBy = after(colonIn: text, prefix: "APPROVED BY")
      } else {
        clearance.cleared.append(text)
      }
      s.clearance = clearance
    case .dtg:
      let words = text.split(separator: " ").map(String.init)
      let z = words.firstIndex { $0.hasSuffix("Z") && $0.count == 7 } ?? 0
      s.precedence = Array(words[..<z])
      s.dateTimeGroup = words[z...].joined(separator: " ")
    case .from: s.from = String(text.dropFirst(3))
    case .to: s.to.append(addressee(text.hasPrefix("TO ") ? String(text.dropFirst(3)) : text))
    case .info: s.info.append(addressee(text.hasPrefix("INFO ") ? String(text.dropFirst(5)) : text))
    case .classification:
      var words = text.split(separator: " ").map(String.init)
      s.number = words.popLast()
      if let word = LineClassifier.classifications.first(where: { text.hasPrefix($0 + " ") }) {
        s.classification = word
        words.removeFirst(word.split(separator: " ").count)
      }
      s.origin = words.joined(separator: " ")
    case .caption: s.caption = text
    case .passing: s.passingLine = text
    case .executiveOrder: s.executiveOrder = text
    case .tags:
      let body = after(colonIn: text, prefix: "TAGS") ?? ""
      s.tags = body.split(separator: ",").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
    case .subject: s.subject = after(colonIn: text, prefix: text.hasPrefix("SUBJECT") ? "SUBJECT" : "SUBJ")
    case .reference: s.reference = after(colonIn: text, prefix: text.hasPrefix("REFS") ? "REFS" : "REF")
    }
  }

  /// `AMEMBASSY BONN 0250/60 IMMEDIATE` → post `AMEMBASSY BONN`, precedence `IMMEDIATE`.
  static func addressee(_ raw: String) -> CableStructure.Addressee {
    var words = raw.split(separator: " ").map(String.init).filter { !AddresseeLine.isSequenceNumber($0) }
    if let first = words.first, let slash = first.firstIndex(of: "/"), first[..<slash].count <= 4 {
      words[0] = String(first[first.index(after: slash)...])
    }
    var text = words.joined(separator: " ")
    var precedence: String?
    for word in LineClassifier.precedenceWords where text.hasSuffix(" " + word) {
      precedence = word
      text = String(text.dropLast(word.count + 1))
      break
    }
    return .init(post: text, precedence: precedence)
  }

  static func after(colonIn text: String, prefix: String) -> String? {
    var rest = Substring(text.dropFirst(prefix.count))
    if rest.hasPrefix(":") { rest = rest.dropFirst() }
    let value = rest.trimmingSpaces
    return value.isEmpty ? nil : String(value)
  }
}

/// Finds what in an addressee line is message-centre routing rather than address: channel
/// sequence numbers (`0250/60`, `0309/`, `2112`) and a delivery indicator before the post
/// (`ZEN/`).
enum AddresseeLine {
  static func isSequenceNumber(_ word: some StringProtocol) -> Bool {
    let parts = word.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count <= 2, let first = parts.first, first.count == 4, first.allSatisfy(\.isNumber) else { return false }
    return parts.count == 1 || parts[1].allSatisfy(\.isNumber)
  }

  /// UTF-8 ranges of the routing parts of `text`, with a description of each.
  static func routingRanges(in text: String) -> [(range: Range<Int>, what: String)] {
    var result: [(Range<Int>, String)] = []
    let bytes = Array(text.utf8)
    var start = 0
    var isFirstWord = true
    while start < bytes.count {
      while start < bytes.count && bytes[start] == 0x20 { start += 1 }
      var end = start
      while end < bytes.count && bytes[end] != 0x20 { end += 1 }
      guard start < end else { break }
      let word = String(decoding: bytes[start..<end], as: UTF8.self)
      let isKeyword = word == "TO" || word == "INFO"
      if isSequenceNumber(word) {
        let from = start > 0 && bytes[start - 1] == 0x20 ? start - 1 : start
        result.append((from..<end, "channel sequence number"))
      } else if !isKeyword && isFirstWord, let slash = word.firstIndex(of: "/"),
        word[..<slash].count <= 4, word[..<slash].allSatisfy(\.isLetter),
        LineClassifier.postPrefixes.contains(where: { word[word.index(after: slash)...].hasPrefix($0) })
      {
        result.append((start..<(start + word[...slash].utf8.count), "delivery indicator"))
      }
      if !isKeyword { isFirstWord = false }
      start = end
    }
    return result
  }
}

extension LineClassifier {
  /// `BEGIN TEXT`, `END TEXT`, `BEGIN TALKING POINTS`... markers that frame quoted text.
  static func isMarker(_ raw: String) -> Bool {
    let text = normalized(raw)
    return (text.hasPrefix("BEGIN ") || text.hasPrefix("END ")) && text.split(separator: " ").count <= 4
  }
}
