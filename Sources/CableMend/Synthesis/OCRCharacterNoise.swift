/// OCR-like character damage: each character is damaged with probability `rate`, by one of the
/// errors a scanner's OCR makes on typewritten capitals.
///
/// | share | error | example |
/// | --- | --- | --- |
/// | 50% | a look-alike glyph | `O`→`0`, `S`→`5`, `E`→`F`, `I`→`1`, `.`→`,` |
/// | 13% | one glyph read as two | `M`→`NI`, `W`→`VV`, `D`→`CI` |
/// | 12% | a lost character | `THE`→`TE` |
/// | 10% | a speck read as a mark, or a doubled glyph | `THE`→`TH.E`, `THE`→`THHE` |
/// | 15% | a lost or extra space | `OF THE`→`OFTHE`, `THE`→`TH E` |
///
/// Characters without a look-alike in the table are replaced by a random capital.
public struct OCRCharacterNoise: Sendable {
  public init() {}

  private static let lookAlikes: [Character: [Character]] = [
    "A": ["4", "R"], "B": ["8", "E", "R"], "C": ["G", "O", "("], "D": ["O", "0"], "E": ["F", "B", "C"],
    "F": ["E", "P"], "G": ["C", "6"], "H": ["N", "M"], "I": ["1", "L", "l", "!"], "J": ["I"], "K": ["X", "R"],
    "L": ["I", "1"], "M": ["N", "H"], "N": ["M", "H"], "O": ["0", "D", "Q"], "P": ["F", "R"], "Q": ["O"],
    "R": ["K", "B", "P"], "S": ["5", "$"], "T": ["I", "7"], "U": ["V", "O"], "V": ["U", "Y"], "W": ["V"],
    "X": ["K", "Y"], "Y": ["V", "T"], "Z": ["2"], "0": ["O", "D"], "1": ["I", "L"], "2": ["Z"], "3": ["8"],
    "5": ["S"], "6": ["G"], "8": ["B", "3"], ",": ["."], ".": [","], "-": ["~", "."],
  ]

  private static let splits: [Character: String] = [
    "M": "NI", "W": "VV", "H": "I-I", "N": "IV", "D": "CI", "K": "I<", "U": "LI",
  ]

  private static let specks: [Character] = [".", ",", "'", "-"]

  /// `text` with about `rate` of its characters damaged.
  public func damage(_ text: String, rate: Double, using random: inout SeededRandom) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for character in text {
      guard random.chance(rate) else {
        out.append(character)
        continue
      }
      let roll = Double.random(in: 0..<1, using: &random)
      switch roll {
      case ..<0.50:
        out.append(Self.lookAlikes[character]?.randomElement(using: &random) ?? Self.randomCapital(&random))
      case ..<0.63:
        if let split = Self.splits[character] {
          out += split
        } else {
          out.append(Self.lookAlikes[character]?.randomElement(using: &random) ?? character)
        }
      case ..<0.75:
        break
      case ..<0.85:
        out.append(character)
        out.append(random.chance(0.5) ? character : Self.specks.randomElement(using: &random)!)
      default:
        if character != " " {
          out.append(character)
          out.append(" ")
        }
      }
    }
    return out
  }

  private static func randomCapital(_ random: inout SeededRandom) -> Character {
    Character(Unicode.Scalar(UInt8.random(in: 65...90, using: &random)))
  }
}
