/// A word-level comparison of a text against the gold, for display: which words of the text
/// have no counterpart in the gold, and which gold words the text lacks.
///
/// Words are runs of non-whitespace; whitespace is kept for layout but never marked. The
/// alignment is the standard library's `difference(from:)` (a Myers diff over words), so a
/// moved paragraph shows as missing in one place and extra in another.
/// - Complexity: O((n + m)·D) for n and m words and D differing words.
struct WordDiff: Sendable {
  struct Token: Sendable, Hashable {
    var text: Substring
    var isSpace: Bool
    /// In the text: not in the gold. In the gold: not in the text.
    var changed: Bool
  }

  var text: [Token]
  var gold: [Token]

  init(gold goldText: String, text otherText: String) {
    var goldTokens = Self.tokens(goldText)
    var textTokens = Self.tokens(otherText)
    let goldWords = goldTokens.indices.filter { !goldTokens[$0].isSpace }
    let textWords = textTokens.indices.filter { !textTokens[$0].isSpace }
    let difference = textWords.map { textTokens[$0].text }.difference(
      from: goldWords.map { goldTokens[$0].text })
    for change in difference {
      switch change {
      case .remove(let offset, _, _): goldTokens[goldWords[offset]].changed = true
      case .insert(let offset, _, _): textTokens[textWords[offset]].changed = true
      }
    }
    text = textTokens
    gold = goldTokens
  }

  /// Alternating runs of whitespace and non-whitespace.
  static func tokens(_ text: String) -> [Token] {
    var result: [Token] = []
    var i = text.startIndex
    while i < text.endIndex {
      let space = text[i].isWhitespace
      var j = text.index(after: i)
      while j < text.endIndex && text[j].isWhitespace == space { j = text.index(after: j) }
      result.append(Token(text: text[i..<j], isSpace: space, changed: false))
      i = j
    }
    return result
  }
}
