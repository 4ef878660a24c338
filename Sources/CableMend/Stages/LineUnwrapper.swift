/// The `unwrap` stage. Not built yet (issue 6): it passes the document through unchanged.
public struct LineUnwrapper: Stage {
  public static let name = StageName.unwrap

  public init(options: MendOptions) throws {}

  public func run(_ document: inout Document) {}
}
