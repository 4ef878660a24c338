import Foundation

/// The `unwrap` stage: joins hard-wrapped lines back into paragraphs.
///
/// - Changes: within a block of consecutive non-blank lines on one page, a line break between
///   two lines of running text becomes a space (or nothing after a `--` dash); a word hyphenated
///   across the break (`INFORMA-` + `TION`) loses its hyphen. Each join is one `merge` edit whose
///   input range covers the removed line break (and the removed hyphen and spaces), with
///   `before`/`after` showing exactly what went and what came. Sets each line's kind: header
///   field, clearance entry, bullet, numbered paragraph, heading or text.
/// - Never touches: line breaks that are structure (before a `--` bullet or a numbered paragraph,
///   around header fields, clearance entries and routing lines, before a closing name, after a
///   short line that ends a sentence), real hyphens (`NON-PROLIFERATION`, `US-PRC`: kept when the
///   hyphenated form occurs elsewhere in the document, when the first part is a short prefix or
///   acronym, or when the joined word is not an English word), blank lines (paragraph breaks:
///   broken sentences across them are the `order` stage's business), lines whose kind an earlier
///   stage already set.
/// - Complexity: O(n) in the text, plus one dictionary load per process.
public struct LineUnwrapper: Stage {
  public static let name = StageName.unwrap

  public init(options: MendOptions) throws {}

  public func run(_ document: inout Document) {
    let lines = document.lines
    guard !lines.isEmpty else { return }
    let kinds = Self.classify(lines)
    let hyphenation = HyphenJudge(document: lines.map(\.text))
    var out: [TextLine] = []
    var edits: [Edit] = []
    var index = 0
    while index < lines.count {
      var line = lines[index]
      line.kind = kinds[index]
      index += 1
      var lastLength = line.text.count
      while index < lines.count,
        Self.shouldJoin(line, lastLength: lastLength, lines[index], kinds[index],
                        following: index + 1 < lines.count ? lines[index + 1] : nil)
      {
        lastLength = lines[index].text.count
        Self.join(&line, lines[index], hyphenation: hyphenation, edits: &edits)
        index += 1
      }
      if line.kind == .text && Self.isStandalone(out.last, index < lines.count ? lines[index] : nil)
        && LineClassifier.isHeading(line.text)
      {
        line.kind = .heading
      }
      out.append(line)
    }
    document.lines = out
    document.edits.append(contentsOf: edits)
  }

  /// Kind of every input line, keeping kinds an earlier stage set.
  static func classify(_ lines: [TextLine]) -> [LineKind] {
    var previousField: CableStructure.FieldKind?
    return lines.map { line in
      if line.kind != .text { return line.kind }
      if line.text.trimmingSpaces.isEmpty { return .blank }
      let field = LineClassifier.field(line.text, previous: previousField)
      previousField = field
      if let field { return field == .clearance ? .clearance : .header }
      if LineClassifier.isBullet(line.text) { return .bullet }
      if LineClassifier.paragraphNumber(line.text) != nil { return .numbered }
      return .text
    }
  }

  /// Whether `next` continues `current`'s paragraph.
  static func shouldJoin(_ current: TextLine, lastLength: Int, _ next: TextLine, _ nextKind: LineKind,
                         following: TextLine?) -> Bool
  {
    guard [.text, .bullet, .numbered].contains(current.kind), nextKind == .text else { return false }
    guard next.page == current.page, !next.followsFormFeed else { return false }
    let closed = LineClassifier.endsSentence(current.text)
    if closed && LineClassifier.isSignatureCandidate(next.text) && following.map({ $0.text.trimmingSpaces.isEmpty }) ?? true {
      return false
    }
    if closed && LineClassifier.isHeading(next.text) {
      let after = following.map { $0.text.trimmingSpaces.isEmpty || LineClassifier.isBullet($0.text) } ?? true
      if after { return false }
    }
    // A short last line that closes a sentence ends its paragraph even without a blank line.
    return !(closed && lastLength < 40)
  }

  /// A line with nothing but blank lines (or the document's edge) around it.
  static func isStandalone(_ previous: TextLine?, _ next: TextLine?) -> Bool {
    let before = previous.map { $0.kind == .blank || $0.kind == .header || $0.kind == .clearance } ?? true
    let after = next.map { $0.text.trimmingSpaces.isEmpty || LineClassifier.isBullet($0.text) } ?? true
    return before && after
  }

