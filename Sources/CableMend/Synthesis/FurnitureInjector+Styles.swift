import Foundation

/// What the injector needs to know about the clean cable to print believable furniture.
struct GoldCable: Sendable {
  /// The classification banner (`SECRET`, `LIMITED OFFICIAL USE`).
  var classification = "UNCLASSIFIED"
  /// `STATE`, `KUWAIT`, `ABU DHABI`.
  var originator = "STATE"
  var number = "000000"
  /// Date-time group such as `201340Z`.
  var dateTimeGroup = "011200Z"
  var year = 75

  init(_ gold: String, random: inout SeededRandom) {
    let banners = ["LIMITED OFFICIAL USE", "TOP SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "SECRET"]
    for line in gold.split(separator: "\n").prefix(40) {
      let tokens = line.split(separator: " ").map(String.init)
      if tokens.count >= 3, tokens.count <= 6, tokens.contains(where: { $0.count == 7 && $0.hasSuffix("Z") }),
         let group = tokens.first(where: { $0.count == 7 && $0.hasSuffix("Z") }) {
        dateTimeGroup = group
        year = Int(tokens.last ?? "") ?? year
      }
      let text = String(line)
      if let banner = banners.first(where: { text.hasPrefix($0 + " ") }), let last = tokens.last,
         last.allSatisfy(\.isNumber) {
        let origin = text.dropFirst(banner.count + 1).dropLast(last.count).trimmingCharacters(in: .whitespaces)
        guard !origin.isEmpty, origin.allSatisfy({ $0.isLetter || $0 == " " }) else { continue }
        classification = banner
        originator = origin
        number = last
        break
      }
    }
    _ = random.next()
  }

  /// The number as page heads print it: six digits for State, five for posts.
  var paddedNumber: String {
    let width = originator == "STATE" ? 6 : 5
    return String(repeating: "0", count: max(0, width - number.count)) + number
  }
}

/// Per-document furniture of one style. Values that a real scan repeats (control numbers,
/// reviewer) are drawn once per document; others per page.
struct StyleContext: Sendable {
  let cable: GoldCable
  let style: FurnitureInjector.Style
  let pageCount: Int
  var random: SeededRandom
  let formFeeds: Bool
  private let control: String
  private let archiveNumber: String
  private let reviewWording: Int
  private let reviewer: String

  init(cable: GoldCable, style: FurnitureInjector.Style, pageCount: Int, random: SeededRandom) {
    self.cable = cable
    self.style = style
    self.pageCount = pageCount
    var r = random
    let coin = r.chance(0.5)
    formFeeds = style == .archiveCopy || (style == .foiaRelease && coin)
    control = String(format: "%07d", Int(r.next() % 9_000) + 1)
    archiveNumber = "P" + String(format: "%06d", Int(r.next() % 999_999)) + "-"
      + String(format: "%04d", Int(r.next() % 9_999))
    reviewWording = Int(r.next() % 3)
    let reviewers = ["HAROLD W KEENE", "J. MARTINSON", "ALICE B. ROURKE", "T. OKAFOR", "R. DELACROIX"]
    reviewer = reviewers[Int(r.next() % UInt64(reviewers.count))]
    self.random = r
  }

  private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
  private mutating func digits(_ count: Int) -> String {
    (0..<count).map { _ in String(random.next() % 10) }.joined()
  }
  private mutating func pick(_ options: [String]) -> String {
    options[Int(random.next() % UInt64(options.count))]
  }

  /// Lines printed above the page's text.
  mutating func top(page: Int) -> [String] {
    switch style {
    case .outgoingState:
      var lines = [cable.classification]
      if random.chance(0.6) { lines += ["Department of State", "S/S-O", "OUTGOING"] }
      lines.append("PAGE \(two(page)) OF \(two(pageCount)) \(cable.originator) \(cable.paddedNumber) \(control)")
      lines += [digits(4), "SS" + digits(5)]
      if page == 1 {
        lines += ["ORIGIN SS-00", "INFO LOG-00 \(pick(["EAP-00", "NEA-01", "AF-00"])) SSO-00 /00\(digits(1))R"]
      }
      return lines
    case .incomingTelegram:
      var lines = [cable.classification, "PAGE \(two(page)) \(cable.originator) \(cable.paddedNumber) \(cable.dateTimeGroup)"]
      if page == 1 {
        lines += ["ACTION \(pick(["NEA", "EA", "AF", "EUR"]))-\(two(Int(random.next() % 20)))",
                  "INFO OCT-01 ISO-00 SS-15 NSC-05 CIAE-00 DODE-00 PM-03 /0\(digits(2)) W",
                  "------------------\(digits(6)) \(cable.dateTimeGroup) /\(digits(2))"]
      }
      return lines
    case .foiaRelease:
      var lines = [cable.classification, archiveNumber]
      if page == 1 { lines = releaseBlock() + lines }
      return lines
    case .damagedScan:
      return [damagedBanner(), "\(pick(["PACE", "PAGE", "PAGF"])) \(pick(["0", "O"]))\(page) OF 0\(pageCount) "
              + "\(cable.originator) \(cable.paddedNumber)", digits(4)]
    case .archiveCopy:
      var lines: [String] = []
      if page == 1 { lines += [pick(["INCOMING TELEGRAM", "Department of State TELEGRAM"]), "ACTION COPY"] }
      return lines + ["Page \(page) of \(pageCount)"]
    }
  }

