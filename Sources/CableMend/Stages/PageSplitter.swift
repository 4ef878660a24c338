/// The `pages` stage. Not built yet (issue 3): it passes the document through unchanged.
public struct PageSplitter: Stage {
  public static let name = StageName.pages

  public init(options: MendOptions) throws {}

  public func run(_ document: inout Document) {}
}
