/// Recognises what one line of a cable is: a header field, a clearance entry, a bullet, a
/// numbered paragraph, a heading, a signature candidate, or plain text.
///
/// Pure functions of the line's text (and, for clearance entries, of the previous line's kind):
/// the unwrapper uses them to know which line breaks are structure, the orderer and the parser
/// to know what a fragment is. Upper-case teletype text is assumed; lower case is folded first.
///
/// - Complexity: O(n) in the line length.
public enum LineClassifier {
  /// Words that end an addressee line to say how fast to deliver it.
  static let precedenceWords = ["NIACT IMMEDIATE", "IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH"]
  /// How posts are written in addressee lines.
  static let postPrefixes = [
    "AMEMBASSY", "AMCONSUL", "AMCONGEN", "SECSTATE", "USMISSION", "USDEL", "USUN", "USNATO",
    "USLO", "USINT", "AMEMB", "CINC", "SECDEF", "JCS", "WHITE HOUSE", "DIA", "CIA", "USCINC",
    "USEC", "USOECD", "AMB", "DEPT", "NSC", "USIA", "TREASURY", "USDOC",
  ]
  static let captions = ["EXDIS", "NODIS", "LIMDIS", "STADIS", "CHEROKEE", "ROGER CHANNEL", "NOFORN"]
  static let classifications = [
    "TOP SECRET", "SECRET", "CONFIDENTIAL", "LIMITED OFFICIAL USE", "UNCLASSIFIED",
  ]
  /// Words that cannot end a finished sentence or begin a new one: a fragment ending or starting
  /// with one of them is half of a broken sentence.
  static let continuationWords: Set<String> = [
    "AND", "OR", "BUT", "NOR", "OF", "TO", "IN", "ON", "AT", "BY", "FOR", "WITH", "FROM", "INTO",
    "THAT", "WHICH", "WHO", "WHOM", "WHOSE", "THE", "A", "AN", "AS", "THAN", "IS", "ARE", "WAS",
    "WERE", "BE", "BEEN", "HAS", "HAVE", "HAD", "WOULD", "SHOULD", "COULD", "WILL", "CAN", "NOT",
    "ITS", "THEIR", "HIS", "HER", "OUR", "THIS", "THESE", "THOSE", "IF", "WHILE", "WHEN", "WHERE",
    "ABOUT", "OVER", "UNDER", "BETWEEN", "AGAINST", "DURING", "WITHOUT", "WITHIN", "UPON", "ALSO",
    "VERY", "MORE", "MOST", "SUCH", "ANY", "ALL", "BOTH", "EACH",
  ]
  /// Of those, the ones that can begin a continuation but rarely begin a paragraph.
  static let continuationStarts: Set<String> = [
    "AND", "OR", "BUT", "NOR", "OF", "TO", "IN", "ON", "AT", "BY", "FOR", "WITH", "FROM", "INTO",
    "THAT", "WHICH", "WHO", "WHOM", "WHOSE", "AS", "THAN", "IS", "ARE", "WAS", "WERE", "BE",
    "BEEN", "HAS", "HAVE", "HAD", "WOULD", "SHOULD", "COULD", "WILL", "NOT", "UPON", "ALSO",
  ]

  /// The header field a line is, if any. `previous` is the kind of the nearest earlier
  /// non-blank line (clearance entries only count after a clearance line).
  public static func field(_ raw: String, previous: CableStructure.FieldKind? = nil)
    -> CableStructure.FieldKind?
  {
    let text = normalized(raw)
    guard !text.isEmpty else { return nil }
    if text.hasPrefix("DRAFTED BY") || text.hasPrefix("APPROVED BY") || text.hasPrefix("CLEARED")
      || text.hasPrefix("CLEARANCE")
    {
      return .clearance
    }
    if isDTG(text) { return .dtg }
    if text.hasPrefix("FM ") && text.count < 60 { return .from }
    if text.hasPrefix("TO ") && isAddressee(String(text.dropFirst(3))) { return .to }
    if text.hasPrefix("INFO ") && isAddressee(String(text.dropFirst(5))) { return .info }
    if text.hasPrefix("E.O.") || text.hasPrefix("E. O.") || text.hasPrefix("EO 1") { return .executiveOrder }
    if text.hasPrefix("TAGS") && text.count < 90 { return .tags }
    if text.hasPrefix("SUBJECT:") || text.hasPrefix("SUBJ:") || text.hasPrefix("SUBJECT ") { return .subject }
    if text.hasPrefix("REF:") || text.hasPrefix("REFS:") || text.hasPrefix("REF ") && text.count < 80 {
      return .reference
    }
    if captions.contains(where: { text == $0 || text.hasPrefix($0 + " ") && text.count < 40 }) {
      return .caption
    }
    if isClassificationLine(text) { return .classification }
    if isAddressee(text) && (previous == .to || previous == .info || previous == .from) {
      return previous == .from ? .to : previous
    }
    // Under TO or INFO, a short line of words is the next addressee (`COMUSMACTHAI BANGKOK`).
    // The first word must be a post's code, not an English word (`GULF` is a heading).
    if previous == .to || previous == .info, case let words = text.split(separator: " "), words.count >= 2,
      words.count <= 6, let first = words.first, first.count >= 4, first.allSatisfy(\.isLetter),
      !HyphenJudge.Dictionary.shared.contains(String(first)),
      text.allSatisfy({ $0.isLetter || $0.isNumber || " /-".contains($0) }), !isClassificationLine(text)
    {
      return previous
    }
    if previous == .clearance && isClearanceEntry(text) { return .clearance }
    if let previous, previous.rank >= CableStructure.FieldKind.classification.rank,
      previous.rank <= CableStructure.FieldKind.caption.rank, isPassingLine(text)
    {
      return .passing
    }
    return nil
  }