  /// Lines printed below the page's text.
  mutating func bottom(page: Int) -> [String] {
    switch style {
    case .outgoingState:
      let handling = "NOT TO BE REPRODUCED WITHOUT THE AUTHORIZATION OF THE EXECUTIVE SECRETARY"
      let split = random.chance(0.5)
      return (random.chance(0.5) ? ["ALERT COPY"] : []) + [cable.classification]
        + (split ? ["NOT TO BE REPRODUCED WITHOUT THE", "AUTHORIZATION OF THE EXECUTIVE SECRETARY"] : [handling])
    case .incomingTelegram:
      return [cable.classification]
    case .foiaRelease:
      return [cable.classification, "- \(page) -"]
    case .damagedScan:
      return [damagedBanner()] + (random.chance(0.4) ? ["NOT TO BE REPRODUCED WITHOUT", "THE AUTHORIZATION OF THE",
                                                       "EXECUTIVE SECRETARY"] : [])
    case .archiveCopy:
      return [cable.classification]
    }
  }

  /// A banner out of place between paragraphs, as a scan read out of column order leaves it.
  mutating func displaced() -> String? {
    guard style == .damagedScan, random.chance(0.25) else { return nil }
    return damagedBanner()
  }

  /// The FOIA stamps on page 1, in one of several wordings.
  private mutating func releaseBlock() -> [String] {
    let date = "\(Int(random.next() % 12) + 1)/\(Int(random.next() % 28) + 1)/0\(Int(random.next() % 9))"
    let caseID = "\(pick(["M", "F", "EO"]))-\(2000 + Int(random.next() % 9))-\(digits(5))"
    switch reviewWording {
    case 0:
      return ["RELEASED IN PART", "B1, 1.4(D)", "UNITED STATES DEPARTMENT OF STATE",
              "REVIEW AUTHORITY: \(reviewer)", "DATE/CASE ID: \(date) \(caseID)"]
    case 1:
      return ["RELEASED IN FULL", "United States Department of State", "Office of FOI, Privacy, & Classification Review",
              "Reviewed by: \(reviewer)", "Date: \(date)", "Case ID: \(caseID)"]
    default:
      return ["DECLASSIFIED", "Authority NND \(digits(6))", "NARA, Date \(date)", "CAPTION REMOVED BY S/S ON", date]
    }
  }

  /// The banner, misread or broken: `C0NFIDENTIAL`, `CRET`, `SECRFT`.
  private mutating func damagedBanner() -> String {
    let banner = cable.classification
    switch random.next() % 3 {
    case 0: return OCRSlip.apply(to: banner, random: &random)
    case 1:
      let chars = Array(banner)
      let length = Int.random(in: 4...max(4, chars.count - 2), using: &random)
      let fromStart = random.chance(0.3)
      let piece = fromStart ? chars.prefix(length) : chars.suffix(length)
      return String(piece).trimmingCharacters(in: .whitespaces)
    default: return banner
    }
  }
}

/// One misreading of the kind OCR makes: a letter for a look-alike digit or letter.
enum OCRSlip {
  static let confusions: [Character: Character] = [
    "O": "0", "0": "O", "I": "1", "1": "l", "S": "5", "5": "S", "B": "8", "8": "B", "E": "F", "G": "C",
    "D": "O", "Z": "2",
  ]

  static func apply(to text: String, random: inout SeededRandom) -> String {
    var chars = Array(text)
    let candidates = chars.indices.filter { confusions[chars[$0]] != nil }
    guard !candidates.isEmpty else { return text }
    let index = candidates[Int(random.next() % UInt64(candidates.count))]
    chars[index] = confusions[chars[index]]!
    return String(chars)
  }
}
