/// A cable parsed into its parts. Filled by the `order` stage.
public struct CableStructure: Sendable, Hashable, Codable {
  /// Header fields in order, as `(name, value)`: `dtg`, `from`, `to`, `info`, `classification`...
  public var header: [Field] = []
  /// The closing name.
  public var signature: String?

  public struct Field: Sendable, Hashable, Codable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  public init() {}
}
