/// Byte-level damage for robustness tests: a list of small, independent steps (bad bytes, stray
/// control characters, Unicode junk, broken line ends, duplicated, swapped, split or deleted
/// lines, inserted page furniture) applied to a text. Steps are plain values, so a property
/// test can shrink a failing list to the one step that matters.
///
/// Unlike a realistic noise model it aims at the edges a pipeline must survive, not at what
/// scanners typically produce.
///
/// - Complexity: each step is O(n) in the text length.
public struct RandomDamage: Sendable, Hashable {
  public enum Kind: Int, Sendable, Hashable, CaseIterable {
    case invalidBytes, nulByte, controlCharacter, unicodeJunk, crlf, formFeed
    case duplicateLine, swapLines, splitLine, deleteLine, furnitureLine, blankRun, trailingSpaces
    case ocrConfusion
  }

  public var kind: Kind
  /// Where: taken modulo the number of lines (or bytes) of the text at the time.
  public var position: Int
  /// Which variant of the damage (which junk character, which furniture line).
  public var variant: Int

  public init(kind: Kind, position: Int, variant: Int) {
    self.kind = kind
    self.position = position
    self.variant = variant
  }

  /// `count` random steps from `seed`.
  public static func random(seed: UInt64, count: Int) -> [RandomDamage] {
    var random = SeededRandom(seed: seed)
    return (0..<count).map { _ in
      RandomDamage(kind: Kind.allCases.randomElement(using: &random)!,
                   position: Int.random(in: 0..<1_000_000, using: &random),
                   variant: Int.random(in: 0..<1_000, using: &random))
    }
  }

  /// Applies `steps` in order.
  public static func apply(_ steps: [RandomDamage], to text: [UInt8]) -> [UInt8] {
    steps.reduce(text) { $1.apply(to: $0) }
  }

  /// Applies this step.
  public func apply(to text: [UInt8]) -> [UInt8] {
    var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    let line = position % max(1, lines.count)
    switch kind {
    case .invalidBytes: return insert(Self.invalid[variant % Self.invalid.count], into: text)
    case .nulByte: return insert([0], into: text)
    case .controlCharacter: return insert([Self.controls[variant % Self.controls.count]], into: text)
    case .unicodeJunk: return insert(Array(Self.junk[variant % Self.junk.count].utf8), into: text)
    case .crlf:
      lines[line].append(0x0D)
    case .formFeed:
      lines[line].insert(0x0C, at: 0)
    case .duplicateLine:
      lines.insert(lines[line], at: min(lines.count, line + 1 + variant % 3))
    case .swapLines:
      lines.swapAt(line, (line + 1 + variant) % lines.count)
    case .splitLine:
      let cut = lines[line].isEmpty ? 0 : variant % lines[line].count
      let hyphen: [UInt8] = variant % 2 == 0 ? [0x2D] : []
      let tail = Array(lines[line][cut...])
      lines[line] = Array(lines[line][..<cut]) + hyphen
      lines.insert(tail, at: line + 1)
    case .deleteLine:
      if lines.count > 1 { lines.remove(at: line) }
    case .furnitureLine:
      lines.insert(Array(Self.furniture(variant).utf8), at: line)
    case .blankRun:
      lines.insert(contentsOf: Array(repeating: [], count: 2 + variant % 5), at: line)
    case .trailingSpaces:
      lines[line] += Array(repeating: 0x20, count: 1 + variant % 6)
    case .ocrConfusion:
      lines[line] = lines[line].map { Self.confusions[$0] ?? $0 }
    }
    return Array(lines.joined(separator: [0x0A]))
  }

  private func insert(_ bytes: [UInt8], into text: [UInt8]) -> [UInt8] {
    var text = text
    text.insert(contentsOf: bytes, at: text.isEmpty ? 0 : position % (text.count + 1))
    return text
  }

  /// Byte sequences that are not UTF-8: a stray continuation, a truncated sequence, an
  /// overlong form, a surrogate, Latin-1 and Windows-1252 quotes.
  static let invalid: [[UInt8]] = [[0x80], [0xC3], [0xE2, 0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
                                   [0xE9], [0x93, 0x94], [0xFF, 0xFE]]
  static let controls: [UInt8] = [0x01, 0x07, 0x08, 0x0B, 0x1B, 0x1F, 0x7F]
  /// Ligatures, zero-width and bidi characters, typographic punctuation, a combining mark,
  /// full-width letters, U+FFFD, a BOM mid-text, an emoji outside the BMP.
  static let junk = ["\u{FB01}", "\u{200B}", "\u{200D}", "\u{00AD}", "\u{2019}", "\u{201C}", "\u{2014}",
                     "\u{00A0}", "e\u{0301}", "\u{FF21}", "\u{FFFD}", "\u{FEFF}", "\u{202E}", "\u{1F600}",
                     "\u{2028}", "\u{0085}"]
  static let confusions: [UInt8: UInt8] = [0x4F: 0x30, 0x49: 0x31, 0x53: 0x35, 0x42: 0x38, 0x2C: 0x2E]

  /// A running head, banner or stamp of the kind scans carry, numbered by `variant`.
  static func furniture(_ variant: Int) -> String {
    let number = 100_000 + variant * 37 % 900_000
    switch variant % 6 {
    case 0: return "PAGE \(twoDigits(1 + variant % 9)) OF \(twoDigits(2 + variant % 9)) STATE \(number)"
    case 1: return "UNCLASSIFIED"
    case 2: return "CONFIDENTIAL"
    case 3: return "RELEASED IN PART B\(1 + variant % 6), 1.4(D)"
    case 4: return "U.S. DEPARTMENT OF STATE CASE NO. F-20\(10 + variant % 15)-\(number % 100_000) DOC NO. C0\(number)"
    default: return "NNNN"
    }
  }

  /// Two digits, zero-padded, as page heads print them.
  private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