  /// Joins `next` onto `head`, mending a hyphenated word, and records the merge.
  ///
  /// Only the end of `head` is looked at and changed, so that joining a paragraph of n lines
  /// costs O(n) and not O(n²): the decisions need the last word (``recentText(_:upTo:)``),
  /// and the line grows in place.
  static func join(_ head: inout TextLine, _ next: TextLine, hyphenation: HyphenJudge, edits: inout [Edit]) {
    var tail = next
    let headUTF8 = head.text.utf8
    let headCount = headUTF8.count
    var cut = headCount
    var position = headUTF8.endIndex
    while position > headUTF8.startIndex {
      let before = headUTF8.index(before: position)
      guard headUTF8[before] == 0x20 || headUTF8[before] == 0x09 else { break }
      position = before
      cut -= 1
    }
    let tailBytes = Array(tail.text.utf8)
    var lead = 0
    while lead < tailBytes.count && (tailBytes[lead] == 0x20 || tailBytes[lead] == 0x09) { lead += 1 }
    let trimmedHead = recentText(head.text, upTo: cut)
    let trimmedTail = String(decoding: tailBytes[lead...], as: UTF8.self)
    var separator = " "
    var removedHyphen = false
    var reason = "hard-wrapped line joined to its paragraph"
    if trimmedHead.hasSuffix("--") || trimmedHead.hasSuffix("/") {
      separator = ""
      reason = "line wrapped after a dash joined without a space"
    } else if trimmedHead.hasSuffix("-"), let verdict = hyphenation.verdict(trimmedHead, trimmedTail) {
      separator = ""
      removedHyphen = verdict.mend
      reason = verdict.reason
    }
    let gapStart = removedHyphen ? cut - 1 : cut
    // The removed bytes start at the hyphen or trailing spaces, else right after the line.
    let startOffset = gapStart < headCount ? head.source(ofUTF8: gapStart..<headCount).start : head.source.end
    let removedHead = String(Substring(head.text.utf8[headUTF8.index(headUTF8.endIndex, offsetBy: gapStart - headCount)...]))
    let removedTail = String(decoding: tailBytes[..<lead], as: UTF8.self)
    head.removeUTF8Suffix(from: gapStart)
    if lead > 0 { tail.replaceUTF8(0..<lead, with: "") }
    let endOffset = max(startOffset, next.source.start + 0)
    head.append(tail, separator: separator)
    edits.append(Edit(stage: .unwrap, kind: .merge, source: SourceRange(start: startOffset, end: max(endOffset, startOffset)),
                      before: removedHead + "\n" + removedTail, after: separator, reason: reason,
                      confidence: removedHyphen ? 0.9 : 0.95,
                      evidence: [Edit.Evidence("head", String(trimmedHead.suffix(24))), Edit.Evidence("tail", String(trimmedTail.prefix(24)))]))
  }

  /// The end of `text` up to byte `end`: enough for every question `join` asks of it (its
  /// last 24 characters, its last word), starting where an ASCII non-letter meets an ASCII
  /// byte, so no character or word is cut. The whole text when it is short or has no such place.
  static func recentText(_ text: String, upTo end: Int) -> String {
    let utf8 = text.utf8
    let window = 256
    var start = end - window
    if start > 0 {
      var index = utf8.index(utf8.startIndex, offsetBy: start)
      while start > 0 {
        let previous = utf8.index(before: index)
        let byte = utf8[index], before = utf8[previous]
        let beforeIsLetter = (before | 0x20) >= 0x61 && (before | 0x20) <= 0x7A
        if byte < 0x80 && before < 0x80 && !beforeIsLetter { break }
        index = previous
        start -= 1
      }
    }
    start = max(0, start)
    let from = utf8.index(utf8.startIndex, offsetBy: start)
    let to = utf8.index(utf8.startIndex, offsetBy: end)
    return String(Substring(utf8[from..<to]))
  }
}

/// Decides whether a hyphen at a line end joins two halves of one word or is a real hyphen.
struct HyphenJudge: Sendable {
  /// Prefixes written with a hyphen in cables.
  static let prefixes: Set<String> = ["NON", "ANTI", "SELF", "EX", "VICE", "POST", "PRE", "SEMI", "QUASI", "PRO", "MULTI", "CO"]
  /// Standalone words of the document: letter runs not written after a hyphen.
  let words: Set<String>
  /// Hyphenated pairs of the document, `LEFT-RIGHT`, each side a whole letter run.
  let compounds: Set<String>

  /// Indexes the document's words once, so each verdict is a pair of hash lookups: searching
  /// the whole text per line-end hyphen made unwrapping quadratic on large dumps.
  ///
  /// The index is that of the lines joined by spaces. A space is neither a letter nor a
  /// hyphen, so no letter run and no `LEFT-RIGHT` pair crosses from one line to the next, and
  /// each line can be indexed alone: ASCII lines on bytes, others on `Character`s
  /// (`bytePath: false` indexes the joined text on `Character`s, for tests to compare).
  /// O(document length).
  init(document lines: [String], bytePath: Bool = true) {
    var words = Set<String>(), compounds = Set<String>()
    if bytePath {
      for line in lines where !Self.indexASCII(line, words: &words, compounds: &compounds) {
        Self.indexCharacters(line, words: &words, compounds: &compounds)
      }
    } else {
      Self.indexCharacters(lines.joined(separator: " "), words: &words, compounds: &compounds)
    }
    self.words = words
    self.compounds = compounds
  }

