/// Text helpers shared by the `pages` and `furniture` stages: OCR-tolerant normalisation and
/// approximate matching of short lines against known phrases.
///
/// Everything works on upper-case ASCII bytes, because furniture is printed in capitals (or is
/// compared in capitals) and OCR damage is mostly letter-for-letter.
enum FurnitureText {
  /// Upper case, letters and digits only, single spaces; punctuation separates like a space
  /// (`S/S-O` -> `S S O`, `DATE/CASE ID:` -> `DATE CASE ID`).
  static func letters(_ text: String) -> [UInt8] { normalised(text, fold: false) }

  /// ``letters(_:)`` with the usual OCR digit-for-letter confusions folded back to letters
  /// inside words that are mostly letters (`C0NFIDENTIAL` -> `CONFIDENTIAL`, `S/S-0` -> `S S O`).
  static func folded(_ text: String) -> [UInt8] { normalised(text, fold: true) }

  /// One pass over the bytes, word by word (a word: between spaces and tabs), without
  /// building arrays per word: every line of every page goes through here.
  private static func normalised(_ text: String, fold: Bool) -> [UInt8] {
    var text = text
    return text.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var start = 0
      while start < bytes.count {
        if bytes[start] == 32 || bytes[start] == 9 {
          start += 1
          continue
        }
        var end = start
        var letterCount = 0
        var digitCount = 0
        while end < bytes.count && bytes[end] != 32 && bytes[end] != 9 {
          let byte = bytes[end]
          if (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) { letterCount += 1 }
          if byte >= 48 && byte <= 57 { digitCount += 1 }
          end += 1
        }
        let foldThis = fold && letterCount > 0 && letterCount >= digitCount
        var pendingSpace = !out.isEmpty
        for index in start..<end {
          let raw = bytes[index]
          let byte = (raw >= 97 && raw <= 122) ? raw - 32 : raw
          let isAlnum = (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
          guard isAlnum else {
            pendingSpace = !out.isEmpty
            continue
          }
          if pendingSpace { out.append(32) }
          pendingSpace = false
          out.append(foldThis ? foldDigit(byte) : byte)
        }
        start = end
      }
      return out
    }
  }

  private static func foldDigit(_ byte: UInt8) -> UInt8 {
    switch byte {
    case 48: return 79  // 0 -> O
    case 49: return 73  // 1 -> I
    case 53: return 83  // 5 -> S
    case 56: return 66  // 8 -> B
    default: return byte
    }
  }

  /// Whitespace-separated tokens, upper-cased, punctuation kept.
  static func tokens(_ text: String) -> [String] {
    asciiTokens(text) ?? characterTokens(text)
  }

  /// ``tokens(_:)`` on `Character`s, for any text (tests compare the byte path with it).
  static func characterTokens(_ text: String) -> [String] {
    text.uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
  }

  /// ``tokens(_:)`` of pure ASCII text on bytes: the same tokens (for ASCII, upper-casing is
  /// a-z to A-Z and each byte is one `Character`, "\r\n" aside, which holds no space or tab).
  /// Nil when `text` is not ASCII.
  static func asciiTokens(_ text: String) -> [String]? {
    var text = text
    return text.withUTF8 { bytes -> [String]? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      var tokens: [String] = []
      var start = 0
      while start < bytes.count {
        if bytes[start] == 32 || bytes[start] == 9 {
          start += 1
          continue
        }
        var end = start
        while end < bytes.count && bytes[end] != 32 && bytes[end] != 9 { end += 1 }
        tokens.append(String(unsafeUninitializedCapacity: end - start) { out in
          for index in start..<end {
            let byte = bytes[index]
            out[index - start] = byte >= 97 && byte <= 122 ? byte - 32 : byte
          }
          return end - start
        })
        start = end
      }
      return tokens
    }
  }

  /// Digits replaced by `#` and runs of them collapsed, for comparing running heads whose page
  /// and control numbers change from page to page.
  static func digitShape(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    for byte in bytes {
      if byte >= 48 && byte <= 57 {
        if out.last != 35 { out.append(35) }
      } else {
        out.append(byte)
      }
    }
    return out
  }

  /// Edits allowed between a line and a phrase of `length` characters: none for very short
  /// words (a one-letter change turns `CRET` into a real word), then about one in eight.
  static func tolerance(_ length: Int) -> Int {
    length < 5 ? 0 : (length < 9 ? 1 : length / 8)
  }

  /// Levenshtein distance over bytes, giving up (returning `limit + 1`) once it exceeds `limit`.
  /// - Complexity: O(n·m), usually much less thanks to the early exit.
  static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    // Both rows in one scratch buffer on the stack: this runs for every line against every
    // banner and phrase, and two heap arrays a call were a good part of its cost.
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (b.count + 1)) { scratch in
      var previous = UnsafeMutableBufferPointer(rebasing: scratch[0...b.count])
      var current = UnsafeMutableBufferPointer(rebasing: scratch[(b.count + 1)...])
      for j in 0...b.count { previous[j] = j }
      for i in 1...a.count {
        current[0] = i
        var rowMin = i
        for j in 1...b.count {
          let cost = a[i - 1] == b[j - 1] ? 0 : 1
          current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
          rowMin = min(rowMin, current[j])
        }
        if rowMin > limit { return limit + 1 }
        swap(&previous, &current)
      }
      return previous[b.count]
    }
  }

  /// The fewest edits that turn `needle` into some substring of `haystack` (a fragment match).
  /// - Complexity: O(n·m).
  static func substringDistance(_ needle: [UInt8], in haystack: [UInt8]) -> Int {
    if needle.isEmpty { return 0 }
    if haystack.isEmpty { return needle.count }
    // Both rows on the stack, as in `distance`.
    let width = haystack.count + 1
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * width) { scratch in
      var previous = UnsafeMutableBufferPointer(rebasing: scratch[0..<width])
      var current = UnsafeMutableBufferPointer(rebasing: scratch[width...])
      previous.update(repeating: 0)
      current.update(repeating: 0)
      for i in 1...needle.count {
        current[0] = i
        for j in 1...haystack.count {
          let cost = needle[i - 1] == haystack[j - 1] ? 0 : 1
          current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
      }
      return previous.min() ?? needle.count
    }
  }

  /// True when the line reads as running prose: several words of letters, the shape body text
  /// has and running heads and stamps do not.
  static func isProse(_ text: String) -> Bool {
    let words = tokens(text).filter { token in
      token.count >= 2 && token.allSatisfy { $0.isLetter || $0 == "'" || $0 == "," || $0 == "." }
    }
    return words.count >= 6
  }
}
