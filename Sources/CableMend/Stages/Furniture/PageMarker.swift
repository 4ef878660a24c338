/// A page head such as `PAGE 01 OF 02 STATE 415364 0000002`, `PAGE 02 KUWAIT 00886 201340Z`,
/// `Page 3 of 5` or a centred `- 3 -`, read OCR-tolerantly (`PACE O2`).
///
/// A paragraph that merely mentions a page (`PAGE 3 OF THE REPORT SAYS ...`) is not a marker:
/// after the page number only an originator of at most three words and numbers may follow.
struct PageMarker: Sendable, Hashable {
  var number: Int?
  var total: Int?
  /// The originating post as printed (`STATE`, `KUWAIT`), when present.
  var originator: String?
  /// The telegram number printed after the originator, when present.
  var telegramNumber: String?

  var detail: String {
    var parts = ["page \(number.map(String.init) ?? "?")"]
    if let total { parts.append("of \(total)") }
    if let originator { parts.append(originator) }
    if let telegramNumber { parts.append(telegramNumber) }
    return parts.joined(separator: " ")
  }

  init?(_ tokens: [String]) {
    if let centred = Self.centred(tokens) {
      number = centred
      return
    }
    if let head = Self.continuationHead(tokens) {
      self = head
      return
    }
    // `nn OF mm` after the page word is distinctive enough to read a worse-damaged `PAGE`.
    let counted =
      tokens.count >= 4 && Self.number(tokens[1]) != nil && Self.number(tokens[3]) != nil
      && FurnitureText.folded(tokens[2]) == Array("OF".utf8)
    guard tokens.count >= 2, tokens.count <= 10, Self.isPageWord(tokens[0], limit: counted ? 2 : 1),
      let number = Self.number(tokens[1])
    else { return nil }
    self.number = number
    var rest = Array(tokens.dropFirst(2))
    // After `OF` a number is expected, so a lone look-alike letter (`S` for 5) is read too.
    if rest.count >= 2, FurnitureText.folded(rest[0]) == Array("OF".utf8),
      let total = Self.number(rest[1], expected: true)
    {
      self.total = total
      rest.removeFirst(2)
    }
    let words = Array(rest.prefix { token in token.allSatisfy { $0.isLetter || $0 == "-" } })
    guard words.count <= 3 else { return nil }
    let tail = rest.dropFirst(words.count)
    guard tail.allSatisfy({ $0.contains(where: \.isNumber) }) else { return nil }
    // An originator must be followed by the telegram number, as page heads print it.
    if !words.isEmpty {
      guard let first = tail.first else { return nil }
      originator = words.joined(separator: " ")
      telegramNumber = first
    }
  }

  /// `PAGE` and its usual OCR misreadings (`PACE`, `PAGF`, `P AGE` is two tokens and not read).
  static func isPageWord(_ token: String, limit: Int = 1) -> Bool {
    let folded = FurnitureText.folded(token)
    guard folded.first == UInt8(ascii: "P"), folded.count == 4 else { return false }
    return FurnitureText.distance(folded, Array("PAGE".utf8), limit: limit) <= limit
  }

  /// A page number of one to three digits, allowing the look-alike letters OCR puts for digits
  /// (`O` for zero, `l`/`I` for one, `S` for five, `B` for eight).
  static func number(_ token: String, expected: Bool = false) -> Int? {
    guard (1...3).contains(token.count), expected || token.contains(where: \.isNumber) else { return nil }
    var value = 0
    for char in token {
      switch char {
      case "0"..."9": value = value * 10 + Int(String(char))!
      case "O", "o": value *= 10
      case "l", "L", "I", "i", "|": value = value * 10 + 1
      case "S": value = value * 10 + 5
      case "B": value = value * 10 + 8
      default: return nil
      }
    }
    return value
  }

  /// The continuation head of a paper telegram: `-2- STATE 1250`, `-2- BANGKOK 412, AUGUST 17`.
  private static func continuationHead(_ tokens: [String]) -> PageMarker? {
    guard (3...8).contains(tokens.count), tokens[0].count >= 3, tokens[0].first == "-", tokens[0].last == "-",
      let page = number(String(tokens[0].dropFirst().dropLast()), expected: true)
    else { return nil }
    let rest = tokens.dropFirst().map { $0.trimmingScalars(in: ",") }
    let words = Array(rest.prefix { $0.allSatisfy(\.isLetter) })
    guard (1...3).contains(words.count), let telegram = rest.dropFirst(words.count).first,
      telegram.allSatisfy(\.isNumber)
    else { return nil }
    // What may follow is a date: a month and a day.
    let date = rest.dropFirst(words.count + 1)
    guard date.count <= 3, date.allSatisfy({ $0.allSatisfy(\.isLetter) || $0.allSatisfy(\.isNumber) }) else {
      return nil
    }
    var head = PageMarker(number: page, total: nil)
    head.originator = words.joined(separator: " ")
    head.telegramNumber = telegram
    return head
  }

  private static func centred(_ tokens: [String]) -> Int? {
    let joined = tokens.joined()
    guard joined.hasPrefix("-"), joined.hasSuffix("-"), joined.count >= 3, joined.count <= 6 else {
      return nil
    }
    let inner = joined.dropFirst().dropLast()
    guard !inner.isEmpty, inner.allSatisfy(\.isNumber) else { return nil }
    return Int(inner)
  }
}
