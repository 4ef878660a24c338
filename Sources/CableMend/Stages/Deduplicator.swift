/// The `dedupe` stage. Not built yet (issue 4): it passes the document through unchanged.
public struct Deduplicator: Stage {
  public static let name = StageName.dedupe

  public init(options: MendOptions) throws {}

  public func run(_ document: inout Document) {}
}
