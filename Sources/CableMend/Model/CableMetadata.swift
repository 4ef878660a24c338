/// What the `furniture` stage moved out of the text: the scan's running heads, banners and
/// stamps, kept as data.
public struct CableMetadata: Sendable, Hashable, Codable {
  public var classification: String?
  public var telegramNumber: String?
  public var originator: String?
  public var pageNumbers: [Int] = []
  public var routingLines: [String] = []
  public var releaseStatus: String?
  public var exemptions: [String] = []
  public var reviewAuthority: String?
  public var reviewDate: String?
  public var caseID: String?
  public var captionsRemoved: [String] = []
  /// Other stamps and marks, verbatim.
  public var stamps: [String] = []

  public init() {}
}
