/// What the furniture of a scanned page repeats about its telegram, read from the gold header:
/// classification, originator tag and number, date-time group, caption.
public struct CableFacts: Sendable, Hashable {
  public var classification: String = "UNCLASSIFIED"
  /// `STATE` for Washington, else the post's city (`BANGKOK`).
  public var origin: String = "STATE"
  public var number: String = "000000"
  public var dtg: String = ""
  /// Two-digit year from the DTG, or nil.
  public var year: Int?
  public var caption: String?
  public var outgoing: Bool = false
  /// The header lines as written in the gold (drafting block included).
  public var headerLines: [String] = []
  /// The signature, when the telegram has one.
  public var signature: String?

  public init() {}

  static let classifications = ["SECRET", "CONFIDENTIAL", "LIMITED OFFICIAL USE", "UNCLASSIFIED"]
  static let captions: Set<String> = ["NODIS", "EXDIS", "LIMDIS", "STADIS", "CHEROKEE"]

  /// Reads the facts from a gold telegram (header block, blank line, paragraphs, signature).
  /// Missing fields keep their defaults, so any text is accepted.
  /// - Complexity: O(n) in the length of the header block.
  public init(gold: String) {
    let blocks = gold.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let header = blocks.prefix { !$0.isEmpty }
    headerLines = Array(header)
    for line in header {
      let words = line.split(separator: " ").map(String.init)
      if let first = words.first, ["O", "P", "R", "Z"].contains(first), line.contains("Z ") {
        dtg = line
        year = words.last.flatMap { Int($0) }
      } else if line.hasPrefix("FM ") {
        outgoing = line.contains("SECSTATE")
      } else if let cls = Self.classifications.first(where: { line.hasPrefix($0 + " ") }) {
        classification = cls
        let rest = line.dropFirst(cls.count + 1).split(separator: " ")
        if rest.count >= 2 {
          origin = rest.dropLast().joined(separator: " ")
          number = String(rest.last!)
        }
      } else if Self.captions.contains(line) {
        caption = line
      }
    }
    let body = blocks.dropFirst(header.count).filter { !$0.isEmpty }
    if let last = body.last, body.count > 1, last.count < 40, !last.contains(".") {
      signature = last
    }
  }
}
