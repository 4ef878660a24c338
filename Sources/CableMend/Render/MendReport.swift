import Foundation

/// The JSON form of a run: the text, what was parsed, every edit, and per-stage counts and
/// timings. `cablemend mend --format json` writes it.
public struct MendReport: Sendable, Codable {
  public var name: String
  public var inputBytes: Int
  public var text: String
  public var header: CableStructure?
  public var metadata: CableMetadata
  public var pages: [PageInfo]
  public var stages: [StageSummary]
  public var edits: [Edit]
  public var notes: [String]

  public struct StageSummary: Sendable, Codable, Hashable {
    public var stage: String
    public var edits: Int
    public var milliseconds: Double
  }

  public init(_ result: MendResult) {
    let document = result.document
    name = document.name
    inputBytes = document.inputByteCount
    text = result.text
    header = document.structure
    metadata = document.metadata
    pages = document.pages
    edits = document.edits
    notes = document.notes
    stages = result.runs.map { run in
      let (seconds, attoseconds) = run.duration.components
      let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
      return StageSummary(stage: run.label, edits: run.edits, milliseconds: ms)
    }
  }

  /// Pretty-printed JSON with stable key order.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }
}
