/// The `names` stage. Not built yet (issue 5): it passes the document through unchanged.
public struct NameCorrector: Stage {
  public static let name = StageName.names

  public init(options: MendOptions) throws {}

  public func run(_ document: inout Document) {}
}