  /// Letter runs (`Character.isLetter`) of `text` upper-cased: those not written after a
  /// hyphen into `words`, `LEFT-RIGHT` pairs into `compounds`.
  private static func indexCharacters(_ text: String, words: inout Set<String>, compounds: inout Set<String>) {
    let upper = Substring(text.uppercased())
    var previousRun: Range<Substring.Index>?
    var index = upper.startIndex
    while index < upper.endIndex {
      guard upper[index].isLetter else { index = upper.index(after: index); continue }
      var end = index
      while end < upper.endIndex && upper[end].isLetter { end = upper.index(after: end) }
      let afterHyphen = index > upper.startIndex && upper[upper.index(before: index)] == "-"
      if !afterHyphen { words.insert(String(upper[index..<end])) }
      if afterHyphen, let previous = previousRun, upper.index(after: previous.upperBound) == index {
        compounds.insert(String(upper[previous.lowerBound..<end]))
      }
      previousRun = index..<end
      index = end
    }
  }

  /// The same for pure ASCII text, on bytes (letters are A-Z and a-z, each byte one
  /// `Character`, upper-casing a-z to A-Z); false, adding nothing, when `text` is not ASCII.
  private static func indexASCII(_ text: String, words: inout Set<String>, compounds: inout Set<String>) -> Bool {
    var text = text
    return text.withUTF8 { bytes -> Bool in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
      func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
      func upper(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { out in
          for (slot, byte) in bytes[range].enumerated() { out[slot] = byte >= 0x61 ? byte - 0x20 : byte }
          return range.count
        }
      }
      var previousRun: Range<Int>?
      var index = 0
      while index < bytes.count {
        guard isLetter(bytes[index]) else { index += 1; continue }
        var end = index
        while end < bytes.count && isLetter(bytes[end]) { end += 1 }
        let afterHyphen = index > 0 && bytes[index - 1] == 0x2D
        if !afterHyphen { words.insert(upper(index..<end)) }
        if afterHyphen, let previous = previousRun, previous.upperBound + 1 == index {
          compounds.insert(upper(previous.lowerBound..<end))
        }
        previousRun = index..<end
        index = end
      }
      return true
    }
  }

  /// `nil` when the line does not end in a word hyphen; otherwise whether to drop it, and why.
  func verdict(_ head: String, _ tail: String) -> (mend: Bool, reason: String)? {
    let left = String(head.dropLast().reversed().prefix(while: \.isLetter).reversed()).uppercased()
    let right = String(tail.prefix(while: \.isLetter)).uppercased()
    guard !left.isEmpty else { return nil }
    guard !right.isEmpty else { return (false, "hyphen before a number or sign kept") }
    if compounds.contains(left + "-" + right) { return (false, "hyphenated form \(left)-\(right) occurs elsewhere in the document") }
    if containsWord(left + right) { return (true, "word \(left)\(right) occurs elsewhere in the document; line-end hyphen removed") }
    if Self.prefixes.contains(left) || left.count <= 3 { return (false, "\(left)- is a prefix or acronym; hyphen kept") }
    if Dictionary.shared.contains(left + right) { return (true, "\(left)\(right) is a word; line-end hyphen removed") }
    if Dictionary.shared.contains(left) && Dictionary.shared.contains(right) {
      return (false, "\(left) and \(right) are words; hyphen kept")
    }
    return (true, "line-end hyphen removed inside a word")
  }

  private func containsWord(_ word: String) -> Bool { words.contains(word) }

  /// The system word list (`wamerican`), upper-cased; empty when the machine has none.
  struct Dictionary: Sendable {
    static let shared = Dictionary()
    let words: Set<String>
    init() {
      let list = (try? String(contentsOfFile: "/usr/share/dict/words", encoding: .utf8)) ?? ""
      words = Self.entries(of: list)
    }

    /// Every line of `list` without an apostrophe, upper-cased. Split on bytes: a `Character`
    /// split and a Foundation `contains` per word cost ~0.1 s per process.
    static func entries(of list: String, bytePath: Bool = true) -> Set<String> {
      // "\r\n" is one `Character`, which a `Character` split on "\n" does not split at.
      guard bytePath, !list.utf8.contains(0x0D) else {
        return Set(list.split(separator: "\n").filter { !$0.contains("'") }.map { $0.uppercased() })
      }
      var list = list
      return list.withUTF8 { bytes in
        var result = Set<String>(minimumCapacity: 120_000)
        var start = 0
        while start < bytes.count {
          var end = start
          var ascii = true
          var apostrophe = false
          while end < bytes.count && bytes[end] != 0x0A {
            if bytes[end] >= 0x80 { ascii = false }
            if bytes[end] == 0x27 { apostrophe = true }
            end += 1
          }
          let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
          if end > start && !apostrophe {
            if ascii {
              result.insert(String(unsafeUninitializedCapacity: slice.count) { out in
                for (slot, byte) in slice.enumerated() {
                  out[slot] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
                }
                return slice.count
              })
            } else {
              result.insert(String(decoding: slice, as: UTF8.self).uppercased())
            }
          }
          start = end + 1
        }
        return result
      }
    }
    func contains(_ word: String) -> Bool { words.contains(word) }
  }
}
