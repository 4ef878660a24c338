/// The `order` stage. Not built yet (issue 6): it passes the document through unchanged.
public struct FragmentOrderer: Stage {
  public static let name = StageName.order

  public init(options: MendOptions) throws {}

  public func run(_ document: inout Document) {}
}
