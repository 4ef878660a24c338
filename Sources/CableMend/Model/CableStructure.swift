/// A cable parsed into its parts. Filled by the `order` stage (``CableParser``); written into
/// `--format json` as the report's `header`.
///
/// Every field is optional or empty when the dump did not carry it: the parser never invents.
public struct CableStructure: Sendable, Hashable, Codable {
  /// Header fields in the order they appear in the repaired text, as `(name, value)`. Names are
  /// the ``FieldKind`` raw values (`clearance`, `dtg`, `from`, `to`, `info`, `classification`...).
  public var header: [Field] = []
  /// Precedence letters of the date-time group (`O P` → `["O", "P"]`).
  public var precedence: [String] = []
  /// The date-time group itself (`040336Z DEC 90`).
  public var dateTimeGroup: String?
  /// The originator (`SECSTATE WASHDC`).
  public var from: String?
  /// Action addressees, each with its precedence word.
  public var to: [Addressee] = []
  /// Information addressees.
  public var info: [Addressee] = []
  /// `SECRET`, `CONFIDENTIAL`... from the classification line.
  public var classification: String?
  /// Origin on the classification line (`STATE`, `KUWAIT`).
  public var origin: String?
  /// Telegram number on the classification line (`415364`).
  public var number: String?
  /// `EXDIS`, `NODIS`, `LIMDIS`...
  public var caption: String?
  /// A passing or handling line (`BEIRUT PASS BAGHDAD`, `FOR BUNDY`).
  public var passingLine: String?
  /// The executive-order line (`E.O. 12356: DECL: OADR`).
  public var executiveOrder: String?
  /// TAGS, split at commas.
  public var tags: [String] = []
  public var subject: String?
  public var reference: String?
  /// The drafting and clearance block of an outgoing State telegram.
  public var clearance: Clearance?
  /// Body paragraphs in order, with what each is.
  public var paragraphs: [Paragraph] = []
  /// The closing name.
  public var signature: String?
  /// Pages the dump says exist but that are not in it (1-based).
  public var missingPages: [Int] = []

  public struct Field: Sendable, Hashable, Codable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  public struct Addressee: Sendable, Hashable, Codable {
    /// The post (`AMEMBASSY BONN`).
    public var post: String
    /// `IMMEDIATE`, `PRIORITY`, `ROUTINE`, `NIACT IMMEDIATE`, `FLASH`, when given.
    public var precedence: String?
    public init(post: String, precedence: String? = nil) {
      self.post = post
      self.precedence = precedence
    }
  }

  public struct Clearance: Sendable, Hashable, Codable {
    public var draftedBy: String?
    public var approvedBy: String?
    /// The clearing offices, one entry per line as written (`EAP: RSOLOMON`).
    public var cleared: [String] = []
    public init() {}
  }

  public struct Paragraph: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
      case text, numbered, bullet, heading, marker, gap
    }
    public var kind: Kind
    /// The paragraph number for numbered paragraphs.
    public var number: Int?
    public var text: String
    public init(kind: Kind, number: Int? = nil, text: String) {
      self.kind = kind
      self.number = number
      self.text = text
    }
  }

  /// What a header line is. Raw values are the names used in ``header``.
  public enum FieldKind: String, Sendable, Hashable, Codable, CaseIterable {
    case clearance, dtg, from, to, info, classification, caption, passing
    case executiveOrder = "eo", tags, subject, reference = "ref"

    /// Where the field stands in a cable's header (ties keep their input order).
    public var rank: Int { Self.allCases.firstIndex(of: self)! }
  }

  public init() {}
}
