/// What the `furniture` stage moved out of the text: the scan's running heads, banners and
/// stamps, kept as data.
///
/// Values are as printed on the scan, trimmed; banners are canonicalised (`C0NFIDENTIAL` is
/// recorded as `CONFIDENTIAL`) because their spelling carries no information.
public struct CableMetadata: Sendable, Hashable, Codable {
  /// The most restrictive classification banner seen (`SECRET` over the `UNCLASSIFIED` stamped on
  /// a declassified copy), which is the classification the cable was sent under.
  public var classification: String?
  /// Every distinct banner seen, canonical, in the order first seen.
  public var banners: [String] = []
  /// From the page heads (`PAGE 01 STATE 415364` gives `415364`).
  public var telegramNumber: String?
  /// The originator printed in the page heads (`STATE`, `KUWAIT`).
  public var originator: String?
  /// Page numbers printed on the pages, in the order found.
  public var pageNumbers: [Int] = []
  /// The page count printed in `PAGE nn OF mm`, when one survived.
  public var pageTotal: Int?
  /// Routing and distribution lines (`INFO LOG-00 AB3-00 350-00 /001R`), verbatim.
  public var routingLines: [String] = []
  /// `RELEASED IN PART`, `DECLASSIFIED`...
  public var releaseStatus: String?
  /// FOIA exemption codes (`B1`, `1.4(D)`), in the order found, without repeats.
  public var exemptions: [String] = []
  public var reviewAuthority: String?
  public var reviewDate: String?
  public var caseID: String?
  /// `CAPTION REMOVED BY S/S (EK) ON 5/25/95`, joined when the date was on its own line.
  public var captionsRemoved: [String] = []
  /// Control and archive numbers stamped on the pages (`9128`, `SS09427`).
  public var controlNumbers: [String] = []
  /// Other stamps and marks, verbatim.
  public var stamps: [String] = []

  public init() {}
}
