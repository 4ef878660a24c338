/// A raw dump on its way to a clean cable: its lines, what stages learned, and what they did.
public struct Document: Sendable {
  /// A name for messages (file path or `<stdin>`).
  public var name: String
  /// Size of the original input in bytes.
  public var inputByteCount: Int
  /// The current lines, in current order.
  public var lines: [TextLine]
  /// Pages found by the `pages` stage.
  public var pages: [PageInfo]
  /// Page furniture moved out of the text.
  public var metadata: CableMetadata
  /// The parsed cable, once the `order` stage has run.
  public var structure: CableStructure?
  /// Every change, in the order stages made them.
  public var edits: [Edit]
  /// Problems worth telling the user that are not edits (missing pages, low confidence).
  public var notes: [String]
  /// Furniture formats of the lines as `pages` matched them, so `furniture`, which runs next on
  /// the same lines, does not match every line again (``FormatMemo``).
  var formatMemo: FormatMemo?

  public init(name: String, inputByteCount: Int, lines: [TextLine]) {
    self.name = name
    self.inputByteCount = inputByteCount
    self.lines = lines
    self.pages = []
    self.metadata = CableMetadata()
    self.structure = nil
    self.edits = []
    self.notes = []
  }

  /// Removes the lines at `indices`, recording each as an edit of `stage`.
  public mutating func removeLines(at indices: some Sequence<Int>, stage: StageName, reason: (Int) -> String,
                                   confidence: Double = 1) {
    let set = Set(indices)
    guard !set.isEmpty else { return }
    for index in set.sorted() where !lines[index].text.isEmpty {
      let line = lines[index]
      edits.append(Edit(stage: stage, kind: .remove, source: line.source, before: line.text, after: "",
                        reason: reason(index), confidence: confidence))
    }
    lines = lines.enumerated().filter { !set.contains($0.offset) }.map(\.element)
  }
}

/// A page of the dump as the `pages` stage found it.
public struct PageInfo: Sendable, Hashable, Codable {
  /// The page number printed on it, when one survived.
  public var number: Int?
  /// The page count printed on it (`PAGE 02 OF 07`), when one survived.
  public var total: Int?
  /// Input bytes the page spans.
  public var source: SourceRange
  /// Why the page starts where it does (`page marker`, `form feed`, `banner`).
  public var boundary: String

  public init(number: Int? = nil, total: Int? = nil, source: SourceRange, boundary: String) {
    self.number = number
    self.total = total
    self.source = source
    self.boundary = boundary
  }
}
