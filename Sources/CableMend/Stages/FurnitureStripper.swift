/// The `furniture` stage. Not built yet (issue 3): it passes the document through unchanged.
public struct FurnitureStripper: Stage {
  public static let name = StageName.furniture

  public init(options: MendOptions) throws {}

  public func run(_ document: inout Document) {}
}
