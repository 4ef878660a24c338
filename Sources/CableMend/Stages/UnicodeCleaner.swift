/// The `unicode` stage. Not built yet (issue 2): it passes the document through unchanged.
public struct UnicodeCleaner: Stage {
  public static let name = StageName.unicode

  public init(options: MendOptions) throws {}

  public func run(_ document: inout Document) {}
}
