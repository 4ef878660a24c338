/// The ordered list of stages, and the one entry point that runs them.
///
/// ```swift
/// let pipeline = try Pipeline(options: MendOptions())
/// let result = pipeline.mend(bytes, name: "cable.txt")
/// print(result.text)
/// ```
public struct Pipeline: Sendable {
  public let options: MendOptions
  let stages: [any Stage]

  /// Every stage type, in pipeline order. `dedupe` runs twice: once before `names` and `order`,
  /// and once after `order` (``PostOrderDedupe``) for copies that only `order` made whole.
  static let stageTypes: [any Stage.Type] = [
    UnicodeCleaner.self, PageSplitter.self, FurnitureStripper.self, LineUnwrapper.self,
    Deduplicator.self, NameCorrector.self, FragmentOrderer.self, PostOrderDedupe.self,
  ]

  /// Builds the stages `options` asks for.
  /// - Throws: a stage's configuration error, such as a lexicon file with a bad row.
  public init(options: MendOptions = MendOptions()) throws {
    self.options = options
    stages = try Self.stageTypes.filter { $0.isEnabled(by: options) }.map { try $0.init(options: options) }
  }

  /// Repairs one raw dump.
  /// - Parameters:
  ///   - bytes: the input exactly as read; any bytes are accepted.
  ///   - name: used in messages and the report.
  /// - Complexity: the sum of the stages' costs; each stage documents its own.
  public func mend(_ bytes: some Collection<UInt8>, name: String = "<input>") -> MendResult {
    let clock = ContinuousClock()
    let decodeStart = clock.now
    var document = InputDecoder.decode(bytes, name: name)
    var runs = [StageRun(stage: nil, edits: document.edits.count, duration: clock.now - decodeStart)]
    for stage in stages {
      let before = document.edits.count
      let start = clock.now
      stage.run(&document)
      runs.append(StageRun(stage: type(of: stage).name, edits: document.edits.count - before,
                           duration: clock.now - start, label: type(of: stage).label))
    }
    let renderStart = clock.now
    let text = TextRenderer.render(document)
    runs.append(StageRun(stage: nil, edits: 0, duration: clock.now - renderStart, label: "render"))
    return MendResult(document: document, text: text, runs: runs)
  }
}

/// What one stage did: how many edits and how long it took.
public struct StageRun: Sendable, Hashable {
  public var stage: StageName?
  public var edits: Int
  public var duration: Duration
  /// `decode`, `render`, or the stage's name.
  public var label: String

  init(stage: StageName?, edits: Int, duration: Duration, label: String? = nil) {
    self.stage = stage
    self.edits = edits
    self.duration = duration
    self.label = label ?? stage?.rawValue ?? "decode"
  }
}

/// The result of ``Pipeline/mend(_:name:)``.
public struct MendResult: Sendable {
  public var document: Document
  /// The repaired text, ending with a newline unless empty.
  public var text: String
  public var runs: [StageRun]

  public var report: MendReport { MendReport(self) }
}