  /// `O P 040336Z DEC 90`, `Z 201340Z MAR 73`, `O 141934Z MAR 86`; also with the zone letter
  /// misread as `2` (`R 1709302 AUG 65`) when a month follows, so that a damaged date-time group
  /// is a header field wherever it stands (and a second `mend` sees it as the first did).
  static func isDTG(_ text: String) -> Bool {
    // Most lines are rejected by their word count on bytes, without a split.
    if let count = asciiWordCount(text), count < 4 || count > 6 { return false }
    let words = text.split(separator: " ")
    guard words.count >= 4, words.count <= 6 else { return false }
    func isGroup(_ k: Int) -> Bool {
      let word = words[k]
      guard word.count == 7, word.dropLast().allSatisfy(\.isNumber), let zone = word.last else { return false }
      return zone == "Z" || (zone == "2" && k + 1 < words.count && months.contains(String(words[k + 1])))
    }
    guard let z = words.indices.first(where: isGroup) else { return false }
    let letters = words[..<z]
    guard !letters.isEmpty, letters.allSatisfy({ $0.count == 1 && "OPRZ".contains($0) }) else { return false }
    return words.count == z + 3 && words[z + 1].count == 3 && words[z + 2].allSatisfy(\.isNumber)
  }

  static let months: Set<String> = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

  /// A post, optionally with precedence and sequence numbers: `AMEMBASSY BONN 0250/60 IMMEDIATE`.
  static func isAddressee(_ text: String) -> Bool {
    var body = text
    let ascii = text.utf8.allSatisfy { $0 < 0x80 }
    // For ASCII text a byte search finds the same first "/" (each byte is one `Character`).
    if ascii ? text.utf8.contains(UInt8(ascii: "/")) : true, let slash = body.firstIndex(of: "/"), body[..<slash].count <= 4,
      body[..<slash].allSatisfy({ $0.isLetter })
    {
      body = String(body[body.index(after: slash)...])  // ZEN/AMEMBASSY ...
    }
    guard body.count < 70 else { return false }
    if postPrefixesWithSpace.indices.contains(where: {
      body.hasPrefix(postPrefixesWithSpace[$0]) || body == postPrefixes[$0]
    }) { return true }
    // Unified commands are one word with the command glued on: CINCPAC, USCINCEUR, USCINCSO.
    if body.hasPrefix("CINC") || body.hasPrefix("USCINC") { return true }
    if body.hasPrefix("COM") && body.hasSuffix(" HI") { return true }
    if body.hasSuffix(" WASHDC") || (ascii ? containsASCII(body, " WASHDC ") : body.contains(" WASHDC ")) {
      return true
    }
    return precedenceWords.contains(where: { body.hasSuffix(" " + $0) }) && body.split(separator: " ").count <= 6
  }

  /// ``postPrefixes`` each with the space that follows it, made once.
  static let postPrefixesWithSpace = postPrefixes.map { $0 + " " }

