/// How to run the pipeline. The defaults suit teletype cables.
public struct MendOptions: Sendable, Hashable {
  /// The stages to run; they always run in pipeline order.
  public var stages: Set<StageName>
  /// Fold typographic quotes and dashes to ASCII, as a teletype would have sent them.
  public var teletype: Bool
  /// Extra lexicon files, searched beside the default lexicon.
  public var lexiconPaths: [String]
  /// Write a visible marker into the text where pages are missing.
  public var markGaps: Bool

  public init(stages: Set<StageName> = Set(StageName.allCases), teletype: Bool = true,
              lexiconPaths: [String] = [], markGaps: Bool = false) {
    self.stages = stages
    self.teletype = teletype
    self.lexiconPaths = lexiconPaths
    self.markGaps = markGaps
  }
}