  /// Whether ASCII `text` holds `needle` (ASCII), by a plain byte search: for ASCII both are
  /// sequences of one-byte `Character`s, so this is what Foundation's `contains` finds.
  private static func containsASCII(_ text: String, _ needle: StaticString) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      let count = needle.utf8CodeUnitCount
      guard bytes.count >= count else { return false }
      let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: count)
      for start in 0...(bytes.count - count) where bytes[start] == pattern[0] {
        if (1..<count).allSatisfy({ bytes[start + $0] == pattern[$0] }) { return true }
      }
      return false
    }
  }

  /// `text.split(separator: " ").count` when `text` is ASCII (each byte one `Character`, and
  /// "\r\n" holds no space), counted on bytes; nil otherwise.
  static func asciiWordCount(_ text: String) -> Int? {
    var words = 0
    var inWord = false
    for byte in text.utf8 {
      guard byte < 0x80 else { return nil }
      if byte == 0x20 {
        inWord = false
      } else if !inWord {
        inWord = true
        words += 1
      }
    }
    return words
  }

  /// `SECRET STATE 415364`, `CONFIDENTIAL KUWAIT 0886`, or the bare `STATE 415364`.
  static func isClassificationLine(_ text: String) -> Bool {
    // At most three words of classification and four after it: an ASCII line of eight words
    // or more is none, without a split.
    if let count = asciiWordCount(text), count >= 8 { return false }
    var rest = Substring(text)
    if let word = classifications.first(where: { text.hasPrefix($0 + " ") }) {
      rest = rest.dropFirst(word.count + 1)
    }
    let words = rest.split(separator: " ")
    guard words.count >= 2, words.count <= 4, let last = words.last,
      last.count >= 3, last.count <= 7, last.allSatisfy(\.isNumber)
    else { return false }
    return words.dropLast().allSatisfy { $0.allSatisfy { $0.isLetter || $0 == "." } }
  }

  /// `EAP: RSOLOMON`, `S/S-O: RMANZANARES`, `EAP/CM: KWIEDEMANN/MOHR`.
  static func isClearanceEntry(_ text: String) -> Bool {
    guard let colon = text.firstIndex(of: ":"), text.count < 60 else { return false }
    let office = text[..<colon]
    guard !office.isEmpty, office.count <= 12,
      office.allSatisfy({ $0.isLetter || $0.isNumber || "/-&".contains($0) })
    else { return false }
    return !text[text.index(after: colon)...].trimmingSpaces.isEmpty
  }

  static func isPassingLine(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard words.count <= 10, !text.hasSuffix(".") else { return false }
    return text.contains(" PASS ") || words.first == "FOR" || text.hasPrefix("PASS ")
      || (words.count <= 8 && text.contains(" FOR "))
  }

  /// A `--` bullet (also `- ` and `-- `).
  public static func isBullet(_ raw: String) -> Bool {
    let text = raw.trimmingSpaces
    return text.hasPrefix("--") || text.hasPrefix("- ") || text.hasPrefix("O-- ")
  }

  /// The number of a numbered paragraph (`3. BEGIN ...`, `12. ...`, `A. ...` is not counted).
  public static func paragraphNumber(_ raw: String) -> Int? {
    let text = raw.trimmingSpaces
    let digits = text.prefix(while: \.isNumber)
    guard !digits.isEmpty, digits.count <= 3 else { return nil }
    let rest = text.dropFirst(digits.count)
    guard rest.hasPrefix(". ") || rest.hasPrefix(".\t") || rest == "." else { return nil }
    return Int(digits)
  }

  /// The letter of a lettered subparagraph (`A. ...`, `B) ...`, `(C) ...`) as 1, 2, ...
  public static func paragraphLetter(_ raw: String) -> Int? {
    let text = Array(raw.trimmingSpaces.prefix(4))
    guard text.count >= 3 else { return nil }
    var letter: Character?
    if text[0] == "(", text[2] == ")", text[1].isLetter { letter = text[1] }
    if text[0].isLetter, text[0].isUppercase, text[1] == "." || text[1] == ")", text[2] == " " { letter = text[0] }
    guard let letter, let ascii = letter.asciiValue, ascii >= 65, ascii <= 90, letter != "I" || text[0] == "(" else { return nil }
    return Int(ascii) - 64
  }

  /// A short line without closing punctuation that names a section: `GULF`, `OTHER REGIONAL
  /// ISSUES`, `BEGIN TEXT`. Broken-sentence halves are excluded by their first or last word.
  public static func isHeading(_ raw: String) -> Bool {
    let text = normalized(raw)
    // The length test first: most lines are longer, and then no split is needed.
    guard text.utf8.count <= 50 || text.count <= 50 else { return false }
    let words = text.split(separator: " ")
    guard !words.isEmpty, words.count <= 7 else { return false }
    guard let lastChar = text.last, lastChar.isLetter || lastChar == ":" else { return false }
    guard text.contains(where: \.isLetter), !isBullet(text), paragraphNumber(text) == nil, paragraphLetter(text) == nil
    else { return false }
    if let first = words.first, continuationStarts.contains(String(first)) { return false }
    if let last = words.last, continuationWords.contains(String(last)) { return false }
    // Headings are words, not codes or dates.
    return text.allSatisfy { $0.isLetter || " /-&'():,".contains($0) }
  }

  /// A lone name that could close the cable: `BAKER`, `SHULTZ`, `RONALD REAGAN`.
  public static func isSignatureCandidate(_ raw: String) -> Bool {
    let text = normalized(raw)
    guard text.utf8.count <= 30 || text.count <= 30 else { return false }
    let words = text.split(separator: " ")
    guard !words.isEmpty, words.count <= 3 else { return false }
    if continuationWords.contains(String(words[0])) || text.hasSuffix(".") { return false }
    return text.allSatisfy { $0.isLetter || " .'-".contains($0) }
  }

  /// The fragment ends a sentence (closing punctuation, possibly inside a quote or bracket).
  public static func endsSentence(_ raw: String) -> Bool {
    var text = Substring(raw.trimmingSpaces)
    // A bracketed marker (`[REDACTED]`, `[1 LINE NOT DECLASSIFIED]`) stands for whole text.
    if text.hasSuffix("]"), let open = text.lastIndex(of: "["), text[open...].count > 4 { return true }
    if isWholeMarkingParagraph(text) { return true }
    while let last = text.last, "\"')]".contains(last) { text = text.dropLast() }
    guard let last = text.last else { return true }
    return ".?!:;".contains(last)
  }

  /// A numbered paragraph that holds only a parenthesised marking of two or more words,
  /// `1. (C - ENTIRE TEXT)`: the marking is the whole paragraph, so it continues into nothing,
  /// though it lacks closing punctuation. A one-word marking (`1. (C)`) may still have its text
  /// on the next line, so it is not counted.
  static func isWholeMarkingParagraph(_ text: Substring) -> Bool {
    let body = text.drop { $0.isNumber }
    guard body.count < text.count, body.first == ".", body.last == ")" else { return false }
    let marking = body.dropFirst().drop { $0 == " " }
    guard marking.first == "(", marking.dropFirst().dropLast().allSatisfy({ $0 != "(" && $0 != ")" }) else { return false }
    return marking.split(whereSeparator: { !$0.isLetter }).count >= 2
  }

  /// The last word ends mid-phrase (`THE`, `OF`, `AND`).
  public static func endsMidPhrase(_ raw: String) -> Bool {
    guard let last = words(raw).last else { return false }
    return continuationWords.contains(last)
  }

  /// The first word continues a sentence (`AND QIAN AGREED ...`).
  public static func startsContinuation(_ raw: String) -> Bool {
    guard let first = words(raw).first else { return false }
    return continuationStarts.contains(first) || raw.first?.isLowercase == true
  }

  /// Upper-case words of a line, letters and digits only.
  static func words(_ raw: String) -> [String] {
    if let words = asciiWords(raw) { return words }
    return raw.uppercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
      .map(String.init)
  }

  /// ``words(_:)`` for pure ASCII text, on bytes: the same words (for ASCII, letters and
  /// numbers are A-Z, a-z and 0-9) without building `Character`s. Nil when `raw` is not ASCII.
  private static func asciiWords(_ raw: String) -> [String]? {
    var raw = raw
    return raw.withUTF8 { bytes -> [String]? in
      var words: [String] = []
      var word: [UInt8] = []
      for byte in bytes {
        guard byte < 0x80 else { return nil }
        let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
        if (upper >= 0x41 && upper <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27 {
          word.append(upper)
        } else if !word.isEmpty {
          words.append(String(decoding: word, as: UTF8.self))
          word.removeAll(keepingCapacity: true)
        }
      }
      if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
      return words
    }
  }

  /// Upper case, runs of spaces and tabs as one space, no space at either end.
  static func normalized(_ raw: String) -> String {
    asciiNormalized(raw) ?? characterNormalized(raw)
  }

  /// ``normalized(_:)`` on `Character`s, for any text (tests compare the byte path with it).
  static func characterNormalized(_ raw: String) -> String {
    raw.uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
  }

  /// ``normalized(_:)`` of pure ASCII text on bytes (the same string: for ASCII, upper-casing is
  /// a-z to A-Z and every byte is one `Character`). Nil when `raw` is not ASCII. Every stage
  /// asks this of every line several times, so the `Character` walk was a hot spot.
  static func asciiNormalized(_ raw: String) -> String? {
    var raw = raw
    return raw.withUTF8 { bytes -> String? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      return String(unsafeUninitializedCapacity: bytes.count) { out -> Int in
        var count = 0
        var pendingSpace = false
        for byte in bytes {
          if byte == 0x20 || byte == 0x09 {
            pendingSpace = count > 0
            continue
          }
          if pendingSpace {
            out[count] = 0x20
            count += 1
            pendingSpace = false
          }
          out[count] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
          count += 1
        }
        return count
      }
    }
  }
}

extension StringProtocol where SubSequence == Substring {
  var trimmingSpaces: Substring {
    let s = self[...]
    guard let first = s.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return s[s.endIndex...] }
    let last = s.lastIndex(where: { $0 != " " && $0 != "\t" })!
    return s[first...last]
  }
}
